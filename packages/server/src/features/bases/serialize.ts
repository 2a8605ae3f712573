import type {
  Base,
  BaseKind,
  Booking,
  BookingStatus,
  Membership,
  MembershipStatus,
  Studio,
  StudioStatus,
} from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';

export interface StudioRow {
  id: string;
  baseId: string;
  name: string;
  capacity: number;
  equipment: string[];
  status: string;
  createdAt: Date;
}

export const toStudio = (row: StudioRow): Studio => ({
  id: row.id,
  baseId: row.baseId,
  name: row.name,
  capacity: row.capacity,
  equipment: row.equipment,
  status: row.status as StudioStatus,
  createdAt: iso(row.createdAt),
});

export interface BaseRow {
  id: string;
  name: string;
  address: string;
  district: string;
  kind: string;
  createdAt: Date;
  clusterId: string;
  clusterName: string;
  clusterSlug: string;
  inspectionLabId: string | null;
  inspectionLabName: string | null;
}

export const toBase = (row: BaseRow, studios: readonly StudioRow[], admittedSellerCount: number): Base => ({
  id: row.id,
  name: row.name,
  address: row.address,
  district: row.district,
  kind: row.kind as BaseKind,
  cluster: { id: row.clusterId, name: row.clusterName, slug: row.clusterSlug },
  inspectionLab:
    row.inspectionLabId === null ? null : { id: row.inspectionLabId, name: row.inspectionLabName ?? '' },
  createdAt: iso(row.createdAt),
  admittedSellerCount,
  studios: studios.filter((studio) => studio.baseId === row.id).map(toStudio),
});

export interface MembershipRow {
  baseId: string;
  baseName: string;
  sellerOrgId: string;
  sellerName: string;
  status: string;
  note: string | null;
  appliedAt: Date;
  decidedAt: Date | null;
}

export const toMembership = (row: MembershipRow): Membership => ({
  base: { id: row.baseId, name: row.baseName },
  seller: { id: row.sellerOrgId, name: row.sellerName },
  status: row.status as MembershipStatus,
  note: row.note,
  appliedAt: iso(row.appliedAt),
  decidedAt: isoOrNull(row.decidedAt),
});

export interface BookingRow {
  id: string;
  baseId: string;
  baseName: string;
  studioId: string;
  studioName: string;
  sellerOrgId: string;
  sellerName: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  purpose: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export const toBooking = (row: BookingRow): Booking => ({
  id: row.id,
  base: { id: row.baseId, name: row.baseName },
  studio: { id: row.studioId, name: row.studioName },
  seller: { id: row.sellerOrgId, name: row.sellerName },
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  status: row.status as BookingStatus,
  purpose: row.purpose,
  createdAt: iso(row.createdAt),
  decidedAt: isoOrNull(row.decidedAt),
  decisionNote: row.decisionNote,
});
