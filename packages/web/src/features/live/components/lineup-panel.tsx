import type { PinnedCard } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/units';

interface LineupPanelProps {
  lineup: (PinnedCard & { position: number })[];
  pinnedListingId: string | null;
  onPin(listingId: string | null): void;
  busy: boolean;
  canPin: boolean;
}

/** The session's goods in order; the host pins one as the 讲解卡 and takes it down again. */
export function LineupPanel({ lineup, pinnedListingId, onPin, busy, canPin }: LineupPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel lineup-panel" data-testid="lineup-panel">
      <h2 className="section-heading">{t('live.studio.lineup')}</h2>
      {lineup.length === 0 && <p className="empty">{t('live.studio.emptyLineup')}</p>}
      <ol className="lineup-list">
        {lineup.map((item) => {
          const pinned = item.listingId === pinnedListingId;
          return (
            <li
              key={item.listingId}
              className={pinned ? 'lineup-item lineup-pinned' : 'lineup-item'}
              data-testid="lineup-item"
              data-listing={item.listingId}
              data-pinned={pinned ? 'true' : 'false'}
            >
              <span className="lineup-title">{item.title}</span>
              <span className="lineup-price">{formatFen(item.priceFen)}</span>
              {pinned ? (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="unpin-button"
                  disabled={busy || !canPin}
                  onClick={() => onPin(null)}
                >
                  {t('live.studio.unpin')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-small button-primary"
                  data-testid="pin-button"
                  disabled={busy || !canPin || item.listingStatus !== 'published'}
                  onClick={() => onPin(item.listingId)}
                >
                  {t('live.studio.pin')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
