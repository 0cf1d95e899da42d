import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The policy the built renderer runs under, both from the bridge and from the app:// protocol.
 * No inline script and no remote origin: spreadsheet text must never become code. ECharts and
 * React set styles through the DOM, which style-src 'self' allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every static file and every API reply. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps the path part of a URL to a file inside `rootDir`, or null when it would leave it.
 * Decoding happens once, here, so `%2e%2e` and `..` are judged alike; NUL, backslashes and
 * drive letters are refused outright rather than normalised, since no built file has them.
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /^\/*[A-Za-z]:/.test(decoded)) {
    return null;
  }
  if (!decoded.startsWith('/')) return null;

  const segments = decoded.split('/').filter((part) => part !== '' && part !== '.');
  if (segments.some((part) => part === '..')) return null;

  const root = resolve(rootDir);
  const target = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  const inside = relative(root, target);
  if (
    inside === '' ||
    inside.startsWith('..') ||
    isAbsolute(inside) ||
    inside.includes(`..${sep}`)
  ) {
    return null;
  }
  return target;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer, or returns null when it is absent or not allowed. */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  const filePath = resolveStaticPath(rootDir, urlPath);
  if (!filePath) return null;

  try {
    // A symbolic link inside the bundle must not lead out of it either.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const info = await stat(realFile);
    if (!info.isFile()) return null;
    return { body: await readFile(filePath), contentType: contentTypeFor(filePath) };
  } catch {
    return null;
  }
}
