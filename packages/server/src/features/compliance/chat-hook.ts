import type { SpeakerKind } from '@jadelive/shared';
import { scan } from '@jadelive/shared/compliance';
import type { Database } from '../../db/database';
import type { ChatHook, ChatHookContext } from '../live/message-hook';
import { loadListingContext } from './facts';
import { recordFlags } from './record';

const SPEAKER_KIND: Record<ChatHookContext['senderRole'], SpeakerKind> = {
  host: 'host',
  cohost: 'co_host',
  viewer: 'viewer',
};

/**
 * Chat through the claim-compliance engine. A host's or co-host's words are the seller's claims,
 * checked against the pinned listing's facts; a viewer's are checked for what harms buyers
 * (steering off the platform, gambling) and recorded as that viewer's, about no listing. A
 * blocking flag keeps the message out of the room.
 */
export function createComplianceChatHook(db: Database): ChatHook {
  return async (message, context) => {
    const speaksForSeller = context.senderRole !== 'viewer';
    const facts = speaksForSeller ? await loadListingContext(db, context.pinnedListingId) : {};
    const flags = scan(message.text, facts).filter(
      (flag) => speaksForSeller || flag.category === 'off_platform' || flag.category === 'gambling',
    );
    await recordFlags(
      db,
      {
        source: 'chat',
        sellerOrgId: context.sellerOrgId,
        sessionId: context.sessionId,
        listingId: speaksForSeller ? context.pinnedListingId : null,
        speaker: {
          kind: SPEAKER_KIND[context.senderRole],
          userId: context.userId,
          name: context.displayName,
        },
        text: message.text,
        saidAt: new Date(),
        facts,
      },
      flags,
    );
    return { allow: !flags.some((flag) => flag.severity === 'block'), flags };
  };
}
