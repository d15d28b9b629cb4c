import { ConfigService } from '@nestjs/config';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { EnvironmentVariables } from '#config';

/** How every process connects to PostgreSQL. Migrations are applied by `npm run migrate`, never here. */
export function typeOrmOptions(databaseUrl: string): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    autoLoadEntities: true,
    retryAttempts: 2,
    retryDelay: 1000,
  };
}

/** TypeORM configured from DATABASE_URL, for a root module. */
export function typeOrmImport() {
  return TypeOrmModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService<EnvironmentVariables, true>) => typeOrmOptions(config.get('DATABASE_URL', { infer: true })),
  });
}
