#!/usr/bin/env node
// Runs the compiled TypeORM migrations (dist/migrations/*.js, from `npm run build`) against DATABASE_URL.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { isMain, loadEnvFile, ROOT } from './env.mjs';

export const MIGRATIONS_SOURCE = join(ROOT, 'migrations');
export const MIGRATIONS_DIST = join(ROOT, 'dist', 'migrations');

/**
 * The compiled migrations to run. With the sources present (a checkout), every migrations/*.ts must have an
 * up-to-date dist/migrations/*.js, and compiled leftovers of deleted sources are ignored; without them
 * (a deployed dist), everything in dist/migrations is run.
 */
export function compiledMigrations() {
  if (!existsSync(MIGRATIONS_SOURCE)) return [join(MIGRATIONS_DIST, '*.js')];
  const sources = readdirSync(MIGRATIONS_SOURCE).filter((file) => file.endsWith('.ts'));
  const stale = sources.filter((file) => {
    const built = join(MIGRATIONS_DIST, file.replace(/\.ts$/, '.js'));
    return !existsSync(built) || statSync(built).mtimeMs < statSync(join(MIGRATIONS_SOURCE, file)).mtimeMs;
  });
  if (stale.length > 0) throw new Error(`migrations not built (run \`npm run build\`): ${stale.join(', ')}`);
  return sources.map((file) => join(MIGRATIONS_DIST, file.replace(/\.ts$/, '.js')));
}

export function createMigrationDataSource(databaseUrl) {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: compiledMigrations(),
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
  });
}

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(databaseUrl) {
  const dataSource = createMigrationDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

if (isMain(import.meta.url)) {
  loadEnvFile();
  if (!process.env.DATABASE_URL) {
    console.error('migrate: DATABASE_URL is not set (run `node scripts/ensure-env.mjs` to write .env)');
    process.exit(1);
  }
  runMigrations(process.env.DATABASE_URL).then(
    (applied) => console.log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: up to date'),
    (error) => {
      console.error(`migrate: ${error.stack ?? error}`);
      process.exit(1);
    },
  );
}
