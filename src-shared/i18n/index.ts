import { en } from './en';
import { fr, type MessageKey } from './fr';

export type { MessageKey };
export type Language = 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];

const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };

/** The BCP 47 tag given to Intl for each language of the interface. */
export const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;

/**
 * The message for `key` in `lang`, with each `{name}` replaced by `params[name]`.
 * A placeholder with no value is left as it is, so a missing value shows rather than vanishes.
 */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** True when `key` is in the catalogue: rule names come from the services as plain strings. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}
