import { INPUT_PATTERNS } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../lib/shanghai-time';
import { decimalToInteger } from '../../lib/units';
import { Field } from '../ui/field';

/** The fields a seller's registration and a lab's issue have in common (the shared body schema). */
export interface CertificateFieldValues {
  number: string;
  identification: string;
  weightMg?: number;
  weightCt100?: number;
  dimensions?: string;
  shape?: string;
  color?: string;
  origin?: string;
  issuedOn: string;
  quantity: number;
}

const optional = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value ? value : undefined;
};

/** Reads the fields from a submitted form; `null` when the weight is not a valid decimal for its unit. */
export function readCertificateFields(form: FormData): CertificateFieldValues | null {
  const weightText = String(form.get('weight') ?? '').trim();
  const unit = String(form.get('weightUnit') ?? 'g');
  const weight = weightText ? decimalToInteger(weightText, unit === 'ct' ? 2 : 3) : undefined;
  if (weight === null || weight === 0) return null;
  return {
    number: String(form.get('number') ?? '').trim(),
    identification: String(form.get('identification') ?? '').trim(),
    ...(weight !== undefined ? (unit === 'ct' ? { weightCt100: weight } : { weightMg: weight }) : {}),
    dimensions: optional(form, 'dimensions'),
    shape: optional(form, 'shape'),
    color: optional(form, 'color'),
    origin: optional(form, 'origin'),
    issuedOn: String(form.get('issuedOn') ?? ''),
    quantity: Number(form.get('quantity') ?? 1) || 1,
  };
}

export function CertificateFields() {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <Field label={t('goods.number')}>
          <input
            className="input mono"
            name="number"
            required
            minLength={3}
            maxLength={40}
            pattern={INPUT_PATTERNS.certificateNumber}
            data-testid="certificate-number"
          />
        </Field>
        <Field label={t('goods.issuedOn')}>
          <input
            className="input"
            type="date"
            name="issuedOn"
            required
            defaultValue={shanghaiToday()}
            max={shanghaiToday()}
          />
        </Field>
      </div>
      <Field label={t('goods.identification')} hint={t('certificates.identificationHint')}>
        <input
          className="input"
          name="identification"
          required
          minLength={2}
          maxLength={80}
          data-testid="certificate-identification"
        />
      </Field>
      <div className="form-row">
        <Field label={t('certificates.weightValue')}>
          <input className="input" name="weight" inputMode="decimal" data-testid="certificate-weight" />
        </Field>
        <Field label={t('certificates.weightUnit')}>
          <select className="input" name="weightUnit" defaultValue="g">
            <option value="g">{t('certificates.grams')}</option>
            <option value="ct">{t('certificates.carats')}</option>
          </select>
        </Field>
        <Field label={t('goods.quantity')}>
          <input className="input" type="number" name="quantity" min={1} max={10000} defaultValue={1} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('goods.dimensions')}>
          <input className="input" name="dimensions" maxLength={80} />
        </Field>
        <Field label={t('goods.shape')}>
          <input className="input" name="shape" maxLength={40} />
        </Field>
        <Field label={t('goods.color')}>
          <input className="input" name="color" maxLength={40} />
        </Field>
        <Field label={t('goods.origin')}>
          <input className="input" name="origin" maxLength={40} />
        </Field>
      </div>
    </>
  );
}
