import '../../../components/case-documents/case-documents.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueDay } from '../../../components/case-documents/document-facts';
import { QueryTable } from '../../../components/ui/query-list';
import { useDateTimeFormat } from '../../../i18n/format';
import { useNotices } from '../api/notices';

interface NoticesPageProps {
  /** A base operator reads along: the party column shows, answering does not. */
  readOnly: boolean;
  detailPath: (documentId: string) => string;
}

/** 监管文书: what regulators addressed to the seller (or the operator's sellers), newest first. */
export function NoticesPage({ readOnly, detailPath }: NoticesPageProps) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const notices = useNotices();
  return (
    <div className="page" data-page={readOnly ? 'operator-notices' : 'seller-notices'}>
      <header className="page-header">
        <h1>{readOnly ? t('notices.operatorTitle') : t('notices.title')}</h1>
        <p className="muted">{readOnly ? t('notices.operatorIntro') : t('notices.intro')}</p>
      </header>
      <section className="panel">
        <QueryTable query={notices} empty={t('notices.empty')}>
          {(rows) => (
            <table className="table" data-testid="notice-list">
              <thead>
                <tr>
                  <th>{t('notices.columns.number')}</th>
                  <th>{t('notices.columns.kind')}</th>
                  {readOnly && <th>{t('notices.columns.party')}</th>}
                  <th>{t('notices.columns.issuer')}</th>
                  <th>{t('notices.columns.issuedAt')}</th>
                  <th>{t('notices.columns.dueOn')}</th>
                  <th>{t('notices.columns.status')}</th>
                  <th>{t('notices.columns.read')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((notice) => (
                  <tr key={notice.id} data-notice={notice.id} data-status={notice.status}>
                    <td>
                      <Link to={detailPath(notice.id)} data-testid="notice-link">
                        {notice.number}
                      </Link>
                    </td>
                    <td>{t(`notices.kinds.${notice.kind}`)}</td>
                    {readOnly && <td>{notice.party.name}</td>}
                    <td>{notice.issuer.name}</td>
                    <td>{formatDate(notice.issuedAt)}</td>
                    <td>{notice.dueOn ? <DueDay dueOn={notice.dueOn} /> : '—'}</td>
                    <td>{t(`notices.statuses.${notice.status}`)}</td>
                    <td>{notice.firstRead ? formatDate(notice.firstRead.at) : t('notices.unread')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryTable>
      </section>
    </div>
  );
}
