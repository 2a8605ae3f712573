import '../catalog.css';
import type { UpcomingSession } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { useStorefront } from '../api/get-storefront';
import { ListingCard } from './listing-card';
import type { ListingForSale } from './listing-page';

/** What the app composes into a shop page: following the shop, reminders, buying a listing. */
export interface ShopPageSlots {
  renderFollow?: (shop: { slug: string; followerCount: number }) => ReactNode;
  renderRemind?: (session: UpcomingSession) => ReactNode;
  renderBuy?: (listing: ListingForSale) => ReactNode;
}

/**
 * A seller's public storefront: who they are (with their registered entity), its live sessions to
 * come, and what they sell.
 */
export function ShopPage({ renderFollow, renderRemind, renderBuy }: ShopPageSlots) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const { slug = '' } = useParams();
  const shop = useStorefront(slug);

  if (shop.isPending) return <Loading />;
  if (shop.isError) return <ApiErrorAlert error={shop.error} onRetry={() => void shop.refetch()} />;
  const { seller, profile, bases, listings, upcomingSessions, auctionListingIds, followerCount } = shop.data;

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
        {renderFollow?.({ slug: seller.slug, followerCount })}
      </header>
      <section data-testid="shop-sessions">
        <h2 className="section-heading">{t('catalog.shop.sessions')}</h2>
        {upcomingSessions.length === 0 ? (
          <EmptyState>{t('catalog.shop.noSessions')}</EmptyState>
        ) : (
          <ul className="shop-sessions">
            {upcomingSessions.map((session) => (
              <li key={session.id} data-session={session.id} data-status={session.status}>
                <span>
                  <span className="cell-name">{session.title}</span>{' '}
                  {session.status === 'live' ? (
                    <span className="chip">{t('catalog.shop.live')}</span>
                  ) : (
                    <span className="muted">
                      {t('catalog.shop.plannedAt', { time: format(session.plannedStartAt) })}
                    </span>
                  )}
                </span>
                {renderRemind?.(session)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2 className="section-heading">{t('catalog.shop.listings')}</h2>
        {listings.length === 0 ? (
          <EmptyState>{t('catalog.shop.empty')}</EmptyState>
        ) : (
          <div className="listing-grid">
            {listings.map((item) => (
              <div className="shop-listing" key={item.id}>
                <ListingCard item={item} />
                {renderBuy?.({ ...item, auctionRunning: auctionListingIds.includes(item.id) })}
              </div>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
