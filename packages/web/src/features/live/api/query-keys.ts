/** Every cache key of the live feature, so mutations invalidate exactly what they change. */
export const liveKeys = {
  all: ['live'] as const,
  status: ['live', 'status'] as const,
  sessions: (view: 'public' | 'mine') => ['live', 'sessions', view] as const,
  session: (sessionId: string) => ['live', 'session', sessionId] as const,
  chat: (sessionId: string) => ['live', 'chat', sessionId] as const,
  summary: (sessionId: string) => ['live', 'summary', sessionId] as const,
  recap: (sessionId: string) => ['live', 'recap', sessionId] as const,
  listingVerify: (listingId: string) => ['live', 'listing-verify', listingId] as const,
  hostChoices: ['live', 'host-choices'] as const,
  lineupChoices: ['live', 'lineup-choices'] as const,
};
