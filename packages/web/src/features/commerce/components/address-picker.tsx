import '../addresses.css';
import type { Order } from '@jadelive/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { commercePaths } from '../../../lib/paths';
import { useAddresses, useSetOrderAddress } from '../api/addresses';
import { AddressLines } from './address-book-page';
import { AddressForm } from './address-form';
import { ShippingAddressView } from './shipping-address-view';

/**
 * Where an unpaid order ships, chosen before paying: the buyer's default is taken at once (and
 * can be changed), another address of the book, or a new one typed here. Paid orders show theirs.
 */
export function OrderAddressPicker({ order }: { order: Order }) {
  const { t } = useTranslation();
  const book = useAddresses();
  const choose = useSetOrderAddress(order.id);
  const [changing, setChanging] = useState(false);
  const [adding, setAdding] = useState(false);
  const triedDefault = useRef(false);
  const pending = order.status === 'pending_payment';
  const chooseAddress = choose.mutate;
  const defaultAddress = book.data?.find((address) => address.isDefault);

  useEffect(() => {
    // A grab or an auction win arrives without an address: the default is the usual answer.
    if (!pending || order.shippingAddress || !defaultAddress || triedDefault.current) return;
    triedDefault.current = true;
    chooseAddress(defaultAddress.id);
  }, [pending, order.shippingAddress, defaultAddress, chooseAddress]);

  const picked = (addressId: string) =>
    choose.mutate(addressId, {
      onSuccess: () => {
        setChanging(false);
        setAdding(false);
      },
    });

  return (
    <section className="panel address-picker" data-testid="address-picker">
      <h2>{t('addresses.picker.title')}</h2>
      {order.shippingAddress && !changing ? (
        <>
          <ShippingAddressView address={order.shippingAddress} />
          {pending ? (
            <button
              type="button"
              className="button button-small"
              data-testid="address-change"
              onClick={() => setChanging(true)}
            >
              {t('addresses.picker.change')}
            </button>
          ) : (
            <p className="fine-print">{t('addresses.picker.locked')}</p>
          )}
        </>
      ) : pending ? (
        <>
          <p className="alert alert-info" data-testid="address-needed">
            {t('addresses.picker.needed')}
          </p>
          {book.isPending ? (
            <Loading />
          ) : book.isError ? (
            <ApiErrorAlert error={book.error} onRetry={() => void book.refetch()} />
          ) : (
            <>
              {book.data.length > 0 && (
                <ul className="address-list">
                  {book.data.map((address) => (
                    <li key={address.id} className="address-item" data-address={address.id}>
                      <AddressLines address={address} />
                      <button
                        type="button"
                        className="button button-small button-primary"
                        disabled={choose.isPending}
                        data-testid="address-choose"
                        onClick={() => picked(address.id)}
                      >
                        {t('addresses.picker.deliverHere')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {adding || book.data.length === 0 ? (
                <AddressForm
                  onSaved={(address) => picked(address.id)}
                  onCancel={book.data.length > 0 ? () => setAdding(false) : undefined}
                />
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="address-use-new"
                  onClick={() => setAdding(true)}
                >
                  {t('addresses.picker.useNew')}
                </button>
              )}
            </>
          )}
        </>
      ) : null}
      {choose.isError && <ApiErrorAlert error={choose.error} />}
      {pending && (
        <Link to={commercePaths.addresses} className="fine-print">
          {t('addresses.picker.manage')}
        </Link>
      )}
    </section>
  );
}
