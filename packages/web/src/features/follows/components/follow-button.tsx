import '../follows.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { paths } from '../../../lib/paths';
import type { Shopper } from '../../../lib/shopper';
import { useFollowedShops, useSetFollowing } from '../api/follows';

/** 关注 on a shop page, with the shop's follower count; a visitor signs in first and comes back. */
export function FollowButton({
  slug,
  followerCount,
  shopper,
  returnTo,
}: {
  slug: string;
  followerCount: number;
  shopper: Shopper;
  returnTo: string;
}) {
  const { t } = useTranslation();
  const shops = useFollowedShops(shopper === 'buyer');
  const change = useSetFollowing(slug);
  const following = change.data?.following ?? shops.data?.some((row) => row.shop.slug === slug) ?? false;
  const count = change.data?.followerCount ?? followerCount;

  return (
    <div className="follow-shop" data-testid="follow-shop" data-following={following}>
      <span className="muted" data-testid="follower-count" data-count={count}>
        {t('follows.followerCount', { count })}
      </span>
      {shopper === 'buyer' && (
        <button
          type="button"
          className={following ? 'button button-small' : 'button button-small button-primary'}
          data-testid="follow-button"
          disabled={shops.isPending || change.isPending}
          onClick={() => change.mutate(!following)}
        >
          {following ? t('follows.unfollow') : t('follows.follow')}
        </button>
      )}
      {shopper === 'guest' && (
        <Link
          to={`${paths.login}?next=${encodeURIComponent(returnTo)}`}
          className="button button-small"
          data-testid="follow-sign-in"
        >
          {t('follows.signInToFollow')}
        </Link>
      )}
      {change.isError && <ApiErrorAlert error={change.error} />}
    </div>
  );
}
