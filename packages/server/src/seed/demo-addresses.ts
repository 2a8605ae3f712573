import { lookUpRegion } from '../features/addresses/regions';
import type { Tx } from '../features/addresses/repository';

/** Where each demo buyer's parcels go: a default address in 渝中区, 江北区 and 沙坪坝区. */
const DEMO_ADDRESSES = [
  {
    email: 'buyer@jadelive.test',
    recipientName: '陈小雨',
    mobile: '13800238888',
    districtCode: '500103',
    detail: '解放碑民权路 28 号 18 楼',
  },
  {
    email: 'buyer2@jadelive.test',
    recipientName: '刘思远',
    mobile: '13900236666',
    districtCode: '500105',
    detail: '观音桥步行街 9 号 2 单元 701',
  },
  {
    email: 'buyer3@jadelive.test',
    recipientName: '赵一鸣',
    mobile: '15823451234',
    districtCode: '500106',
    detail: '三峡广场沙坪坝正街 66 号',
  },
];

/** Idempotent: a buyer who already has an address keeps their book as it is. */
export async function seedDemoAddresses(trx: Tx): Promise<void> {
  for (const demo of DEMO_ADDRESSES) {
    const buyer = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', demo.email)
      .executeTakeFirst();
    if (!buyer) continue;
    const existing = await trx
      .selectFrom('buyerAddresses')
      .select('id')
      .where('userId', '=', buyer.id)
      .executeTakeFirst();
    if (existing) continue;
    const codes = { provinceCode: '500000', cityCode: '500000', districtCode: demo.districtCode };
    const region = lookUpRegion(codes);
    if (!region.ok) throw new Error(`demo address: ${demo.districtCode} is not a district of 重庆市`);
    await trx
      .insertInto('buyerAddresses')
      .values({
        userId: buyer.id,
        recipientName: demo.recipientName,
        mobile: demo.mobile,
        ...codes,
        provinceName: region.provinceName,
        cityName: region.cityName,
        districtName: region.districtName,
        detail: demo.detail,
        isDefault: true,
      })
      .execute();
  }
}
