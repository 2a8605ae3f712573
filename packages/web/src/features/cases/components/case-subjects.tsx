import { CASE_STEPS, type CaseDetail, type CaseStep, type CaseSubjectKind } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../i18n/format';
import { imageUrl } from '../../../lib/images';
import { livePaths, publicPaths } from '../../../lib/paths';
import { formatFenExact } from '../../../lib/units';

const SUBJECT_KIND: Record<keyof CaseDetail['subjects'], CaseSubjectKind> = {
  flags: 'flag',
  complaints: 'complaint',
  observations: 'observation',
  listings: 'listing',
  sessions: 'session',
  orders: 'order',
};

/** The address an officer noted with an observation, as a link that wraps on a phone. */
export function ObservedUrl({ url }: { url: string }) {
  return (
    <a className="observed-url" href={url} target="_blank" rel="noreferrer">
      {url}
    </a>
  );
}

/** 线索与关联对象: the flags, observations, complaints, listings, sessions and orders of the case. */
export function CaseSubjects({ subjects }: { subjects: CaseDetail['subjects'] }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const kind = (name: keyof CaseDetail['subjects']) => (
    <span className="kind">{t(`cases.subjectKinds.${SUBJECT_KIND[name]}`)}</span>
  );
  return (
    <section className="panel" data-testid="case-subjects">
      <h2 className="section-heading">{t('cases.detail.subjectsHeading')}</h2>
      <ul className="subject-list">
        {subjects.flags.map((flag) => (
          <li key={flag.id} data-subject="flag" data-id={flag.id}>
            {kind('flags')}{' '}
            <span className={`status severity-${flag.severity}`}>
              {t(`compliance.severities.${flag.severity}`)}
            </span>{' '}
            {t(`compliance.categories.${flag.category}`)} · 「{flag.text}」{' '}
            <span className="fine-print">{formatDate(flag.saidAt)}</span>
          </li>
        ))}
        {subjects.complaints.map((complaint) => (
          <li key={complaint.id} data-subject="complaint" data-id={complaint.id}>
            {kind('complaints')} <strong>{t(`complaints.categories.${complaint.category}`)}</strong> ·{' '}
            {complaint.text} <span className="fine-print">{formatDate(complaint.at)}</span>
          </li>
        ))}
        {subjects.observations.map((observation) => (
          <li key={observation.id} data-subject="observation" data-id={observation.id}>
            {kind('observations')} {observation.note}{' '}
            <span className="fine-print">
              {observation.recordedBy} · {formatDate(observation.observedAt)}
              {observation.url && (
                <>
                  {' · '}
                  <ObservedUrl url={observation.url} />
                </>
              )}
            </span>
            {observation.imageIds.length > 0 && (
              <ul className="thumb-list">
                {observation.imageIds.map((imageId) => (
                  <li key={imageId} className="thumb">
                    <a href={imageUrl(imageId)} target="_blank" rel="noreferrer">
                      <img src={imageUrl(imageId)} alt="" />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {subjects.listings.map((listing) => (
          <li key={listing.id} data-subject="listing" data-id={listing.id}>
            {kind('listings')} <Link to={publicPaths.listing(listing.id)}>{listing.title}</Link>
          </li>
        ))}
        {subjects.sessions.map((session) => (
          <li key={session.id} data-subject="session" data-id={session.id}>
            {kind('sessions')} <Link to={livePaths.observe(session.id)}>{session.title}</Link>{' '}
            <span className="fine-print">{t(`live.statuses.${session.status as 'live'}`)}</span>
          </li>
        ))}
        {subjects.orders.map((order) => (
          <li key={order.id} data-subject="order" data-id={order.id}>
            {kind('orders')} {formatFenExact(order.totalFen)} · {formatDate(order.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The main road of a case (核查 → … → 结案) with the steps passed, the current one and those ahead. */
type RoadStep = Exclude<CaseStep, 'filing_pending' | 'dropped'>;
const ROAD = CASE_STEPS.filter((step): step is RoadStep => step !== 'filing_pending' && step !== 'dropped');

const POSITION: Record<CaseStep, number> = {
  checking: 0,
  filing_pending: 1,
  filed: 1,
  investigating: 2,
  rectification: 3,
  notification: 4,
  decision: 5,
  delivery: 6,
  publication: 7,
  closed: 8,
  dropped: -1,
};

export function CaseRoad({ step }: { step: CaseStep }) {
  const { t } = useTranslation();
  if (step === 'dropped') return null;
  const current = POSITION[step];
  return (
    <ol className="case-road" data-testid="case-road">
      {ROAD.map((road, index) => {
        const state = index < current || step === 'closed' ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li key={road} className="case-road-step" data-road={road} data-state={state}>
            {t(`cases.road.${road}`)}
          </li>
        );
      })}
    </ol>
  );
}
