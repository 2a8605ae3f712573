import type { ChatMessage, LiveSession, LiveSessionStatus, PinnedCard } from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';
import type { SessionRow } from './session-repository';

export function toLiveSession(
  row: SessionRow,
  extra: { pinned?: PinnedCard | null; lineup?: (PinnedCard & { position: number })[] } = {},
): LiveSession {
  return {
    id: row.id,
    sellerOrgId: row.sellerOrgId,
    sellerName: row.sellerName,
    title: row.title,
    coverImageId: row.coverImageId,
    status: row.status as LiveSessionStatus,
    roomName: row.roomName,
    plannedStartAt: iso(row.plannedStartAt),
    startedAt: isoOrNull(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    studioBookingId: row.studioBookingId,
    hostUserIds: row.hostUserIds,
    slowModeSeconds: row.slowModeSeconds,
    currentViewers: row.currentViewers,
    peakViewers: row.peakViewers,
    hostAwaySince: isoOrNull(row.hostAwaySince),
    ...extra,
  };
}

export const toChatMessage = (row: {
  id: string;
  sessionId: string;
  userId: string;
  displayName: string;
  text: string;
  createdAt: Date;
  deletedAt: Date | null;
}): ChatMessage => ({
  id: row.id,
  sessionId: row.sessionId,
  userId: row.userId,
  displayName: row.displayName,
  text: row.text,
  createdAt: iso(row.createdAt),
  deletedAt: isoOrNull(row.deletedAt),
});
