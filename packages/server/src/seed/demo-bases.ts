import type { BaseKind, StudioStatus } from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../db/database';

interface DemoBase {
  operatorSlug: string;
  name: string;
  address: string;
  district: string;
  kind: BaseKind;
  studios: { name: string; capacity: number; equipment: string[]; status?: StudioStatus }[];
  members: { sellerSlug: string; status: 'admitted' | 'applied'; note?: string }[];
}

const CAMERA_KIT = ['4K 摄像机 ×2', '环形补光灯', '声卡与领夹麦', '提词器'];
const JEWELRY_LIGHTS = ['珠宝专用无影灯', '微距镜头', '黑/白丝绒展台'];

/** Bases in the 1 + 3 layout: the 解放碑 trading centre and the three clusters. Addresses are demo data. */
export const DEMO_BASES: DemoBase[] = [
  {
    operatorSlug: 'jiefangbei-trade-centre',
    name: '解放碑珠宝玉石直播基地',
    address: '重庆市渝中区民权路 28 号 珠宝玉石交易中心 6 楼',
    district: '渝中区',
    kind: 'trade_centre',
    studios: [
      {
        name: 'A01 翡翠直播间',
        capacity: 6,
        equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS, '手电筒与聚光灯'],
      },
      { name: 'A02 和田玉直播间', capacity: 6, equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS, '强光透光台'] },
      { name: 'A03 珍珠直播间', capacity: 4, equipment: [...CAMERA_KIT, '珍珠比色灯箱', '游标卡尺'] },
      { name: 'B01 拍卖直播厅', capacity: 30, equipment: ['导播台', '三机位', '竞拍计时大屏', '提词器'] },
    ],
    members: [
      { sellerSlug: 'jiefangbei-cuiyuxuan', status: 'admitted' },
      { sellerSlug: 'yuzhong-pearl-house', status: 'admitted' },
      { sellerSlug: 'chaotianmen-hetian-pavilion', status: 'admitted' },
    ],
  },
  {
    operatorSlug: 'jiefangbei-trade-centre',
    name: '朝天门珠宝城直播中心',
    address: '重庆市渝中区朝东路 9 号 朝天门珠宝城 3 楼',
    district: '渝中区',
    kind: 'trade_centre',
    studios: [
      { name: 'C01 直播间', capacity: 4, equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS] },
      { name: 'C02 直播间', capacity: 4, equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS] },
      {
        name: 'C03 检测讲解直播间',
        capacity: 8,
        equipment: [...CAMERA_KIT, '折射仪', '分光镜', '电子天平 0.001 g'],
      },
    ],
    members: [
      { sellerSlug: 'chaotianmen-hetian-pavilion', status: 'admitted' },
      { sellerSlug: 'jiefangbei-cuiyuxuan', status: 'admitted' },
    ],
  },
  {
    operatorSlug: 'lianglu-guoyuan-processing',
    name: '果园港黄金珠宝直播基地',
    address: '重庆市渝北区两路果园港综合保税区 港城东路 8 号 3 号楼',
    district: '渝北区',
    kind: 'processing',
    studios: [
      {
        name: 'G1 足金直播间',
        capacity: 6,
        equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS, '电子天平 0.01 g'],
      },
      {
        name: 'G2 工艺直播间（可直播加工）',
        capacity: 10,
        equipment: [...CAMERA_KIT, '工作台俯拍机位', '防尘罩'],
      },
      {
        name: 'G3 镶嵌直播间',
        capacity: 4,
        equipment: [...CAMERA_KIT, '显微镶嵌镜头'],
        status: 'maintenance',
      },
    ],
    members: [{ sellerSlug: 'guoyuan-gold-works', status: 'admitted' }],
  },
  {
    operatorSlug: 'dazu-cultural-creative',
    name: '大足石刻文创直播基地',
    address: '重庆市大足区宝顶镇 石刻文创产业园 2 号楼',
    district: '大足区',
    kind: 'cultural_creative',
    studios: [
      { name: '宝顶厅', capacity: 8, equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS] },
      { name: '北山厅', capacity: 8, equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS] },
      { name: '玉雕工坊直播间', capacity: 6, equipment: [...CAMERA_KIT, '雕刻台俯拍机位', '吸尘降噪设备'] },
      { name: '石刻实景直播位', capacity: 12, equipment: ['户外稳定器', '无线图传', '便携补光灯'] },
    ],
    members: [
      { sellerSlug: 'dazu-carving-studio', status: 'admitted' },
      { sellerSlug: 'chaotianmen-hetian-pavilion', status: 'applied', note: '希望在大足开设和田玉雕件专场' },
    ],
  },
  {
    operatorSlug: 'jiangjin-jade-origin',
    name: '江津硒玉产地直播基地',
    address: '重庆市江津区几江街道 江津玉原石交易市场 B 馆',
    district: '江津区',
    kind: 'origin',
    studios: [
      { name: '原石直播间', capacity: 6, equipment: [...CAMERA_KIT, '强光手电', '原石展台'] },
      { name: '切料开窗直播间', capacity: 6, equipment: [...CAMERA_KIT, '切割机俯拍机位', '防水罩'] },
      { name: '成品直播间', capacity: 4, equipment: [...CAMERA_KIT, ...JEWELRY_LIGHTS] },
    ],
    members: [{ sellerSlug: 'jiangjin-xiyu-workshop', status: 'admitted' }],
  },
];

const PURPOSES: Record<string, string[]> = {
  'jiefangbei-cuiyuxuan': ['翡翠手镯专场', '翡翠挂件上新', '周末福袋专场'],
  'yuzhong-pearl-house': ['淡水珍珠项链专场', '珍珠耳饰上新'],
  'chaotianmen-hetian-pavilion': ['和田玉籽料讲解', '和田玉手串专场'],
  'guoyuan-gold-works': ['足金古法手镯专场', '黄金工艺直播'],
  'dazu-carving-studio': ['玉雕现场创作', '石刻纹样文创专场'],
  'jiangjin-xiyu-workshop': ['江津硒玉原石讲解', '硒玉成品专场'],
};

