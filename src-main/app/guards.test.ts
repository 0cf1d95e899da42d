import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../server/static-files';
import { appRequestPath, externalHttpsUrl, isAppUrl } from './guards';

describe('isAppUrl', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/', true],
    ['app://other/index.html', false],
    ['file:///opt/budget-clair/out/renderer/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://bundle/', false],
    ['not a url', false],
  ])('says %s is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('externalHttpsUrl', () => {
  it.each([
    ['https://www.budget.gov.gn/rapport', 'https://www.budget.gov.gn/rapport'],
    ['http://www.budget.gov.gn/', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['https://trusted.org@evil.example/', null],
    ['smb://share/budget.xlsx', null],
    ['https:', null],
    ['', null],
  ])('lets %j through as %j', (url, expected) => {
    expect(externalHttpsUrl(url)).toBe(expected);
  });
});

describe('the app:// protocol path check', () => {
  const root = mkdtempSync(join(tmpdir(), 'bc-protocol-'));
  writeFileSync(join(root, 'index.html'), '');
  const resolveAppUrl = (url: string) => {
    const path = appRequestPath(url);
    return path === null ? null : resolveStaticPath(root, path);
  };

  it('maps the entry page into the bundle', () => {
    expect(resolveAppUrl('app://bundle/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl('app://bundle/')).toBe(join(root, 'index.html'));
  });

  it('keeps encoded parent segments, which the URL parser resolves, inside the bundle', () => {
    expect(resolveAppUrl('app://bundle/%2e%2e/%2e%2e/etc/passwd')).toBe(
      join(root, 'etc', 'passwd'),
    );
  });

  it.each([
    'app://bundle/assets/..%2f..%2fsecret',
    'app://bundle/index.html%00.js',
    'app://bundle/..%5c..%5csecret',
    'app://bundle/C:/Windows/win.ini',
    'app://elsewhere/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url)).toBeNull();
  });
});
