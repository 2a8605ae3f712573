import '../complaints.css';
import { COMPLAINT_STATUSES, type Complaint, type ComplaintStatus } from '@jadelive/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryList } from '../../../components/ui/query-list';
import { StatusTabs, useStatusParam } from '../../../components/ui/status-tabs';
import { ComplaintCard, type ComplaintReader } from './complaint-card';

interface ComplaintListPageProps {
  page: string;
  title: string;
  intro: string;
  empty: string;
  reader: ComplaintReader;
  statuses?: readonly ComplaintStatus[];
  useComplaints: (status: ComplaintStatus | null) => UseQueryResult<Complaint[]>;
  /** The reader's own steps on one complaint. */
  actions?: (complaint: Complaint) => ReactNode;
}

/**
 * A list of complaints with a tab per status; `?open=<id>` (a notification's link) scrolls to that
 * complaint and marks it.
 */
export function ComplaintListPage({
  page,
  title,
  intro,
  empty,
  reader,
  statuses = COMPLAINT_STATUSES,
  useComplaints,
  actions,
}: ComplaintListPageProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useStatusParam(statuses);
  const [params] = useSearchParams();
  const openId = params.get('open');
  const complaints = useComplaints(status ?? null);

  useEffect(() => {
    if (!openId || !complaints.data) return;
    document.querySelector(`[data-complaint="${CSS.escape(openId)}"]`)?.scrollIntoView({ block: 'start' });
  }, [openId, complaints.data]);

  return (
    <div className="page" data-page={page}>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
      </header>
      <StatusTabs
        statuses={statuses}
        selected={status}
        onSelect={setStatus}
        label={(tab) => (tab ? t(`complaints.statuses.${tab}`) : t('complaints.tabs.all'))}
      />
      <QueryList query={complaints} empty={empty}>
        {(rows) => (
          <div className="complaint-list">
            {rows.map((complaint) => (
              <div key={complaint.id} className={complaint.id === openId ? 'complaint-opened' : undefined}>
                <ComplaintCard complaint={complaint} reader={reader}>
                  {actions?.(complaint)}
                </ComplaintCard>
              </div>
            ))}
          </div>
        )}
      </QueryList>
    </div>
  );
}
