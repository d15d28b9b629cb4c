import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildDockApp } from './support/dock-app.js';

const BUDGET_BYTES = 200 * 1024;

/** The dock app's JavaScript as a phone downloads it: gzipped, first load and everything it may fetch later. */
describe('the dock app’s size', () => {
  let app: Awaited<ReturnType<typeof buildDockApp>>;
  beforeAll(async () => {
    app = await buildDockApp();
  }, 60_000);
  afterAll(() => app?.remove());

  const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

  it('stays under 200 KB of JavaScript gzipped, counting the chunks loaded only on demand and the service worker', () => {
    const assets = join(app.directory, 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js')).map((name) => join(assets, name));
    const worker = readdirSync(app.directory).filter((name) => name.endsWith('.js')).map((name) => join(app.directory, name));
    const index = readFileSync(join(app.directory, 'index.html'), 'utf8');
    const firstLoad = scripts.filter((path) => index.includes(`assets/${path.split('/').pop()}`));
    const sum = (paths: string[]) => paths.reduce((total, path) => total + gzipped(path), 0);
    const figures = { firstLoad: sum(firstLoad), onDemand: sum(scripts) - sum(firstLoad), serviceWorker: sum(worker) };
    const total = figures.firstLoad + figures.onDemand + figures.serviceWorker;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    process.stdout.write(`dock app JavaScript, gzipped: first load ${kb(figures.firstLoad)}, on demand ${kb(figures.onDemand)}, service worker ${kb(figures.serviceWorker)}, total ${kb(total)} (budget ${kb(BUDGET_BYTES)})\n`);
    expect(firstLoad.length).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });
});
