import { MATERIAL_NAMES } from '../materials';
import { REGION_BY_NAME } from '../regions';
import type { Rule } from '../rule-set';
import { BASIS, bilingual } from './basis';

/** Words that, said in the same clause, disclose a treatment rather than deny one. */
const TREATMENT_DISCLOSURE = ['处理', '染色', '充填', '注胶', '漂白', 'B货', 'C货', 'B+C', '优化'];

const naturalClaim: Rule = {
  id: 'false_treatment.natural_claim',
  category: 'false_treatment',
  severity: 'block',
  basis: BASIS.treatmentNaming,
  message: bilingual(
    '宣称天然、A货或未经处理，但证书鉴定结果为处理品。',
    'Claims natural / untreated (A货) goods, but the certificate identifies them as treated.',
  ),
  suggestion: bilingual(
    '按证书如实说明，例如“证书鉴定结果为翡翠（处理），价格按处理件定”。',
    'Say what the certificate says, e.g. "the certificate reads jadeite (treated); it is priced as treated".',
  ),
  triggers: [
    '天然',
    '纯天然',
    'A货',
    '无处理',
    '没处理',
    '未处理',
    '没有处理',
    '未经处理',
    '没经过处理',
    '没有经过处理',
    '没有经过任何处理',
    '没有任何处理',
    '没做过处理',
    '没做任何处理',
    '无任何处理',
    '零处理',
    '原色',
    '天然色',
    '原生色',
    '没染色',
    '没有染色',
    '未染色',
    '无染色',
    '不染色',
    '没注胶',
    '没有注胶',
    '无注胶',
    '不注胶',
    '无充填',
    '没有充填',
    '无优化',
  ],
  clauseExceptions: TREATMENT_DISCLOSURE,
  exceptionScope: 'sentence',
  ignoreQuestions: true,
  check: 'treatedCertificate',
};

/** Material words whose use in speech is compared with the certificate; metals are left out (mounts). */
const CLAIMABLE_MATERIALS = Object.fromEntries(
  Object.entries(MATERIAL_NAMES).filter(
    ([name, family]) =>
      !['gold', 'silver', 'platinum'].includes(family) && !['硬玉', '软玉', '碧玉', '石英岩'].includes(name),
  ),
);

const materialClaim: Rule = {
  id: 'certificate_mismatch.material',
  category: 'certificate_mismatch',
  severity: 'block',
  basis: BASIS.certificate,
  message: bilingual(
    '口播的材质与证书鉴定结果不一致。',
    'The material named on air differs from the certificate’s identification.',
  ),
  suggestion: bilingual(
    '按证书上的鉴定结果称呼商品名称。',
    'Name the goods exactly as the certificate’s identification does.',
  ),
  triggers: Object.keys(CLAIMABLE_MATERIALS),
  triggerTags: CLAIMABLE_MATERIALS,
  // 玻璃种 / 玻璃地 describe jadeite texture; 水晶 in 水晶玻璃 is a glass name.
  exceptions: ['玻璃种', '玻璃地', '玻璃底', '玻璃光泽', '水晶玻璃', '和田玉籽料'],
  notPrecededBy: ['比', '像', '不如', '仿', '跟', '对比'],
  clauseExceptions: ['区别', '对比', '不一样', '比起', '相比'],
  ignoreQuestions: true,
  check: 'materialMismatch',
};

const SEAWATER_WORDS = [
  '海水珍珠',
  '海水珠',
  '海珠',
  'Akoya',
  '阿古屋',
  '南洋珠',
  '南洋金珠',
  '大溪地黑珍珠',
];
const pearlWaterClaim: Rule = {
  id: 'certificate_mismatch.pearl_water',
  category: 'certificate_mismatch',
  severity: 'block',
  basis: BASIS.certificate,
  message: bilingual(
    '口播的珍珠类别（海水/淡水）与证书不一致。',
    'The pearl type said on air (seawater / freshwater) differs from the certificate.',
  ),
  suggestion: bilingual(
    '按证书说明是海水珍珠还是淡水珍珠。',
    'Say seawater or freshwater as the certificate does.',
  ),
  triggers: [...SEAWATER_WORDS, '淡水珍珠', '淡水珠'],
  triggerTags: {
    ...Object.fromEntries(SEAWATER_WORDS.map((word) => [word, 'seawater'])),
    淡水珍珠: 'freshwater',
    淡水珠: 'freshwater',
  },
  notPrecededBy: ['比', '像', '不如', '仿'],
  clauseExceptions: ['区别', '对比', '不一样', '比起', '相比'],
  ignoreQuestions: true,
  check: 'pearlWaterMismatch',
};

