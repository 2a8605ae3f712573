import type { OrderReturn } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../i18n/format';
import { imageUrl } from '../../lib/images';

/**
 * What each side said and showed in a no-reason return, with its deadlines: the buyer's and the
 * seller's order pages and the platform's arbitration page show the same account.
 */
export function ReturnFacts({ orderReturn }: { orderReturn: OrderReturn }) {
  const { t } = useTranslation();
  const time = useDateTimeFormat();
  const r = orderReturn;
  const waitingForSeller = !r.approvedAt && !r.refusedAt;
  return (
    <div className="return-facts" data-testid="return-facts">
      <h2 className="section-heading">{t('returns.title')}</h2>
      <ul className="fact-list">
        <li>
          {t('returns.facts.reason', { reason: r.reason })} ·{' '}
          {t('returns.facts.requestedAt', { time: time(r.requestedAt) })}
        </li>
        <Photos ids={r.photoIds} />
        {waitingForSeller && <li>{t('returns.facts.respondBy', { time: time(r.respondBy) })}</li>}
        {r.refusalReason && (
          <li data-testid="return-refusal">{t('returns.facts.refusal', { reason: r.refusalReason })}</li>
        )}
        {r.escalateBy && !r.escalatedAt && !r.arbitration && (
          <li>{t('returns.facts.escalateBy', { time: time(r.escalateBy) })}</li>
        )}
        {r.buyerStatement && <li>{t('returns.facts.buyerStatement', { statement: r.buyerStatement })}</li>}
        <Photos ids={r.buyerStatementPhotoIds} />
        {r.approvedAt && <li>{t('returns.facts.approvedAt', { time: time(r.approvedAt) })}</li>}
        {r.returnShippedAt && (
          <li>
            {t('returns.facts.shipment', {
              carrier: r.returnCarrier,
              trackingNumber: r.returnTrackingNumber,
              time: time(r.returnShippedAt),
            })}
          </li>
        )}
        {r.damageReport && <li>{t('returns.facts.damage', { report: r.damageReport })}</li>}
        <Photos ids={r.damagePhotoIds} />
        {r.arbitration && (
          <li data-testid="return-arbitration">
            {t('returns.facts.arbitration', {
              time: time(r.arbitration.decidedAt),
              side: t(`returns.facts.sides.${r.arbitration.decidedFor}`),
              reason: r.arbitration.reason,
            })}
          </li>
        )}
      </ul>
    </div>
  );
}

function Photos({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <li>
      <span className="fine-print">{t('returns.facts.photos')}</span>
      <ul className="thumb-list">
        {ids.map((id) => (
          <li key={id}>
            <a href={imageUrl(id)} target="_blank" rel="noreferrer">
              <img src={imageUrl(id)} alt="" className="thumb" loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}
