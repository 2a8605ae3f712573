import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, useLanguage } from '../../i18n/language';

/** Two buttons rather than a select: one tap on a phone, and each name is written in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a button group, not a form fieldset
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-option"
          aria-pressed={language === current}
          data-language={language}
          onClick={() => void chooseLanguage(language)}
        >
          {language === 'zh-CN' ? t('language.zhCN') : t('language.en')}
        </button>
      ))}
    </div>
  );
}
