import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { validate, type EnvironmentVariables } from '#config';

/** For command-line tools: process.env over .env, validated exactly as the API validates it. */
export function loadEnvironment(envFile = '.env'): EnvironmentVariables {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return validate({ ...fromFile, ...process.env });
}
