/**
 * The text encoding a person chose for a file, kept on this device by file name: next year's
 * export from the same system usually keeps its name and its encoding. A renamed file is not
 * recognised; the reader's own guess then applies again.
 */
const STORAGE_KEY = 'budget-clair.encodings';
const KEPT = 50;

type Choices = Record<string, string>;

function readChoices(): Choices {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** The encoding chosen for a file of this name, or undefined when none was. */
export function rememberedEncoding(fileName: string): string | undefined {
  const choices = readChoices();
  return Object.hasOwn(choices, fileName) ? choices[fileName] : undefined;
}

/** Keeps `encoding` for files of this name; undefined forgets it (automatic detection again). */
export function rememberEncoding(fileName: string, encoding: string | undefined): void {
  const others = Object.entries(readChoices()).filter(([name]) => name !== fileName);
  // The newest choice goes last, so the oldest are the ones dropped past KEPT.
  const entries = encoding ? [...others, [fileName, encoding]] : others;
  try {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify(Object.fromEntries(entries.slice(-KEPT))),
    );
  } catch {
    // Private windows may refuse storage: the choice then lasts for this visit only.
  }
}
