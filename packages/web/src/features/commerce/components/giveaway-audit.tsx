import { type GiveawayAudit as Audit, drawGiveawayWinners, giveawaySeedCommitment } from '@jadelive/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { useGiveawayAudit } from '../api/giveaways';

/** Both checks, recomputed here from the published data: nothing is taken on the server's word. */
export function verifyGiveawayAudit(audit: Audit) {
  let commitmentOk = false;
  let recomputed: string[] = [];
  try {
    commitmentOk = giveawaySeedCommitment(audit.seed) === audit.seedCommitment.toLowerCase();
    recomputed = drawGiveawayWinners(
      audit.seed,
      audit.entries.map((entry) => entry.entryId),
      audit.winnerCount,
    );
  } catch {
    // A malformed seed fails both checks rather than breaking the page.
  }
  const published = audit.winners.map((winner) => winner.entryId);
  const drawOk = recomputed.length === published.length && recomputed.every((id, i) => id === published[i]);
  return { commitmentOk, drawOk, recomputed };
}

/** 审计: the seed, its commitment and every entry, with the draw recomputed in this browser. */
export function GiveawayAuditView({
  giveawayId,
  myEntryId,
}: {
  giveawayId: string;
  myEntryId: string | null;
}) {
  const { t } = useTranslation();
  const audit = useGiveawayAudit(giveawayId, true);
  const checks = useMemo(() => (audit.data ? verifyGiveawayAudit(audit.data) : null), [audit.data]);
  if (audit.isPending) return <p className="muted">{t('giveaway.audit.loading')}</p>;
  if (audit.isError) return <ApiErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  const data = audit.data;
  return (
    <section className="giveaway-audit" data-testid="giveaway-audit">
      <h4>{t('giveaway.audit.title')}</h4>
      <p className="fine-print">
        {t('giveaway.audit.algorithm', { name: data.algorithm })} ·{' '}
        {t(`giveaway.audit.drawnBy.${data.drawnBy}`)}
      </p>
      <dl className="facts">
        <dt>{t('giveaway.audit.seed')}</dt>
        <dd className="mono break-all" data-testid="audit-seed">
          {data.seed}
        </dd>
        <dt>{t('giveaway.audit.commitment')}</dt>
        <dd className="mono break-all">{data.seedCommitment}</dd>
      </dl>
      <ul className="plain-list">
        <Check
          ok={checks?.commitmentOk ?? false}
          label={t('giveaway.audit.commitmentCheck')}
          testId="audit-commitment"
        />
        <Check ok={checks?.drawOk ?? false} label={t('giveaway.audit.drawCheck')} testId="audit-draw" />
      </ul>
      <details>
        <summary>{t('giveaway.audit.entrants', { count: data.entries.length })}</summary>
        <ol className="plain-list mono">
          {data.entries.map((entry) => (
            <li key={entry.entryId} className={entry.entryId === myEntryId ? 'highlight' : undefined}>
              {entry.entrant} {entry.entryId}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function Check({ ok, label, testId }: { ok: boolean; label: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <li data-testid={testId} data-ok={ok}>
      <strong className={ok ? 'text-success' : 'text-danger'}>
        {ok ? t('giveaway.audit.pass') : t('giveaway.audit.fail')}
      </strong>{' '}
      {label}
    </li>
  );
}
