import { performance } from 'node:perf_hooks';
import type { createDatabase } from '@jadelive/server/db/database';
import { searchCatalog } from '@jadelive/server/features/catalog/repository';
import { catalogQuerySchema } from '@jadelive/shared';
import { sql } from 'kysely';
import { openScratchDatabase } from './scratch-database';

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

const QUERIES: Record<string, Record<string, string>> = {
  'newest page, no filter': {},
  'q=翡翠手镯': { q: '翡翠手镯' },
  'q=飘花': { q: '飘花' },
  'q=和田玉 籽料': { q: '和田玉 籽料' },
  'q=Au750': { q: 'Au750' },
  'category=pearl, 500–3000 元, price asc': {
    category: 'pearl',
    minPriceFen: '50000',
    maxPriceFen: '300000',
    sort: 'price_asc',
  },
  'q=平安扣 + category=jadeite': { q: '平安扣', category: 'jadeite' },
  'rare q=紫罗兰冰种': { q: '紫罗兰冰种' },
};

async function main() {
  const { db, close } = await openScratchDatabase(4);
  try {
    const seeded = performance.now();
    await seed(db);
    console.log(`seeded ${LISTINGS} listings in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const results: Record<
      string,
      { p50: number; p95: number; rows: number; baselineP50?: number; baselineP95?: number }
    > = {};
    for (const [label, raw] of Object.entries(QUERIES)) {
      const query = catalogQuerySchema.parse(raw);
      const search = () => searchCatalog(db, query);
      const baseline = query.q ? () => baselineSearch(db, query.q as string, query.category) : null;
      // The search and its baseline take turns, each first every other time, so a neighbour's load
      // on the machine falls on both alike and their ratio within a run stays comparable.
      const timings: number[] = [];
      const baselineTimings: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        if (baseline && i % 2 === 1) baselineTimings.push(await timed(baseline));
        const started = performance.now();
        rows = (await search()).length;
        timings.push(performance.now() - started);
        if (baseline && i % 2 === 0) baselineTimings.push(await timed(baseline));
      }
      results[label] = { ...percentiles(timings), rows };
      if (baseline) {
        const { p50, p95 } = percentiles(baselineTimings);
        Object.assign(results[label] as object, { baselineP50: p50, baselineP95: p95 });
      }
    }
    console.log(`\ncatalogue search over ${LISTINGS} listings, ${RUNS} runs each (ms):`);
    console.log(
      'query'.padEnd(44),
      'p50'.padStart(8),
      'p95'.padStart(8),
      'rows'.padStart(6),
      '  baseline ILIKE p50/p95',
      '  p50 ratio',
    );
    for (const [label, r] of Object.entries(results)) {
      const baseline =
        r.baselineP50 === undefined
          ? ''
          : `  ${r.baselineP50.toFixed(2)} / ${r.baselineP95?.toFixed(2)}   ${(r.p50 / r.baselineP50).toFixed(2)}`;
      console.log(
        label.padEnd(44),
        r.p50.toFixed(2).padStart(8),
        r.p95.toFixed(2).padStart(8),
        String(r.rows).padStart(6),
        baseline,
      );
    }
    console.log(JSON.stringify({ bench: 'catalog-search', listings: LISTINGS, runs: RUNS, results }));
  } finally {
    await close();
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * The same text filter without any index or read model: a page of the same size (the search reads
 * limit + 1 = 25 rows) of listings on sale, newest first, filtered by ILIKE — what a plain search costs.
 */
async function baselineSearch(db: ReturnType<typeof createDatabase>, q: string, category?: string) {
  let query = db
    .selectFrom('listings')
    .select(['id', 'title', 'priceFen'])
    .where('status', 'in', ['published', 'sold_out'])
    .orderBy('publishedAt', 'desc')
    .limit(25);
  for (const term of q.split(/\s+/)) {
    query = query.where(sql<boolean>`(title || ' ' || description) ilike ${`%${term}%`}`);
  }
  if (category) query = query.where('category', '=', category);
  return query.execute();
}

/** Realistic titles composed server-side so 100k rows load in seconds. */
async function seed(db: ReturnType<typeof createDatabase>) {
  const sellers: string[] = [];
  for (let i = 0; i < 50; i++) {
    const { id } = await db
      .insertInto('organizations')
      .values({ kind: 'seller', name: `商家${i}`, slug: `bench-seller-${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    sellers.push(id);
  }
  await sql`
    insert into listings (seller_org_id, title, description, category, price_fen, stock, status, published_at)
    select
      (${sql.val(sellers)}::uuid[])[1 + (i % 50)],
      (array['冰种','糯种','玻璃种','豆种','细糯','高冰','羊脂','青白','碧玉','墨玉','淡水','海水','足金','千足金','Au750','紫罗兰'])[1 + (abs(hashint4(i * 7)) % 16)]
        || (array['飘花','阳绿','满绿','无色','黄翡','籽料','山料','巴洛克','古法','福字','如意','竹节'])[1 + (abs(hashint4(i * 13)) % 12)]
        || (array['翡翠','和田玉','珍珠','黄金','南红','岫玉'])[1 + (abs(hashint4(i * 3)) % 6)]
        || (array['手镯','平安扣','吊坠','手串','把件','耳钉','项链','戒指','挂件','摆件'])[1 + (abs(hashint4(i * 11)) % 10)]
        || ' ' || i,
      (array['支持平台核验证书','证书齐全','大足工作室手工雕刻','江津产地直发','解放碑门店同款','可定制圈口'])[1 + (i % 6)],
      (array['jadeite','nephrite','pearl','precious_metal','other_jade','colored_gem'])[1 + (abs(hashint4(i * 3)) % 6)],
      1000 + (abs(hashint4(i * 17)) % 5000000),
      1 + (i % 5),
      case when i % 10 = 0 then 'draft' else 'published' end,
      now() - make_interval(mins => i)
    from generate_series(1, ${LISTINGS}) as i`.execute(db);
  // As autovacuum leaves a catalogue in use: statistics, visibility, and the bigram index's list of
  // pending insertions merged (a search through the index reads that list whole until then).
  await sql`vacuum analyze listings, catalog_entries`.execute(db);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
