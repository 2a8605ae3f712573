import pg from 'pg';
import type { Logger } from 'pino';
import { FLAG_CHANNEL } from './record';

export interface FlagAnnouncement {
  ids: string[];
  sellerOrgId: string;
}

/** New flags as they are recorded by any API instance (PostgreSQL LISTEN/NOTIFY). */
export interface FlagFeed {
  /** `ready` resolves once the instance is listening: announcements after that reach `listener`. */
  subscribe(listener: (announcement: FlagAnnouncement) => void): {
    ready: Promise<void>;
    unsubscribe(): void;
  };
  close(): Promise<void>;
  /** Resolves when the feed closes (server shutdown), so open streams can end and let the server drain. */
  closed: Promise<void>;
}

/**
 * One LISTEN connection per API instance, shared by every open feed on it; it connects on the first
 * subscriber and reconnects after a failure.
 */
export function createFlagFeed(databaseUrl: string, logger: Logger): FlagFeed {
  const listeners = new Set<(announcement: FlagAnnouncement) => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let markClosed = () => {};
  const closedPromise = new Promise<void>((resolve) => {
    markClosed = resolve;
  });

  const connect = () => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: databaseUrl });
      next.on('notification', (message) => {
        if (message.channel !== FLAG_CHANNEL || !message.payload) return;
        try {
          const announcement = JSON.parse(message.payload) as FlagAnnouncement;
          for (const listener of listeners) listener(announcement);
        } catch (error) {
          logger.warn({ err: error }, 'unreadable compliance flag announcement');
        }
      });
      next.on('error', (error) => {
        logger.warn({ err: error }, 'compliance flag feed lost its connection; reconnecting');
        client = null;
        connecting = null;
        if (!closed && listeners.size > 0) setTimeout(connect, 1000).unref();
      });
      await next.connect();
      await next.query(`listen ${FLAG_CHANNEL}`);
      client = next;
    })().catch((error: unknown) => {
      logger.warn({ err: error }, 'compliance flag feed could not connect');
      connecting = null;
    });
    return connecting;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return {
        ready: client ? Promise.resolve() : connect(),
        unsubscribe: () => void listeners.delete(listener),
      };
    },
    closed: closedPromise,
    async close() {
      closed = true;
      markClosed();
      listeners.clear();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
