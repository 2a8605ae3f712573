import type { Certificate } from '@jadelive/shared';
import { iso } from '../../lib/serialize';
import type { CertificateRow } from './repository';

export function toCertificate(row: CertificateRow): Certificate {
  return {
    id: row.id,
    number: row.number,
    lab: {
      orgId: row.labOrgId,
      name: row.labOrgName ?? row.externalLabName ?? '',
      onPlatform: row.labOrgId !== null,
      slug: row.labOrgSlug,
    },
    holderOrgId: row.holderOrgId,
    identification: row.identification,
    material: row.material,
    treatment: row.treatment as Certificate['treatment'],
    weightMg: row.weightMg,
    weightCt100: row.weightCt100,
    dimensions: row.dimensions,
    shape: row.shape,
    color: row.color,
    origin: row.origin,
    photoImageId: row.photoImageId,
    issuedOn: row.issuedOn,
    quantity: row.quantity,
    status: row.status as Certificate['status'],
    revokeReason: row.revokeReason,
    createdAt: iso(row.createdAt),
    statusChangedAt: iso(row.statusChangedAt),
  };
}
