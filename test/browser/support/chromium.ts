import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

/** The flags every browser test runs Debian's Chromium with (no sandbox in CI, nothing fetched from the internet). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launchChromium = (extraArgs: readonly string[] = [], options: LaunchOptions = {}): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], ...options });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now and answers each serious or critical
 * violation as `rule: help (where)`, so a failing expectation says what to fix.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations)`)) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** Every run's screens at each width, for a look (git-ignored). */
const WIDTHS_DIRECTORY = join(process.cwd(), 'test/browser/screenshots');

/**
 * The screen as it is now, at a phone's and a tablet's size: nothing sideways, no serious
 * accessibility violation, and a screenshot of each under test/browser/screenshots/. The page is
 * left at phone size.
 */
export async function checkAtPhoneAndTablet(page: Page, name: string): Promise<void> {
  mkdirSync(WIDTHS_DIRECTORY, { recursive: true });
  for (const [width, height] of [[768, 1024], [360, 740]] as const) {
    await page.setViewportSize({ width, height });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(WIDTHS_DIRECTORY, `${name}-${width}x${height}.png`), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  }
}
