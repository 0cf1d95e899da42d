import type { FileFormat } from '../../src-shared/model';
import { DEFAULT_LIMITS } from './limits';
import { fail, type Failure } from './read-issue';
import { inflateEntry, isZip, readZipDirectory, type ZipEntry } from './zip-directory';

/** The format a file really has, decided from its bytes; the extension is never trusted. */
export type Sniffed = { ok: true; format: FileFormat } | Failure;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const NOT_SPREADSHEETS: { kind: string; magic: number[] }[] = [
  { kind: 'une image PNG', magic: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'une image JPEG', magic: [0xff, 0xd8, 0xff] },
  { kind: 'une image GIF', magic: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'un document PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'une image TIFF', magic: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'une image TIFF', magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'une archive gzip', magic: [0x1f, 0x8b] },
  { kind: 'une archive 7-Zip', magic: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'une archive RAR', magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** Stream names in an OLE2 directory are UTF-16LE; a byte search finds them without parsing. */
function hasOleName(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from(name, 'utf16le'),
  );
}

/** BIFF2 to BIFF5 files written without an OLE2 container start with a BOF record. */
function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09) return false;
  const version = bytes[1];
  const length = bytes[2]! | (bytes[3]! << 8);
  return (
    (version === 0x00 || version === 0x02 || version === 0x04 || version === 0x08) &&
    length >= 4 &&
    length <= 20
  );
}

/** Text or binary: control characters other than tab, line ends and NUL mean binary. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  let nul = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    else if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  // UTF-16 text has a NUL in every other byte; other binaries have them at random.
  const evenNul = sample.filter((byte, i) => i % 2 === 0 && byte === 0).length;
  const utf16 = nul > sample.length * 0.3 && (evenNul > nul * 0.9 || evenNul < nul * 0.1);
  return control <= sample.length * 0.01 && (nul <= sample.length * 0.1 || utf16);
}

function sniffZip(bytes: Uint8Array, fileName: string, maxEntries: number): Sniffed {
  const directory = readZipDirectory(bytes, maxEntries);
  if (!directory.ok) {
    return fail(
      directory.code,
      `« ${fileName} » est abîmé ou incomplet : ${directory.reason}.`,
      fileName,
    );
  }
  if (directory.declaredCount > maxEntries) {
    return fail(
      'zip-too-many-entries',
      `« ${fileName} » contient ${directory.declaredCount} fichiers dans son archive zip ; la limite est de ${maxEntries}.`,
      fileName,
    );
  }
  const names = new Set(directory.entries.map((entry) => entry.name));
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) {
    return { ok: true, format: names.has('xl/vbaProject.bin') ? 'xlsm' : 'xlsx' };
  }
  const mimetype = directory.entries.find((entry: ZipEntry) => entry.name === 'mimetype');
  if (mimetype && mimetype.size < 200) {
    const content = inflateEntry(bytes, mimetype);
    const type = content.ok ? content.data.toString('latin1').trim() : '';
    if (type === ODS_MIMETYPE) return { ok: true, format: 'ods' };
    if (type.startsWith('application/vnd.oasis.opendocument.')) {
      return notSpreadsheet(fileName, "un fichier OpenDocument qui n'est pas un tableur");
    }
  }
  if (names.has('word/document.xml')) return notSpreadsheet(fileName, 'un document Word');
  if (names.has('ppt/presentation.xml')) return notSpreadsheet(fileName, 'un fichier PowerPoint');
  return notSpreadsheet(fileName, 'une archive zip qui ne contient pas de classeur');
}

function sniffOle(bytes: Uint8Array, fileName: string): Sniffed {
  if (hasOleName(bytes, 'EncryptionInfo') || hasOleName(bytes, 'EncryptedPackage')) {
    return fail(
      'password-protected',
      `« ${fileName} » est protégé par un mot de passe. Ouvrez-le dans votre tableur, retirez le mot de passe (Fichier › Informations › Protéger le classeur), enregistrez-le et importez-le à nouveau.`,
      fileName,
    );
  }
  if (hasOleName(bytes, 'Workbook') || hasOleName(bytes, 'Book'))
    return { ok: true, format: 'xls' };
  if (hasOleName(bytes, 'WordDocument')) return notSpreadsheet(fileName, 'un document Word');
  return notSpreadsheet(fileName, 'un fichier Office qui ne contient pas de classeur');
}

function notSpreadsheet(fileName: string, kind: string): Failure {
  return fail(
    'not-a-spreadsheet',
    `« ${fileName} » n'est pas un tableur : c'est ${kind}. Importez un fichier xlsx, xls, ods ou csv.`,
    fileName,
  );
}

export function sniffFormat(
  bytes: Uint8Array,
  fileName: string,
  maxZipEntries = DEFAULT_LIMITS.maxZipEntries,
): Sniffed {
  if (bytes.length === 0)
    return fail('empty-file', `« ${fileName} » est vide (0 octet).`, fileName);
  if (isZip(bytes)) return sniffZip(bytes, fileName, maxZipEntries);
  if (startsWith(bytes, OLE2_MAGIC)) return sniffOle(bytes, fileName);
  if (isBareBiff(bytes)) return { ok: true, format: 'xls' };
  const known = NOT_SPREADSHEETS.find((candidate) => startsWith(bytes, candidate.magic));
  if (known) return notSpreadsheet(fileName, known.kind);
  if (startsWith(bytes, [0x50, 0x4b])) {
    return fail('zip-truncated', `« ${fileName} » est un fichier zip abîmé.`, fileName);
  }
  if (!looksLikeText(bytes))
    return notSpreadsheet(fileName, "un fichier binaire d'un type inconnu");
  return { ok: true, format: 'csv' };
}
