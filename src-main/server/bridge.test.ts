import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallName, type Handlers, type Reply } from '../../src-shared/contract';
import { startBridge, type Bridge } from './bridge';
import { CONTENT_SECURITY_POLICY } from './static-files';

const parentDir = mkdtempSync(join(tmpdir(), 'bc-bridge-'));
const staticDir = join(parentDir, 'renderer');
mkdirSync(staticDir);
writeFileSync(join(parentDir, 'secret.txt'), 'secret');
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Budget Clair</title>');

const notHere = (name: string) => () => Promise.reject(new Error(`${name} is not in this table`));

/** A real table: budgets.list answers, flags.list fails the way a broken handler would. */
const handlers: Handlers = {
  'budgets.list': () => Promise.resolve([]),
  'budgets.summary': notHere('budgets.summary'),
  'budgets.lines': notHere('budgets.lines'),
  'flags.list': () => Promise.reject(new Error('disk full')),
  'flags.review': notHere('flags.review'),
  'import.preview': notHere('import.preview'),
  'import.commit': notHere('import.commit'),
  'report.html': ({ lang }) => Promise.resolve({ html: `<p lang="${lang}"></p>` }),
  'budgets.linesArrow': notHere('budgets.linesArrow'),
  'lines.provenance': notHere('lines.provenance'),
  'budgets.compare': notHere('budgets.compare'),
  'pefa.compute': notHere('pefa.compute'),
  'deck.get': notHere('deck.get'),
  'deck.save': notHere('deck.save'),
  'import.start': notHere('import.start'),
  'import.status': notHere('import.status'),
  'import.cancel': notHere('import.cancel'),
  'settings.get': notHere('settings.get'),
  'settings.save': notHere('settings.save'),
  'population.set': notHere('population.set'),
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let bridge: Bridge;
let port: number;

function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

function post(name: CallName | string, body: unknown, headers: Record<string, string> = {}) {
  return send(`/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  bridge = await startBridge({
    handlers,
    port: 0,
    staticDir,
    host: '127.0.0.1',
    maxBodyBytes: 1024,
  });
  port = Number(new URL(bridge.url).port);
});

afterAll(() => bridge.close());

describe('startBridge', () => {
  it('listens on 127.0.0.1 and says where', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with the content security policy', async () => {
    const answer = await send('/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Budget Clair');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/index.html%00'])(
    'refuses the path %s that leaves the bundle',
    async (path) => {
      expect((await send(path)).status).toBe(404);
    },
  );

  it('answers a call with the reply envelope', async () => {
    const answer = await post('budgets.list', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, data: [] } satisfies Reply<unknown>);
  });

  it('passes the validated input to the handler', async () => {
    const reply = JSON.parse((await post('report.html', {})).body) as Reply<{ html: string }>;
    expect(reply).toEqual({ ok: true, data: { html: '<p lang="fr"></p>' } });
  });

  it('returns a handler failure as a polite error envelope, without its inner message', async () => {
    const reply = JSON.parse((await post('flags.list', {})).body) as Reply<unknown>;
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('disk full');
  });

  it('returns invalid input as an error envelope', async () => {
    const reply = JSON.parse((await post('report.html', { lang: 'de' })).body) as Reply<unknown>;
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it.each(['nope', '__proto__', 'constructor', 'toString'])(
    'answers 404 to the unknown call %s',
    async (name) => {
      const answer = await post(name, {});
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    },
  );

  it('refuses a body over the size cap', async () => {
    const answer = await post('budgets.list', { padding: 'x'.repeat(2000) });
    expect(answer.status).toBe(413);
  });

  it('refuses a body that is not JSON', async () => {
    expect((await post('budgets.list', '{not json')).status).toBe(400);
    const form = await post('budgets.list', 'a=1', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('refuses a call by GET', async () => {
    expect((await send('/api/budgets.list')).status).toBe(405);
  });

  it('refuses a request whose Host is another name, as after DNS rebinding', async () => {
    const answer = await send('/', { headers: { Host: `evil.example:${port}` } });
    expect(answer.status).toBe(421);
    expect((await post('budgets.list', {}, { Host: `127.0.0.1:${port + 1}` })).status).toBe(421);
  });

  it('accepts localhost as a Host', async () => {
    expect((await send('/', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses a call sent by a page of another origin', async () => {
    const answer = await post('budgets.list', {}, { Origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
    const same = await post('budgets.list', {}, { Origin: `http://127.0.0.1:${port}` });
    expect(same.status).toBe(200);
  });
});
