import type { Address, AddressBody, RegionTree } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/status';
import { useRegions, useSaveAddress } from '../api/addresses';

// Compiles with and without the `v` flag browsers use for `pattern` (no escapes, no classes to fold).
const MOBILE_PATTERN = '1[3-9][0-9]{9}';

interface AddressFormProps {
  /** The address to edit; a new one when absent. */
  address?: Address;
  onSaved: (address: Address) => void;
  onCancel?: () => void;
}

/** 收货人, mobile, province → city → district from the region tree, and the street address. */
export function AddressForm({ address, onSaved, onCancel }: AddressFormProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const save = useSaveAddress(address?.id ?? null);
  const [provinceCode, setProvinceCode] = useState(address?.provinceCode ?? '');
  const [cityCode, setCityCode] = useState(address?.cityCode ?? '');
  const [districtCode, setDistrictCode] = useState(address?.districtCode ?? '');

  if (regions.isPending) return <Loading />;
  if (regions.isError) return <ApiErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />;
  const { cities, districts } = choicesFor(regions.data, provinceCode, cityCode);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: AddressBody = {
      recipientName: String(form.get('recipientName') ?? '').trim(),
      mobile: String(form.get('mobile') ?? '').trim(),
      provinceCode,
      cityCode,
      districtCode: districts.length > 0 ? districtCode : null,
      detail: String(form.get('detail') ?? '').trim(),
      isDefault: form.get('isDefault') === 'on',
    };
    save.mutate(body, { onSuccess: onSaved });
  }

  return (
    <form className="form address-form" data-testid="address-form" onSubmit={submit}>
      <Field label={t('addresses.form.recipientName')}>
        <input
          className="input"
          name="recipientName"
          required
          maxLength={30}
          autoComplete="name"
          defaultValue={address?.recipientName}
          data-testid="address-recipient"
        />
      </Field>
      <Field label={t('addresses.form.mobile')} hint={t('addresses.form.mobileHint')}>
        <input
          className="input mono"
          name="mobile"
          type="tel"
          inputMode="numeric"
          required
          pattern={MOBILE_PATTERN}
          maxLength={11}
          autoComplete="tel-national"
          defaultValue={address?.mobile}
          data-testid="address-mobile"
        />
      </Field>
      <div className="form-row region-row">
        <Field label={t('addresses.form.province')}>
          <select
            className="input"
            required
            value={provinceCode}
            data-testid="address-province"
            onChange={(event) => {
              setProvinceCode(event.currentTarget.value);
              setCityCode('');
              setDistrictCode('');
            }}
          >
            <option value="">{t('addresses.choose')}</option>
            {regions.data.provinces.map((province) => (
              <option key={province.code} value={province.code}>
                {province.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('addresses.form.city')}>
          <select
            className="input"
            required
            value={cityCode}
            disabled={cities.length === 0}
            data-testid="address-city"
            onChange={(event) => {
              setCityCode(event.currentTarget.value);
              setDistrictCode('');
            }}
          >
            <option value="">{t('addresses.choose')}</option>
            {cities.map((city) => (
              <option key={city.code} value={city.code}>
                {city.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('addresses.form.district')}>
          <select
            className="input"
            required={districts.length > 0}
            value={districtCode}
            disabled={districts.length === 0}
            data-testid="address-district"
            onChange={(event) => setDistrictCode(event.currentTarget.value)}
          >
            <option value="">
              {cityCode && districts.length === 0 ? t('addresses.form.noDistricts') : t('addresses.choose')}
            </option>
            {districts.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('addresses.form.detail')} hint={t('addresses.form.detailHint')}>
        <textarea
          className="input"
          name="detail"
          required
          minLength={2}
          maxLength={120}
          rows={2}
          autoComplete="street-address"
          defaultValue={address?.detail}
          data-testid="address-detail"
        />
      </Field>
      {!address?.isDefault && (
        <label className="checkbox">
          <input type="checkbox" name="isDefault" data-testid="address-default" />{' '}
          {t('addresses.form.isDefault')}
        </label>
      )}
      {save.isError && <ApiErrorAlert error={save.error} />}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending}
          data-testid="address-save"
        >
          {t('addresses.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('addresses.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function choicesFor(tree: RegionTree, provinceCode: string, cityCode: string) {
  const cities = tree.provinces.find((province) => province.code === provinceCode)?.cities ?? [];
  const districts = cities.find((city) => city.code === cityCode)?.districts ?? [];
  return { cities, districts };
}
