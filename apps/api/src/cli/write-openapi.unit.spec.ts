import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openApiDocumentJson } from './write-openapi.js';

const WEB_SCHEMA = 'apps/web/src/api/schema.d.ts';
const OPENAPI_TYPESCRIPT = 'node_modules/openapi-typescript/bin/cli.js';

describe('the OpenAPI document written without a server', () => {
  let directory: string;
  let json: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'openapi-'));
    json = await openApiDocumentJson();
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('is built from the real AppModule: routes of every module, the Problem schema and both ways to authenticate', () => {
    const document = JSON.parse(json);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/transfers', '/api/v1/box-types', '/api/v1/evidence', '/api/v1/session', '/health/ready', '/metrics', '/webhooks/lightspeed']),
    );
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['ProblemResponse', 'TransferResponse']));
    expect(Object.keys(document.components.securitySchemes)).toEqual(['bearer', 'cookie']);
  });

  it("matches the web app's committed typed schema (run `npm run openapi:client` after changing the API)", async () => {
    const documentFile = join(directory, 'openapi.json');
    const generated = join(directory, 'schema.d.ts');
    await writeFile(documentFile, json);
    await promisify(execFile)(process.execPath, [OPENAPI_TYPESCRIPT, documentFile, '--output', generated]);
    expect(await readFile(WEB_SCHEMA, 'utf8')).toBe(await readFile(generated, 'utf8'));
  }, 60_000);
});
