import { type ExpressionBuilder, sql } from 'kysely';

/**
 * True where the seller named by `sellerColumn` is admitted to a base — one base, or any base run
 * by an operator — the scope shared by catalogue filters, operator views and compliance feeds.
 */
export function sellerAdmitted(
  // biome-ignore lint/suspicious/noExplicitAny: used from queries over different tables
  eb: ExpressionBuilder<any, any>,
  sellerColumn:
    | 'listings.sellerOrgId'
    | 'catalogEntries.sellerOrgId'
    | 'complianceFlags.sellerOrgId'
    | 'liveSessions.sellerOrgId'
    | 'caseDocuments.sellerOrgId',
  filter: { baseId?: string; operatorOrgId?: string },
) {
  let admitted = eb
    .selectFrom('baseMemberships')
    .innerJoin('bases', 'bases.id', 'baseMemberships.baseId')
    .select(sql.lit(1).as('one'))
    .whereRef('baseMemberships.sellerOrgId', '=', sellerColumn)
    .where('baseMemberships.status', '=', 'admitted');
  if (filter.baseId !== undefined) admitted = admitted.where('bases.id', '=', filter.baseId);
  if (filter.operatorOrgId !== undefined)
    admitted = admitted.where('bases.operatorOrgId', '=', filter.operatorOrgId);
  return eb.exists(admitted);
}
