/// <reference path="./opencc-dicts.d.ts" />
import CJK_COMPATIBILITY_IDEOGRAPHS from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';

/**
 * Traditional → simplified, one UTF-16 code unit for another, from OpenCC's character dictionaries as
 * opencc-js ships them: compatibility ideographs to unified ones, Taiwan and Hong Kong variants to
 * OpenCC's standard traditional form, then traditional to simplified (TSCharacters). Matching needs
 * characters, not phrases: where OpenCC lists several simplified candidates (乾 → 干 | 乾), the first is
 * taken, and the rules' own phrases go through the same table, so both sides agree. Entries outside the
 * Basic Multilingual Plane are left out (no rule phrase uses them).
 */
function parseDictionary(dictionary: string, into: Map<number, number>): void {
  for (const entry of dictionary.split('|')) {
    const [source, target] = entry.split(' ');
    if (source === undefined || target === undefined || source.length !== 1 || target.length !== 1) continue;
    into.set(source.charCodeAt(0), target.charCodeAt(0));
  }
}

function buildTable(): Uint16Array {
  const compatibility = new Map<number, number>();
  parseDictionary(CJK_COMPATIBILITY_IDEOGRAPHS, compatibility);
  const variants = new Map<number, number>();
  parseDictionary(TW_VARIANTS_REV, variants);
  parseDictionary(HK_VARIANTS_REV, variants);
  const simplified = new Map<number, number>();
  parseDictionary(TS_CHARACTERS, simplified);

  // A simplified character is left alone even where a regional variant table lists it: Taiwan's 么 is
  // standard 幺, but in simplified text 么 is 什么's.
  const simplifiedForms = new Set(simplified.values());
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  const convert = (code: number): number => {
    if (simplifiedForms.has(code) && !simplified.has(code)) return code;
    const unified = compatibility.get(code) ?? code;
    const standard = variants.get(unified) ?? unified;
    return simplified.get(standard) ?? standard;
  };
  for (const code of [...compatibility.keys(), ...variants.keys(), ...simplified.keys()]) {
    // Until nothing changes: a few targets are themselves listed (a variant of a variant), and text
    // normalised twice must read the same as text normalised once.
    let converted = code;
    for (let step = 0; step < 4; step++) {
      const next = convert(converted);
      if (next === converted) break;
      converted = next;
    }
    table[code] = converted;
  }
  return table;
}

/** Simplified code unit for every code unit (itself when it has none). */
export const SIMPLIFIED_OF: Uint16Array = buildTable();
