import type { Page } from 'playwright-core';

/** Polls until `check` holds: the page (and the worker) move in their own time. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const started = Date.now(); !(await check()); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > timeoutMs) throw new Error(`Still not true after ${timeoutMs / 1000} s: ${what}`);
  }
}

/** Types a code into the Scan field and presses Enter, as a scanner in keyboard mode does. */
export async function scan(page: Page, code: string, times = 1): Promise<void> {
  for (let scanned = 0; scanned < times; scanned++) {
    await page.getByLabel('Scan').fill(code);
    await page.getByLabel('Scan').press('Enter');
  }
}

/** A code for each line by its name, as the API lists them: a barcode, else the SKU. */
export const codesByName = (detail: { lines: Record<string, unknown>[] }): Record<string, string> =>
  Object.fromEntries(detail.lines.map((line) => [line.name as string, ((line.barcodes as string[])[0] ?? line.sku) as string]));
