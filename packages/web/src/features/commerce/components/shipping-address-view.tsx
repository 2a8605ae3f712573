import { formatRegion, type OrderShippingAddress } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';

/** Where an order ships, as the server let this reader see it (masked for a host). */
export function ShippingAddressView({ address }: { address: OrderShippingAddress }) {
  const { t } = useTranslation();
  return (
    <div className="shipping-address" data-testid="shipping-address" data-masked={address.masked}>
      <p>
        <strong data-testid="shipping-recipient">{address.recipientName}</strong>{' '}
        <span className="mono" data-testid="shipping-mobile">
          {address.mobile}
        </span>
      </p>
      <p data-testid="shipping-region">
        {formatRegion(address)}
        {address.detail && <> {address.detail}</>}
      </p>
      {address.masked && <p className="fine-print">{t('addresses.view.masked')}</p>}
    </div>
  );
}
