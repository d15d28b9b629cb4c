import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { validate, type EnvironmentVariables } from './environment.js';
import { loggerOptions } from './logger-options.js';

export interface ConfigImportOptions {
  /** Values that win over process.env and .env (tests pass their database, secrets, prefixes). */
  env?: Record<string, string | undefined>;
  /** Skip reading `.env` from the working directory (tests do). */
  ignoreEnvFile?: boolean;
}

/** Validated configuration and logging (JSON; pretty in development): the first imports of every process's root module. */
export function configImports(options: ConfigImportOptions = {}) {
  const overrides = Object.fromEntries(Object.entries(options.env ?? {}).filter(([, value]) => value !== undefined));
  return [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      envFilePath: '.env',
      ignoreEnvFile: options.ignoreEnvFile ?? false,
      validate: (raw) => validate({ ...raw, ...overrides }),
    }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) =>
        loggerOptions(config.get('LOG_LEVEL', { infer: true }), config.get('NODE_ENV', { infer: true })),
    }),
  ];
}
