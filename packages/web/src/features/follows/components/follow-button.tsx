import '../follows.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import type { Shopper } from '../../../lib/shopper';
import { useFollowedShops, useSetFollowing } from '../api/follows';
import { ToggleButton } from './toggle-button';

/** 关注 on a shop page, with the shop's follower count; a visitor signs in first and comes back. */
export function FollowButton({
  slug,
  followerCount,
  shopper,
  signInPath,
}: {
  slug: string;
  followerCount: number;
  shopper: Shopper;
  /** Where a visitor signs in, to come back here after. */
  signInPath: string;
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
        <ToggleButton
          on={following}
          labels={{ turnOn: t('follows.follow'), turnOff: t('follows.unfollow') }}
          busy={shops.isPending || change.isPending}
          onToggle={(next) => change.mutate(next)}
          testId="follow-button"
        />
      )}
      {shopper === 'guest' && (
        <Link to={signInPath} className="button button-small" data-testid="follow-sign-in">
          {t('follows.signInToFollow')}
        </Link>
      )}
      {change.isError && <ApiErrorAlert error={change.error} />}
    </div>
  );
}
