import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { signInLink } from '../../../apps/api/src/auth/sign-in-link.js';
import { openScenario, type Scenario } from '../../support/transfers-client.js';
import type { Role } from '#domain';
import { launchChromium } from './chromium.js';

/** The app built afresh, served by a real API on its own database, and a Chromium to use it. */
export interface DockApp {
  scenario: Scenario;
  browser: Browser;
  /** `http://127.0.0.1:<port>`: the app is at `${origin}/app/`. */
  origin: string;
  /** A sign-in link for a staff member of the given outlets. */
  signInLinkFor(name: string, outlets: readonly string[], roles?: readonly Role[]): string;
  close(): Promise<void>;
}

/**
 * Builds apps/web into a directory of its own (for WEB_APP_DIR); `remove` deletes it. Jest's two workers may
 * build at once: each writes its own directory, so Vite's one-build-per-project lock is bypassed.
 */
export async function buildDockApp(): Promise<{ directory: string; remove(): void }> {
  const directory = mkdtempSync(join(tmpdir(), 'dock-app-'));
  await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'apps/web', '--logLevel', 'warn', '--bypass-lock'], {
    env: { ...process.env, WEB_OUT_DIR: directory },
  });
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export async function openDockApp(options: { chromiumArgs?: readonly string[]; env?: Record<string, string> } = {}): Promise<DockApp> {
  const { directory: built, remove } = await buildDockApp();
  const scenario = await openScenario({ listen: true, env: { WEB_APP_DIR: built, ...options.env } });
  const origin = `http://127.0.0.1:${(scenario.api.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium(options.chromiumArgs).catch(async (error: unknown) => {
    await scenario.api.close();
    throw error;
  });
  return {
    scenario,
    browser,
    origin,
    signInLinkFor: (name, outlets, roles = ['staff']) => signInLink(origin, scenario.api.as(name, [...roles], [...outlets]).Authorization.replace(/^Bearer /, '')),
    async close() {
      await browser.close();
      await scenario.api.close();
      remove();
    },
  };
}
