import type { ArbitrationCase } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReasonForm } from '../../../components/forms/reason-form';
import { ReturnFacts } from '../../../components/returns/return-facts';
import { EmptyState, Loading } from '../../../components/ui/status';
import { formatFenExact } from '../../../lib/units';
import { useArbitrationCases, useDecideArbitration } from '../api/arbitrations';

/** Disputed returns: a platform admin reads both sides' words and photos and decides each. */
export function ArbitrationsPage() {
  const { t } = useTranslation();
  const cases = useArbitrationCases();
  return (
    <div className="page" data-page="arbitrations">
      <header className="page-header">
        <h1>{t('returns.arbitration.title')}</h1>
        <p className="muted">{t('returns.arbitration.intro')}</p>
      </header>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ApiErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.length === 0 ? (
        <EmptyState>{t('returns.arbitration.empty')}</EmptyState>
      ) : (
        cases.data.map((item) => <ArbitrationCaseCard key={item.orderId} item={item} />)
      )}
    </div>
  );
}

function ArbitrationCaseCard({ item }: { item: ArbitrationCase }) {
  const { t } = useTranslation();
  const decide = useDecideArbitration();
  const [side, setSide] = useState<'buyer' | 'seller' | null>(null);
  return (
    <section className="panel" data-arbitration={item.orderId}>
      <h2 className="section-heading">
        {item.listingTitle} · {t(`returns.arbitration.stages.${item.stage}`)}
      </h2>
      <p className="fine-print">
        {t('returns.arbitration.parties', {
          buyer: item.buyerName,
          seller: item.sellerName,
          amount: formatFenExact(item.totalFen),
        })}
      </p>
      <ReturnFacts orderReturn={item.return} />
      {side === null ? (
        <div className="button-row">
          {(['buyer', 'seller'] as const).map((decideFor) => (
            <button
              key={decideFor}
              type="button"
              className="button"
              data-testid={`arbitrate-${decideFor}`}
              onClick={() => setSide(decideFor)}
            >
              {t(`returns.arbitration.decideFor.${decideFor}`)}
            </button>
          ))}
        </div>
      ) : (
        <ReasonForm
          label={t('returns.arbitration.reasonLabel')}
          placeholder={t('returns.arbitration.reasonPlaceholder')}
          submitLabel={t(`returns.arbitration.decideFor.${side}`)}
          cancelLabel={t('returns.seller.cancel')}
          pending={decide.isPending}
          testId="arbitration-form"
          onCancel={() => setSide(null)}
          onSubmit={(reason) => decide.mutate({ orderId: item.orderId, body: { decideFor: side, reason } })}
        />
      )}
      {decide.isError && <ApiErrorAlert error={decide.error} />}
    </section>
  );
}
