import '../bases.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { consolePaths } from '../../../lib/paths';
import { useOperatedBases, useUpdateBase } from '../api/operator-bases';
import { BaseForm } from './base-form';
import { BookingsPanel } from './bookings-panel';
import { InspectionLabPanel } from './inspection-lab-panel';
import { MembersPanel } from './members-panel';
import { StudiosPanel } from './studios-panel';

/** One base: its details, studios, sellers and the bookings waiting for a decision. */
export function BaseDetailPage() {
  const { t } = useTranslation();
  const { baseId = '' } = useParams();
  const bases = useOperatedBases();
  const update = useUpdateBase();
  const [saved, setSaved] = useState(false);
  const base = bases.data?.find((entry) => entry.id === baseId);

  if (bases.isPending) return <Loading />;
  if (bases.isError) return <ApiErrorAlert error={bases.error} onRetry={() => void bases.refetch()} />;
  if (!base) return <ApiErrorAlert error={new Error('NOT_FOUND')} />;

  return (
    <div className="page" data-page="operator-base" data-base={base.id}>
      <Link to={consolePaths.operator.bases} className="back-link">
        ← {t('bases.operator.back')}
      </Link>
      <header className="page-header page-header-actions">
        <div>
          <h1>{base.name}</h1>
          <p className="muted">
            {t(`bases.kinds.${base.kind}`)} · {base.district} · {base.address}
          </p>
        </div>
        <Link
          to={consolePaths.operator.calendar(base.id)}
          className="button button-primary"
          data-testid="base-calendar-link"
        >
          {t('bases.operator.calendar')}
        </Link>
      </header>
      <BookingsPanel baseId={base.id} />
      <MembersPanel baseId={base.id} />
      <StudiosPanel base={base} />
      <InspectionLabPanel baseId={base.id} current={base.inspectionLab} />
      <details className="panel">
        <summary className="section-heading">{t('bases.operator.edit')}</summary>
        <BaseForm
          initial={base}
          submitLabel={saved ? t('bases.operator.saved') : t('bases.operator.save')}
          pending={update.isPending}
          onSubmit={(body) => update.mutate({ baseId: base.id, body }, { onSuccess: () => setSaved(true) })}
        />
        {update.isError && <ApiErrorAlert error={update.error} />}
      </details>
    </div>
  );
}
