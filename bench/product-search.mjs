#!/usr/bin/env node
// Benchmarks the product search behind GET /api/v1/products?q= on 50,000 products.
// Seeds a scratch database (created and dropped here), runs the real query (searchProducts from
// dist, i.e. `npm run build` first) for a mix of autocomplete inputs, and prints p50/p95/p99.
//   npm run build && node bench/product-search.mjs [products=50000] [queries=2000]
// Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runMigrations } from '../scripts/migrate.mjs';
import { searchProducts } from '../dist/libs/persistence/src/index.js';

const PRODUCTS = Number(process.argv[2] ?? 50_000);
const QUERIES = Number(process.argv[3] ?? 2_000);
const server = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const name = `bench_products_${randomBytes(4).toString('hex')}`;
const scratch = new URL(server);
scratch.pathname = `/${name}`;

const WORDS = ['mug', 'teapot', 'spoon', 'kettle', 'bowl', 'plate', 'glass', 'jar', 'tray', 'cup', 'linen', 'towel', 'candle', 'basket', 'lamp',
  'ceramic', 'enamel', 'oak', 'walnut', 'copper', 'brass', 'cotton', 'wool', 'blue', 'green', 'amber', 'large', 'small', 'classic', 'nordic'];

async function withAdmin(work) {
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
try {
  await runMigrations(scratch.toString());
  const client = new pg.Client({ connectionString: scratch.toString() });
  await client.connect();
  try {
    const seeded = performance.now();
    await client.query(
      `INSERT INTO lightspeed_products (id, name, variant_name, sku, supplier_id, supply_price, active, version, deleted_at)
       SELECT gen_random_uuid()::text,
              initcap(w[1 + (i * 7) % $2] || ' ' || w[1 + (i * 13) % $2] || ' ' || w[1 + (i * 31) % $2]) || ' ' || i,
              NULL, 'SKU-' || lpad(i::text, 6, '0'), NULL, 10000, true, i,
              CASE WHEN i % 100 = 0 THEN now() END
         FROM generate_series(1, $1) AS i, (SELECT $3::text[] AS w) AS words`,
      [PRODUCTS, WORDS.length, WORDS],
    );
    // Each product's codes as the sync keeps them: its SKU, and a barcode.
    await client.query(
      `INSERT INTO lightspeed_product_codes (product_id, code, type)
       SELECT id, sku, 'SKU' FROM lightspeed_products
       UNION ALL SELECT id, (9300000000000 + version)::text, 'CUSTOM' FROM lightspeed_products`,
    );
    await client.query('ANALYZE lightspeed_products');
    await client.query('ANALYZE lightspeed_product_codes');
    console.log(`seeded ${PRODUCTS} products in ${Math.round(performance.now() - seeded)} ms`);

    const inputs = [];
    for (let i = 0; i < QUERIES; i++) {
      const n = 1 + ((i * 7919) % PRODUCTS);
      const word = WORDS[i % WORDS.length];
      switch (i % 6) {
        case 0: inputs.push(`SKU-${String(n).padStart(6, '0')}`.slice(0, 6 + (i % 5))); break; // SKU prefix, as typed
        case 1: inputs.push(word.slice(0, 1 + (i % word.length))); break; // a name being typed, 1+ letters
        case 2: inputs.push(word); break; // a whole word anywhere in the name
        case 3: inputs.push(`${word.slice(1, 4)}`); break; // a fragment inside a word
        case 4: inputs.push(String(9300000000000 + n)); break; // a scanned barcode
        default: inputs.push(`${word} ${WORDS[(i * 3) % WORDS.length]}`); break; // two words
      }
    }
    for (const q of inputs.slice(0, 200)) await searchProducts(client, q, { limit: 20 }); // warm-up
    const timings = [];
    for (const q of inputs) {
      const started = performance.now();
      await searchProducts(client, q, { limit: 20 });
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const fmt = (ms) => `${ms.toFixed(2)} ms`;
    console.log(
      `product search over ${PRODUCTS} products, ${QUERIES} queries (limit 20): ` +
        `p50 ${fmt(percentile(timings, 50))}, p95 ${fmt(percentile(timings, 95))}, p99 ${fmt(percentile(timings, 99))}, max ${fmt(timings.at(-1))}`,
    );
  } finally {
    await client.end();
  }
} finally {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
