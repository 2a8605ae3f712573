import { type StoredFlag, storedFlagSchema } from '@jadelive/shared';
import { useEffect, useState } from 'react';

export type AlertStreamState = 'connecting' | 'open' | 'reconnecting' | 'unavailable';

const MAX_KEPT = 50;

/**
 * The compliance alerts of one live session as the server records them (Server-Sent Events on
 * `/api/compliance/stream?sessionId=`), newest first. EventSource reconnects by itself; a stream
 * refused outright (closed) is tried again after a pause.
 */
export function useComplianceAlerts(sessionId: string, enabled: boolean) {
  const [alerts, setAlerts] = useState<StoredFlag[]>([]);
  const [state, setState] = useState<AlertStreamState>('connecting');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger for a new connection
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/compliance/stream?sessionId=${encodeURIComponent(sessionId)}`, {
      withCredentials: true,
    });
    source.addEventListener('ready', () => setState('open'));
    source.addEventListener('flag', (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = storedFlagSchema.safeParse(data);
      if (!parsed.success) return;
      setAlerts((current) =>
        current.some((flag) => flag.id === parsed.data.id)
          ? current
          : [parsed.data, ...current].slice(0, MAX_KEPT),
      );
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.onerror = () => {
      // CLOSED: the server refused the stream (no flag feed, say); EventSource will not retry it.
      const refused = source.readyState === EventSource.CLOSED;
      setState(refused ? 'unavailable' : 'reconnecting');
      if (refused) retry = setTimeout(() => setAttempt((n) => n + 1), 30_000);
    };
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [sessionId, enabled, attempt]);

  return { alerts, state };
}
