import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, loadCatalogue, readStoredLanguage } from './language';
import { zhCN } from './zh-CN';

const storedLanguage = readStoredLanguage();

// Only the default catalogue ships with the first page; another language's is fetched by those
// who chose it (see loadCatalogue), before the first render.
void i18n.use(initReactI18next).init({
  resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
  partialBundledLanguages: true,
  lng: DEFAULT_LANGUAGE,
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

/** Settles once the reader's language is ready to render (at once for the default). */
export const i18nReady: Promise<unknown> =
  storedLanguage === DEFAULT_LANGUAGE
    ? Promise.resolve()
    : loadCatalogue(storedLanguage)
        .then(() => i18n.changeLanguage(storedLanguage))
        // Offline or a failed chunk: the page still opens, in the default language.
        .catch(() => undefined);

export { i18n };
