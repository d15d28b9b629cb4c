import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openApiDocumentJson } from '../../apps/api/src/cli/write-openapi.js';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { HTTP_METHODS, openApiPath, type OpenApiDocument } from '../support/openapi-answers.js';
import { listRoutes, routeName } from '../support/route-table.js';

/** Routes Fastify serves beside the Nest router's: the docs themselves, the dock app's files, the queue board (bull-board's UI), CORS preflights. */
const NOT_NEST_ROUTES = /^(OPTIONS |[A-Z]+ \/api\/docs|[A-Z]+ \/app(\/|$)|[A-Z]+ \/api\/v1\/admin\/queues(\/|\*|$))/;

describe('the OpenAPI document served at /api/docs-json', () => {
  let api: ApiFixture;
  let document: OpenApiDocument;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => ({ name: `${method.toUpperCase()} ${path}`, operation: item[method]! })),
    );

  beforeAll(async () => {
    api = await openApiFixture();
    const response = await api.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body as OpenApiDocument;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('describes every route of the Nest router, webhooks and /metrics included, and nothing else', () => {
    const served = listRoutes(api.app)
      .map((route) => ({ ...route, path: openApiPath(route.path) }))
      .map(routeName)
      .filter((name) => !NOT_NEST_ROUTES.test(name));
    expect(served).toEqual(expect.arrayContaining(['POST /webhooks/lightspeed', 'GET /metrics', 'POST /api/v1/transfers']));
    expect(operations().map(({ name }) => name).sort()).toEqual([...new Set(served)].sort());
  });

  it('gives every operation a success with a schema (or, for a 204, no body) and at least one problem+json refusal', () => {
    const gaps = operations().flatMap(({ name, operation }) => {
      const statuses = Object.keys(operation.responses);
      const successes = statuses.filter((status) => status.startsWith('2'));
      const refusals = statuses.filter((status) => status.startsWith('4'));
      return [
        ...(successes.length === 0 ? [`${name}: no 2xx`] : []),
        ...successes
          .filter((status) => status !== '204')
          .filter((status) => Object.values(operation.responses[status]!.content ?? {}).every((media) => !media.schema))
          .map((status) => `${name}: ${status} without a schema`),
        ...(refusals.length === 0 ? [`${name}: no 4xx`] : []),
        ...refusals
          .filter((status) => !operation.responses[status]!.content?.['application/problem+json']?.schema)
          .map((status) => `${name}: ${status} is not problem+json`),
      ];
    });
    expect(gaps).toEqual([]);
  });

  it('is the document `npm run lint:openapi` lints and `npm run openapi:client` types, written without a server', async () => {
    expect(document).toEqual(JSON.parse(await openApiDocumentJson()));
  });

  it('describes the shared Problem: type, title, status, detail, code and the bad fields of a 400', () => {
    expect(document.components.schemas.ProblemResponse).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
      properties: { errors: { type: 'array', items: { $ref: '#/components/schemas/FieldErrorResponse' } } },
    });
  });
});
