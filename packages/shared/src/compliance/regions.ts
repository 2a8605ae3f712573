/**
 * Origins hosts claim, as a small tree: a mine or river belongs to its region, so a certificate that says
 * 新疆且末 backs the claim 新疆, and one that says 缅甸 neither backs nor contradicts 木那 (finer than the
 * certificate) but contradicts 危地马拉.
 */
interface Region {
  parent?: string;
  names: readonly string[];
}

export const REGIONS: Readonly<Record<string, Region>> = {
  myanmar: { names: ['缅甸', '缅料'] },
  hpakant: { parent: 'myanmar', names: ['帕敢'] },
  muna: { parent: 'myanmar', names: ['木那'] },
  huika: { parent: 'myanmar', names: ['会卡'] },
  moxisha: { parent: 'myanmar', names: ['莫西沙'] },
  mowanji: { parent: 'myanmar', names: ['莫湾基'] },
  xinjiang: { names: ['新疆'] },
  hotan: { parent: 'xinjiang', names: ['和田'] },
  yurungkash: { parent: 'hotan', names: ['玉龙喀什河', '白玉河'] },
  karakash: { parent: 'hotan', names: ['喀拉喀什河', '墨玉河'] },
  ruoqiang: { parent: 'xinjiang', names: ['若羌'] },
  qiemo: { parent: 'xinjiang', names: ['且末'] },
  russia: { names: ['俄罗斯'] },
  qinghai: { names: ['青海', '格尔木'] },
  korea: { names: ['韩国'] },
  australia: { names: ['澳洲', '澳大利亚'] },
  tahiti: { names: ['大溪地', '塔希提'] },
  south_sea: { names: ['南洋'] },
  japan: { names: ['日本'] },
  guatemala: { names: ['危地马拉'] },
  afghanistan: { names: ['阿富汗'] },
  baltic: { names: ['波罗的海'] },
  dominican: { names: ['多米尼加'] },
  mexico: { names: ['墨西哥'] },
  sri_lanka: { names: ['斯里兰卡'] },
  colombia: { names: ['哥伦比亚'] },
  brazil: { names: ['巴西'] },
  mozambique: { names: ['莫桑比克'] },
  madagascar: { names: ['马达加斯加'] },
  yunnan: { names: ['云南'] },
  baoshan: { parent: 'yunnan', names: ['保山'] },
  longling: { parent: 'yunnan', names: ['龙陵'] },
  sichuan: { names: ['四川'] },
  liangshan: { parent: 'sichuan', names: ['凉山'] },
  hubei: { names: ['湖北'] },
  zhushan: { parent: 'hubei', names: ['竹山'] },
  chongqing: { names: ['重庆'] },
  jiangjin: { parent: 'chongqing', names: ['江津'] },
};

/** Origin phrase → region id, for the trigger list. */
export const REGION_BY_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(REGIONS).flatMap(([id, region]) => region.names.map((name) => [name, id])),
);

/** True when `ancestor` is `region` or contains it. */
export function regionContains(ancestor: string, region: string): boolean {
  let current: string | undefined = region;
  while (current !== undefined) {
    if (current === ancestor) return true;
    current = REGIONS[current]?.parent;
  }
  return false;
}

/** Regions named in a free-text origin field, e.g. "新疆且末" → [xinjiang, qiemo]. */
export function regionsIn(origin: string): string[] {
  const found: string[] = [];
  for (const [name, id] of Object.entries(REGION_BY_NAME)) {
    if (origin.includes(name) && !found.includes(id)) found.push(id);
  }
  return found;
}
