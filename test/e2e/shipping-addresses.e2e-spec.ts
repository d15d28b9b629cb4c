import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '#persistence';
import { expectProblem, expectStatus, useScenario, feedEvents } from '../support/transfers-client.js';
import { writeFingerprint } from '../support/write-fingerprint.js';

const DOCK = {
  contactName: 'Nora North',
  company: 'Homewares North',
  street: '12 Dock Road',
  suburb: 'Northcote',
  city: 'Melbourne',
  state: 'VIC',
  postCode: '3070',
  countryCode: 'AU',
  phone: '+61 3 9000 0000',
  email: 'dock@north.example',
  deliveryInstructions: 'Rear roller door, 7–3 weekdays',
};
const RETURNS = { contactName: 'Returns desk', street: '1 Factory Lane', postCode: '1010', countryCode: 'NZ' };
const fields = (problem: Record<string, any>) => (problem.errors as { field: string }[]).map((error) => error.field).sort();

/** Outlets' and suppliers' shipping addresses, as admins keep them and everyone reads them. */
describe('shipping addresses', () => {
  const scenario = useScenario({ listen: true });
  const outletAddress = (outletId: string) => `/outlets/${encodeURIComponent(outletId)}/address`;
  const supplierAddress = (supplierId: string) => `/suppliers/${encodeURIComponent(supplierId)}/address`;
  const setOutlet = (outletId: string, body: Record<string, unknown> = DOCK, headers: Record<string, string> = {}) =>
    scenario.http.put(outletAddress(outletId), scenario.who.alex, body, headers);

  beforeAll(async () => {
    // The catalogue as Lightspeed's sync leaves it.
    await scenario.api.app.get(Database).withClient(async (client) => {
      await client.query(`INSERT INTO lightspeed_outlets (id, name, version) VALUES ('o-north', 'North', 1), ('o-south', 'South', 1), ('o-east', 'East', 1)`);
      await client.query(`INSERT INTO lightspeed_suppliers (id, name, version) VALUES ('s-acme', 'Acme', 1), ('s-kiwi', 'Kiwi Kettles', 1)`);
    });
  });

  describe('an admin keeping them', () => {
    it('sets an outlet’s address: 200 with the address, its version and ETag; anyone reads it back', async () => {
      const response = expectStatus(await setOutlet('o-north'), 200);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toEqual({
        partyKind: 'outlet',
        partyId: 'o-north',
        address: DOCK,
        version: 1,
        updatedAt: expect.stringMatching(/^\d{4}-/),
        updatedBy: 'alex',
      });
      for (const auth of [scenario.who.ana, scenario.who.audrey, scenario.who.maria, scenario.who.alex]) {
        const shown = expectStatus(await scenario.http.get(outletAddress('o-north'), auth), 200);
        expect(shown.body).toEqual(response.body);
        expect(shown.headers.etag).toBe('"1"');
      }
    });

    it('sets a supplier’s address, trimmed, its optional fields left out as null', async () => {
      const response = expectStatus(await scenario.http.put(supplierAddress('s-kiwi'), scenario.who.alex, { ...RETURNS, contactName: '  Returns desk ', company: '', phone: null }), 200);
      expect(response.body).toMatchObject({
        partyKind: 'supplier',
        partyId: 's-kiwi',
        address: { ...RETURNS, company: null, suburb: null, city: null, state: null, phone: null, email: null, deliveryInstructions: null },
        version: 1,
      });
      expect(expectStatus(await scenario.http.get(supplierAddress('s-kiwi'), scenario.who.ana), 200).body).toEqual(response.body);
      // An outlet and a supplier are told apart, whatever their ids.
      expectProblem(await scenario.http.get(outletAddress('s-kiwi'), scenario.who.ana), 404, 'SHIPPING_ADDRESS_NOT_FOUND');
    });

    it('records nothing when the same address is set again: already done, same version; If-Match guards a change', async () => {
      const again = expectStatus(await setOutlet('o-north', { ...DOCK, street: ` ${DOCK.street} ` }), 200);
      expect(again.body).toMatchObject({ address: DOCK, version: 1 });
      const changed = expectStatus(await setOutlet('o-north', { ...DOCK, phone: '03 9000 0001' }, { 'If-Match': '"1"' }), 200);
      expect(changed.body).toMatchObject({ address: { phone: '03 9000 0001' }, version: 2 });
      expectProblem(await setOutlet('o-north', DOCK, { 'If-Match': '"1"' }), 409, 'VERSION_CONFLICT');
      const north = await feedEvents(scenario.http, scenario.who.audrey, (event: { outletId?: string }) => event.outletId === 'o-north', 2);
      expect(north.map((event: { type: string; version: number; metadata: { actor: { id: string } } }) => [event.type, event.version, event.metadata.actor.id])).toEqual([
        ['ShippingAddressSet', 1, 'alex'],
        ['ShippingAddressSet', 2, 'alex'],
      ]);
    });

    it('clears an address: 200 with no address, then 404 to readers; clearing again is already done', async () => {
      expectStatus(await setOutlet('o-south'), 200);
      const cleared = expectStatus(await scenario.http.delete(outletAddress('o-south'), scenario.who.alex), 200);
      expect(cleared.body).toMatchObject({ partyKind: 'outlet', partyId: 'o-south', address: null, version: 2 });
      expect(cleared.headers.etag).toBe('"2"');
      expectProblem(await scenario.http.get(outletAddress('o-south'), scenario.who.ana), 404, 'SHIPPING_ADDRESS_NOT_FOUND');
      expect(expectStatus(await scenario.http.delete(outletAddress('o-south'), scenario.who.alex), 200).body.version).toBe(2);
      expectStatus(await scenario.http.put(supplierAddress('s-acme'), scenario.who.alex, RETURNS), 200);
      expect(expectStatus(await scenario.http.delete(supplierAddress('s-acme'), scenario.who.alex), 200).body).toMatchObject({ partyKind: 'supplier', address: null });
    });

    it('replays a retry under the same Idempotency-Key, and refuses the key reused for another body', async () => {
      const key = `address-${randomUUID()}`;
      const first = expectStatus(await setOutlet('o-east', { ...DOCK, city: 'Ringwood' }, { 'Idempotency-Key': key }), 200);
      const retried = expectStatus(await setOutlet('o-east', { ...DOCK, city: 'Ringwood' }, { 'Idempotency-Key': key }), 200);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body).toEqual(first.body);
      expectProblem(await setOutlet('o-east', { ...DOCK, city: 'Box Hill' }, { 'Idempotency-Key': key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(expectStatus(await scenario.http.get(outletAddress('o-east'), scenario.who.ana), 200).body).toMatchObject({ address: { city: 'Ringwood' }, version: 1 });
    });
  });

  describe('refusals', () => {
    it('refuses staff, managers and auditors with 403 FORBIDDEN naming the role that may, before their headers, writing nothing', async () => {
      const before = await writeFingerprint(scenario.api);
      for (const auth of [scenario.who.ana, scenario.who.maria, scenario.who.audrey]) {
        for (const path of [outletAddress('o-north'), supplierAddress('s-kiwi')]) {
          const problem = expectProblem(await scenario.http.put(path, auth, DOCK, { 'If-Match': 'not a version' }), 403, 'FORBIDDEN');
          expect(problem.allowedRoles).toEqual(['admin']);
          expectProblem(await scenario.http.delete(path, auth), 403, 'FORBIDDEN');
        }
      }
      expect(await writeFingerprint(scenario.api)).toEqual(before);
      expectProblem(await scenario.http.get(outletAddress('o-north'), null), 401, 'UNAUTHENTICATED');
    });

    it('answers an outlet or supplier not in the catalogue with 404, and an address never set with 404', async () => {
      expect(expectProblem(await setOutlet('no-such-outlet'), 404, 'OUTLET_NOT_FOUND').outletId).toBe('no-such-outlet');
      expect(expectProblem(await scenario.http.put(supplierAddress('no-such-supplier'), scenario.who.alex, RETURNS), 404, 'SUPPLIER_NOT_FOUND').supplierId).toBe(
        'no-such-supplier',
      );
      expectProblem(await scenario.http.put(supplierAddress('o-north'), scenario.who.alex, RETURNS), 404, 'SUPPLIER_NOT_FOUND');
      expectProblem(await scenario.http.get(outletAddress('no-such-outlet'), scenario.who.ana), 404, 'SHIPPING_ADDRESS_NOT_FOUND');
      expectProblem(await scenario.http.delete(supplierAddress('no-such-supplier'), scenario.who.alex), 404, 'SHIPPING_ADDRESS_NOT_FOUND');
    });

    it('refuses fields over their limits, missing or unknown with 400 naming each field and its limit', async () => {
      const problem = expectProblem(
        await setOutlet('o-east', { ...DOCK, contactName: 'c'.repeat(101), street: '', postCode: '12345678901', phone: '9'.repeat(31), colour: 'red' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(problem)).toEqual(['colour', 'contactName', 'phone', 'postCode', 'street']);
      const messages = JSON.stringify(problem.errors);
      expect(messages).toContain('100');
      expect(messages).toContain('10');
      expect(messages).toContain('30');
      // Limits count what is left once trimmed.
      const padded = expectStatus(await scenario.http.put(supplierAddress('s-acme'), scenario.who.alex, { ...RETURNS, street: `  ${'s'.repeat(100)}  `, countryCode: ' NZ ' }), 200);
      expect(padded.body.address).toMatchObject({ street: 's'.repeat(100), countryCode: 'NZ' });
      const { contactName: _contact, ...withoutContact } = DOCK;
      expect(fields(expectProblem(await setOutlet('o-east', withoutContact), 400, 'VALIDATION_FAILED'))).toEqual(['contactName']);
    });

    it('refuses a country that is no upper-case ISO 3166-1 alpha-2 code, and a blank or ill-shaped field once trimmed', async () => {
      for (const countryCode of ['au', 'XX', 'AUS', 'UK']) {
        const problem = expectProblem(await setOutlet('o-east', { ...DOCK, countryCode }), 400, 'VALIDATION_FAILED');
        expect(problem.errors).toEqual([{ field: 'countryCode', messages: ['countryCode must be an ISO 3166-1 alpha-2 code in upper case, such as AU or NZ'] }]);
      }
      expect(expectProblem(await setOutlet('o-east', { ...DOCK, street: '   ' }), 400, 'VALIDATION_FAILED').errors).toEqual([{ field: 'street', messages: ['street is required'] }]);
      const shape = expectProblem(await setOutlet('o-east', { ...DOCK, email: 'dock-at-north' }), 400, 'INVALID_SHIPPING_ADDRESS');
      expect(shape.errors).toEqual([{ field: 'email', messages: ['email must look like name@example.com'] }]);
      expect(expectStatus(await scenario.http.get(outletAddress('o-east'), scenario.who.ana), 200).body).toMatchObject({ address: { city: 'Ringwood' }, version: 1 });
    });
  });
});
