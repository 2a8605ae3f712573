import type { EvidencePackage } from '@jadelive/shared/evidence';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database';
import type { EvidencePackages } from '../../db/schema.generated';
import { iso } from '../../lib/serialize';
import type { Tx } from '../cases/repository';

export async function insertEvidencePackage(trx: Tx, values: Insertable<EvidencePackages>) {
  await trx.insertInto('evidencePackages').values(values).execute();
}

function selectPackages(db: Database) {
  return db
    .selectFrom('evidencePackages')
    .innerJoin('users', 'users.id', 'evidencePackages.extractedBy')
    .select([
      'evidencePackages.id',
      'evidencePackages.caseId',
      'evidencePackages.fileName',
      'evidencePackages.sha256',
      'evidencePackages.byteSize',
      'evidencePackages.fileCount',
      'evidencePackages.extractedAt',
      'evidencePackages.extractedBy',
      'evidencePackages.checkpointTreeSize',
      'users.displayName as extractedByName',
    ]);
}

type PackageRow = Awaited<ReturnType<ReturnType<typeof selectPackages>['execute']>>[number];

export function toEvidencePackage(row: PackageRow): EvidencePackage {
  return {
    id: row.id,
    caseId: row.caseId,
    fileName: row.fileName,
    sha256: row.sha256,
    byteSize: row.byteSize,
    fileCount: row.fileCount,
    extractedAt: iso(row.extractedAt),
    extractedBy: { id: row.extractedBy, name: row.extractedByName },
    checkpointTreeSize: row.checkpointTreeSize,
  };
}

/** A case's packages, newest first (the caller has checked the case is the regulator's). */
export async function listEvidencePackages(db: Database, caseId: string) {
  const rows = await selectPackages(db)
    .where('evidencePackages.caseId', '=', caseId)
    .orderBy('evidencePackages.extractedAt', 'desc')
    .execute();
  return rows.map(toEvidencePackage);
}

/** The ZIP exactly as stored when it was made. */
export async function evidencePackageContent(db: Database, caseId: string, packageId: string) {
  return db
    .selectFrom('evidencePackages')
    .select(['fileName', 'sha256', 'content'])
    .where('caseId', '=', caseId)
    .where('id', '=', packageId)
    .executeTakeFirst();
}