const weightMessage = bilingual(
  '口播的重量与证书总质量不一致。',
  'The weight said on air does not match the certificate’s total mass.',
);
const weightSuggestion = bilingual(
  '按证书上的总质量报重量，例如“证书总质量36.8克”。',
  'Quote the certificate’s total mass, e.g. "36.8 g per the certificate".',
);

const weightGramsClaim: Rule = {
  id: 'certificate_mismatch.weight_grams',
  category: 'certificate_mismatch',
  severity: 'block',
  basis: BASIS.certificate,
  message: weightMessage,
  suggestion: weightSuggestion,
  triggers: ['克', 'g', '克重', '净重'],
  triggerTags: { 克重: 'after', 净重: 'after' },
  exceptions: [
    '克拉',
    '千克',
    '毫克',
    '克重',
    '每克',
    '克价',
    '克服',
    '克制',
    '巧克力',
    '一克多少',
    'gia',
    'kg',
    'mg',
  ],
  check: 'weightGrams',
};

const weightCaratsClaim: Rule = {
  ...weightGramsClaim,
  id: 'certificate_mismatch.weight_carats',
  triggers: ['克拉', 'ct'],
  triggerTags: {},
  exceptions: ['每克拉', '克拉价'],
  check: 'weightCarats',
};

const certificateClaim: Rule = {
  id: 'certificate_mismatch.certificate_claimed',
  category: 'certificate_mismatch',
  severity: 'warn',
  basis: BASIS.certificate,
  message: bilingual(
    '口播称有证书，但该商品没有关联任何鉴定证书。',
    'Says the goods come with a certificate, but none is linked to this listing.',
  ),
  suggestion: bilingual(
    '先在商品上关联证书，或改为“下单后送检，出证后发货”。',
    'Link the certificate to the listing first, or say "inspected after order, shipped with the report".',
  ),
  triggers: [
    '有证书',
    '带证书',
    '配证书',
    '附证书',
    '送证书',
    '证书齐全',
    '国检证书',
    '带国检',
    '有国检',
    '附国检',
    '一物一证',
    '双证',
  ],
  ignoreQuestions: true,
  check: 'certificateMissing',
};

const misleadingNameMessage = bilingual(
  '使用了 GB/T 16552 不允许的易混淆商品名称。',
  'Uses a trade name GB/T 16552 rejects as misleading for this material.',
);

const misleadingJadeName: Rule = {
  id: 'misleading_name.jade_trade_name',
  category: 'misleading_name',
  severity: 'block',
  basis: BASIS.naming,
  message: misleadingNameMessage,
  suggestion: bilingual(
    '使用标准名称：马来玉→染色石英岩玉，韩玉→蛇纹石玉，水沫玉→钠长石玉，缅甸玉→翡翠。',
    'Use the standard name: 马来玉 → dyed quartzite jade, 韩玉 → serpentine, 水沫玉 → albite jade, 缅甸玉 → jadeite.',
  ),
  triggers: [
    '缅甸玉',
    '马来玉',
    '马来西亚玉',
    '新山玉',
    '韩玉',
    '韩国玉',
    '水沫玉',
    '水沫子',
    '台湾翠',
    '南非翠',
    '南非玉',
    '印度翡翠',
    '印度玉',
    '青海翠',
    '天山翠',
    '澳洲翠',
    '阿富汗玉',
    '东陵玉',
  ],
  // Honest explanations name the standard material alongside the trade name.
  clauseExceptions: ['学名', '标准名称', '其实是', '正确名称', '证书上写', '不叫'],
  exceptionScope: 'sentence',
};

const misleadingLocalName: Rule = {
  id: 'misleading_name.origin_as_name',
  category: 'misleading_name',
  severity: 'warn',
  basis: BASIS.naming,
  message: bilingual(
    '以产地或俗称代替标准名称（如“俄料”“黄龙玉”），标准名称为和田玉、石英质玉等。',
    'Uses an origin or local nickname as the name (俄料, 黄龙玉); the standard names are nephrite, quartz jade …',
  ),
  suggestion: bilingual(
    '先说标准名称，例如“和田玉（证书名称），产地见证书”或“石英质玉（俗称黄龙玉）”。',
    'Lead with the standard name, e.g. "nephrite (certificate name)" or "quartz jade (locally called 黄龙玉)".',
  ),
  triggers: ['俄料', '俄碧', '俄白', '黄龙玉', '金丝玉'],
  clauseExceptions: ['石英质玉', '石英岩玉', '玉髓', '学名', '证书上写', '标准名称', '俗称'],
  exceptionScope: 'sentence',
};

