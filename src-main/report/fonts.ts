import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2191',
  'U+2193',
  'U+2212',
  'U+2215',
  'U+FEFF',
  'U+FFFD',
].join(',');
const LATIN_EXT = [
  'U+0100-02BA',
  'U+02BD-02C5',
  'U+02C7-02CC',
  'U+02CE-02D7',
  'U+02DD-02FF',
  'U+1D00-1DBF',
  'U+1E00-1E9F',
  'U+1EF2-1EFF',
  'U+2020',
  'U+20A0-20AB',
  'U+20AD-20C0',
  'U+2113',
  'U+2C60-2C7F',
  'U+A720-A7FF',
].join(',');

// latin covers French; latin-ext covers the other Latin letters of names (Ŋ, ɛ, ɔ in Guinean
// languages' spellings). Both are embedded so that a report reads the same on any machine.
const FACES = [
  { subset: 'latin', weight: 400, range: LATIN },
  { subset: 'latin', weight: 700, range: LATIN },
  { subset: 'latin-ext', weight: 400, range: LATIN_EXT },
  { subset: 'latin-ext', weight: 700, range: LATIN_EXT },
] as const;

export const REPORT_FONT_FAMILY = 'Atkinson Hyperlegible';

let cached: string | null = null;

/** @font-face rules with the woff2 files inlined as data: URLs, read once per process. */
export function embeddedFontCss(): string {
  if (cached !== null) return cached;
  cached = FACES.map(({ subset, weight, range }) => {
    const file = `@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff2`;
    const base64 = readFileSync(require.resolve(file)).toString('base64');
    return [
      '@font-face {',
      `  font-family: '${REPORT_FONT_FAMILY}';`,
      '  font-style: normal;',
      `  font-weight: ${weight};`,
      `  src: url(data:font/woff2;base64,${base64}) format('woff2');`,
      `  unicode-range: ${range};`,
      '}',
    ].join('\n');
  }).join('\n');
  return cached;
}
