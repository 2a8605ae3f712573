import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../i18n/format';
import { formatFenExact } from '../../../lib/units';
import { useEnterGiveaway, useGiveawayAudit } from '../api/giveaways';
import { millisecondsUntil, useCountdownFormat, useTicker } from '../hooks/use-server-clock';
import type { GiveawayView } from '../hooks/use-session-giveaway';
import { GiveawayAuditView } from './giveaway-audit';
import { knownReason, ReasonAlert, type RefusalDetails } from './reason-alert';

const ENTRY_REASONS = [
  'not_started',
  'closed',
  'keyword_not_posted',
  'too_early',
  'already_drawn',
  'prize_over_limit',
] as const;

/** Giveaway refusals in the catalogue's words. */
export function useGiveawayReason(keyword: string | null) {
  const { t } = useTranslation();
  return (reason: string, _details: RefusalDetails) => {
    const known = knownReason(ENTRY_REASONS, reason);
    return known ? t(`giveaway.reasons.${known}`, { keyword: keyword ?? '' }) : null;
  };
}

/** The state as of now on the server's clock: open turns closed at the draw time without a refetch. */
export function useGiveawayPhase(giveaway: GiveawayView): GiveawayView['state'] {
  const running = giveaway.state === 'scheduled' || giveaway.state === 'open';
  const now = useTicker(running, 500);
  if (!running) return giveaway.state;
  if (millisecondsUntil(giveaway.drawAt, giveaway.serverTime, giveaway.receivedAt, now) === 0)
    return 'closed';
  if (millisecondsUntil(giveaway.startsAt, giveaway.serverTime, giveaway.receivedAt, now) > 0)
    return 'scheduled';
  return 'open';
}

/** The published rules of a 福袋: prize, value, winners, condition, draw time and seed commitment. */
export function GiveawayRules({ giveaway }: { giveaway: GiveawayView }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <div className="giveaway-rules" data-testid="giveaway-rules">
      <p>
        <strong>{t('giveaway.prize', { title: giveaway.prizeTitle })}</strong>{' '}
        <span className="fine-print">
          {t('giveaway.value', { value: formatFenExact(giveaway.prizeValueFen) })}
        </span>
      </p>
      <p className="fine-print">
        {t('giveaway.winners', { count: giveaway.winnerCount })} ·{' '}
        {t(`giveaway.conditions.${giveaway.entryCondition}`, { keyword: giveaway.keyword ?? '' })}
      </p>
      <p className="fine-print">{giveaway.description}</p>
      <p className="fine-print">
        {t('giveaway.startsAt', { time: formatDate(giveaway.startsAt) })} ·{' '}
        {t('giveaway.drawAt', { time: formatDate(giveaway.drawAt) })}
      </p>
      <p className="fine-print" title={t('giveaway.commitmentHint')}>
        {t('giveaway.commitment')}:{' '}
        <code className="mono break-all" data-testid="giveaway-commitment">
          {giveaway.seedCommitment}
        </code>
      </p>
    </div>
  );
}

interface GiveawayCardProps {
  sessionId: string;
  giveaway: GiveawayView;
  signedIn: boolean;
  loginPath: string;
}

/** The 福袋 card of the viewer room: rules before the start, join, countdown, winners and audit. */
export function GiveawayCard({ sessionId, giveaway, signedIn, loginPath }: GiveawayCardProps) {
  const { t } = useTranslation();
  const phase = useGiveawayPhase(giveaway);
  const enter = useEnterGiveaway(sessionId);
  const describe = useGiveawayReason(giveaway.keyword);
  const now = useTicker(phase === 'open', 500);
  const formatCountdown = useCountdownFormat();
  const [auditOpen, setAuditOpen] = useState(false);
  const entered = giveaway.myEntry !== null;

  return (
    <article
      className="flash-card giveaway-card"
      data-testid="giveaway-card"
      data-giveaway={giveaway.id}
      data-state={phase}
    >
      <header className="flash-card-header">
        <span className="flash-badge">{t('giveaway.badge')}</span>
        <span className="status" data-testid="giveaway-state">
          {t(`giveaway.states.${phase}`)}
        </span>
      </header>
      <GiveawayRules giveaway={giveaway} />
      <p className="flash-meta">
        <span data-testid="giveaway-entries">{t('giveaway.entries', { count: giveaway.entryCount })}</span>
        {phase === 'open' && (
          <span className="flash-countdown mono" data-testid="giveaway-countdown">
            {t('giveaway.drawIn', {
              time: formatCountdown(
                millisecondsUntil(giveaway.drawAt, giveaway.serverTime, giveaway.receivedAt, now),
              ),
            })}
          </span>
        )}
      </p>
      {phase === 'drawn' ? (
        <>
          {entered && (
            <p
              className={giveaway.myEntry?.won ? 'alert alert-success' : 'muted'}
              data-testid="giveaway-my-result"
            >
              {giveaway.myEntry?.won ? t('giveaway.youWon') : t('giveaway.youLost')}
            </p>
          )}
          <Winners giveawayId={giveaway.id} />
          <button
            type="button"
            className="button"
            data-testid="giveaway-audit-toggle"
            onClick={() => setAuditOpen((open) => !open)}
          >
            {auditOpen ? t('giveaway.audit.close') : t('giveaway.audit.open')}
          </button>
          {auditOpen && (
            <GiveawayAuditView giveawayId={giveaway.id} myEntryId={giveaway.myEntry?.entryId ?? null} />
          )}
        </>
      ) : entered ? (
        <p className="alert alert-info" data-testid="giveaway-entered">
          {t('giveaway.entered')}
        </p>
      ) : !signedIn ? (
        <Link to={loginPath} className="button button-primary" data-testid="giveaway-sign-in">
          {t('giveaway.signInToJoin')}
        </Link>
      ) : (
        <button
          type="button"
          className="button button-primary"
          data-testid="giveaway-join"
          disabled={phase !== 'open' || enter.isPending}
          onClick={() => enter.mutate(giveaway.id)}
        >
          {enter.isPending ? t('giveaway.joining') : t('giveaway.join')}
        </button>
      )}
      {enter.isError && !entered && (
        <ReasonAlert error={enter.error} describe={describe} testId="giveaway-join-error" />
      )}
    </article>
  );
}

/** The masked winners, from the audit (the same data the check runs on). */
function Winners({ giveawayId }: { giveawayId: string }) {
  const { t } = useTranslation();
  const audit = useGiveawayAudit(giveawayId, true);
  if (!audit.data) return null;
  return (
    <div data-testid="giveaway-winners">
      <h4>{t('giveaway.winnersTitle')}</h4>
      {audit.data.winners.length === 0 ? (
        <p className="muted">{t('giveaway.noEntries')}</p>
      ) : (
        <ol className="plain-list">
          {audit.data.winners.map((winner) => (
            <li key={winner.entryId}>{winner.entrant}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
