import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DOMAIN_ERROR_STATUS } from './error-status.js';

describe('the HTTP status of each domain rule', () => {
  it('is exactly the table documented in docs/api.md', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/api.md'), 'utf8');
    const block = doc.slice(doc.indexOf('<!-- domain-errors:start -->'), doc.indexOf('<!-- domain-errors:end -->'));
    const documented = Object.fromEntries(
      [...block.matchAll(/^\| (\d{3}) \| `([A-Z_]+)` \|/gm)].map(([, status, code]) => [code, Number(status)]),
    );
    expect(documented).toEqual(DOMAIN_ERROR_STATUS);
  });
});
