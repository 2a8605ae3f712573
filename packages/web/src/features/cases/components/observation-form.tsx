import { recordObservationBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { ImageUpload } from '../../../components/ui/image-upload';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useRecordObservation, useSellers } from '../api/leads';

interface ObservationFormProps {
  /** What the observation was made in, when recorded from a live room or a listing. */
  context?: { sessionId?: string; listingId?: string; url?: string; label?: string };
}

/**
 * 巡查发现: a note with screenshots and where it was seen, recorded as a lead. From the observer
 * room the live session and its address come along; elsewhere the seller is chosen.
 */
export function ObservationForm({ context }: ObservationFormProps) {
  const { t } = useTranslation();
  const record = useRecordObservation();
  const sellers = useSellers();
  const [note, setNote] = useState('');
  const [url, setUrl] = useState(context?.url ?? '');
  const [sellerId, setSellerId] = useState('');
  const [imageIds, setImageIds] = useState<string[]>([]);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = recordObservationBodySchema.safeParse({
      note,
      imageIds,
      ...(context?.sessionId ? { sessionId: context.sessionId } : {}),
      ...(context?.listingId ? { listingId: context.listingId } : {}),
      ...(sellerId ? { sellerId } : {}),
      ...(url.trim() ? { url: url.trim() } : {}),
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    record.mutate(parsed.data, {
      onSuccess: () => {
        setNote('');
        setImageIds([]);
      },
    });
  }

  return (
    <form className="panel form" onSubmit={submit} data-testid="observation-form">
      <h2 className="section-heading">{t('cases.observation.heading')}</h2>
      <p className="muted">{t('cases.observation.intro')}</p>
      {context?.label && <p className="fine-print">{context.label}</p>}
      <TextAreaField
        label={t('cases.observation.note')}
        rows={3}
        required
        maxLength={1000}
        value={note}
        testId="observation-note"
        onChange={(value) => {
          setNote(value);
          record.reset();
        }}
      />
      <ImageUpload
        label={t('cases.observation.screenshots')}
        imageIds={imageIds}
        onChange={setImageIds}
        max={9}
        testId="observation-screenshots"
      />
      <Field label={t('cases.observation.url')}>
        <input
          className="input"
          type="url"
          maxLength={500}
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          data-testid="observation-url"
        />
      </Field>
      {!context?.sessionId && !context?.listingId && (
        <Field label={t('cases.observation.seller')}>
          <select
            className="input"
            value={sellerId}
            onChange={(event) => setSellerId(event.currentTarget.value)}
            data-testid="observation-seller"
          >
            <option value="">{t('cases.leads.noSeller')}</option>
            {(sellers.data ?? []).map((seller) => (
              <option key={seller.id} value={seller.id}>
                {seller.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {invalid && <p className="field-error">{t('errors.VALIDATION_FAILED')}</p>}
      {record.isError && <ApiErrorAlert error={record.error} />}
      {record.isSuccess && (
        <p className="alert alert-info" role="status">
          {t('cases.observation.saved')}
        </p>
      )}
      <button className="button" type="submit" disabled={record.isPending} data-testid="observation-submit">
        {t('cases.observation.submit')}
      </button>
    </form>
  );
}
