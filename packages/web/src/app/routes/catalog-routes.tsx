import { useLocation } from 'react-router';
import { useSession } from '../../features/auth/api/get-session';
import { type ListingForSale, ListingPage } from '../../features/catalog/components/listing-page';
import { ShopPage } from '../../features/catalog/components/shop-page';
import { BuyListing } from '../../features/commerce/components/buy-listing';
import { FileComplaint } from '../../features/complaints/components/file-complaint';
import { FollowButton } from '../../features/follows/components/follow-button';
import { RemindButton } from '../../features/follows/components/remind-button';
import { paths } from '../../lib/paths';
import { shopperOf } from '../../lib/shopper';

/** Who is looking, and where they sign in to come back to this page. */
function useShopper() {
  const { data } = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return { shopper: shopperOf(data), signInPath: `${paths.login}?next=${encodeURIComponent(here)}` };
}

/**
 * The listing page with 立即购买 from the commerce feature and 投诉 from the complaints feature
 * (nothing until the session is known).
 */
export function ListingRoute() {
  const { shopper, signInPath } = useShopper();
  const renderBuy = (listing: ListingForSale) =>
    shopper && (
      <>
        <BuyListing listing={listing} shopper={shopper} signInPath={signInPath} />
        <FileComplaint
          subject={{ kind: 'listing', id: listing.id }}
          title={listing.title}
          shopper={shopper}
          signInPath={signInPath}
        />
      </>
    );
  return <ListingPage renderBuy={renderBuy} />;
}

/** The shop page with following, reminders and 立即购买 composed in. */
export function ShopRoute() {
  const { shopper, signInPath } = useShopper();
  if (!shopper) return <ShopPage />;
  return (
    <ShopPage
      renderFollow={(shop) => (
        <FollowButton
          slug={shop.slug}
          followerCount={shop.followerCount}
          shopper={shopper}
          signInPath={signInPath}
        />
      )}
      renderRemind={(session) => <RemindButton session={session} shopper={shopper} signInPath={signInPath} />}
      renderBuy={(listing) => <BuyListing listing={listing} shopper={shopper} signInPath={signInPath} />}
    />
  );
}
