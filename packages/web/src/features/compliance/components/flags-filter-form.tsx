import { INPUT_PATTERNS, SPEAKER_KINDS } from '@jadelive/shared';
import { COMPLIANCE_CATEGORIES, SEVERITIES } from '@jadelive/shared/compliance';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/field';
import { useSellers } from '../api/flags';

const KEYS = ['category', 'severity', 'speaker', 'seller', 'session', 'reviewed', 'from', 'to'] as const;

export function FlagsFilterForm() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sellers = useSellers();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  const value = (key: (typeof KEYS)[number]) => params.get(key) ?? '';
  return (
    <form className="panel form" onSubmit={submit} key={params.toString()} data-testid="flags-filters">
      <div className="form-row">
        <Field label={t('compliance.filters.category')}>
          <select className="input" name="category" defaultValue={value('category')}>
            <option value="">{t('compliance.filters.all')}</option>
            {COMPLIANCE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`compliance.categories.${category}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('compliance.filters.severity')}>
          <select className="input" name="severity" defaultValue={value('severity')}>
            <option value="">{t('compliance.filters.all')}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`compliance.severities.${severity}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('compliance.filters.speaker')}>
          <select className="input" name="speaker" defaultValue={value('speaker')}>
            <option value="">{t('compliance.filters.all')}</option>
            {SPEAKER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`compliance.speakerKinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('compliance.filters.seller')}>
          <select className="input" name="seller" defaultValue={value('seller')}>
            <option value="">{t('compliance.filters.all')}</option>
            {(sellers.data ?? []).map((seller) => (
              <option key={seller.id} value={seller.id}>
                {seller.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('compliance.filters.reviewed')}>
          <select className="input" name="reviewed" defaultValue={value('reviewed')}>
            <option value="">{t('compliance.filters.all')}</option>
            <option value="false">{t('compliance.filters.reviewedNo')}</option>
            <option value="true">{t('compliance.filters.reviewedYes')}</option>
          </select>
        </Field>
        <Field label={t('compliance.filters.session')}>
          <input
            className="input mono"
            name="session"
            defaultValue={value('session')}
            pattern={INPUT_PATTERNS.uuid}
          />
        </Field>
        <Field label={t('compliance.filters.from')}>
          <input className="input" type="date" name="from" defaultValue={value('from')} />
        </Field>
        <Field label={t('compliance.filters.to')}>
          <input className="input" type="date" name="to" defaultValue={value('to')} />
        </Field>
      </div>
      <div className="button-row">
        <button className="button button-primary" type="submit">
          {t('compliance.filters.apply')}
        </button>
        <button
          className="button button-quiet"
          type="button"
          onClick={() => setParams(new URLSearchParams())}
        >
          {t('compliance.filters.reset')}
        </button>
      </div>
    </form>
  );
}
