import { useTranslation } from 'react-i18next';
import { useGiveawayControl, useGiveawayWinners } from '../api/giveaways';
import type { GiveawayView } from '../hooks/use-session-giveaway';
import { useSessionGiveaway } from '../hooks/use-session-giveaway';
import type { RoomCommerceContext } from '../types';
import { GiveawayRules, useGiveawayPhase, useGiveawayReason } from './giveaway-card';
import { GiveawayForm } from './giveaway-form';
import { ReasonAlert } from './reason-alert';

const GIVEAWAY_POLL_MS = 10_000;

/** The host's giveaway section: the running one (entries, draw, dispatch list) or the publish form. */
export function StudioGiveaway({
  sessionId,
  sessionStatus,
  subscribe,
}: Omit<RoomCommerceContext, 'signedIn'>) {
  const { t } = useTranslation();
  const control = useGiveawayControl(sessionId);
  const { giveaway } = useSessionGiveaway(sessionId, subscribe, GIVEAWAY_POLL_MS);
  const active = giveaway !== null && giveaway.state !== 'drawn' && giveaway.state !== 'cancelled';
  return (
    <section className="commerce-section" data-testid="studio-giveaway">
      <h3>{t('giveaway.studio.title')}</h3>
      {giveaway && <StudioGiveawayStatus giveaway={giveaway} control={control} />}
      {!active && <GiveawayForm live={sessionStatus === 'live'} publish={control.publish} />}
    </section>
  );
}

function StudioGiveawayStatus({
  giveaway,
  control,
}: {
  giveaway: GiveawayView;
  control: ReturnType<typeof useGiveawayControl>;
}) {
  const { t } = useTranslation();
  const phase = useGiveawayPhase(giveaway);
  const describe = useGiveawayReason(giveaway.keyword);
  const winners = useGiveawayWinners(giveaway.id, phase === 'drawn');
  return (
    <div data-testid="studio-giveaway-status" data-state={phase}>
      <p className="status">{t(`giveaway.states.${phase}`)}</p>
      <GiveawayRules giveaway={giveaway} />
      <p>{t('giveaway.entries', { count: giveaway.entryCount })}</p>
      {phase === 'closed' && (
        <button
          type="button"
          className="button button-primary"
          data-testid="giveaway-draw"
          disabled={control.draw.isPending}
          onClick={() => control.draw.mutate(giveaway.id)}
        >
          {control.draw.isPending ? t('giveaway.studio.drawing') : t('giveaway.studio.draw')}
        </button>
      )}
      {control.draw.isError && <ReasonAlert error={control.draw.error} describe={describe} />}
      {phase === 'drawn' && winners.data && (
        <div data-testid="giveaway-dispatch">
          <h4>{t('giveaway.studio.dispatch')}</h4>
          {winners.data.length === 0 ? (
            <p className="muted">{t('giveaway.noEntries')}</p>
          ) : (
            <ol className="plain-list">
              {winners.data.map((winner) => (
                <li key={winner.entryId}>
                  {t('giveaway.studio.rank', { rank: winner.rank })} {winner.displayName}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
