import type { MemberRole, OrganizationKind } from '@jadelive/shared';
import { DEMO_HOST_EMAIL, DEMO_JADE_SHOP_SLUG } from './demo-jade-shop';

export const DEMO_PASSWORD = 'jadelive-demo';

export interface DemoOrganization {
  slug: string;
  kind: OrganizationKind;
  name: string;
  district: string | null;
  members: { email: string; displayName: string; role: MemberRole }[];
}

/** The logins the README promises; each lands in its own console. */
export const DEMO_LOGINS = [
  { email: 'admin@jadelive.test', home: 'platform admin' },
  { email: 'operator@jadelive.test', home: 'livestream base operator (渝中区解放碑)' },
  { email: 'seller@jadelive.test', home: 'seller (owner)' },
  { email: 'host@jadelive.test', home: 'seller host (主播)' },
  { email: 'lab@jadelive.test', home: 'inspection lab' },
  { email: 'regulator@jadelive.test', home: 'regulator (市场监管, 渝中区)' },
  { email: 'regulator2@jadelive.test', home: 'regulator, second officer (渝中区)' },
  { email: 'regulator.dazu@jadelive.test', home: 'regulator (大足区)' },
  { email: 'buyer@jadelive.test', home: 'buyer' },
] as const;

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: 'jadelive-platform',
    kind: 'platform',
    name: 'Jadelive 平台运营',
    district: null,
    members: [{ email: 'admin@jadelive.test', displayName: '平台管理员', role: 'owner' }],
  },
  {
    slug: 'jiefangbei-trade-centre',
    kind: 'cluster_operator',
    name: '渝中区解放碑珠宝玉石贸易中心',
    district: '渝中区',
    members: [{ email: 'operator@jadelive.test', displayName: '解放碑基地运营', role: 'owner' }],
  },
  {
    slug: 'lianglu-guoyuan-processing',
    kind: 'cluster_operator',
    name: '两路果园港综保区黄金珠宝加工集聚区',
    district: '渝北区',
    members: [{ email: 'operator.lianglu@jadelive.test', displayName: '果园港基地运营', role: 'owner' }],
  },
  {
    slug: 'dazu-cultural-creative',
    kind: 'cluster_operator',
    name: '大足珠宝玉石文化创意产业集聚区',
    district: '大足区',
    members: [{ email: 'operator.dazu@jadelive.test', displayName: '大足基地运营', role: 'owner' }],
  },
  {
    slug: 'jiangjin-jade-origin',
    kind: 'cluster_operator',
    name: '江津玉产地集聚区',
    district: '江津区',
    members: [{ email: 'operator.jiangjin@jadelive.test', displayName: '江津基地运营', role: 'owner' }],
  },
  {
    slug: 'yuzhong-samr',
    kind: 'regulator',
    name: '重庆市渝中区市场监督管理局',
    district: '渝中区',
    members: [
      { email: 'regulator@jadelive.test', displayName: '渝中区市场监管执法员', role: 'owner' },
      // 立案 is approved by a second officer of the same office.
      { email: 'regulator2@jadelive.test', displayName: '渝中区市场监管执法员二', role: 'staff' },
    ],
  },
  {
    slug: 'dazu-samr',
    kind: 'regulator',
    name: '重庆市大足区市场监督管理局',
    district: '大足区',
    members: [{ email: 'regulator.dazu@jadelive.test', displayName: '大足区市场监管执法员', role: 'owner' }],
  },
  {
    slug: 'yuzhou-gem-lab',
    kind: 'lab',
    name: '渝州珠宝玉石检测实验室（演示）',
    district: '渝中区',
    members: [{ email: 'lab@jadelive.test', displayName: '检测实验室主任', role: 'owner' }],
  },
  {
    slug: DEMO_JADE_SHOP_SLUG,
    kind: 'seller',
    name: '解放碑翠玉轩',
    district: '渝中区',
    members: [
      { email: 'seller@jadelive.test', displayName: '翠玉轩店长', role: 'owner' },
      { email: DEMO_HOST_EMAIL, displayName: '主播小翠', role: 'host' },
    ],
  },
  {
    slug: 'dazu-carving-studio',
    kind: 'seller',
    name: '大足石刻玉雕工作室',
    district: '大足区',
    members: [
      { email: 'seller.dazu@jadelive.test', displayName: '玉雕工作室负责人', role: 'owner' },
      { email: 'host.dazu@jadelive.test', displayName: '主播阿刻', role: 'host' },
    ],
  },
  {
    slug: 'jiangjin-xiyu-workshop',
    kind: 'seller',
    name: '江津硒玉坊',
    district: '江津区',
    members: [
      { email: 'seller.jiangjin@jadelive.test', displayName: '硒玉坊老板', role: 'owner' },
      { email: 'host.jiangjin@jadelive.test', displayName: '主播小津', role: 'host' },
    ],
  },
  {
    slug: 'guoyuan-gold-works',
    kind: 'seller',
    name: '果园港足金工坊',
    district: '渝北区',
    members: [
      { email: 'seller.gold@jadelive.test', displayName: '金饰工坊店长', role: 'owner' },
      { email: 'host.gold@jadelive.test', displayName: '主播金金', role: 'host' },
    ],
  },
  {
    slug: 'yuzhong-pearl-house',
    kind: 'seller',
    name: '渝中珍珠行',
    district: '渝中区',
    members: [
      { email: 'seller.pearl@jadelive.test', displayName: '珍珠行店长', role: 'owner' },
      { email: 'host.pearl@jadelive.test', displayName: '主播珠珠', role: 'host' },
    ],
  },
  {
    slug: 'chaotianmen-hetian-pavilion',
    kind: 'seller',
    name: '朝天门和田玉阁',
    district: '渝中区',
    members: [
      { email: 'seller.hetian@jadelive.test', displayName: '和田玉阁店长', role: 'owner' },
      { email: 'host.hetian@jadelive.test', displayName: '主播阿和', role: 'host' },
    ],
  },
];

export const DEMO_BUYERS = [
  { email: 'buyer@jadelive.test', displayName: '山城买家' },
  { email: 'buyer2@jadelive.test', displayName: '解放碑路人' },
  { email: 'buyer3@jadelive.test', displayName: '玉石爱好者' },
];
