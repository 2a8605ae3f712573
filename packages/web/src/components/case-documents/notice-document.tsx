import './case-documents.css';
import { beijingMidnight, type CaseDocument, PLATFORM_TIME_ZONE } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/language';
import { formatFenExact } from '../../lib/units';

/** The day of an instant or a Beijing calendar date, as a document dates it (2026年12月7日). */
function useDocumentDate() {
  const language = useLanguage();
  const format = new Intl.DateTimeFormat(language, {
    timeZone: PLATFORM_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return (value: string) => format.format(value.length === 10 ? beijingMidnight(value) : new Date(value));
}

/**
 * Where a district regulator's decisions are reviewed and litigated: its own people's government
 * (行政复议法 2023: the 本级人民政府) and the district people's court, named after the regulator.
 */
function remedyBodies(regulatorName: string) {
  const area = regulatorName.replace(/市场监督管理局$/u, '');
  return { government: `${area}人民政府`, court: `${area}人民法院` };
}

/**
 * The law the party broke and the law the order rests on: by convention the provisions of the
 * 行政处罚法 (e.g. 第二十八条 责令改正) are the order's basis, the others the provisions violated.
 */
function splitLegalBasis(legalBasis: readonly string[], defaultOrderBasis: string) {
  const procedural = legalBasis.filter((basis) => basis.includes('行政处罚法'));
  const violated = legalBasis.filter((basis) => !basis.includes('行政处罚法'));
  return {
    violated: (violated.length > 0 ? violated : legalBasis).join('、'),
    orderBasis: (procedural.length > 0 ? procedural : [defaultOrderBasis]).join('、'),
  };
}

/**
 * A case document laid out as SAMR's model documents (市场监督管理行政处罚文书格式范本): the issuing
 * authority, the title, the number, the party, the facts found, the law, what is ordered or decided,
 * the party's remedies, and the authority's seal and date. `@media print` prints only this.
 */
export function NoticeDocument({ document }: { document: CaseDocument }) {
  const { t } = useTranslation();
  const date = useDocumentDate();
  const { violated, orderBasis } = splitLegalBasis(document.legalBasis, t('notices.print.defaultOrderBasis'));
  const bodies = remedyBodies(document.issuer.name);
  const kind = document.kind;
  return (
    <article className="print-document" data-testid="notice-document" data-kind={kind}>
      <p className="print-issuer">{document.issuer.name}</p>
      <h2 className="print-title">{t(`notices.kinds.${kind}`)}</h2>
      <p className="print-number" data-testid="notice-number">
        {document.number}
      </p>
      <p className="print-party">{t('notices.print.party', { name: document.party.name })}</p>
      <p className="print-paragraph">{t(`notices.print.${kind}.facts`, { facts: document.facts })}</p>
      <p className="print-paragraph">
        {t(`notices.print.${kind}.basis`, {
          violated,
          orderBasis,
          dueDate: document.dueOn ? date(document.dueOn) : '',
        })}
      </p>
      {kind === 'rectification' && (
        <>
          <p className="print-paragraph">{t('notices.print.rectification.items')}</p>
          <ol className="print-items" data-testid="notice-items">
            {document.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        </>
      )}
      {document.penalty && <p className="print-paragraph">{document.penalty}</p>}
      {document.fineFen !== null && (
        <p className="print-paragraph">
          {t('notices.print.fine', { amount: formatFenExact(document.fineFen) })}
        </p>
      )}
      <p className="print-paragraph">{t(`notices.print.${kind}.remedies`, bodies)}</p>
      <div className="print-signature">
        <p>
          {document.issuer.name}
          <span className="print-seal" aria-hidden="true">
            {t('notices.print.seal')}
          </span>
        </p>
        <p>{date(document.issuedAt)}</p>
      </div>
    </article>
  );
}
