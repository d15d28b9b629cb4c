import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Database, CommandPipeline, SEED_BOX_TYPES } from '#persistence';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { outletTransferLifecycle, TEST_RULES } from '../../../../libs/persistence/src/testing/transfer-scenarios.js';
import { testEnvironment } from '../../../../test/support/test-environment.js';
import { loadEnvironment } from './load-environment.js';
import { rebuildCommand } from './rebuild-projections.js';
import { seedBoxTypesCommand } from './seed-box-types.js';
import { tokenCommand } from './token.js';

const SECRET = randomBytes(32).toString('hex');
const EIGHT_HOURS = 8 * 3600;

describe('npm run token', () => {
  it('prints an HS256 token with the roles, outlets and subject asked for', async () => {
    const token = tokenCommand(['--role', 'manager', '--role', 'auditor', '--outlets', 'a,b', '--sub', 'u-1', '--name', 'Ann'], SECRET, EIGHT_HOURS);
    const claims = await new JwtService({ secret: SECRET }).verifyAsync(token, { algorithms: ['HS256'] });
    expect(claims).toMatchObject({ sub: 'u-1', name: 'Ann', roles: ['manager', 'auditor'], outlets: ['a', 'b'] });
    expect(claims.exp - claims.iat).toBe(EIGHT_HOURS);
  });

  it('lives as long as the API accepts unless asked for less, and refuses to issue one the API would refuse', async () => {
    const lifetime = async (args: string[], max: number) => {
      const claims = await new JwtService({ secret: SECRET }).verifyAsync(tokenCommand(args, SECRET, max));
      return claims.exp - claims.iat;
    };
    expect(await lifetime([], 3600)).toBe(3600);
    expect(await lifetime(['--expires', '15m'], 3600)).toBe(900);
    expect(await lifetime(['--expires', '600'], 3600)).toBe(600);
    expect(() => tokenCommand(['--expires', '2h'], SECRET, 3600)).toThrow(/2h \(7200 s\) would be refused: the API accepts at most 3600 s \(JWT_MAX_TOKEN_LIFETIME_SECONDS\)/);
  });

  it('refuses a role the API does not know', () => {
    expect(() => tokenCommand(['--role', 'owner'], SECRET, EIGHT_HOURS)).toThrow(/roles must be some of staff, manager, auditor, admin/);
  });

  it('works as a command, reading JWT_SECRET from the environment, and offers a sign-in link that keeps the token out of server logs', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['dist/apps/api/src/cli/token.js', '--role', 'staff', '--outlets', 'x'],
      { env: { ...process.env, ...testEnvironment('postgres://unused@127.0.0.1/none'), JWT_SECRET: SECRET, PORT: '3456' } },
    );
    expect(stderr).toBe(`Sign in to the dock app: http://localhost:3456/app/#/sign-in?token=${stdout.trim()}\n`);
    const claims = await new JwtService({ secret: SECRET }).verifyAsync(stdout.trim());
    expect(claims).toMatchObject({ sub: 'local-staff', roles: ['staff'], outlets: ['x'] });
    expect(claims.exp - claims.iat).toBe(EIGHT_HOURS);
  });
});

describe('loading the environment for a command', () => {
  it('takes .env values but lets the process environment win', () => {
    const file = join(tmpdir(), `env-${randomUUID()}`);
    const fileEnvironment = { ...testEnvironment('postgres://x@127.0.0.1/db'), JWT_SECRET: 'f'.repeat(40), PORT: '4000' };
    const lines = Object.entries(fileEnvironment).map(([name, value]) => `${name}=${value}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const previous = process.env.PORT;
    process.env.PORT = '4100';
    try {
      expect(loadEnvironment(file)).toMatchObject({ JWT_SECRET: 'f'.repeat(40), PORT: 4100 });
    } finally {
      if (previous === undefined) delete process.env.PORT;
      else process.env.PORT = previous;
    }
  });
});

describe('npm run projections:rebuild', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    const dataSource = new DataSource({ type: 'postgres', url: testDatabase.url });
    await dataSource.initialize();
    await outletTransferLifecycle(new CommandPipeline(new Database(dataSource)), randomUUID());
    await dataSource.destroy();
  });
  afterAll(() => dropTestDatabase(testDatabase));

  it('reports what it replayed', async () => {
    expect(await rebuildCommand(testDatabase.url)).toMatch(/^projections:rebuild: 7 events → 1 transfers, 7 audit entries, 0 box types, 0 measured products, 0 shipping addresses in [\d.]+ s/);
  });
});

describe('seed-box-types (run by npm start)', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(testDatabase));

  it('seeds an empty catalogue, and leaves one that holds box types alone', async () => {
    expect(await seedBoxTypesCommand(testDatabase.url)).toBe(`seed-box-types: defined ${SEED_BOX_TYPES.length} box type(s) in the empty catalogue`);
    expect(await seedBoxTypesCommand(testDatabase.url)).toBe('seed-box-types: the catalogue already holds box types; nothing seeded');
  });
});
