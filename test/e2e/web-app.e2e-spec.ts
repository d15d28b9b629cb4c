import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';

describe('the dock app served under /app', () => {
  let api: ApiFixture;
  const built = mkdtempSync(join(tmpdir(), 'web-app-'));

  beforeAll(async () => {
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Dock</title>');
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(built, 'sw.js'), 'self.skipWaiting()');
    writeFileSync(join(built, 'manifest.webmanifest'), '{"name":"Dock"}');
    api = await openApiFixture({ WEB_APP_DIR: built });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(built, { recursive: true, force: true });
  });

  it('answers index.html, never cached, for /app/ and any path beneath it (the app routes itself)', async () => {
    for (const path of ['/app/', '/app/inbound', '/app/sign-in/deep/link']) {
      const response = await api.http().get(path);
      expect({ path, status: response.status, type: response.headers['content-type'], cache: response.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
        cache: 'no-cache',
      });
      expect(response.text).toContain('<title>Dock</title>');
    }
    const bare = await api.http().get('/app');
    expect([bare.status, bare.headers.location]).toEqual([301, '/app/']);
  });

  it('lets browsers keep the hashed assets for a year', async () => {
    const asset = await api.http().get('/app/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('serves the service worker and the manifest beside index.html fresh every time, since their names never change', async () => {
    const worker = await api.http().get('/app/sw.js');
    expect([worker.status, worker.headers['content-type'], worker.headers['cache-control'], worker.text]).toEqual([200, 'application/javascript; charset=utf-8', 'no-cache', 'self.skipWaiting()']);
    const manifest = await api.http().get('/app/manifest.webmanifest');
    expect([manifest.status, manifest.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
  });

  it('answers 404 for an asset that is not there, and serves nothing outside the build', async () => {
    expect((await api.http().get('/app/assets/missing.js')).status).toBe(404);
    expect((await api.http().get('/app/assets/..%2F..%2Fpackage.json')).status).toBeGreaterThanOrEqual(400);
  });

  it('starts without a build of the app, answering 404 under /app/ and serving the API as usual', async () => {
    const bare = await openApiFixture({ WEB_APP_DIR: join(built, 'not-built') });
    try {
      expect((await bare.http().get('/health/live')).status).toBe(200);
      expect((await bare.http().get('/app/sw.js')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
