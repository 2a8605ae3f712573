import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { CertificateFields, readCertificateFields } from '../../../components/forms/certificate-fields';
import { Field } from '../../../components/ui/field';
import { ImageUpload } from '../../../components/ui/image-upload';
import { useLabs } from '../../../lib/labs';
import { useRegisterCertificate } from '../api/register-certificate';

/** Registers a certificate in the name of a lab on the platform (which confirms it) or an outside one. */
export function RegisterCertificateForm() {
  const { t } = useTranslation();
  const labs = useLabs();
  const register = useRegisterCertificate();
  const [labSource, setLabSource] = useState<'platform' | 'outside'>('platform');
  const [photo, setPhoto] = useState<string[]>([]);
  const [weightError, setWeightError] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = readCertificateFields(form);
    setWeightError(fields === null);
    if (!fields) return;
    const lab =
      labSource === 'platform'
        ? { labOrgId: String(form.get('labOrgId')) }
        : { externalLabName: String(form.get('externalLabName')).trim() };
    register.mutate(
      { ...fields, ...lab, ...(photo[0] ? { photoImageId: photo[0] } : {}) },
      {
        onSuccess: (certificate) => {
          setRegistered(certificate.number);
          setPhoto([]);
          formElement.reset();
        },
      },
    );
  }

  return (
    <section className="panel">
      <h2 className="section-heading">{t('certificates.registerHeading')}</h2>
      <form className="form" onSubmit={submit} data-testid="register-certificate-form">
        <fieldset className="segmented">
          <legend className="field-label">{t('certificates.labChoice')}</legend>
          {(['platform', 'outside'] as const).map((source) => (
            <label key={source} className="checkbox">
              <input
                type="radio"
                name="labSource"
                value={source}
                checked={labSource === source}
                onChange={() => setLabSource(source)}
              />
              <span>
                {source === 'platform' ? t('certificates.labOnPlatform') : t('certificates.labOutside')}
              </span>
            </label>
          ))}
        </fieldset>
        {labSource === 'platform' ? (
          <Field label={t('goods.lab')}>
            <select className="input" name="labOrgId" required defaultValue="" data-testid="certificate-lab">
              <option value="" disabled>
                {t('certificates.chooseLab')}
              </option>
              {(labs.data ?? []).map((lab) => (
                <option key={lab.id} value={lab.id} data-slug={lab.slug}>
                  {lab.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field label={t('certificates.externalLabName')} hint={t('certificates.externalLabHint')}>
            <input className="input" name="externalLabName" required minLength={2} maxLength={80} />
          </Field>
        )}
        <CertificateFields />
        {weightError && <p className="field-error">{t('certificates.invalidWeight')}</p>}
        <ImageUpload
          label={t('certificates.photo')}
          imageIds={photo}
          onChange={setPhoto}
          testId="certificate-photo"
        />
        {register.isError && <ApiErrorAlert error={register.error} />}
        {registered && (
          <p className="alert alert-info" role="status" data-testid="certificate-registered">
            {t('certificates.registered', { number: registered })}
          </p>
        )}
        <button
          className="button button-primary"
          type="submit"
          disabled={register.isPending}
          data-testid="certificate-submit"
        >
          {register.isPending ? t('certificates.submitting') : t('certificates.submit')}
        </button>
      </form>
    </section>
  );
}
