// The suggested packing on realistic transfers: for 1 to 200 lines of a made-up retail catalogue, how
// many boxes the suggestion uses against the volume/weight lower bound, and how long it takes. Pure
// computation in this process (no service): `node bench/phases/packing.mjs` after `npm run build`.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { packingLowerBound, suggestPacking } from '../../dist/libs/domain/src/index.js';
import { SEED_BOX_TYPES } from '../../dist/libs/persistence/src/box-types/seed-box-types.js';

const LINE_COUNTS = [1, 5, 20, 50, 100, 200];
const TRANSFERS_PER_SIZE = 20;

/** Kinds of retail product, each with its usual size (mm) and weight (g); products vary ±30 % around them. */
const KINDS = [
  { edges: [160, 90, 20], weightG: 80 },
  { edges: [300, 250, 40], weightG: 300 },
  { edges: [330, 210, 120], weightG: 1_000 },
  { edges: [250, 250, 250], weightG: 1_500 },
  { edges: [200, 150, 80], weightG: 600 },
  { edges: [120, 120, 180], weightG: 900 },
  { edges: [400, 60, 60], weightG: 450 },
];

function random(seed) {
  let state = seed;
  return () => (state = (state * 16_807) % 2_147_483_647) / 2_147_483_647;
}

function transfer(lines, next) {
  return Array.from({ length: lines }, (_, index) => {
    const kind = KINDS[Math.floor(next() * KINDS.length)];
    const vary = (value) => Math.max(1, Math.round(value * (0.7 + 0.6 * next())));
    const [lengthMm, widthMm, heightMm] = kind.edges.map(vary);
    return { productId: `p${index}`, lengthMm, widthMm, heightMm, weightG: vary(kind.weightG), quantity: 1 + Math.floor(next() ** 2 * 12) };
  });
}

const boxTypesOf = (defines) => defines.map(({ boxTypeId, type, name, ...spec }) => ({ id: boxTypeId, ...spec }));
const round = (value, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

function measure(boxTypes, seed) {
  const next = random(seed);
  return LINE_COUNTS.map((lines) => {
    const runs = Array.from({ length: TRANSFERS_PER_SIZE }, () => {
      const linesOf = transfer(lines, next);
      const started = performance.now();
      const suggestion = suggestPacking(linesOf, boxTypes);
      const ms = performance.now() - started;
      return { ms, boxes: suggestion.boxes.length, bound: packingLowerBound(linesOf, boxTypes), units: linesOf.reduce((sum, line) => sum + line.quantity, 0) };
    });
    const ratios = runs.map((run) => run.boxes / run.bound);
    const times = runs.map((run) => run.ms).sort((a, b) => a - b);
    return {
      lines,
      transfers: runs.length,
      meanUnits: round(runs.reduce((sum, run) => sum + run.units, 0) / runs.length, 0),
      meanBoxesOverBound: round(ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length),
      worstBoxesOverBound: round(Math.max(...ratios)),
      medianMs: round(times[Math.floor(times.length / 2)]),
      maxMs: round(times[times.length - 1]),
    };
  });
}

export async function packing() {
  const parcels = boxTypesOf(SEED_BOX_TYPES.filter((define) => !define.name.startsWith('Pallet')));
  // Warm the code up so the first size's figures are not the compiler's.
  measure(parcels, 1);
  return { cartonsAndSatchels: measure(parcels, 42), withPallet: measure(boxTypesOf(SEED_BOX_TYPES), 42), targetMs: 100 };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(JSON.stringify(await packing(), null, 2));
