import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { DEFAULT_LANGUAGE, LANGUAGES, readStoredLanguage } from './language';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  // Permission names contain ':' (`org:read`); they are keys, not namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The document follows the language so screen readers, fonts and hyphenation pick the right one. */
function reflectLanguage(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
}

reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export { i18n };
