import type { Home } from '@jadelive/shared';
import type { AuditRecord } from '@jadelive/shared/audit-trail';
import {
  commercePaths,
  complaintPaths,
  consolePaths,
  livePaths,
  paths,
  publicPaths,
} from '../../../lib/paths';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Where the reader can open an entry's object: the page of it that their kind of account has, or
 * none (an address, a deposit, a buyer's follow). Entries about something inside a live session
 * (its sale, auction, giveaway) open the session.
 */
export function objectHref(record: Pick<AuditRecord, 'target' | 'details'>, reader: Home): string | null {
  const target = record.target;
  if (!target?.id) return null;
  const { id } = target;
  const sessionId = target.type === 'live_session' ? id : text(record.details.sessionId);
  switch (target.type) {
    case 'listing':
      return reader === 'seller' ? consolePaths.seller.listing(id) : publicPaths.listing(id);
    case 'order':
      return reader === 'seller' ? commercePaths.sellerOrder(id) : null;
    case 'certificate':
      if (reader === 'seller') return consolePaths.seller.certificates;
      if (reader === 'lab') return consolePaths.lab.certificates;
      return reader === 'platform' ? consolePaths.platform.certificates : null;
    case 'live_session':
    case 'flash_sale':
    case 'auction':
    case 'giveaway':
      if (!sessionId) return null;
      if (reader === 'seller') return livePaths.summary(sessionId);
      if (reader === 'regulator') return livePaths.observerSummary(sessionId);
      return livePaths.watch(sessionId);
    case 'base':
      if (reader === 'operator') return consolePaths.operator.base(id);
      return reader === 'seller' ? consolePaths.seller.bases : null;
    case 'studio':
    case 'studio_booking': {
      const baseId = text(record.details.baseId);
      if (reader === 'operator' && baseId) return consolePaths.operator.calendar(baseId);
      return reader === 'seller' ? consolePaths.seller.bases : null;
    }
    case 'case':
      return reader === 'regulator' ? consolePaths.regulator.case(id) : null;
    case 'case_document':
      if (reader === 'seller') return consolePaths.seller.notice(id);
      return reader === 'operator' ? consolePaths.operator.notice(id) : null;
    case 'complaint':
      if (reader === 'seller') return complaintPaths.seller;
      return reader === 'regulator' ? complaintPaths.regulator : null;
    case 'compliance_flag':
      return reader === 'regulator' ? consolePaths.regulator.flags : null;
    case 'user':
      return reader === 'platform' ? null : paths.settings.members;
    case 'invitation':
      return reader === 'platform' ? null : paths.settings.invitations;
    case 'api_token':
      return reader === 'platform' ? null : paths.settings.tokens;
    default:
      return null;
  }
}
