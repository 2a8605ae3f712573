import {
  type Address,
  type AddressBody,
  MAX_ADDRESSES_PER_BUYER,
  type ShippingAddress,
} from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, conflict, notFound, unprocessable } from '../../http/errors';
import { iso } from '../../lib/serialize';
import { type AuditAction, recordAudit } from '../audit/repository';
import { lookUpRegion } from './regions';
import {
  type AddressRow,
  clearDefault,
  deleteAddress,
  findAddress,
  insertAddress,
  lockAddressBook,
  setDefault,
  type Tx,
  updateAddress,
} from './repository';

type Deps = Pick<AppDeps, 'db'>;

/** The address as it will be stored: region codes checked against the tree and named. */
function resolveAddress(body: AddressBody): ShippingAddress {
  const region = lookUpRegion(body);
  if (!region.ok) {
    if (region.reason === 'district_required') {
      throw unprocessable('choose a district of that city', because('district_required'));
    }
    throw unprocessable(
      `${region.field} ${region.code ?? '(none)'} is not a region of mainland China under the one chosen above it`,
      because('unknown_region', { field: region.field, code: region.code }),
    );
  }
  return {
    recipientName: body.recipientName,
    mobile: body.mobile,
    provinceCode: body.provinceCode,
    provinceName: region.provinceName,
    cityCode: body.cityCode,
    cityName: region.cityName,
    districtCode: body.districtCode,
    districtName: region.districtName,
    detail: body.detail,
  };
}

/** A new address; the buyer's first one is the default whatever was asked. */
export async function createAddress(deps: Deps, userId: string, body: AddressBody) {
  const address = resolveAddress(body);
  return deps.db.transaction().execute(async (trx) => {
    const book = await lockAddressBook(trx, userId);
    if (book.length >= MAX_ADDRESSES_PER_BUYER) {
      throw conflict(
        `an address book holds at most ${MAX_ADDRESSES_PER_BUYER} addresses`,
        because('address_book_full', { max: MAX_ADDRESSES_PER_BUYER }),
      );
    }
    const isDefault = book.length === 0 || body.isDefault === true;
    if (isDefault) await clearDefault(trx, userId);
    const created = await insertAddress(trx, userId, address, isDefault);
    await auditAddress(trx, 'address.created', created);
    return created;
  });
}

/**
 * Rewrites one address. Orders keep the snapshot they took, so nothing shipped changes. The
 * default moves here when asked; un-defaulting the default is not a thing (pick another instead).
 */
export async function editAddress(deps: Deps, userId: string, addressId: string, body: AddressBody) {
  const address = resolveAddress(body);
  return deps.db.transaction().execute(async (trx) => {
    const book = await lockAddressBook(trx, userId);
    const current = book.find((entry) => entry.id === addressId);
    if (!current) throw notFound('address');
    const isDefault = current.isDefault || body.isDefault === true;
    if (isDefault && !current.isDefault) await clearDefault(trx, userId);
    const before = await findAddress(trx, userId, addressId);
    const updated = await updateAddress(trx, userId, addressId, address, isDefault);
    if (!before || !updated) throw notFound('address');
    const rewritten = JSON.stringify(snapshotOf(before)) !== JSON.stringify(snapshotOf(updated));
    await auditAddress(trx, rewritten ? 'address.updated' : 'address.default_set', updated);
    return updated;
  });
}

/**
 * A buyer's own address book: recorded with the place only, since the trail keeps what it is given
 * for good and the recipient's name, mobile and street are personal information.
 */
function auditAddress(trx: Tx, action: AuditAction, row: AddressRow) {
  return recordAudit(trx, {
    action,
    targetType: 'address',
    targetId: row.id,
    details: {
      region: `${row.provinceName}${row.cityName}${row.districtName ?? ''}`,
      isDefault: row.isDefault,
    },
  });
}

/** Removes an address; if it was the default, the newest remaining one becomes the default. */
export async function removeAddress(deps: Deps, userId: string, addressId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const book = await lockAddressBook(trx, userId);
    const removed = await deleteAddress(trx, userId, addressId);
    if (!removed) throw notFound('address');
    await auditAddress(trx, 'address.deleted', removed);
    const next = book.find((entry) => entry.id !== addressId);
    if (removed.isDefault && next) await setDefault(trx, userId, next.id);
  });
}

export function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    recipientName: row.recipientName,
    mobile: row.mobile,
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    cityCode: row.cityCode,
    cityName: row.cityName,
    districtCode: row.districtCode,
    districtName: row.districtName,
    detail: row.detail,
    isDefault: row.isDefault,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** What an order keeps of a book entry: the address alone, frozen. */
export function snapshotOf(row: AddressRow): ShippingAddress {
  const { id, userId, isDefault, createdAt, updatedAt, ...address } = row;
  return address;
}
