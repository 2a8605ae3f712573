import '../compliance.css';
import { INPUT_PATTERNS, type StoredFlag } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { useFlagStream } from '../hooks/use-flag-stream';
import { FlagDetail } from './flag-detail';
import { FlagsTable } from './flags-table';

const UUID = /^[0-9a-f-]{36}$/i;

/** Live patrol: flags appear at the top as the server records them (SSE). */
export function LiveFlagsPage() {
  const { t } = useTranslation();
  const [sessionId, setSessionId] = useState<string | null>(null);
  const { flags, state } = useFlagStream(sessionId);
  const [selected, setSelected] = useState<StoredFlag | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('session') ?? '').trim();
    setSessionId(UUID.test(value) ? value : null);
  }

  return (
    <div className="page" data-page="regulator-live">
      <header className="page-header">
        <h1>{t('compliance.live.title')}</h1>
        <p className="muted">{t('compliance.live.intro')}</p>
      </header>
      <form className="panel form-inline" onSubmit={submit}>
        <Field label={t('compliance.live.sessionFilter')}>
          <input className="input mono" name="session" pattern={INPUT_PATTERNS.uuid} />
        </Field>
        <button className="button" type="submit">
          {t('compliance.filters.apply')}
        </button>
      </form>
      <p className={`live-state live-${state}`} role="status" data-testid="live-state" data-state={state}>
        <span className="live-dot" aria-hidden="true" />
        {state === 'open'
          ? t('compliance.live.connected')
          : state === 'connecting'
            ? t('compliance.live.connecting')
            : t('compliance.live.reconnecting')}
        {flags.length > 0 && ` · ${t('compliance.live.received', { count: flags.length })}`}
      </p>
      {selected && <FlagDetail key={selected.id} flag={selected} onClose={() => setSelected(null)} />}
      <section className="panel">
        {flags.length === 0 ? (
          <p className="empty">{t('compliance.live.waiting')}</p>
        ) : (
          <FlagsTable
            flags={flags}
            selectedId={selected?.id ?? null}
            onSelect={setSelected}
            testId="live-flags"
          />
        )}
      </section>
    </div>
  );
}
