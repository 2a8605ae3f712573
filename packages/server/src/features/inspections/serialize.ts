import type { Inspection } from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';
import type { InspectionRow } from './repository';

export function toInspection(row: InspectionRow): Inspection {
  return {
    id: row.id,
    orderId: row.orderId,
    listingId: row.listingId,
    listingTitle: row.listingTitle,
    orderStatus: row.orderStatus,
    labOrgId: row.labOrgId,
    labName: row.labName,
    labChosenBy: row.labChosenBy as Inspection['labChosenBy'],
    status: row.status as Inspection['status'],
    requestedAt: iso(row.requestedAt),
    certificate: {
      id: row.certificateId,
      number: row.certificateNumber,
      identification: row.certificateIdentification,
      weightMg: row.certificateWeightMg,
    },
    result:
      row.resultRecordedAt && row.resultIdentification !== null
        ? {
            identification: row.resultIdentification,
            weightMg: row.resultWeightMg,
            note: row.resultNote,
            recordedAt: iso(row.resultRecordedAt),
          }
        : null,
    settledAt: isoOrNull(row.settledAt),
  };
}
