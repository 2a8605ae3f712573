import '../addresses.css';
import { type Address, formatRegion } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Loading } from '../../../components/ui/status';
import { useAddressBookAction, useAddresses } from '../api/addresses';
import { AddressForm } from './address-form';

/** 收货地址: the buyer's address book (add, edit, make default, delete), phone first. */
export function AddressBookPage() {
  const { t } = useTranslation();
  const book = useAddresses();
  // null: no form open; 'new': adding; an id: editing that address.
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAddressBookAction();

  return (
    <div className="page" data-page="address-book">
      <header className="page-header">
        <h1>{t('addresses.title')}</h1>
        <p className="muted">{t('addresses.intro')}</p>
      </header>
      {editing === 'new' ? (
        <section className="panel">
          <AddressForm onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </section>
      ) : (
        <button
          type="button"
          className="button button-primary"
          data-testid="address-add"
          onClick={() => setEditing('new')}
        >
          {t('addresses.add')}
        </button>
      )}
      {action.isError && <ApiErrorAlert error={action.error} />}
      {book.isPending ? (
        <Loading />
      ) : book.isError ? (
        <ApiErrorAlert error={book.error} onRetry={() => void book.refetch()} />
      ) : book.data.length === 0 ? (
        <p className="muted" data-testid="address-empty">
          {t('addresses.empty')}
        </p>
      ) : (
        <ul className="address-list" data-testid="address-list">
          {book.data.map((address) => (
            <li key={address.id} className="address-item" data-address={address.id}>
              {editing === address.id ? (
                <AddressForm
                  address={address}
                  onSaved={() => setEditing(null)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <AddressLines address={address} />
                  <div className="address-item-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing(address.id)}
                    >
                      {t('addresses.edit')}
                    </button>
                    {!address.isDefault && (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={action.isPending}
                        data-testid="address-make-default"
                        onClick={() => action.mutate({ kind: 'makeDefault', addressId: address.id })}
                      >
                        {t('addresses.makeDefault')}
                      </button>
                    )}
                    <ConfirmButton
                      small
                      tone="danger"
                      label={t('addresses.delete')}
                      question={t('addresses.confirmDelete')}
                      pending={action.isPending}
                      testId="address-delete"
                      onConfirm={() => action.mutate({ kind: 'delete', addressId: address.id })}
                    />
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One book entry: who, which mobile, where; the default marked. */
export function AddressLines({ address }: { address: Address }) {
  const { t } = useTranslation();
  return (
    <div className="shipping-address">
      <p>
        <strong>{address.recipientName}</strong> <span className="mono">{address.mobile}</span>{' '}
        {address.isDefault && <span className="status">{t('addresses.default')}</span>}
      </p>
      <p>
        {formatRegion(address)} {address.detail}
      </p>
    </div>
  );
}
