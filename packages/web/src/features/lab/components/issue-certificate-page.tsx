import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { CertificateFields, readCertificateFields } from '../../../components/forms/certificate-fields';
import { Field } from '../../../components/ui/field';
import { ImageUpload } from '../../../components/ui/image-upload';
import { consolePaths } from '../../../lib/paths';
import { useIssueCertificate, useSellers } from '../api/lab-certificates';

/** A lab issues a certificate to a seller; it is verified from the start. */
export function IssueCertificatePage() {
  const { t } = useTranslation();
  const sellers = useSellers();
  const issue = useIssueCertificate();
  const [photo, setPhoto] = useState<string[]>([]);
  const [weightError, setWeightError] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = readCertificateFields(form);
    setWeightError(fields === null);
    if (!fields) return;
    issue.mutate(
      {
        ...fields,
        holderOrgId: String(form.get('holderOrgId')),
        ...(photo[0] ? { photoImageId: photo[0] } : {}),
      },
      {
        onSuccess: (certificate) => {
          setIssued(certificate.number);
          setPhoto([]);
          formElement.reset();
        },
      },
    );
  }

  return (
    <div className="page" data-page="lab-issue">
      <Link to={consolePaths.lab.certificates} className="back-link">
        ← {t('lab.certificatesHeading')}
      </Link>
      <header className="page-header">
        <h1>{t('lab.issueTitle')}</h1>
        <p className="muted">{t('lab.issueIntro')}</p>
      </header>
      <form className="panel form" onSubmit={submit} data-testid="issue-certificate-form">
        <Field label={t('lab.holder')}>
          <select className="input" name="holderOrgId" required defaultValue="">
            <option value="" disabled>
              {t('lab.chooseHolder')}
            </option>
            {(sellers.data ?? []).map((seller) => (
              <option key={seller.id} value={seller.id}>
                {seller.district ? `${seller.name}（${seller.district}）` : seller.name}
              </option>
            ))}
          </select>
        </Field>
        <CertificateFields />
        {weightError && <p className="field-error">{t('certificates.invalidWeight')}</p>}
        <ImageUpload label={t('certificates.photo')} imageIds={photo} onChange={setPhoto} />
        {issue.isError && <ApiErrorAlert error={issue.error} />}
        {issued && (
          <p className="alert alert-info" role="status">
            {t('lab.issued', { number: issued })}
          </p>
        )}
        <button className="button button-primary" type="submit" disabled={issue.isPending}>
          {issue.isPending ? t('lab.submitting') : t('lab.submit')}
        </button>
      </form>
    </div>
  );
}
