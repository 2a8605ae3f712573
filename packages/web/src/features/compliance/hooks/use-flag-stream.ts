import { type StoredFlag, storedFlagSchema } from '@jadelive/shared';
import { useEffect, useState } from 'react';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

const MAX_KEPT = 200;

/**
 * Subscribes to `/api/compliance/stream` (Server-Sent Events, same-origin session cookie) and keeps
 * the flags that arrive, newest first. EventSource reconnects by itself; the state says when it is.
 */
export function useFlagStream(sessionId: string | null): { flags: StoredFlag[]; state: StreamState } {
  const [flags, setFlags] = useState<StoredFlag[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  // A refused stream (say a 503 while the server restarts) is closed for good; try again later.
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session starts an empty list
  useEffect(() => setFlags([]), [sessionId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger for a new connection
  useEffect(() => {
    const url = sessionId
      ? `/api/compliance/stream?sessionId=${encodeURIComponent(sessionId)}`
      : '/api/compliance/stream';
    const source = new EventSource(url, { withCredentials: true });
    source.addEventListener('ready', () => setState('open'));
    source.addEventListener('flag', (event) => {
      const parsed = storedFlagSchema.safeParse(safeJson((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      setFlags((current) =>
        current.some((flag) => flag.id === parsed.data.id)
          ? current
          : [parsed.data, ...current].slice(0, MAX_KEPT),
      );
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.onerror = () => {
      setState('reconnecting');
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(() => setAttempt((n) => n + 1), 5_000);
    };
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [sessionId, attempt]);

  return { flags, state };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
