// The "may import" column of docs/architecture.md's folder table, enforced: `npm run lint:architecture`.
// Test code (specs, `src/testing/`, test/) may import anything except where a rule says otherwise.
const TEST_CODE = '(\\.spec\\.ts|\\.e2e-spec\\.ts)$|/src/testing/';
// Resolved paths: node_modules may be a symlink elsewhere (a git worktree), and `import type … from 'pg'` resolves to @types/pg.
const DATABASE_DRIVERS = '(^|/)node_modules/(@types/)?(pg|typeorm|@nestjs/typeorm)/';

/** A rule forbidding the production code under `from` to import any of `libraries` (folders under libs/). */
function libsOnly(name, from, allowed) {
  return {
    name,
    comment: `${from} may import ${allowed.length ? allowed.map((lib) => `libs/${lib}`).join(', ') : 'no other library'} (docs/architecture.md)`,
    severity: 'error',
    from: { path: `^${from}/`, pathNot: TEST_CODE },
    to: { path: '^libs/', pathNot: [`^${from}/`, ...allowed.map((lib) => `^libs/${lib}/`)] },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-itself',
      comment: 'libs/domain is pure: no framework, database, HTTP, node built-in or other package',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TEST_CODE },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'domain-tests-stay-in-the-domain',
      comment: "the domain's own tests and fixtures use test tooling, never another library or an app",
      severity: 'error',
      from: { path: '^libs/domain/(?=src/testing/|.*(\\.spec\\.ts|\\.e2e-spec\\.ts)$)' },
      to: { path: '^(apps|libs|test)/', pathNot: '^libs/domain/' },
    },
    libsOnly('persistence-imports-domain-and-config', 'libs/persistence', ['domain', 'config']),
    libsOnly('lightspeed-imports-domain', 'libs/lightspeed', ['domain']),
    libsOnly('freight-imports-domain', 'libs/freight', ['domain']),
    libsOnly('config-imports-no-library', 'libs/config', []),
    libsOnly('observability-imports-no-library', 'libs/observability', []),
    libsOnly('sandbox-imports-no-library', 'apps/lightspeed-sandbox', []),
    libsOnly('carrier-sandbox-imports-no-library', 'apps/carrier-sandbox', []),
    libsOnly('evidence-imports-no-library', 'libs/evidence', []),
    libsOnly('web-app-imports-no-library', 'apps/web', []),
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/', pathNot: TEST_CODE },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-each-other',
      comment: 'api, worker, lightspeed-sandbox and carrier-sandbox share code only through libs/',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: TEST_CODE },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'database-drivers-only-in-persistence',
      comment: 'pg, typeorm and @nestjs/typeorm are imported by libs/persistence alone (SQL lives there)',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/persistence/', TEST_CODE] },
      to: { path: DATABASE_DRIVERS },
    },
    {
      name: 'production-code-never-imports-test-code',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: { path: [TEST_CODE, '^test/'] },
    },
    {
      name: 'no-circular-dependencies-in-libs',
      comment: 'a cycle of imports that exist at run time (a cycle of `import type` alone is erased by the compiler)',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'imports-resolve',
      comment: 'an import dependency-cruiser cannot resolve would escape every rule above',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // package.json "imports" (#domain, #persistence, …): the `types` condition points at the sources.
      conditionNames: ['types', 'import', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
