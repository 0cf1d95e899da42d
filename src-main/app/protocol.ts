import { protocol } from 'electron';
import { readStaticFile, SECURITY_HEADERS } from '../server/static-files';
import { APP_SCHEME, appRequestPath } from './guards';

/**
 * Must run before the app is ready: app:// is then a standard, secure origin, so that 'self'
 * in the content security policy means the bundle and nothing else.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: SECURITY_HEADERS });

/** Serves the built renderer under app://bundle/, with the same path checks as the bridge. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return notFound();
    const path = appRequestPath(request.url);
    const file = path === null ? null : await readStaticFile(rendererDir, path);
    if (!file) return notFound();
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}
