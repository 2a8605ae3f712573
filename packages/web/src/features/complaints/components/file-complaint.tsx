import {
  COMPLAINT_ANSWER_DAYS,
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  type ComplaintSubjectRef,
  fileComplaintBodySchema,
} from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { ImageUpload } from '../../../components/ui/image-upload';
import { complaintPaths } from '../../../lib/paths';
import type { Shopper } from '../../../lib/shopper';
import { useFileComplaint } from '../api/complaints';

interface FileComplaintProps {
  subject: ComplaintSubjectRef;
  /** The listing's or session's title, as the form names it. */
  title: string;
  shopper: Shopper | undefined;
  signInPath: string;
}

/**
 * 投诉: a button on an order, a listing or a live session that opens the complaint form for buyers
 * (category, what happened, photos). Guests are sent to sign in; members of organisations see nothing.
 */
export function FileComplaint({ subject, title, shopper, signInPath }: FileComplaintProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [filedId, setFiledId] = useState<string | null>(null);
  if (shopper === 'guest') {
    return (
      <Link to={signInPath} className="button button-small button-quiet" data-testid="complain-sign-in">
        {t('complaints.entry.signIn')}
      </Link>
    );
  }
  if (shopper !== 'buyer') return null;
  if (filedId) {
    return (
      <p className="alert alert-info" role="status" data-testid="complaint-filed">
        {t('complaints.entry.filed', { days: COMPLAINT_ANSWER_DAYS })}{' '}
        <Link to={complaintPaths.buyerComplaint(filedId)}>{t('complaints.entry.view')}</Link>
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        className="button button-small button-quiet"
        data-testid="complain"
        onClick={() => setOpen(true)}
      >
        {t('complaints.entry.button')}
      </button>
    );
  }
  return (
    <ComplaintForm
      subject={subject}
      title={title}
      onFiled={(id) => setFiledId(id)}
      onCancel={() => setOpen(false)}
    />
  );
}

function ComplaintForm({
  subject,
  title,
  onFiled,
  onCancel,
}: {
  subject: ComplaintSubjectRef;
  title: string;
  onFiled: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const file = useFileComplaint();
  const [category, setCategory] = useState<ComplaintCategory>(COMPLAINT_CATEGORIES[0]);
  const [description, setDescription] = useState('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = fileComplaintBodySchema.safeParse({ subject, category, description, photoIds });
    setInvalid(!body.success);
    if (body.success) file.mutate(body.data, { onSuccess: (complaint) => onFiled(complaint.id) });
  }

  return (
    <form className="panel form complaint-form" onSubmit={submit} data-testid="complaint-form">
      <h2 className="section-heading">
        {t('complaints.form.heading', { kind: t(`complaints.subjectKinds.${subject.kind}`), title })}
      </h2>
      <Field label={t('complaints.form.category')}>
        <select
          className="input"
          name="category"
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value as ComplaintCategory)}
        >
          {COMPLAINT_CATEGORIES.map((entry) => (
            <option key={entry} value={entry}>
              {t(`complaints.categories.${entry}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('complaints.form.description')}>
        <textarea
          className="input textarea"
          name="description"
          rows={4}
          required
          minLength={10}
          maxLength={2000}
          placeholder={t('complaints.form.descriptionPlaceholder')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
      </Field>
      <ImageUpload
        label={t('complaints.form.photos')}
        imageIds={photoIds}
        onChange={setPhotoIds}
        max={9}
        owner="buyer"
        testId="complaint-photos"
      />
      {invalid && <p className="alert alert-error">{t('errors.VALIDATION_FAILED')}</p>}
      {file.isError && <ApiErrorAlert error={file.error} />}
      <div className="button-row">
        <button className="button button-primary" type="submit" disabled={file.isPending}>
          {file.isPending ? t('complaints.form.submitting') : t('complaints.form.submit')}
        </button>
        <button className="button button-quiet" type="button" onClick={onCancel}>
          {t('complaints.form.cancel')}
        </button>
      </div>
    </form>
  );
}
