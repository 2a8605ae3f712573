/** For unit tests that check how the catalogues word something, without React or a browser. */
import i18next from 'i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

/** A `t` of its own in one language, set up as the console sets up i18next. */
export function testTranslator(language: 'zh-CN' | 'en') {
  return testI18n(language).t;
}

/** An i18next instance of its own in one language (for code that asks `exists` or the language too). */
export function testI18n(language: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

/** The `{{name}}` placeholders of a catalogue text, sorted. */
export const placeholdersOf = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
