import i18n from 'i18next';
import { useTranslation } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'jadelive.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** Chinese unless the person chose English before; the browser's language is deliberately not consulted. */
export function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Catalogues fetched on demand: every language but the default, which ships with the first page. */
const CATALOGUES: Partial<Record<Language, () => Promise<object>>> = {
  en: () => import('./en').then((module) => module.en),
};

/** Fetches a language's catalogue once and hands it to i18next; the default one is always there. */
export async function loadCatalogue(language: Language): Promise<void> {
  const load = CATALOGUES[language];
  if (!load || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await load());
}

export async function chooseLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the switch still applies to this visit.
  }
  await i18n.changeLanguage(language);
}

export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : DEFAULT_LANGUAGE;
}
