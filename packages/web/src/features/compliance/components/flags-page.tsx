import '../compliance.css';
import type { StoredFlag } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { consolePaths } from '../../../lib/paths';
import { useFlags } from '../api/flags';
import { FlagDetail } from './flag-detail';
import { filtersFromParams } from './flag-filters';
import { FlagsFilterForm } from './flags-filter-form';
import { FlagsTable } from './flags-table';

/** The regulator's flag register: filter, open one, review it with a note. */
export function FlagsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const flags = useFlags(filtersFromParams(params));
  const [selected, setSelected] = useState<StoredFlag | null>(null);
  const rows = flags.data?.pages.flat() ?? [];
  // Show the freshest copy of the selected flag (its review arrives with the refetch).
  const current = selected ? (rows.find((flag) => flag.id === selected.id) ?? selected) : null;

  return (
    <div className="page" data-page="regulator-flags">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('compliance.flagsTitle')}</h1>
          <p className="muted">{t('compliance.flagsIntro')}</p>
        </div>
        <Link to={consolePaths.regulator.live} className="button">
          {t('compliance.live.title')}
        </Link>
      </header>
      <FlagsFilterForm />
      {current && <FlagDetail key={current.id} flag={current} onClose={() => setSelected(null)} />}
      <section className="panel">
        {flags.isPending ? (
          <Loading />
        ) : flags.isError ? (
          <ApiErrorAlert error={flags.error} onRetry={() => void flags.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState>{t('compliance.empty')}</EmptyState>
        ) : (
          <FlagsTable
            flags={rows}
            selectedId={current?.id ?? null}
            onSelect={setSelected}
            testId="flags-table"
          />
        )}
        {flags.hasNextPage && (
          <button
            type="button"
            className="button"
            disabled={flags.isFetchingNextPage}
            onClick={() => void flags.fetchNextPage()}
          >
            {t('compliance.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