// Shanghai wall-clock slots: morning, afternoon and the evening prime time.
const SLOTS = [
  { starts: '10:00', ends: '12:00' },
  { starts: '14:00', ends: '17:00' },
  { starts: '19:30', ends: '22:30' },
];
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DEMO_INSPECTION_LAB_SLUG = 'yuzhou-gem-lab';

const idOf = async (trx: Database, slug: string) =>
  (await trx.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

const firstMemberOf = async (trx: Database, organizationId: string) =>
  (
    await trx
      .selectFrom('users')
      .select('id')
      .where('organizationId', '=', organizationId)
      .orderBy('createdAt')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

/**
 * Bases, studios and memberships found by name are left alone; bookings over the coming week are
 * written only for a base that has none, so running the seed again changes nothing.
 */
export async function seedDemoBases(
  trx: Database,
  now: Date = new Date(),
): Promise<{ createdBookings: number }> {
  let createdBookings = 0;
  for (const demo of DEMO_BASES) {
    const operatorOrgId = await idOf(trx, demo.operatorSlug);
    const operatorUserId = await firstMemberOf(trx, operatorOrgId);
    const existing = await trx
      .selectFrom('bases')
      .select('id')
      .where('operatorOrgId', '=', operatorOrgId)
      .where('name', '=', demo.name)
      .executeTakeFirst();
    const baseId =
      existing?.id ??
      (
        await trx
          .insertInto('bases')
          .values({
            operatorOrgId,
            name: demo.name,
            address: demo.address,
            district: demo.district,
            kind: demo.kind,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    // 就地检验: the demo lab inspects for every demo base, unless an operator named another.
    await trx
      .updateTable('bases')
      .set({ inspectionLabOrgId: await idOf(trx, DEMO_INSPECTION_LAB_SLUG) })
      .where('id', '=', baseId)
      .where('inspectionLabOrgId', 'is', null)
      .execute();
    for (const studio of demo.studios) {
      const found = await trx
        .selectFrom('studios')
        .select('id')
        .where('baseId', '=', baseId)
        .where('name', '=', studio.name)
        .executeTakeFirst();
      if (!found)
        await trx
          .insertInto('studios')
          .values({ baseId, ...studio })
          .execute();
    }
    const admitted: { sellerOrgId: string; sellerSlug: string }[] = [];
    for (const member of demo.members) {
      const sellerOrgId = await idOf(trx, member.sellerSlug);
      const decided = member.status === 'admitted';
      await trx
        .insertInto('baseMemberships')
        .values({
          baseId,
          sellerOrgId,
          status: member.status,
          note: member.note ?? null,
          decidedAt: decided ? now : null,
          decidedBy: decided ? operatorUserId : null,
        })
        .onConflict((oc) => oc.columns(['baseId', 'sellerOrgId']).doNothing())
        .execute();
      if (decided) admitted.push({ sellerOrgId, sellerSlug: member.sellerSlug });
    }
    createdBookings += await seedBookings(trx, { baseId, operatorUserId, admitted, now });
  }
  return { createdBookings };
}

async function seedBookings(
  trx: Database,
  plan: {
    baseId: string;
    operatorUserId: string;
    admitted: { sellerOrgId: string; sellerSlug: string }[];
    now: Date;
  },
) {
  const { baseId, admitted, now } = plan;
  const hasBookings = await trx
    .selectFrom('studioBookings')
    .select('id')
    .where('baseId', '=', baseId)
    .limit(1);
  if ((await hasBookings.executeTakeFirst()) || admitted.length === 0) return 0;
  const studios = await trx
    .selectFrom('studios')
    .select('id')
    .where('baseId', '=', baseId)
    .where('status', '=', 'available')
    .orderBy('name')
    .execute();
  const creators = await Promise.all(admitted.map((seller) => firstMemberOf(trx, seller.sellerOrgId)));
  const today = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  let created = 0;
  for (const [studioIndex, studio] of studios.entries()) {
    for (let day = 0; day < 7; day++) {
      const date = new Date(today.getTime() + day * DAY_MS).toISOString().slice(0, 10);
      for (const [slotIndex, slot] of SLOTS.entries()) {
        // Roughly one slot in two taken, spread across studios, days and sellers; each studio gets
        // each (day, slot) at most once, so demo bookings never overlap.
        const pick = day + studioIndex * 2 + slotIndex;
        if (pick % 2 === 1) continue;
        const startsAt = `${date}T${slot.starts}:00+08:00`;
        if (Date.parse(startsAt) <= now.getTime()) continue;
        const sellerIndex = (pick / 2 + studioIndex) % admitted.length;
        const seller = admitted[sellerIndex]!;
        const purposes = PURPOSES[seller.sellerSlug] ?? ['直播专场'];
        const approved = day < 3 || slotIndex === 2;
        await trx
          .insertInto('studioBookings')
          .values({
            baseId,
            studioId: studio.id,
            sellerOrgId: seller.sellerOrgId,
            during: sql<string>`tstzrange(${startsAt}::timestamptz, ${`${date}T${slot.ends}:00+08:00`}::timestamptz, '[)')`,
            status: approved ? 'approved' : 'requested',
            purpose: purposes[(day + slotIndex) % purposes.length]!,
            createdBy: creators[sellerIndex]!,
            decidedBy: approved ? plan.operatorUserId : null,
            decidedAt: approved ? now : null,
          })
          .execute();
        created++;
      }
    }
  }
  return created;
}
