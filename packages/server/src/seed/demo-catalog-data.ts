import type { ListingCategory } from '@jadelive/shared';

/** One demo piece: its certificate (if any) as the lab printed it, and how the seller lists it. */
export interface DemoPiece {
  title: string;
  description: string;
  category: ListingCategory;
  priceFen: number;
  stock: number;
  certificate?: {
    identification: string;
    weightMg?: number;
    weightCt100?: number;
    dimensions?: string;
    shape?: string;
    color?: string;
    origin?: string;
    quantity?: number;
  };
  purityMark?: string;
  metalWeightMg?: number;
  /** Deal prices (fen) some days ago, oldest first, so comparison prices have a real base. */
  deals?: { priceFen: number; daysAgo: number }[];
  /** A comparison price (划线价) no higher than the lowest recent deal. */
  comparisonPriceFen?: number;
  soldCount?: number;
  customMade?: boolean;
}

export const DEMO_PIECES: Record<string, DemoPiece[]> = {
  'jiefangbei-cuiyuxuan': [
    {
      title: '冰种飘花翡翠手镯 56圈口',
      description: '冰种底子，飘蓝花，圈口56mm。附检测证书，可在平台核验证书编号。',
      category: 'jadeite',
      priceFen: 12_880_00,
      stock: 1,
      certificate: {
        identification: '翡翠（A货）手镯',
        weightMg: 36_800,
        dimensions: '内径56.0mm 条宽11.2mm',
        shape: '圆镯',
        color: '无色带蓝色',
      },
      deals: [{ priceFen: 13_880_00, daysAgo: 5 }],
      comparisonPriceFen: 13_880_00,
    },
    {
      title: '糯种阳绿翡翠平安扣',
      description: '糯种阳绿，寓意平安。尺寸约22mm，配K金扣头。',
      category: 'jadeite',
      priceFen: 3_680_00,
      stock: 1,
      certificate: {
        identification: '翡翠（A货）挂件',
        weightMg: 6_420,
        dimensions: '22.1×22.1×6.0mm',
        shape: '圆形',
        color: '绿色',
      },
      soldCount: 0,
    },
    {
      title: '翡翠观音吊坠 细糯种',
      description: '细糯种，雕工细致，证书鉴定结果为翡翠（A货）吊坠。',
      category: 'jadeite',
      priceFen: 5_600_00,
      stock: 1,
      certificate: {
        identification: '翡翠（A货）吊坠',
        weightMg: 9_150,
        dimensions: '45.2×26.8×7.1mm',
        color: '浅绿色',
      },
    },
    {
      title: '翡翠（处理）手镯 入门款',
      description: '证书鉴定结果为翡翠（处理）手镯，经充填处理，价格亲民，如实告知。',
      category: 'jadeite',
      priceFen: 680_00,
      stock: 1,
      certificate: {
        identification: '翡翠（处理）手镯',
        weightMg: 52_300,
        dimensions: '内径58.0mm',
        color: '绿色',
      },
    },
    {
      title: '和田玉青白玉手串',
      description: '青白玉圆珠10mm，共18颗，证书注明数量。',
      category: 'nephrite',
      priceFen: 1_280_00,
      // The certificate covers five strings: two were sold in the shop (the deals below), three are
      // offered here. What the listing holds and sells never exceeds the certificate.
      stock: 3,
      certificate: { identification: '和田玉（青白玉）手串', weightMg: 28_600, quantity: 5, color: '青白色' },
      deals: [
        { priceFen: 1_380_00, daysAgo: 3 },
        { priceFen: 1_320_00, daysAgo: 2 },
      ],
      comparisonPriceFen: 1_320_00,
      soldCount: 2,
    },
  ],
  'dazu-carving-studio': [
    {
      title: '和田玉籽料山水牌 大足手工雕',
      description: '大足工作室手工雕刻山水牌，石刻纹样入牌。',
      category: 'nephrite',
      priceFen: 8_800_00,
      stock: 1,
      certificate: { identification: '和田玉牌', weightMg: 41_200, dimensions: '58×38×9mm', color: '白色' },
    },
    {
      title: '青白玉卧佛把件',
      description: '取大足石刻卧佛意象，寓意安详自在。',
      category: 'nephrite',
      priceFen: 4_600_00,
      stock: 1,
      certificate: { identification: '和田玉（青白玉）把件', weightMg: 86_500, color: '青白色' },
    },
    {
      title: '岫玉千手观音摆件',
      description: '蛇纹石玉（岫玉）雕刻，适合案头陈设。',
      category: 'other_jade',
      priceFen: 2_200_00,
      stock: 1,
      certificate: { identification: '蛇纹石玉摆件', weightMg: 620_000, color: '黄绿色' },
    },
    {
      title: '碧玉竹节吊坠',
      description: '碧玉雕竹节，寓意节节高升。',
      category: 'nephrite',
      priceFen: 1_980_00,
      stock: 1,
      certificate: { identification: '和田玉（碧玉）吊坠', weightMg: 12_400, color: '绿色' },
    },
    {
      title: '南红玛瑙如意挂件',
      description: '南红玛瑙雕如意，色泽柿子红。',
      category: 'other_jade',
      priceFen: 1_500_00,
      stock: 1,
      certificate: { identification: '南红玛瑙挂件', weightMg: 7_800, color: '红色' },
    },
    {
      title: '大足石刻文创书签（黄铜）',
      description: '以大足石刻纹样为题的文创书签，非宝玉石商品。',
      category: 'cultural_creative',
      priceFen: 68_00,
      stock: 200,
      soldCount: 35,
    },
  ],
  'jiangjin-xiyu-workshop': [
    {
      title: '江津硒玉手镯 石英岩玉',
      description: '江津产地石英岩玉手镯，证书注明产地重庆江津。',
      category: 'other_jade',
      priceFen: 1_680_00,
      stock: 1,
      certificate: { identification: '石英岩玉手镯', weightMg: 48_900, origin: '重庆江津', color: '绿色' },
    },
    {
      title: '江津硒玉平安扣',
      description: '石英岩玉平安扣，证书注明产地重庆江津。',
      category: 'other_jade',
      priceFen: 380_00,
      stock: 5,
      certificate: { identification: '石英岩玉挂件', weightMg: 8_100, quantity: 5, origin: '重庆江津' },
      deals: [{ priceFen: 420_00, daysAgo: 4 }],
      comparisonPriceFen: 420_00,
      soldCount: 4,
    },
    {
      title: '硒玉原石摆件 自然形',
      description: '石英岩玉原石摆件，未切割，按件出售（非赌石）。',
      category: 'other_jade',
      priceFen: 2_600_00,
      stock: 1,
      certificate: { identification: '石英岩玉摆件', weightMg: 2_300_000, origin: '重庆江津' },
    },
    {
      title: '石英岩玉珠串 8mm',
      description: '8mm圆珠手串。',
      category: 'other_jade',
      priceFen: 260_00,
      stock: 8,
      certificate: { identification: '石英岩玉手串', weightMg: 16_000, quantity: 10 },
    },
    {
      title: '玉髓（蓝玉髓）戒面',
      description: '蓝玉髓戒面，可定制镶嵌。',
      category: 'other_jade',
      priceFen: 890_00,
      stock: 1,
      certificate: { identification: '玉髓戒面', weightCt100: 1_250 },
      customMade: true,
    },
  ],
  'guoyuan-gold-works': [
    {
      title: '足金古法手镯 福字纹',
      description: '古法工艺足金手镯，克重30.12克，按克重标价。',
      category: 'precious_metal',
      priceFen: 22_890_00,
      stock: 3,
      purityMark: '足金',
      metalWeightMg: 30_120,
      certificate: { identification: '足金手镯', weightMg: 30_120, quantity: 3 },
    },
    {
      title: '千足金小金珠',
      description: '千足金圆珠，约2.05克，可串绳佩戴。',
      category: 'precious_metal',
      priceFen: 1_620_00,
      stock: 20,
      purityMark: '千足金',
      metalWeightMg: 2_050,
      certificate: { identification: '千足金串珠', weightMg: 2_050, quantity: 20 },
      soldCount: 12,
    },
    {
      title: 'Au750 玫瑰金钻石吊坠',
      description: '18K金镶嵌钻石，主石0.10克拉。',
      category: 'diamond',
      priceFen: 3_980_00,
      stock: 1,
      purityMark: 'Au750',
      certificate: { identification: '钻石吊坠', weightCt100: 10, color: 'H', shape: '圆形' },
    },
    {
      title: '足金生肖挂坠 兔',
      description: '足金生肖挂坠，约3.2克。',
      category: 'precious_metal',
      priceFen: 2_480_00,
      stock: 6,
      purityMark: '足金',
      metalWeightMg: 3_200,
      certificate: { identification: '足金挂坠', weightMg: 3_200, quantity: 6 },
    },
    {
      title: '足银手链 925',
      description: 'S925银手链，约8克。',
      category: 'precious_metal',
      priceFen: 199_00,
      stock: 30,
      purityMark: 'S925',
      metalWeightMg: 8_000,
      certificate: { identification: '足银手链', weightMg: 8_000, quantity: 30 },
    },
  ],
  'yuzhong-pearl-house': [
    {
      title: '淡水珍珠项链 7-8mm',
      description: '淡水珍珠，近圆，强光。',
      category: 'pearl',
      priceFen: 599_00,
      stock: 10,
      certificate: { identification: '淡水珍珠项链', weightMg: 32_000, quantity: 10, color: '白色' },
      deals: [{ priceFen: 699_00, daysAgo: 6 }],
      comparisonPriceFen: 699_00,
      soldCount: 6,
    },
    {
      title: 'Akoya海水珍珠耳钉 7mm',
      description: '海水珍珠（Akoya），18K金耳针。',
      category: 'pearl',
      priceFen: 1_280_00,
      stock: 4,
      certificate: { identification: '海水珍珠耳钉', weightMg: 1_900, quantity: 4, origin: '日本' },
    },
    {
      title: '南洋金珠吊坠 11mm',
      description: '海水珍珠，金色，11mm。',
      category: 'pearl',
      priceFen: 4_680_00,
      stock: 1,
      certificate: { identification: '海水珍珠吊坠', weightMg: 2_700, color: '金色' },
    },
    {
      title: '淡水珍珠手链 巴洛克',
      description: '淡水珍珠巴洛克造型手链。',
      category: 'pearl',
      priceFen: 329_00,
      stock: 12,
      certificate: { identification: '淡水珍珠手链', weightMg: 15_000, quantity: 12 },
    },
    {
      title: '大溪地黑珍珠戒指',
      description: '海水珍珠，孔雀绿伴色，银镀金戒托。',
      category: 'pearl',
      priceFen: 2_380_00,
      stock: 1,
      certificate: { identification: '海水珍珠戒指', weightMg: 4_100, color: '黑色' },
    },
  ],
  'chaotianmen-hetian-pavilion': [
    {
      title: '和田玉羊脂白玉平安牌',
      description: '白度高，油润细腻，证书鉴定结果为和田玉牌。',
      category: 'nephrite',
      priceFen: 16_800_00,
      stock: 1,
      certificate: { identification: '和田玉牌', weightMg: 38_000, color: '白色' },
    },
    {
      title: '和田玉青玉手镯',
      description: '青玉手镯，圈口57。',
      category: 'nephrite',
      priceFen: 3_200_00,
      stock: 1,
      certificate: { identification: '和田玉（青玉）手镯', weightMg: 61_500, color: '青色' },
    },
    {
      title: '和田玉墨玉貔貅把件',
      description: '墨玉雕刻，传统纹样。',
      category: 'nephrite',
      priceFen: 2_680_00,
      stock: 1,
      certificate: { identification: '和田玉（墨玉）把件', weightMg: 112_000, color: '黑色' },
    },
    {
      title: '和田玉糖白玉手串',
      description: '糖白玉圆珠手串。',
      category: 'nephrite',
      priceFen: 1_880_00,
      stock: 2,
      certificate: { identification: '和田玉手串', weightMg: 24_000, quantity: 2 },
    },
    {
      title: '和田玉碧玉耳坠',
      description: '碧玉水滴耳坠，银镀金耳钩。',
      category: 'nephrite',
      priceFen: 980_00,
      stock: 2,
      certificate: { identification: '和田玉（碧玉）耳坠', weightMg: 3_600, quantity: 2 },
    },
  ],
};
