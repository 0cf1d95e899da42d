import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCallName, type CallName, type Handlers, type Reply } from '../../src-shared/contract';
import { createLogger } from '../log';
import { callHandler } from '../services/call-handler';
import { readStaticFile, SECURITY_HEADERS } from './static-files';

const log = createLogger('bridge');

/** A 100 MB file travels base64-encoded inside the JSON body: a little over 140 MB. */
export const MAX_BODY_BYTES = 150 * 1024 * 1024;

export type CallHandler = (
  handlers: Handlers,
  name: CallName,
  rawInput: unknown,
) => Promise<Reply<unknown>>;

export interface BridgeOptions {
  handlers: Handlers;
  /** Validates the input and runs the handler; the services' callHandler unless a test says. */
  call?: CallHandler;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Loopback only: the bridge has no authentication of its own. */
  host?: '127.0.0.1';
  maxBodyBytes?: number;
}

export interface Bridge {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, reply: Reply<unknown>): void {
  const body = JSON.stringify(reply);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { ok: false, error: { code: error.code, message: error.message } });
}

/**
 * A page served from another name that resolves to 127.0.0.1 (DNS rebinding) sends that name
 * as Host; a page of another origin sends its own Origin. Both are refused.
 */
function checkOrigin(req: IncomingMessage, port: number): void {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    throw new HttpError(421, 'bad-host', 'This server only answers to 127.0.0.1.');
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    throw new HttpError(403, 'bad-origin', 'Requests from other sites are refused.');
  }
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'bad-content-type', 'The body must be JSON.');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'too-large', 'The request is too large.');

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'too-large', 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    return size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-json', 'The body is not valid JSON.');
  }
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  options: BridgeOptions,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'bad-method', 'Calls use POST.');
  if (!isCallName(name)) throw new HttpError(404, 'unknown-call', `Unknown call: ${name}`);

  const input = await readJsonBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
  const started = Date.now();
  const reply = await (options.call ?? callHandler)(options.handlers, name, input);
  log.debug(`${name} answered ${reply.ok ? 'ok' : reply.error.code} in ${Date.now() - started} ms`);
  sendJson(res, 200, reply);
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string, dir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'bad-method', 'Only GET is served here.');
  }
  const file = await readStaticFile(dir, path);
  if (!file) throw new HttpError(404, 'not-found', 'Not found.');

  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: BridgeOptions,
  port: number,
) {
  checkOrigin(req, port);
  // Only the path counts; the query string is ignored rather than trusted.
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  if (rawPath.startsWith('/api/')) {
    await handleApi(req, res, rawPath.slice('/api/'.length), options);
  } else {
    await handleStatic(req, res, rawPath, options.staticDir);
  }
}

/** Serves the built renderer and the call table to a browser on this machine only. */
export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    route(req, res, options, port).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) return sendError(res, error);
      log.error(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server.'));
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo;
      log.info(`serving ${options.staticDir} on http://${host}:${port}`);
      resolvePromise({
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
  });
}
