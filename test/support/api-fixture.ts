import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory.js';
import type { Role } from '../../apps/api/src/auth/actor.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './test-database.js';
import { testEnvironment } from './test-environment.js';

export interface ApiFixture {
  app: NestFastifyApplication;
  database: TestDatabase;
  jwtSecret: string;
  /** The variables the API runs with: a worker given the same shares its database and queues. */
  env: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** A bearer header for a user with these roles and outlets. */
  as(sub: string, roles: Role[], outlets?: string[]): { Authorization: string };
  close(): Promise<void>;
}

/** The real API (Fastify, PostgreSQL, Redis) on a database of the test file's own. */
export async function openApiFixture(env: Record<string, string> = {}): Promise<ApiFixture> {
  const database = await createTestDatabase();
  const environment = testEnvironment(database.url, env);
  const jwtSecret = environment.JWT_SECRET as string;
  const app = await createApp({ ignoreEnvFile: true, env: environment });
  return {
    app,
    database,
    jwtSecret,
    env: environment,
    http: () => request(app.getHttpServer()),
    as: (sub, roles, outlets = []) => ({
      Authorization: `Bearer ${issueToken(jwtSecret, { sub, name: `User ${sub}`, roles, outlets })}`,
    }),
    close: async () => {
      await app.close();
      await dropTestDatabase(database);
    },
  };
}
