import type { Base } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { shanghaiInputToIso } from '../../../lib/shanghai-time';
import { useBookStudio } from '../api/membership';

/** Pick one of the admitted bases, a studio and a time (Beijing time); the operator approves it. */
export function BookStudioForm({ bases }: { bases: Base[] }) {
  const { t } = useTranslation();
  const book = useBookStudio();
  const [baseId, setBaseId] = useState(bases[0]?.id ?? '');
  const [invalid, setInvalid] = useState(false);
  const [booked, setBooked] = useState(false);
  const base = bases.find((entry) => entry.id === baseId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const at = (key: string) => shanghaiInputToIso(`${String(form.get('date'))}T${String(form.get(key))}`);
    const startsAt = at('start');
    const endsAt = at('end');
    const ok = startsAt !== null && endsAt !== null && Date.parse(endsAt) > Date.parse(startsAt);
    setInvalid(!ok);
    setBooked(false);
    if (!ok) return;
    const purpose = String(form.get('purpose') ?? '').trim();
    book.mutate(
      {
        baseId,
        studioId: String(form.get('studioId')),
        body: { startsAt, endsAt, ...(purpose ? { purpose } : {}) },
      },
      { onSuccess: () => setBooked(true) },
    );
  }

  return (
    <form className="form" onSubmit={submit} data-testid="book-studio-form">
      <div className="form-row">
        <Field label={t('bases.fields.base')}>
          <select className="input" value={baseId} onChange={(event) => setBaseId(event.currentTarget.value)}>
            {bases.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('bases.fields.studio')}>
          <select className="input" name="studioId" required key={baseId}>
            {(base?.studios ?? [])
              .filter((studio) => studio.status === 'available')
              .map((studio) => (
                <option key={studio.id} value={studio.id}>
                  {studio.name}
                </option>
              ))}
          </select>
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('bases.fields.date')}>
          <input className="input" type="date" name="date" required />
        </Field>
        <Field label={t('bases.fields.startTime')} hint={t('common.beijingTime')}>
          <input className="input" type="time" name="start" required defaultValue="19:00" />
        </Field>
        <Field label={t('bases.fields.endTime')}>
          <input className="input" type="time" name="end" required defaultValue="21:00" />
        </Field>
      </div>
      <Field label={t('bases.fields.purpose')}>
        <input className="input" name="purpose" maxLength={200} />
      </Field>
      {invalid && <p className="field-error">{t('bases.seller.invalidTime')}</p>}
      {book.isError && <ApiErrorAlert error={book.error} />}
      {booked && (
        <p className="alert alert-info" role="status">
          {t('bases.seller.booked')}
        </p>
      )}
      <button className="button button-primary" type="submit" disabled={book.isPending}>
        {book.isPending ? t('bases.seller.booking') : t('bases.seller.book')}
      </button>
    </form>
  );
}
