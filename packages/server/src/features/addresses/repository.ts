import type { ShippingAddress } from '@jadelive/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';

export type Tx = Transaction<DB>;

/** Every query here is scoped by the buyer's user id: another buyer's address is simply not found. */
export function listAddresses(db: Database, userId: string) {
  return db
    .selectFrom('buyerAddresses')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('isDefault', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

export type AddressRow = Awaited<ReturnType<typeof listAddresses>>[number];

export function findAddress(db: Database, userId: string, addressId: string) {
  return db
    .selectFrom('buyerAddresses')
    .selectAll()
    .where('userId', '=', userId)
    .where('id', '=', addressId)
    .executeTakeFirst();
}

/** Locks the buyer's address rows, so two requests cannot both make a first (default) address. */
export async function lockAddressBook(trx: Tx, userId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`jl-addresses:${userId}`}, 0))`.execute(trx);
  return trx
    .selectFrom('buyerAddresses')
    .select(['id', 'isDefault'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .execute();
}

export function insertAddress(trx: Tx, userId: string, address: ShippingAddress, isDefault: boolean) {
  return trx
    .insertInto('buyerAddresses')
    .values({ ...address, userId, isDefault })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateAddress(
  trx: Tx,
  userId: string,
  addressId: string,
  address: ShippingAddress,
  isDefault: boolean,
) {
  return trx
    .updateTable('buyerAddresses')
    .set({ ...address, isDefault, updatedAt: sql`now()` })
    .where('userId', '=', userId)
    .where('id', '=', addressId)
    .returningAll()
    .executeTakeFirst();
}

export async function clearDefault(trx: Tx, userId: string) {
  await trx
    .updateTable('buyerAddresses')
    .set({ isDefault: false })
    .where('userId', '=', userId)
    .where('isDefault', '=', true)
    .execute();
}

export async function setDefault(trx: Tx, userId: string, addressId: string) {
  await trx
    .updateTable('buyerAddresses')
    .set({ isDefault: true })
    .where('userId', '=', userId)
    .where('id', '=', addressId)
    .execute();
}

export function deleteAddress(trx: Tx, userId: string, addressId: string) {
  return trx
    .deleteFrom('buyerAddresses')
    .where('userId', '=', userId)
    .where('id', '=', addressId)
    .returningAll()
    .executeTakeFirst();
}
