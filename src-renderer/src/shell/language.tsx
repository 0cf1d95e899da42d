import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  isLanguage,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from '../../../src-shared/i18n';

const STORAGE_KEY = 'budget-clair.language';

export interface LanguageState {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** French unless the user chose English before; a broken storage falls back to French. */
function savedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'fr';
  } catch {
    return 'fr';
  }
}

export function LanguageProvider({
  children,
  initial,
}: {
  children: ReactNode;
  initial?: Language;
}) {
  const [lang, setLangState] = useState<Language>(() => initial ?? savedLanguage());

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this visit only.
    }
    window.budgetClair?.setLanguage(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<LanguageState>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage needs a LanguageProvider above it');
  return state;
}
