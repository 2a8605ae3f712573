import '../live.css';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { livePaths } from '../../../lib/paths';
import { shanghaiInputToIso } from '../../../lib/shanghai-time';
import { formatFen } from '../../../lib/units';
import { useCreateLiveSession, useHostChoices, useLineupChoices } from '../api/create-live-session';
import { useLiveSessions } from '../api/get-live-sessions';
import { LiveAvailability } from './live-availability';
import { SessionList } from './session-list';

/** The seller's sessions (hosts open their studio here); owners and admins schedule new ones. */
export function StudioSessionsPage({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const sessions = useLiveSessions('mine');
  const [creating, setCreating] = useState(false);
  return (
    <div className="page" data-page="studio-sessions">
      <header className="page-header">
        <h1>{t('live.sessions.title')}</h1>
        <p className="muted">{t('live.sessions.intro')}</p>
      </header>
      <LiveAvailability>{null}</LiveAvailability>
      {canManage &&
        (creating ? (
          <CreateSessionForm onCancel={() => setCreating(false)} />
        ) : (
          <button
            type="button"
            className="button button-primary"
            data-testid="new-session"
            onClick={() => setCreating(true)}
          >
            {t('live.sessions.new')}
          </button>
        ))}
      <section className="panel">
        {sessions.error && <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <SessionList
            sessions={sessions.data ?? []}
            empty={t('live.sessions.empty')}
            actions={(session) =>
              session.status === 'scheduled' || session.status === 'live' ? (
                <Link
                  className="button button-small button-primary"
                  to={livePaths.studioSession(session.id)}
                  data-testid="open-studio"
                >
                  {t('live.sessions.openStudio')}
                </Link>
              ) : (
                <Link
                  className="button button-small"
                  to={livePaths.summary(session.id)}
                  data-testid="open-summary"
                >
                  {t('live.sessions.summary')}
                </Link>
              )
            }
          />
        )}
      </section>
    </div>
  );
}

function CreateSessionForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hosts = useHostChoices(true);
  const listings = useLineupChoices(true);
  const create = useCreateLiveSession();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const planned = String(form.get('plannedStartAt') ?? '');
    create.mutate(
      {
        title: String(form.get('title') ?? ''),
        plannedStartAt: shanghaiInputToIso(planned) ?? new Date().toISOString(),
        hostUserIds: form.getAll('hostUserIds').map(String),
        listingIds: form.getAll('listingIds').map(String),
      },
      { onSuccess: (session) => navigate(livePaths.studioSession(session.id)) },
    );
  }

  return (
    <form className="panel form" onSubmit={submit} data-testid="create-session-form">
      <h2 className="section-heading">{t('live.sessions.new')}</h2>
      <Field label={t('live.sessions.fields.title')}>
        <input className="input" name="title" required maxLength={120} data-testid="session-title" />
      </Field>
      <Field label={t('live.sessions.fields.plannedStartAt')} hint={t('common.beijingTime')}>
        <input className="input" type="datetime-local" name="plannedStartAt" required />
      </Field>
      <fieldset className="checkbox-group">
        <legend className="field-label">{t('live.sessions.fields.hosts')}</legend>
        {(hosts.data ?? []).map((member) => (
          <label key={member.id} className="checkbox">
            <input
              type="checkbox"
              name="hostUserIds"
              value={member.id}
              defaultChecked={member.role === 'host'}
            />
            {member.displayName} · {t(`roles.${member.role}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend className="field-label">{t('live.sessions.fields.lineup')}</legend>
        {listings.data?.length === 0 && <p className="empty">{t('live.sessions.noPublished')}</p>}
        {(listings.data ?? []).map((listing) => (
          <label key={listing.id} className="checkbox">
            <input type="checkbox" name="listingIds" value={listing.id} />
            {listing.title} · {formatFen(listing.priceFen)}
          </label>
        ))}
      </fieldset>
      {create.error && <ApiErrorAlert error={create.error} />}
      <div className="form-inline">
        <button className="button button-primary" type="submit" disabled={create.isPending}>
          {t('live.sessions.create')}
        </button>
        <button className="button button-quiet" type="button" onClick={onCancel}>
          {t('live.sessions.close')}
        </button>
      </div>
    </form>
  );
}
