import type { Base } from '@jadelive/shared';
import type { Database } from '../../db/database';
import { countMembershipsByStatus, listStudiosOfBases } from './repository';
import { type BaseRow, toBase } from './serialize';

/**
 * Bases with their studios and membership counts. The public sees studios in use; the operator
 * also sees retired ones and how many applications wait for a decision.
 */
export async function describeBases(
  db: Database,
  rows: readonly BaseRow[],
  audience: 'public' | 'operator',
): Promise<(Base & { pendingApplicationCount: number })[]> {
  const baseIds = rows.map((row) => row.id);
  const [studios, counts] = await Promise.all([
    listStudiosOfBases(db, baseIds, { includeRetired: audience === 'operator' }),
    countMembershipsByStatus(db, baseIds),
  ]);
  const countOf = (baseId: string, status: string) =>
    Number(counts.find((row) => row.baseId === baseId && row.status === status)?.count ?? 0);
  return rows.map((row) => ({
    ...toBase(row, studios, countOf(row.id, 'admitted')),
    pendingApplicationCount: countOf(row.id, 'applied'),
  }));
}
