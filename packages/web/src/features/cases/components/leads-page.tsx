import '../cases.css';
import { CASE_LEAD_KINDS, type CaseLead } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryList } from '../../../components/ui/query-list';
import { StatusTabs, useStatusParam } from '../../../components/ui/status-tabs';
import { useDateTimeFormat } from '../../../i18n/format';
import { imageUrl } from '../../../lib/images';
import { complaintPaths, consolePaths } from '../../../lib/paths';
import { useLeads } from '../api/leads';
import { ObservedUrl } from './case-subjects';
import { ObservationForm } from './observation-form';
import { OpenCaseForm } from './open-case-form';

/** What a lead is, in the reader's words: a flag's category and severity, an observation's recorder. */
function LeadHead({ lead }: { lead: CaseLead }) {
  const { t } = useTranslation();
  return (
    <span className="lead-head">
      <span className="kind">{t(`cases.subjectKinds.${lead.kind}`)}</span>
      {lead.flag && (
        <>
          <span className={`status severity-${lead.flag.severity}`}>
            {t(`compliance.severities.${lead.flag.severity}`)}
          </span>
          <strong>{t(`compliance.categories.${lead.flag.category}`)}</strong>
        </>
      )}
      {lead.complaint && (
        <>
          <span className="status">{t(`complaints.statuses.${lead.complaint.status}`)}</span>
          <strong>{t(`complaints.categories.${lead.complaint.category}`)}</strong>
        </>
      )}
      <span>{lead.seller?.name ?? t('cases.leads.noSeller')}</span>
    </span>
  );
}

/**
 * 违法线索: flags of the district, complaints passed on and the office's own observations. Leads of
 * one seller are selected and opened as a case; observations are recorded here too.
 */
export function LeadsPage() {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const [kind, setKind] = useStatusParam(CASE_LEAD_KINDS);
  const [includeLinked, setIncludeLinked] = useState(false);
  const leads = useLeads(kind, includeLinked);
  const [selected, setSelected] = useState<CaseLead[]>([]);
  const toggle = (lead: CaseLead) =>
    setSelected((current) =>
      current.some((entry) => entry.id === lead.id)
        ? current.filter((entry) => entry.id !== lead.id)
        : [...current, lead],
    );

  return (
    <div className="page" data-page="case-leads">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('cases.leads.title')}</h1>
          <p className="muted">{t('cases.leads.intro')}</p>
        </div>
        <Link to={consolePaths.regulator.cases} className="button">
          {t('cases.list.title')}
        </Link>
      </header>
      {selected.length > 0 && <OpenCaseForm leads={selected} onOpened={() => setSelected([])} />}
      <StatusTabs
        statuses={CASE_LEAD_KINDS}
        selected={kind}
        onSelect={setKind}
        label={(tab) => (tab ? t(`cases.subjectKinds.${tab}`) : t('cases.leads.all'))}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeLinked}
          onChange={(event) => setIncludeLinked(event.currentTarget.checked)}
        />
        {t('cases.leads.showLinked')}
      </label>
      <section className="panel">
        <QueryList query={leads} empty={t('cases.leads.empty')}>
          {(rows) => (
            <ul className="lead-list" data-testid="lead-list">
              {rows.map((lead) => (
                <li key={lead.id} className="lead" data-lead={lead.id} data-kind={lead.kind}>
                  <label className="lead-select">
                    <input
                      type="checkbox"
                      disabled={lead.caseId !== null}
                      checked={selected.some((entry) => entry.id === lead.id)}
                      onChange={() => toggle(lead)}
                      aria-label={t('cases.leads.openCase')}
                      data-testid="lead-select"
                    />
                  </label>
                  <div className="lead-body">
                    <LeadHead lead={lead} />
                    <p className="lead-text">{lead.text}</p>
                    {lead.observation && lead.observation.imageIds.length > 0 && (
                      <ul className="thumb-list">
                        {lead.observation.imageIds.map((imageId) => (
                          <li key={imageId} className="thumb">
                            <img src={imageUrl(imageId)} alt="" />
                          </li>
                        ))}
                      </ul>
                    )}
                    <p className="fine-print">
                      {formatDate(lead.at)}
                      {lead.observation && ` · ${lead.observation.recordedBy}`}
                      {lead.observation?.url && (
                        <>
                          {' · '}
                          <ObservedUrl url={lead.observation.url} />
                        </>
                      )}
                    </p>
                    {lead.complaint && (
                      <Link to={complaintPaths.regulator} className="fine-print">
                        {t('cases.leads.complaintFile')}
                      </Link>
                    )}
                    {lead.caseId && (
                      <Link to={consolePaths.regulator.case(lead.caseId)} className="fine-print">
                        {t('cases.leads.inCase')}
                      </Link>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryList>
      </section>
      <ObservationForm />
    </div>
  );
}
