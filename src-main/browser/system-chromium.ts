import { chromium, type Browser } from 'playwright-core';

/**
 * The machine's own Chromium, so that nothing is downloaded. The flags keep it from calling
 * home: on a closed network its background requests are refused by the dozen.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the browser is: an explicit path, `BUDGET_CLAIR_CHROMIUM`, or Debian's package. */
export function chromiumPath(explicit?: string): string {
  return explicit ?? process.env.BUDGET_CLAIR_CHROMIUM ?? '/usr/bin/chromium';
}

export function launchSystemChromium(executablePath?: string): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(executablePath), args: CHROMIUM_ARGS });
}
