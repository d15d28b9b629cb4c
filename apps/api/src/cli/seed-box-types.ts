import 'reflect-metadata';
import { openDatabase, seedBoxTypeCatalogue } from '#persistence';
import { isMain } from './is-main.js';
import { loadEnvironment } from './load-environment.js';

/** Run by `npm start` after the migrations: an empty box-type catalogue gets the seed box types. */
export async function seedBoxTypesCommand(databaseUrl: string): Promise<string> {
  const { database, close } = await openDatabase(databaseUrl);
  try {
    const report = await seedBoxTypeCatalogue(database);
    return report.seeded
      ? `seed-box-types: defined ${report.defined} box type(s) in the empty catalogue`
      : 'seed-box-types: the catalogue already holds box types; nothing seeded';
  } finally {
    await close();
  }
}

if (isMain(import.meta.url)) {
  try {
    console.log(await seedBoxTypesCommand(loadEnvironment().DATABASE_URL));
  } catch (error) {
    console.error(`seed-box-types failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}
