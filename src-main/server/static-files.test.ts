import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, readStaticFile, resolveStaticPath } from './static-files';

const root = mkdtempSync(join(tmpdir(), 'bc-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
const outside = mkdtempSync(join(tmpdir(), 'bc-outside-'));
writeFileSync(join(outside, 'secret.txt'), 'secret');
symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'));

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app.js', join('assets', 'app.js')],
    ['/assets//./app.js', join('assets', 'app.js')],
  ])('maps %s inside the bundle', (urlPath, expected) => {
    expect(resolveStaticPath(root, urlPath)).toBe(join(root, expected));
  });

  it.each([
    ['a parent segment', '/../secret.txt'],
    ['a parent segment in the middle', '/assets/../../secret.txt'],
    ['an encoded parent segment', '/%2e%2e/secret.txt'],
    ['an encoded slash and parent', '/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash', '/..%5csecret.txt'],
    ['a NUL byte', '/index.html%00.js'],
    ['a raw NUL byte', '/index.html\0'],
    ['a Windows drive', '/C:/Windows/win.ini'],
    ['a path without a leading slash', 'etc/passwd'],
    ['a malformed escape', '/%E0%A4%A'],
  ])('refuses %s', (_what, urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });

  it('keeps an absolute machine path inside the bundle instead of following it', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });
});

describe('readStaticFile', () => {
  it('reads a built file with its content type', async () => {
    const file = await readStaticFile(root, '/assets/app.js');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
    expect(file?.body.toString()).toBe('export {}');
  });

  it('does not follow a symbolic link that leads out of the bundle', async () => {
    expect(await readStaticFile(root, '/assets/link.txt')).toBeNull();
  });

  it('returns null for a folder or a missing file', async () => {
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts and connections only from the page itself', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
