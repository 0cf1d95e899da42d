import { fail, gridNote, type Failure, type GridNote } from './read-issue';
import { scoreLetters, repairGarbledUtf8 } from './text-repair';

/** Text decoded from a file's bytes, the encoding chosen and what was noticed on the way. */
export type Decoded = { ok: true; text: string; encoding: string; notes: GridNote[] } | Failure;

const BOMS: { encoding: string; bom: number[] }[] = [
  { encoding: 'utf-8', bom: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bom: [0xff, 0xfe] },
  { encoding: 'utf-16be', bom: [0xfe, 0xff] },
];

/** Up to this many bytes that are not UTF-8 in an otherwise UTF-8 file are read one by one. */
const MAX_STRAY_BYTES = 3;

function findBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const { encoding, bom } of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return { encoding, length: bom.length };
  }
  return null;
}

/** UTF-16 without a BOM: ASCII text leaves a NUL in every other byte. */
function guessUtf16(bytes: Uint8Array): string | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (pairs < 2) return null;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Offsets of the bytes that break UTF-8, and how many multi-byte sequences were valid. */
function scanUtf8(bytes: Uint8Array): { stray: number[]; multiByte: number } {
  const stray: number[] = [];
  let multiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      stray.push(i);
      i++;
    } else {
      multiByte++;
      i += length;
    }
  }
  return { stray, multiByte };
}

/** UTF-8 text with a few Windows-1252 bytes in it, the way a pasted curly quote ends up. */
function decodeWithStrays(bytes: Uint8Array, stray: number[]): string {
  const utf8 = new TextDecoder('utf-8');
  const cp1252 = new TextDecoder('windows-1252');
  let text = '';
  let from = 0;
  for (const at of stray) {
    text += utf8.decode(bytes.subarray(from, at)) + cp1252.decode(bytes.subarray(at, at + 1));
    from = at + 1;
  }
  return text + utf8.decode(bytes.subarray(from));
}

function withRepair(text: string, encoding: string, notes: GridNote[]): Decoded {
  const repaired = repairGarbledUtf8(text);
  if (repaired.count > 0) {
    notes.push(
      gridNote(
        'warning',
        'garbled-text-repaired',
        repaired.count === 1
          ? 'Un mot abîmé par un mauvais décodage antérieur (comme « Ã© » pour « é ») a été réparé.'
          : `${repaired.count} mots abîmés par un mauvais décodage antérieur (comme « Ã© » pour « é ») ont été réparés.`,
      ),
    );
  }
  return { ok: true, text: repaired.text, encoding, notes };
}

/** 1-based line of a byte offset, counting LF, CRLF and bare CR line ends. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Windows-1252 or Mac Roman: the one whose text has the more plausible letters. */
function decodeSingleByte(bytes: Uint8Array): { text: string; encoding: string; score: number } {
  const candidates = ['windows-1252', 'macintosh'].map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    return { encoding, text, score: scoreLetters(repairGarbledUtf8(text).text) };
  });
  const [windows, mac] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
  return mac.score > windows.score ? mac : windows;
}

/**
 * Decodes a text file. A BOM decides; then strict UTF-8; then UTF-8 with a few stray bytes;
 * otherwise Windows-1252 or Mac Roman by which reads as letters. `forced` overrides all of it.
 */
export function decodeText(bytes: Uint8Array, fileName: string, forced?: string): Decoded {
  const bom = findBom(bytes);
  const notes: GridNote[] = [];
  if (forced) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(forced);
    } catch {
      return fail(
        'unknown-encoding',
        `L'encodage « ${forced} » demandé pour « ${fileName} » est inconnu.`,
        fileName,
      );
    }
    const skip = bom && bom.encoding === decoder.encoding ? bom.length : 0;
    return {
      ok: true,
      text: decoder.decode(bytes.subarray(skip)),
      encoding: decoder.encoding,
      notes,
    };
  }
  if (bom) {
    return withRepair(
      new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      bom.encoding,
      notes,
    );
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    notes.push(
      gridNote(
        'info',
        'encoding-guessed',
        `Le fichier n'a pas d'indicateur d'ordre des octets (BOM) ; il a été lu en ${utf16.toUpperCase()}.`,
      ),
    );
    return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: utf16, notes };
  }

  const { stray, multiByte } = scanUtf8(bytes);
  if (stray.length === 0) return withRepair(new TextDecoder('utf-8').decode(bytes), 'utf-8', notes);
  const guess = decodeSingleByte(bytes);
  if (stray.length <= MAX_STRAY_BYTES || stray.length * 20 <= multiByte) {
    // Short Mac Roman runs can pass for UTF-8 (0xCC 0xA9 is a combining mark), so compare
    // letters; a stray byte moves the score by 4 at most, so UTF-8 keeps that much benefit.
    const mixed = decodeWithStrays(bytes, stray);
    if (scoreLetters(repairGarbledUtf8(mixed).text) + 4 * stray.length >= guess.score) {
      const bytesWord = stray.length === 1 ? 'octet' : 'octets';
      notes.push(
        gridNote(
          'warning',
          'stray-bytes',
          `Le fichier est en UTF-8, sauf ${stray.length} ${bytesWord} (dès la ligne ${lineAt(bytes, stray[0]!)}), lus en Windows-1252.`,
          { row: lineAt(bytes, stray[0]!) },
        ),
      );
      return withRepair(mixed, 'utf-8', notes);
    }
  }

  const label = guess.encoding === 'macintosh' ? 'Mac Roman' : 'Windows-1252';
  notes.push(
    gridNote(
      'info',
      'encoding-guessed',
      `Le fichier n'est pas en UTF-8 ; il a été lu en ${label}. Choisissez un autre encodage si ses libellés semblent faux.`,
    ),
  );
  return withRepair(guess.text, guess.encoding, notes);
}
