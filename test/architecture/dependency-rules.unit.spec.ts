import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

// Jest runs from the repository root.
const ROOT = process.cwd();

/** A tiny tree shaped like this repository's, each file breaking (or keeping) one rule. */
const TREE: Record<string, string> = {
  'package.json': JSON.stringify({ type: 'module', imports: { '#persistence': { types: './libs/persistence/src/index.ts' } } }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['apps', 'libs'] }),
  'libs/domain/src/rule.ts': "import { readFileSync } from 'node:fs';\nimport type { Database } from '#persistence';\nexport const rule = (d: Database) => readFileSync(String(d));\n",
  'libs/domain/src/rule.unit.spec.ts': "import { expect } from '@jest/globals';\nimport { rule } from './rule.js';\nexpect(rule).toBeDefined();\n",
  'libs/domain/src/testing/fixtures.ts': "import type { Database } from '#persistence';\nexport type Fixture = Database;\n",
  'libs/persistence/src/index.ts': "import { Pool } from 'pg';\nexport type Database = Pool;\n",
  'libs/lightspeed/src/credentials.ts': "import type { Database } from '#persistence';\nexport type Credentials = Database;\n",
  'libs/config/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'libs/config/src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  'libs/observability/src/metrics.ts': "import { handler } from '../../../apps/api/src/handler.js';\nexport const metrics = handler;\n",
  'apps/api/src/handler.ts': "export const handler = 1;\n",
  'apps/worker/src/relay.ts': "import { Pool } from 'pg';\nimport { handler } from '../../api/src/handler.js';\nexport const relay = [Pool, handler];\n",
  'apps/worker/src/relay.int.spec.ts': "import { DataSource } from 'typeorm';\nimport { handler } from '../../api/src/handler.js';\nexport const check = [DataSource, handler];\n",
};

/** `…/node_modules/pg/esm/index.mjs` → `pg`; any other path as it is. */
function packageOf(resolved: string): string {
  return resolved.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1');
}

let tree: string;
let violations: string[];

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  const { output } = await cruise(
    ['apps', 'libs'],
    { ...options, baseDir: tree, validate: true, tsConfig: { fileName: join(tree, 'tsconfig.json') } },
    {},
    { tsConfig: extractTSConfig(join(tree, 'tsconfig.json')) },
  );
  const summary = typeof output === 'string' ? JSON.parse(output).summary : output.summary;
  violations = (summary.violations as IViolation[]).map(({ rule, from, to }) => `${rule.name}: ${from} → ${packageOf(to)}`);
}, 60_000);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('the architecture rules (.dependency-cruiser.cjs)', () => {
  it('report every forbidden import of the tree, and nothing else', () => {
    expect(violations.sort()).toEqual(
      [
        'domain-imports-only-itself: libs/domain/src/rule.ts → fs',
        'domain-imports-only-itself: libs/domain/src/rule.ts → libs/persistence/src/index.ts',
        'domain-tests-stay-in-the-domain: libs/domain/src/testing/fixtures.ts → libs/persistence/src/index.ts',
        'lightspeed-imports-domain: libs/lightspeed/src/credentials.ts → libs/persistence/src/index.ts',
        'libs-never-import-apps: libs/observability/src/metrics.ts → apps/api/src/handler.ts',
        'no-circular-dependencies-in-libs: libs/config/src/a.ts → libs/config/src/b.ts',
        'apps-never-import-each-other: apps/worker/src/relay.ts → apps/api/src/handler.ts',
        'database-drivers-only-in-persistence: apps/worker/src/relay.ts → pg',
      ].sort(),
    );
  });
});
