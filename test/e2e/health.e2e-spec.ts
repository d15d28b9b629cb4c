import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testEnvironment } from '../support/test-environment.js';

describe('API health and docs (real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp({ ignoreEnvFile: true, env: testEnvironment(database.url) });
  });

  afterAll(async () => {
    await app?.close();
    if (database) await dropTestDatabase(database);
  });

  it('GET /health/live is 200 without the api/v1 prefix', async () => {
    const response = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('GET /health/ready reports the database and Redis up', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('the test database is migrated from the template', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body.status).toBe('ok');
    const { DataSource } = await import('typeorm');
    const dataSource = app.get(DataSource);
    const rows: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((row) => row.name)).toContain('EventStore1700000000000');
  });

  it('serves the OpenAPI document at /api/docs-json', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('puts application routes under /api/v1', async () => {
    await request(app.getHttpServer()).get('/api/v1/health/live').expect(404);
  });
});
