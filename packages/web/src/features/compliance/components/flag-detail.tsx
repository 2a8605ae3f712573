import type { StoredFlag } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { HighlightedText } from '../../../components/ui/highlighted-text';
import { useDateTimeFormat } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/language';
import { useReviewFlag } from '../api/flags';
import { factSentences, speakerLabel } from './flag-words';

/** Everything about one flag: the claim in its text, why it is wrong, the facts checked, and the review. */
export function FlagDetail({ flag, onClose }: { flag: StoredFlag; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useDateTimeFormat();
  const review = useReviewFlag();
  const [note, setNote] = useState('');
  const [reviewedNote, setReviewedNote] = useState<string | null>(null);
  const facts = factSentences(t, flag.facts);
  const speaker = speakerLabel(t, flag.speaker);
  const byViewer = flag.speaker.kind === 'viewer';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    review.mutate({ flagId: flag.id, note: note.trim() }, { onSuccess: () => setReviewedNote(note.trim()) });
  }

  return (
    <section className="panel flag-detail" data-testid="flag-detail" data-flag={flag.id}>
      <div className="page-header-actions">
        <h2 className="section-heading">{t('compliance.detail.heading')}</h2>
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          {t('compliance.detail.close')}
        </button>
      </div>
      <div className="flag-head">
        <span className={`status severity-${flag.severity}`}>
          {t(`compliance.severities.${flag.severity}`)}
        </span>
        <strong>{t(`compliance.categories.${flag.category}`)}</strong>
        <span className="fine-print">
          {byViewer ? t('compliance.speaker.inRoom', { seller: flag.seller.name }) : flag.seller.name} ·{' '}
          {t(`compliance.sources.${flag.source}`)} ·{' '}
          {t('compliance.detail.said', { speaker, time: formatDate(flag.saidAt) })}
        </span>
      </div>
      <p data-testid="flag-speaker" data-speaker={flag.speaker.kind}>
        {t('compliance.detail.speaker', { speaker })}
      </p>
      {byViewer && <p className="alert alert-info">{t('compliance.speaker.notSellers')}</p>}
      <h3 className="field-label">{t('compliance.detail.text')}</h3>
      <HighlightedText text={flag.text} spans={[{ ...flag, id: flag.id }]} />
      <p>{flag.message[language]}</p>
      <p>
        <span className="field-label label-colon">{t('compliance.suggestion')}</span>
        {flag.suggestion[language]}
      </p>
      <p className="fine-print">
        <span className="label-colon">{t('compliance.basis')}</span>
        {flag.basis} · {t('compliance.detail.ruleSet', { version: flag.ruleSetVersion })}
      </p>
      <h3 className="field-label">{t('compliance.detail.facts')}</h3>
      {facts.length > 0 ? (
        <ul className="facts-list" data-testid="flag-facts">
          {facts.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('compliance.detail.noFacts')}</p>
      )}
      {flag.review || reviewedNote ? (
        <p className="alert alert-info" data-testid="flag-reviewed">
          {flag.review ? t('compliance.detail.reviewedAt', { time: formatDate(flag.review.reviewedAt) }) : ''}
          {` ${flag.review?.note ?? reviewedNote ?? ''}`}
        </p>
      ) : (
        <form className="form" onSubmit={submit} data-testid="review-form">
          <Field label={t('compliance.detail.note')}>
            <textarea
              className="input textarea"
              rows={2}
              required
              maxLength={1000}
              placeholder={t('compliance.detail.notePlaceholder')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          </Field>
          {review.isError && <ApiErrorAlert error={review.error} />}
          <button className="button button-primary" type="submit" disabled={review.isPending}>
            {review.isPending ? t('compliance.detail.reviewing') : t('compliance.detail.review')}
          </button>
        </form>
      )}
    </section>
  );
}
