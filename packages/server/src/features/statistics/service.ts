import {
  type FigureStatus,
  isSettledOrderStatus,
  ORDER_STATUSES,
  type SessionFigure,
  type SessionStatistics,
  type SpeakerKind,
  speaksForSeller,
} from '@jadelive/shared';
import type { Database } from '../../db/database';
import { isoOrNull } from '../../lib/serialize';
import { viewerAggregates } from '../live/presence';
import {
  audienceCounts,
  findSessionForStatistics,
  flagCounts,
  giveawayEntryCount,
  previousSessionIds,
  type SessionSales,
  type StatisticsViewer,
  salesBySession,
} from './repository';

type FlagCategory = SessionStatistics['flagsByCategory'][number]['category'];

const SETTLED_STATUSES = ORDER_STATUSES.filter(isSettledOrderStatus);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

const gmvOf = (sales: SessionSales) => sales.paidFen - sales.refundedFen;

async function comparison(db: Database, session: { id: string; sellerOrgId: string; endedAt: Date | null }) {
  const ids = await previousSessionIds(db, session.sellerOrgId, session.endedAt, session.id);
  const previous = await salesBySession(db, ids, SETTLED_STATUSES);
  return {
    sessions: previous.length,
    gmvFen: median(previous.map(gmvOf)),
    orders: median(previous.map((sales) => sales.orders)),
    uniqueViewers: median(previous.flatMap((sales) => sales.frozenUniqueViewers ?? [])),
  };
}

/**
 * The figures of one session for a viewer allowed its sales; undefined (→ 404) for a session
 * that never went live, or whose seller, base or district is not the viewer's.
 */
export async function sessionStatistics(
  db: Database,
  viewer: StatisticsViewer,
  sessionId: string,
): Promise<SessionStatistics | undefined> {
  const session = await findSessionForStatistics(db, viewer, sessionId);
  if (!session) return undefined;
  const live = session.status === 'live';
  const [[sales], audience, flags, giveawayEntries, compared] = await Promise.all([
    salesBySession(db, [session.id], SETTLED_STATUSES),
    audienceCounts(db, session.id),
    flagCounts(db, session.id),
    giveawayEntryCount(db, session.id),
    comparison(db, session),
  ]);
  if (!sales) throw new Error(`no sales row for session ${session.id}`);
  const uniqueViewers =
    !live && sales.frozenUniqueViewers !== null
      ? sales.frozenUniqueViewers
      : (await viewerAggregates(db, session.id)).uniqueViewers;

  // The audience, flags and giveaways are settled when the session ends; sales when every order is.
  const onAir: FigureStatus = live ? 'live' : 'final';
  const salesStatus: FigureStatus = live ? 'live' : sales.unsettledOrders > 0 ? 'pending' : 'final';
  const fig = (value: number | null, status: FigureStatus): SessionFigure => ({ value, status });
  const sold = (value: number | null) => fig(value, salesStatus);

  const gmvFen = gmvOf(sales);
  const standingOrders = sales.orders - sales.refundedOrders;
  const views = audience.views;
  const againstSeller = (speakerKind: string) => speaksForSeller(speakerKind as SpeakerKind);
  const byCategory = new Map<string, { count: number; againstSeller: number }>();
  const bySpeaker = new Map<string, number>();
  for (const row of flags) {
    const category = byCategory.get(row.category) ?? { count: 0, againstSeller: 0 };
    category.count += row.count;
    if (againstSeller(row.speakerKind)) category.againstSeller += row.count;
    byCategory.set(row.category, category);
    bySpeaker.set(row.speakerKind, (bySpeaker.get(row.speakerKind) ?? 0) + row.count);
  }
  const flagTotal = flags.reduce((sum, row) => sum + row.count, 0);
  const flagsAgainst = flags.reduce((sum, row) => sum + (againstSeller(row.speakerKind) ? row.count : 0), 0);

  return {
    sessionId: session.id,
    sellerOrgId: session.sellerOrgId,
    sessionStatus: live ? 'live' : 'ended',
    endedAt: isoOrNull(session.endedAt),
    figures: {
      orders: sold(sales.orders),
      refundedOrders: sold(sales.refundedOrders),
      buyers: sold(sales.buyers),
      firstTimeBuyers: sold(sales.firstTimeBuyers),
      paidFen: sold(sales.paidFen),
      refundedFen: sold(sales.refundedFen),
      gmvFen: sold(gmvFen),
      averageOrderValueFen: sold(standingOrders > 0 ? Math.round(gmvFen / standingOrders) : null),
      peakViewers: fig(audience.peakViewers, onAir),
      uniqueViewers: fig(uniqueViewers, onAir),
      views: fig(views, onAir),
      gpmFen: fig(views > 0 ? Math.round((gmvFen * 1000) / views) : null, salesStatus),
      giveawayEntries: fig(giveawayEntries, onAir),
      flags: fig(flagTotal, onAir),
      flagsAgainstSeller: fig(flagsAgainst, onAir),
    },
    flagsByCategory: [...byCategory].map(([category, counts]) => ({
      category: category as FlagCategory,
      ...counts,
    })),
    flagsBySpeaker: [...bySpeaker].map(([speakerKind, count]) => ({
      speakerKind: speakerKind as SpeakerKind,
      count,
      againstSeller: againstSeller(speakerKind),
    })),
    comparison: compared,
  };
}
