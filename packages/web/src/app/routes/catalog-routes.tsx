import { useLocation } from 'react-router';
import { useSession } from '../../features/auth/api/get-session';
import { type ListingForSale, ListingPage } from '../../features/catalog/components/listing-page';
import { ShopPage } from '../../features/catalog/components/shop-page';
import { BuyListing } from '../../features/commerce/components/buy-listing';
import { FollowButton } from '../../features/follows/components/follow-button';
import { RemindButton } from '../../features/follows/components/remind-button';
import { shopperOf } from '../../lib/shopper';

/** Who is looking, and where to come back to after signing in. */
function useShopper() {
  const { data } = useSession();
  const location = useLocation();
  return { shopper: shopperOf(data), returnTo: `${location.pathname}${location.search}` };
}

/** The listing page with 立即购买 from the commerce feature (nothing until the session is known). */
export function ListingRoute() {
  const { shopper, returnTo } = useShopper();
  const renderBuy = (listing: ListingForSale) =>
    shopper && <BuyListing listing={listing} shopper={shopper} returnTo={returnTo} />;
  return <ListingPage renderBuy={renderBuy} />;
}

/** The shop page with following, reminders and 立即购买 composed in. */
export function ShopRoute() {
  const { shopper, returnTo } = useShopper();
  if (!shopper) return <ShopPage />;
  return (
    <ShopPage
      renderFollow={(shop) => (
        <FollowButton
          slug={shop.slug}
          followerCount={shop.followerCount}
          shopper={shopper}
          returnTo={returnTo}
        />
      )}
      renderRemind={(session) => <RemindButton session={session} shopper={shopper} returnTo={returnTo} />}
      renderBuy={(listing) => <BuyListing listing={listing} shopper={shopper} returnTo={returnTo} />}
    />
  );
}
