import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';

export interface Shipment {
  carrier: string;
  trackingNumber: string;
}

/**
 * A parcel's carrier and tracking number: the shop shipping an order, or the buyer sending a
 * return back. Test ids are `<testId>-form`, `-carrier`, `-tracking`, `-submit`.
 */
export function ShipmentForm(props: {
  testId: string;
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
  onSubmit: (shipment: Shipment) => void;
  /** Said under the button, e.g. why it is disabled. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  return (
    <form
      className="form"
      data-testid={`${props.testId}-form`}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit({ carrier: carrier.trim(), trackingNumber: trackingNumber.trim() });
      }}
    >
      <div className="form-row">
        <Field label={t('commerce.ship.carrier')}>
          <input
            className="input"
            required
            maxLength={40}
            data-testid={`${props.testId}-carrier`}
            placeholder={t('commerce.ship.carrierPlaceholder')}
            value={carrier}
            onChange={(event) => setCarrier(event.currentTarget.value)}
          />
        </Field>
        <Field label={t('commerce.ship.trackingNumber')} hint={t('commerce.ship.trackingHint')}>
          <input
            className="input mono"
            required
            minLength={4}
            maxLength={40}
            pattern="[A-Za-z0-9\-]+"
            data-testid={`${props.testId}-tracking`}
            value={trackingNumber}
            onChange={(event) => setTrackingNumber(event.currentTarget.value)}
          />
        </Field>
      </div>
      <button
        type="submit"
        className="button button-primary"
        data-testid={`${props.testId}-submit`}
        disabled={props.pending || props.disabled}
      >
        {props.submitLabel}
      </button>
      {props.children}
    </form>
  );
}
