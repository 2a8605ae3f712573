import '../catalog.css';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useStorefront } from '../api/get-storefront';
import { ListingCard } from './listing-card';

/** A seller's public storefront: who they are (with their registered entity) and what they sell. */
export function ShopPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const shop = useStorefront(slug);

  if (shop.isPending) return <Loading />;
  if (shop.isError) return <ApiErrorAlert error={shop.error} onRetry={() => void shop.refetch()} />;
  const { seller, profile, bases, listings } = shop.data;

  return (
    <div className="page" data-page="shop" data-shop={seller.slug}>
      <header className="page-header shop-header">
        <h1>{t('catalog.shop.title', { name: seller.name })}</h1>
        {seller.district && (
          <p className="muted">{t('catalog.shop.district', { district: seller.district })}</p>
        )}
        {profile?.legalName && (
          <p className="fine-print">{t('catalog.shop.legalName', { name: profile.legalName })}</p>
        )}
        {profile?.creditCode && (
          <p className="fine-print">{t('catalog.shop.creditCode', { code: profile.creditCode })}</p>
        )}
        {profile?.description && <p className="prewrap">{profile.description}</p>}
        {profile && profile.categories.length > 0 && (
          <div className="chips">
            {profile.categories.map((category) => (
              <span className="chip" key={category}>
                {t(`goods.categories.${category}`)}
              </span>
            ))}
          </div>
        )}
        {bases.length > 0 && (
          <p className="muted">
            {t('catalog.shop.bases')}: {bases.map((base) => base.name).join('、')}
          </p>
        )}
      </header>
      <section>
        <h2 className="section-heading">{t('catalog.shop.listings')}</h2>
        {listings.length === 0 ? (
          <EmptyState>{t('catalog.shop.empty')}</EmptyState>
        ) : (
          <div className="listing-grid">
            {listings.map((item) => (
              <ListingCard key={item.id} item={item} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
