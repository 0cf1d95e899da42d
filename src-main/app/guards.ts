/**
 * The checks the shell applies to URLs, kept free of Electron so that tests can run them.
 * The renderer is served as app://bundle/…; anything else is foreign to the app.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for a page of the bundle itself: the only sender whose IPC calls are answered. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The URL to hand to the system browser, or null. Only https, with no user name or password
 * in it (which could dress a foreign host as a known one), is ever opened.
 */
export function externalHttpsUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) {
      return null;
    }
    return parsed.href;
  } catch {
    return null;
  }
}

/** The path part of an app:// request, for the static-file resolver; null for other hosts. */
export function appRequestPath(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    return parsed.pathname;
  } catch {
    return null;
  }
}
