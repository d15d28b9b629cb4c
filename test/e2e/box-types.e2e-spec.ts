import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { expectProblem, expectStatus, useScenario, feedEvents } from '../support/transfers-client.js';

const CARTON = { name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
const fields = (problem: Record<string, any>) => (problem.errors as { field: string }[]).map((error) => error.field).sort();

/** The box-type catalogue as an admin keeps it and everyone else reads it. */
describe('box types', () => {
  const scenario = useScenario({ listen: true });

  const define = async (body: Record<string, unknown> = {}) => expectStatus(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, ...body }), 201);

  describe('an admin keeping the catalogue', () => {
    it('defines a box type: 201 with Location, ETag and the box type as the catalogue shows it', async () => {
      const response = await define({ name: '  Carton XL  ' });
      const { id } = response.body;
      expect(response.headers.location).toBe(`/api/v1/box-types/${id}`);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toEqual({ id, ...CARTON, name: 'Carton XL', retired: false, version: 1, updatedAt: expect.stringMatching(/^\d{4}-/) });
      const shown = expectStatus(await scenario.http.get(`/box-types/${id}`, scenario.who.ana), 200);
      expect(shown.body).toEqual(response.body);
      expect(shown.headers.etag).toBe('"1"');
    });

    it('defines a box type under the id the client chose, in any letter case', async () => {
      const id = randomUUID();
      const response = await define({ id: id.toUpperCase() });
      expect(response.body.id).toBe(id);
      expect(response.headers.location).toBe(`/api/v1/box-types/${id}`);
    });

    it('revises a box type with its whole definition, and If-Match guards against a stale one', async () => {
      const { id } = (await define()).body;
      const revised = expectStatus(await scenario.http.put(`/box-types/${id}`, scenario.who.alex, { ...CARTON, maxWeightG: 20_000 }, { 'If-Match': '"1"' }), 200);
      expect(revised.body).toMatchObject({ id, maxWeightG: 20_000, version: 2 });
      expect(revised.headers.etag).toBe('"2"');
      const stale = expectProblem(await scenario.http.put(`/box-types/${id}`, scenario.who.alex, { ...CARTON, maxWeightG: 18_000 }, { 'If-Match': '"1"' }), 409, 'VERSION_CONFLICT');
      expect(stale).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
      expect(expectStatus(await scenario.http.get(`/box-types/${id}`, scenario.who.maria), 200).body.maxWeightG).toBe(20_000);
    });

    it('retires a box type: it leaves the list unless retired ones are asked for, and can no longer be revised', async () => {
      const { id } = (await define({ name: 'Satchel retiring' })).body;
      const retired = expectStatus(await scenario.http.post(`/box-types/${id}/retire`, scenario.who.alex), 200);
      expect(retired.body).toMatchObject({ id, retired: true, version: 2 });
      expect(retired.headers.etag).toBe('"2"');
      const listed = async (query: string) => expectStatus(await scenario.http.get(`/box-types${query}`, scenario.who.ana), 200).body.items.map((item: { id: string }) => item.id);
      expect(await listed('')).not.toContain(id);
      expect(await listed('?includeRetired=true')).toContain(id);
      expect(await listed('?includeRetired=false')).not.toContain(id);
      expectProblem(await scenario.http.put(`/box-types/${id}`, scenario.who.alex, { ...CARTON, name: 'Satchel again' }), 422, 'BOX_TYPE_RETIRED');
      // Retiring again is already done: the same answer, nothing recorded.
      expect(expectStatus(await scenario.http.post(`/box-types/${id}/retire`, scenario.who.alex), 200).body.version).toBe(2);
    });

    it('lists the catalogue by name to every role', async () => {
      await define({ name: 'AAA first by name' });
      for (const auth of [scenario.who.ana, scenario.who.maria, scenario.who.audrey, scenario.who.alex]) {
        const { items } = expectStatus(await scenario.http.get('/box-types', auth), 200).body;
        expect(items[0]).toMatchObject({ name: 'AAA first by name', retired: false });
      }
    });
  });

  describe('refusals', () => {
    it('refuses anyone but an admin with 403 ADMIN_REQUIRED, before looking at their headers, writing nothing', async () => {
      const { id } = (await define()).body;
      for (const auth of [scenario.who.ana, scenario.who.maria, scenario.who.audrey]) {
        expectProblem(await scenario.http.post('/box-types', auth, CARTON), 403, 'ADMIN_REQUIRED');
        expectProblem(await scenario.http.put(`/box-types/${id}`, auth, { ...CARTON, name: 'Mine' }, { 'If-Match': 'not a version' }), 403, 'ADMIN_REQUIRED');
        expectProblem(await scenario.http.post(`/box-types/${id}/retire`, auth, undefined, { 'Idempotency-Key': '' }), 403, 'ADMIN_REQUIRED');
      }
      expect(expectStatus(await scenario.http.get(`/box-types/${id}`, scenario.who.ana), 200).body).toMatchObject({ name: CARTON.name, retired: false, version: 1 });
      expectProblem(await scenario.http.get('/box-types', null), 401, 'UNAUTHENTICATED');
    });

    it('refuses a malformed body with 400 naming every bad field', async () => {
      const problem = expectProblem(
        await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, id: 'carton-m', name: '', innerLengthMm: 0, innerHeightMm: 2.5, maxWeightG: 'heavy', colour: 'brown' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(problem)).toEqual(['colour', 'id', 'innerHeightMm', 'innerLengthMm', 'maxWeightG', 'name']);
    });

    it('refuses a definition the domain finds invalid with 400 INVALID_BOX_TYPE naming the fields', async () => {
      const heavyEmpty = expectProblem(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, tareWeightG: 16_000 }), 400, 'INVALID_BOX_TYPE');
      expect(fields(heavyEmpty)).toEqual(['tareWeightG']);
      const blankName = expectProblem(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, name: '   ' }), 400, 'INVALID_BOX_TYPE');
      expect(fields(blankName)).toEqual(['name']);
    });

    it('answers a box type that does not exist with 404, and a path id that is no UUID with 400', async () => {
      const missing = randomUUID();
      expectProblem(await scenario.http.get(`/box-types/${missing}`, scenario.who.ana), 404, 'BOX_TYPE_NOT_FOUND');
      expectProblem(await scenario.http.put(`/box-types/${missing}`, scenario.who.alex, CARTON), 404, 'BOX_TYPE_NOT_FOUND');
      expectProblem(await scenario.http.post(`/box-types/${missing}/retire`, scenario.who.alex), 404, 'BOX_TYPE_NOT_FOUND');
      expect(fields(expectProblem(await scenario.http.get('/box-types/carton-m', scenario.who.ana), 400, 'VALIDATION_FAILED'))).toEqual(['id']);
      expect(fields(expectProblem(await scenario.http.get('/box-types?includeRetired=yes', scenario.who.ana), 400, 'VALIDATION_FAILED'))).toEqual(['includeRetired']);
    });

    it('refuses to define an id that is taken with 409 BOX_TYPE_ALREADY_EXISTS', async () => {
      const { id } = (await define()).body;
      expect(expectProblem(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, id }), 409, 'BOX_TYPE_ALREADY_EXISTS').boxTypeId).toBe(id);
    });
  });

  describe('retries and races', () => {
    it('replays a create retried under its Idempotency-Key, even without a client id: one box type', async () => {
      const name = `Carton ${randomUUID()}`;
      const send = () => scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, name }, { 'Idempotency-Key': `define-${name}` });
      const first = expectStatus(await send(), 201);
      const again = expectStatus(await send(), 201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(first.headers.location);
      expect(again.body).toEqual(first.body);
      const named = expectStatus(await scenario.http.get('/box-types', scenario.who.alex), 200).body.items.filter((item: { name: string }) => item.name === name);
      expect(named).toHaveLength(1);
      expectProblem(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, name: `${name} 2` }, { 'Idempotency-Key': `define-${name}` }), 422, 'IDEMPOTENCY_KEY_REUSED');
    });

    it('keeps one stream when the same id is defined many times at once: one 201, the rest 409', async () => {
      const id = randomUUID();
      const responses = await Promise.all(Array.from({ length: 6 }, (_, index) => scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, id, name: `Racer ${index}` })));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      const winner = responses.find((response) => response.status === 201)?.body;
      expect(expectStatus(await scenario.http.get(`/box-types/${id}`, scenario.who.alex), 200).body).toEqual(winner);
      const ofBoxType = await feedEvents(scenario.http, scenario.who.alex, (event: { boxTypeId?: string }) => event.boxTypeId === id, 1);
      expect(ofBoxType.map((event: { type: string; version: number }) => [event.type, event.version])).toEqual([
        ['BoxTypeDefined', 1],
      ]);
    });
  });

  it('shows box-type events in the global feed, with who did what', async () => {
    const { id } = (await define({ name: 'Fed carton' })).body;
    await scenario.http.post(`/box-types/${id}/retire`, scenario.who.alex);
    const ofBoxType = await feedEvents(scenario.http, scenario.who.audrey, (event: { boxTypeId?: string }) => event.boxTypeId === id, 2);
    expect(ofBoxType).toEqual([
      expect.objectContaining({ boxTypeId: id, version: 1, type: 'BoxTypeDefined', data: expect.objectContaining({ boxTypeId: id, name: 'Fed carton', definedBy: 'alex' }) }),
      expect.objectContaining({ boxTypeId: id, version: 2, type: 'BoxTypeRetired', data: { retiredBy: 'alex' }, metadata: expect.objectContaining({ commandName: 'RetireBoxType' }) }),
    ]);
    expect(ofBoxType[0]).not.toHaveProperty('transferId');
  });
});
