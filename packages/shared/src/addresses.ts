import { z } from 'zod';
import { boundedText as text } from './text';

const isoDateTime = z.iso.datetime({ offset: true });

/** A mainland China mobile number: 11 digits, 1 then 3–9 (no +86, spaces or dashes). */
export const MAINLAND_MOBILE_PATTERN = /^1[3-9][0-9]{9}$/;
/** A GB/T 2260 administrative division code: six digits. */
export const REGION_CODE_PATTERN = /^[0-9]{6}$/;

export const mainlandMobileSchema = z
  .string()
  .trim()
  .regex(MAINLAND_MOBILE_PATTERN, 'a mainland mobile number: 11 digits starting with 13–19');
const regionCodeSchema = z.string().regex(REGION_CODE_PATTERN, 'six digits (GB/T 2260)');

/** Most addresses a buyer may keep; more is a 409. */
export const MAX_ADDRESSES_PER_BUYER = 20;

/**
 * A buyer's address as entered: 收货人, mobile, province/city/district codes from the region tree
 * (`GET /api/regions`; `districtCode` null only where the city has no districts, e.g. 东莞市),
 * and the street address below the district.
 */
export const addressBodySchema = z.strictObject({
  recipientName: text(1, 30),
  mobile: mainlandMobileSchema,
  provinceCode: regionCodeSchema,
  cityCode: regionCodeSchema,
  districtCode: regionCodeSchema.nullable(),
  detail: text(2, 120),
  /** Make this the default (the first address is the default anyway). */
  isDefault: z.boolean().optional(),
});
export type AddressBody = z.infer<typeof addressBodySchema>;

/** Where a parcel goes, with the region names as they were when it was written. */
export const shippingAddressSchema = z.object({
  recipientName: z.string(),
  mobile: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  detail: z.string(),
});
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

/** One entry of the buyer's address book. */
export const addressSchema = shippingAddressSchema.extend({
  id: z.uuid(),
  isDefault: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Address = z.infer<typeof addressSchema>;

/**
 * The address an order ships to, as its viewer may see it: the buyer and the shop's owners,
 * admins and staff see all of it (the shop only once the order is paid); a host sees the name's
 * first character, a masked mobile (138****5678) and nothing below the district
 * (个人信息保护法: minimum necessary).
 */
export const orderShippingAddressSchema = shippingAddressSchema.extend({
  detail: z.string().nullable(),
  masked: z.boolean(),
});
export type OrderShippingAddress = z.infer<typeof orderShippingAddressSchema>;

export const setOrderAddressBodySchema = z.strictObject({ addressId: z.uuid() });

/** A district (县级) of the region tree. */
export const regionDistrictSchema = z.object({ code: z.string(), name: z.string() });
/** A city (地级; for 北京/天津/上海/重庆 the municipality itself); no districts for 东莞市 and the like. */
export const regionCitySchema = regionDistrictSchema.extend({ districts: z.array(regionDistrictSchema) });
export const regionProvinceSchema = regionDistrictSchema.extend({ cities: z.array(regionCitySchema) });
export const regionTreeSchema = z.object({ provinces: z.array(regionProvinceSchema) });
export type RegionProvince = z.infer<typeof regionProvinceSchema>;
export type RegionCity = z.infer<typeof regionCitySchema>;
export type RegionTree = z.infer<typeof regionTreeSchema>;

/** 13812345678 → 138****5678. */
export function maskMobile(mobile: string): string {
  return mobile.length < 8 ? '****' : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** 王小明 → 王**: enough to tell parcels apart, not to name the buyer. */
export function maskName(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** The address on one line, region names without repeats (北京市 北京市 → 北京市). */
export function formatRegion(address: Pick<ShippingAddress, 'provinceName' | 'cityName' | 'districtName'>) {
  const names = [address.provinceName, address.cityName, address.districtName].filter(
    (name): name is string => Boolean(name),
  );
  return names.filter((name, index) => names.indexOf(name) === index).join(' ');
}
