import type { ComplianceFlag } from '@jadelive/shared/compliance';
import { useTranslation } from 'react-i18next';
import { HighlightedText } from '../../../components/ui/highlighted-text';
import { useLanguage } from '../../../i18n/language';

/** The flagged text and, under it, each flag's message, suggestion and legal basis. */
export function CompliancePreview({
  text,
  flags,
  factsLine,
}: {
  text: string;
  flags: ComplianceFlag[];
  factsLine: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const spans = flags.map((flag, index) => ({ ...flag, id: String(index) }));
  return (
    <section
      className="panel compliance-preview"
      aria-live="polite"
      data-testid="compliance-preview"
      data-flag-count={flags.length}
    >
      <h2 className="section-heading">{t('listings.preview.heading')}</h2>
      <p className="fine-print">{t('listings.preview.intro')}</p>
      <p className="fine-print">{factsLine}</p>
      {text.trim() && <HighlightedText text={text} spans={spans} className="preview-text" />}
      {flags.length === 0 ? (
        <p className="preview-clean">{t('listings.preview.clean')}</p>
      ) : (
        <>
          <p className="preview-count">{t('listings.preview.count', { count: flags.length })}</p>
          <FlagList flags={flags} text={text} language={language} />
        </>
      )}
    </section>
  );
}

export function FlagList({
  flags,
  text,
  language,
}: {
  flags: ComplianceFlag[];
  text?: string;
  language: 'zh-CN' | 'en';
}) {
  const { t } = useTranslation();
  return (
    <ol className="flag-list">
      {flags.map((flag) => (
        <li
          key={`${flag.ruleId}-${flag.start}-${flag.end}`}
          className={`flag-item flag-item-${flag.severity}`}
          data-flag-category={flag.category}
        >
          <div className="flag-head">
            <span className={`status severity severity-${flag.severity}`}>
              {t(`compliance.severities.${flag.severity}`)}
            </span>
            <strong>{t(`compliance.categories.${flag.category}`)}</strong>
            {text && <q className="flag-quote">{text.slice(flag.start, flag.end)}</q>}
          </div>
          <p>{flag.message[language]}</p>
          <p className="flag-suggestion">
            <span className="field-label label-colon">{t('compliance.suggestion')}</span>
            {flag.suggestion[language]}
          </p>
          <p className="fine-print">
            <span className="label-colon">{t('compliance.basis')}</span>
            {flag.basis}
          </p>
        </li>
      ))}
    </ol>
  );
}
