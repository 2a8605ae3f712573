import type { LiveTokenRole } from '@jadelive/shared';

/** A chat message on its way into a room, before anyone sees it. */
export interface ChatHookMessage {
  text: string;
}

export interface ChatHookContext {
  sessionId: string;
  sellerOrgId: string;
  userId: string;
  /** The sender's display name as the room shows it. */
  displayName: string | null;
  /** How the sender relates to the room: hosts' and co-hosts' words are the seller's claims. */
  senderRole: Extract<LiveTokenRole, 'host' | 'cohost' | 'viewer'>;
  lineupListingIds: string[];
  pinnedListingId: string | null;
}

export interface ChatHookVerdict {
  /** False: the message is stored (retention) but not delivered, and the sender gets 422. */
  allow: boolean;
  /** Whatever the checker found (rule ids, spans…), stored with the message. */
  flags: unknown[];
}

/**
 * The one place every chat message passes before delivery: `AppDeps.chatHook`, which the server
 * sets to the claim-compliance engine (features/compliance/chat-hook.ts).
 */
export type ChatHook = (message: ChatHookMessage, context: ChatHookContext) => Promise<ChatHookVerdict>;
