import { scan } from '@jadelive/shared/compliance';
import type { Database } from '../../db/database';
import type { ChatHook } from '../live/message-hook';
import { loadListingContext } from './facts';
import { recordFlags } from './record';

/**
 * Chat through the claim-compliance engine. A host's or co-host's words are the seller's claims,
 * checked against the pinned listing's facts; a viewer's are checked for what harms buyers
 * (steering off the platform, gambling). A blocking flag keeps the message out of the room.
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
        speaker: `${context.senderRole}:${context.userId}`,
        text: message.text,
        saidAt: new Date(),
        facts,
      },
      flags,
    );
    return { allow: !flags.some((flag) => flag.severity === 'block'), flags };
  };
}
