// Shared by the scripts: where the project is, and .env loading where process.env wins.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const ENV_FILE = join(ROOT, '.env');

/** The variables in .env (empty when there is none). */
export function readEnvFile(file = ENV_FILE) {
  return existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
}

/** Copies .env into process.env without overriding anything already set there. */
export function loadEnvFile(file = ENV_FILE) {
  for (const [name, value] of Object.entries(readEnvFile(file))) {
    if (process.env[name] === undefined) process.env[name] = value;
  }
}

/** True when this module is the script node was started with. */
export function isMain(importMetaUrl) {
  return process.argv[1] !== undefined && fileURLToPath(importMetaUrl) === process.argv[1];
}