const australianWhite: Rule = {
  id: 'misleading_name.freshwater_as_australian_white',
  category: 'misleading_name',
  severity: 'block',
  basis: BASIS.naming,
  message: bilingual(
    '把淡水珍珠称为“澳白”等海水珍珠名称。',
    'Calls a freshwater pearl by a seawater pearl name such as 澳白 (Australian white).',
  ),
  suggestion: bilingual(
    '称为“淡水珍珠”，并按证书描述光泽和大小。',
    'Call it a freshwater pearl and describe it per the certificate.',
  ),
  triggers: ['澳白', '澳洲白珠'],
  notPrecededBy: ['不是', '比', '像', '仿'],
  clauseExceptions: ['不是'],
  check: 'freshwaterSoldAsSeawater',
};

const glassAsCrystal: Rule = {
  id: 'misleading_name.glass_as_crystal',
  category: 'misleading_name',
  severity: 'block',
  basis: BASIS.naming,
  message: bilingual('把玻璃或树脂称为水晶。', 'Calls glass or resin crystal (水晶).'),
  suggestion: bilingual('按证书称为“玻璃”或“人造玻璃”。', 'Call it glass, as the certificate does.'),
  triggers: ['天然水晶', '水晶', '白水晶', '紫水晶', '黄水晶'],
  exceptions: ['水晶玻璃'],
  notPrecededBy: ['仿', '人造', '像', '不是'],
  check: 'glassSoldAsCrystal',
};

/** 和田玉 (and its colour grades) is a material name under GB/T 38821, not a claim about Hotan. */
const NEPHRITE_NAMES = [
  '和田玉',
  '和田白玉',
  '和田青白玉',
  '和田碧玉',
  '和田青玉',
  '和田墨玉',
  '和田糖玉',
  '和田黄玉',
];

/** 俄料 and friends name Russian nephrite: an origin claim as well as a non-standard name. */
const RUSSIAN_NICKNAMES: Readonly<Record<string, string>> = {
  俄料: 'russia',
  俄碧: 'russia',
  俄白: 'russia',
};

const originClaim: Rule = {
  id: 'false_origin.region',
  category: 'false_origin',
  severity: 'block',
  basis: BASIS.origin,
  message: bilingual(
    '宣称的产地没有证书记载的产地支持，或与证书产地矛盾。',
    'The origin claimed is not backed by, or contradicts, the origin on the certificate.',
  ),
  suggestion: bilingual(
    '只说证书上写明的产地；证书没有产地时，不要口播具体产地。',
    'State only the origin printed on the certificate; if it gives none, do not claim one.',
  ),
  triggers: [...Object.keys(REGION_BY_NAME), ...Object.keys(RUSSIAN_NICKNAMES)],
  triggerTags: { ...REGION_BY_NAME, ...RUSSIAN_NICKNAMES },
  exceptions: [...NEPHRITE_NAMES, '缅甸玉', '新疆西藏'],
  // Talking to viewers in a region or about shipping there is not an origin claim.
  notFollowedBy: [
    '的朋友',
    '的家人',
    '的宝宝',
    '的姐妹',
    '的粉丝',
    '的老铁',
    '的客户',
    '朋友',
    '家人',
    '宝宝',
    '地区',
    '偏远',
    '不包邮',
    '包邮',
    '发货',
    '快递',
  ],
  notPrecededBy: ['发往', '寄往', '寄到', '发到', '送到', '来自'],
  clauseExceptions: ['包邮', '邮费', '运费', '物流', '快递', '发货'],
  check: 'origin',
};

const sourcingClaim: Rule = {
  id: 'false_origin.sourcing',
  category: 'false_origin',
  severity: 'warn',
  basis: BASIS.origin,
  message: bilingual(
    '“矿区直供/源头直发”等货源说法没有证书产地支持。',
    '"Direct from the mine / from the source" is not backed by an origin on the certificate.',
  ),
  suggestion: bilingual(
    '删除无法证明的货源说法，或说明可核实的进货渠道。',
    'Drop sourcing claims you cannot prove, or describe a verifiable supply channel.',
  ),
  triggers: [
    '矿区直供',
    '矿区直发',
    '矿口直发',
    '坑口直发',
    '源头直发',
    '源头直供',
    '源头货',
    '产地直供',
    '产地直发',
    '原产地直发',
    '矿主直供',
    '矿上直接',
  ],
  check: 'sourcing',
};

export const goodsRules: readonly Rule[] = [
  naturalClaim,
  materialClaim,
  pearlWaterClaim,
  weightGramsClaim,
  weightCaratsClaim,
  certificateClaim,
  misleadingJadeName,
  misleadingLocalName,
  australianWhite,
  glassAsCrystal,
  originClaim,
  sourcingClaim,
];
