import type { PickedFile } from '../../../src-shared/desktop-api';

/** Reads a browser File as base64, the way the contract carries file bytes. */
export function readPickedFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      // A data URL is "data:<type>;base64,<bytes>": only the bytes travel.
      resolve({ fileName: file.name, dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}
