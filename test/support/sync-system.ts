import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import { createApp } from '../../apps/api/src/app.factory.js';
import type { Role } from '../../apps/api/src/auth/actor.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './test-database.js';
import { freePort } from './private-redis.js';
import { testEnvironment } from './test-environment.js';

export { eventually } from './eventually.js';

export interface SyncSystemOptions {
  /** Variables over testEnvironment()'s. */
  env?: Record<string, string>;
  /** Run the worker in this process (default) or not at all (the test starts it as a process). */
  worker?: boolean;
  /** Let the API listen on a port and have the sandbox deliver its webhooks there. */
  webhooks?: boolean;
  sandbox?: Omit<SandboxOptions, 'port' | 'clientId' | 'clientSecret' | 'refreshToken'>;
}

export interface SyncSystem {
  env: Record<string, string>;
  sandbox: Sandbox;
  api: NestFastifyApplication;
  /** Null once closed; a test that stops the worker itself sets it to null. */
  worker: INestApplicationContext | null;
  http(): ReturnType<typeof request>;
  /** A bearer header for a user with these roles. */
  as(sub: string, roles: Role[]): { Authorization: string };
  close(): Promise<void>;
}

/** API, worker and Lightspeed sandbox wired together on a database of the test file's own. */
export async function openSyncSystem(options: SyncSystemOptions = {}): Promise<SyncSystem> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const env = testEnvironment(testDatabase.url, options.env);
  // The sandbox's address is known before anything starts: the API reads the store's budget under it, as the worker spends it.
  const sandboxPort = await freePort();
  env.LIGHTSPEED_BASE_URL = `http://127.0.0.1:${sandboxPort}`;
  const api = await createApp({ ignoreEnvFile: true, env });
  let webhookUrl: string | undefined;
  if (options.webhooks) {
    await api.listen(0, '127.0.0.1');
    webhookUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}/webhooks/lightspeed`;
  }
  const sandbox = await startSandbox({
    ...options.sandbox,
    port: sandboxPort,
    clientId: env.LIGHTSPEED_CLIENT_ID,
    clientSecret: env.LIGHTSPEED_CLIENT_SECRET,
    refreshToken: env.LIGHTSPEED_REFRESH_TOKEN,
    ...(webhookUrl ? { webhook: { url: webhookUrl, retryBaseMs: 50, ...options.sandbox?.webhook } } : {}),
  });
  env.LIGHTSPEED_BASE_URL = sandbox.url;
  let worker: INestApplicationContext | null = null;
  if (options.worker ?? true) {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ignoreEnvFile: true, env }), { logger: ['error'] });
    await worker.init();
  }
  const system: SyncSystem = {
    env,
    sandbox,
    api,
    worker,
    http: () => request(api.getHttpServer()),
    as: (sub, roles) => ({ Authorization: `Bearer ${issueToken(env.JWT_SECRET as string, { sub, roles })}` }),
    close: async () => {
      const running = system.worker;
      system.worker = null;
      await running?.close();
      await api.close();
      await sandbox.close();
      await dropTestDatabase(testDatabase);
    },
  };
  return system;
}
