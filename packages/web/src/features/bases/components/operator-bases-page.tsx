import '../bases.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { consolePaths } from '../../../lib/paths';
import { useCreateBase, useOperatedBases } from '../api/operator-bases';
import { BaseForm } from './base-form';

/** The operator's bases at a glance, and a form to open another. */
export function OperatorBasesPage() {
  const { t } = useTranslation();
  const bases = useOperatedBases();
  const create = useCreateBase();
  return (
    <div className="page" data-page="operator-bases">
      <header className="page-header">
        <h1>{t('bases.operator.title')}</h1>
        <p className="muted">{t('bases.operator.intro')}</p>
      </header>
      {bases.isPending ? (
        <Loading />
      ) : bases.isError ? (
        <ApiErrorAlert error={bases.error} onRetry={() => void bases.refetch()} />
      ) : bases.data.length === 0 ? (
        <EmptyState>{t('bases.operator.empty')}</EmptyState>
      ) : (
        <div className="card-grid">
          {bases.data.map((base) => (
            <Link
              key={base.id}
              to={consolePaths.operator.base(base.id)}
              className="card card-link"
              data-base={base.id}
            >
              <span className="card-title">
                {base.name}
                <span className="chip">{t(`bases.kinds.${base.kind}`)}</span>
              </span>
              <span className="card-description">
                {base.district} · {base.address}
              </span>
              <span className="fine-print">
                {t('bases.operator.summary', {
                  studios: base.studios.length,
                  sellers: base.admittedSellerCount,
                  pending: base.pendingApplicationCount,
                })}
              </span>
            </Link>
          ))}
        </div>
      )}
      <section className="panel">
        <h2 className="section-heading">{t('bases.operator.create')}</h2>
        <BaseForm
          submitLabel={create.isPending ? t('bases.operator.creating') : t('bases.operator.create')}
          pending={create.isPending}
          onSubmit={(body, form) => create.mutate(body, { onSuccess: () => form.reset() })}
          testId="create-base-form"
        />
        {create.isError && <ApiErrorAlert error={create.error} />}
      </section>
    </div>
  );
}
