import { inflateRawSync } from 'node:zlib';

/** One file inside a zip, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared inflated size; the inflater holds the entry to it, so a lie is caught. */
  size: number;
  localHeaderOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[]; declaredCount: number }
  | { ok: false; code: 'zip-truncated' | 'zip-unsupported'; reason: string };

const EOCD_SIGNATURE = 0x06054b50;
const EOCD64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD64_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - MAX_COMMENT);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Zip64 moves the counts and offsets to a second record when they overflow 16 or 32 bits. */
function readZip64End(view: DataView, eocd: number): { count: number; offset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR_SIGNATURE) return null;
  const recordAt = Number(view.getBigUint64(locator + 8, true));
  if (recordAt + 56 > view.byteLength || view.getUint32(recordAt, true) !== EOCD64_SIGNATURE) {
    return null;
  }
  return {
    count: Number(view.getBigUint64(recordAt + 32, true)),
    offset: Number(view.getBigUint64(recordAt + 48, true)),
  };
}

function applyZip64Extra(view: DataView, entry: ZipEntry, extraAt: number, extraEnd: number) {
  let at = extraAt;
  while (at + 4 <= extraEnd) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    let field = at + 4;
    if (id === 0x0001) {
      const next = () => {
        const value = field + 8 <= extraEnd ? Number(view.getBigUint64(field, true)) : 0;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
    }
    at += 4 + length;
  }
}

/**
 * Reads the central directory only: nothing is inflated. `maxEntries` stops the walk early so
 * that a directory of millions of entries costs nothing.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = (reason: string): ZipDirectory => ({
    ok: false,
    code: 'zip-truncated',
    reason,
  });
  if (bytes.length < 22) return truncated('il est trop court pour contenir un répertoire zip');
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return truncated('son répertoire zip manque, la fin du fichier a été coupée');

  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const zip64 = readZip64End(view, eocd);
    if (!zip64) return truncated("l'enregistrement zip64 de son répertoire manque");
    count = zip64.count;
    offset = zip64.offset;
  }
  if (count > maxEntries) return { ok: true, entries: [], declaredCount: count };

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return truncated(`son répertoire zip s'arrête à l'entrée ${i + 1} sur ${count}`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) return truncated('son répertoire zip est coupé');
    const entry: ZipEntry = {
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8'),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, entry, nameEnd, nameEnd + extraLength);
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return { ok: true, entries, declaredCount: count };
}

export type EntryData =
  | { ok: true; data: Buffer }
  | {
      ok: false;
      code: 'zip-truncated' | 'zip-unsupported' | 'zip-size-lie' | 'zip-corrupt';
      reason: string;
    };

/** Inflates one entry, never past its declared size: a lying size header fails here, fast. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): EntryData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    return { ok: false, code: 'zip-truncated', reason: `l'entrée « ${entry.name} » manque` };
  }
  const dataAt = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (dataAt + entry.compressedSize > bytes.length) {
    return { ok: false, code: 'zip-truncated', reason: `l'entrée « ${entry.name} » est coupée` };
  }
  if (entry.flags & 1) {
    return {
      ok: false,
      code: 'zip-unsupported',
      reason: `l'entrée « ${entry.name} » est chiffrée`,
    };
  }
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset + dataAt, entry.compressedSize);
  if (entry.method === 0) {
    if (raw.length !== entry.size) {
      return {
        ok: false,
        code: 'zip-size-lie',
        reason: `l'entrée « ${entry.name} » annonce une taille fausse`,
      };
    }
    return { ok: true, data: raw };
  }
  if (entry.method !== 8) {
    return {
      ok: false,
      code: 'zip-unsupported',
      reason: `l'entrée « ${entry.name} » utilise la méthode de compression ${entry.method}`,
    };
  }
  try {
    // One byte of headroom tells "exactly the declared size" from "more than declared".
    const data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size + 1) });
    if (data.length !== entry.size) {
      return {
        ok: false,
        code: 'zip-size-lie',
        reason: `l'entrée « ${entry.name} » annonce une taille fausse`,
      };
    }
    return { ok: true, data };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        ok: false,
        code: 'zip-size-lie',
        reason: `l'entrée « ${entry.name} » annonce une taille fausse`,
      };
    }
    return { ok: false, code: 'zip-corrupt', reason: `l'entrée « ${entry.name} » est abîmée` };
  }
}
