import {
  FRESHWATER_PEARL_WORDS,
  MATERIAL_NAMES,
  type MaterialFamily,
  type PearlWater,
  SEAWATER_PEARL_WORDS,
} from './materials';

export type TreatmentStatus = 'natural' | 'enhanced' | 'treated';

export interface ParsedIdentification {
  /** The material name found on the certificate, e.g. 翡翠, 石英岩玉; null when none is recognised. */
  material: string | null;
  materialFamily: MaterialFamily | null;
  /**
   * GB/T 16552: `treated` (处理 — must be declared: 染色, 充填, B货 …), `enhanced` (优化 — accepted without
   * declaration, e.g. 热处理 of corundum, waxing), otherwise `natural`.
   */
  treatment: TreatmentStatus;
  /** The object, e.g. 手镯, 吊坠; null when the identification names only the material. */
  item: string | null;
  /** For pearls: sea or fresh water when the identification says so. */
  pearlWater: PearlWater | null;
  /** True for imitations (仿翡翠 …): the named gem is not the material. */
  imitation: boolean;
}

// Order matters: 热处理 (heat, an enhancement) must be recognised before the bare 处理.
const ENHANCEMENT_MARKERS = ['（优化）', '(优化)', '优化', '热处理'];
const TREATMENT_MARKERS = [
  '处理',
  '染色',
  '充填',
  '注胶',
  '漂白',
  '辐照',
  '扩散',
  '覆膜',
  '镀膜',
  'B货',
  'C货',
  'B+C',
  'b货',
  'c货',
];
const NOISE = /[（(][^）)]*[）)]|天然|A货|a货|仿/g;

const MATERIALS_LONGEST_FIRST = Object.keys(MATERIAL_NAMES).sort((a, b) => b.length - a.length);

/**
 * Reads a certificate's identification result (GB/T 16552 naming) into material, treatment and item.
 *
 * @example parseIdentification('翡翠（处理）手镯') // { material: '翡翠', treatment: 'treated', item: '手镯', … }
 * @example parseIdentification('翡翠（A货）挂件') // treatment 'natural'
 */
export function parseIdentification(identification: string): ParsedIdentification {
  const text = identification.trim();
  const imitationOf = /仿([\u4e00-\u9fa5]{2,4}?)(?=[（(]|$|手|吊|挂|戒|项|耳|摆|珠)/.exec(text)?.[1];
  const withoutImitation = imitationOf === undefined ? text : text.replace(`仿${imitationOf}`, '');

  let material: string | null = null;
  let materialAt = -1;
  for (const name of MATERIALS_LONGEST_FIRST) {
    const at = withoutImitation.indexOf(name);
    if (at >= 0 && (materialAt < 0 || at < materialAt)) {
      material = name;
      materialAt = at;
    }
  }

  let treatment: TreatmentStatus = 'natural';
  const withoutEnhancement = ENHANCEMENT_MARKERS.reduce((acc, marker) => acc.replaceAll(marker, ''), text);
  if (withoutEnhancement !== text) treatment = 'enhanced';
  if (TREATMENT_MARKERS.some((marker) => withoutEnhancement.includes(marker))) treatment = 'treated';

  let pearlWater: PearlWater | null = null;
  if (FRESHWATER_PEARL_WORDS.some((word) => text.includes(word))) pearlWater = 'freshwater';
  else if (SEAWATER_PEARL_WORDS.some((word) => text.includes(word))) pearlWater = 'seawater';

  let rest = withoutImitation.replace(NOISE, '');
  if (material !== null) rest = rest.replace(material, '');
  for (const word of [...SEAWATER_PEARL_WORDS, ...FRESHWATER_PEARL_WORDS, '养殖', '合成', '人造']) {
    rest = rest.replace(word, '');
  }
  rest = rest.trim();

  return {
    material,
    materialFamily: material === null ? null : (MATERIAL_NAMES[material] ?? null),
    treatment,
    item: rest.length > 0 ? rest : null,
    pearlWater,
    imitation: imitationOf !== undefined,
  };
}

/**
 * Every material family an identification mentions, imitations excluded: a mounted piece
 * (翡翠（A货）吊坠，18K金镶嵌钻石) mentions several, and a claim about any of them is not a mismatch.
 */
export function materialFamiliesIn(identification: string): MaterialFamily[] {
  const withoutImitation = identification.replace(
    /仿[\u4e00-\u9fa5]{2,4}?(?=[（(]|$|手|吊|挂|戒|项|耳|摆|珠)/,
    '',
  );
  const families: MaterialFamily[] = [];
  for (const name of MATERIALS_LONGEST_FIRST) {
    const family = MATERIAL_NAMES[name];
    if (family !== undefined && withoutImitation.includes(name) && !families.includes(family)) {
      families.push(family);
    }
  }
  return families;
}
