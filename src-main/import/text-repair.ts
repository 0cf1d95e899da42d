/**
 * Two judgements about decoded text: how plausible its non-ASCII letters are (to choose between
 * single-byte encodings), and whether it holds UTF-8 that was decoded once already as
 * Windows-1252 ("Ã©" for "é") and can be put back.
 */

const COMMON_LETTERS = new Set('éèêëàâäçùûüôöîïãõáíóúñœæßÉÈÊÀÂÇÔÎÃÕÁÍÓÚÑÜÖÄŒ');
const TYPOGRAPHY = new Set('’‘“”«»–—…€°§·');

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z]/.test(char);
}

/**
 * Positive for text whose accented letters sit inside words, as in French, Portuguese or
 * Spanish; negative for symbols, control characters and replacement marks.
 */
export function scoreLetters(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const char = text[i]!;
    if (COMMON_LETTERS.has(char)) {
      const before = text[i - 1];
      const isUpper = char !== char.toLowerCase();
      const caseBreak = isUpper && before !== undefined && /[a-z]/.test(before);
      score += caseBreak ? -1 : isAsciiLetter(before) || isAsciiLetter(text[i + 1]) ? 2 : 1;
    } else if (TYPOGRAPHY.has(char)) {
      score += 1;
    } else {
      score -= 2;
    }
  }
  return score;
}

let encodeTable: Map<string, number> | null = null;

/** Windows-1252 has no encoder in the platform: invert its decoder once. */
function windows1252Bytes(): Map<string, number> {
  if (encodeTable) return encodeTable;
  const decoder = new TextDecoder('windows-1252');
  encodeTable = new Map();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    encodeTable.set(decoder.decode(new Uint8Array([byte])), byte);
  }
  return encodeTable;
}

// Characters Windows-1252 can write beyond ASCII: where a garbled word is made of.
const CP1252_HIGH =
  '\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122';
// Words only: a run is matched once, left to right, so long cells cost linear time.
const WORD_RUN = new RegExp(`[\\w${CP1252_HIGH}]+`, 'g');
// A UTF-8 lead byte read as a letter, then a continuation byte read as a symbol.
const GARBLED_PAIR = new RegExp(
  `[\\u00c2-\\u00f4][${CP1252_HIGH.replace('\\u0080-\\u00ff', '\\u0080-\\u00bf')}]`,
);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function repairRun(run: string): string | null {
  const table = windows1252Bytes();
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const byte = code < 0x80 ? code : table.get(run[i]!);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Puts back words that are UTF-8 read as Windows-1252. A word is changed only when its bytes
 * form valid UTF-8, which ordinary text such as "NÃO" or "Â«" next to a letter does not.
 */
export function repairGarbledUtf8(text: string): { text: string; count: number } {
  let count = 0;
  if (!GARBLED_PAIR.test(text)) return { text, count: 0 };
  const repaired = text.replace(WORD_RUN, (run) => {
    if (!GARBLED_PAIR.test(run)) return run;
    const fixed = repairRun(run);
    if (fixed === null || fixed === run) return run;
    count++;
    return fixed;
  });
  return { text: repaired, count };
}
