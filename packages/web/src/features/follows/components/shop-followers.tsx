import { useTranslation } from 'react-i18next';
import { useFollowerCount } from '../api/follows';

/** On the seller's home: how many buyers follow the shop (they are told when it goes live). */
export function ShopFollowers() {
  const { t } = useTranslation();
  const count = useFollowerCount();
  if (count.data === undefined) return null;
  return (
    <p className="muted" data-testid="shop-follower-count" data-count={count.data}>
      {t('follows.seller.followers', { count: count.data })}
    </p>
  );
}
