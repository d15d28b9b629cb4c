import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSandbox, type TestSandbox } from '../testing/carrier-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());

const destination = { street: '1 Queen St', suburb: 'Melbourne', state: 'VIC', post_code: '3000', country_code: 'AU' };
const quote = (body: object) => t.api.post('/api/rates', { destination, packages: [{ weight: 2 }], ...body });

describe('POST /api/rates', () => {
  it('quotes each enabled service, deterministically', async () => {
    const first = await quote({});
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      rates: [
        { service_name: 'PARCEL POST + SIGNATURE', service_code: '7B05', total_price: 11.35 },
        { service_name: 'EXPRESS POST + SIGNATURE', service_code: '7E55', total_price: 16.7 },
        { service_name: 'ATL ROAD', service_code: 'CPATL', total_price: 11.2 },
      ],
      success: true,
    });
    expect((await quote({})).body).toEqual(first.body);
  });

  it('prices the cubic weight when it beats the dead weight (250 kg per m³)', async () => {
    const dead = await quote({ packages: [{ weight: 5 }] });
    const bulky = await quote({ packages: [{ weight: 1, height: 0.2, width: 0.2, length: 0.5 }] });
    expect(bulky.body.rates).toEqual(dead.body.rates);
  });

  it('prices by distance from the sender (or the pickup address) and leaves out services over their weight', async () => {
    const near = await quote({});
    const far = await quote({ sender: { street: '1 George St', post_code: '2000', country_code: 'AU' } });
    expect(far.body.rates[0].total_price).toBeGreaterThan(near.body.rates[0].total_price);
    const heavy = await quote({ packages: [{ weight: 23 }] });
    expect(heavy.body.rates.map((rate: { service_code: string }) => rate.service_code)).toEqual(['CPATL']);
    const abroad = await quote({ destination: { ...destination, post_code: '1010', country_code: 'NZ' }, currency: 'NZD' });
    expect(abroad.body.rates.map((rate: { service_code: string }) => rate.service_code)).toEqual(['7B05', '7E55']);
    expect(abroad.body.rates[0].total_price).toBeGreaterThan(far.body.rates[0].total_price);
  });

  it('counts quotes in the stats', async () => {
    t.sandbox.reset();
    await quote({});
    await quote({ packages: [] });
    expect((await t.api.get('/admin/stats')).body).toMatchObject({ rateQuotes: 2, byRoute: { 'POST /api/rates 200': 1, 'POST /api/rates 400': 1 } });
  });
});

describe('validation and units (kg, m)', () => {
  it.each([
    ['no destination', { destination: undefined }, 'destination is required'],
    ['no packages', { packages: [] }, 'packages must be a non-empty array'],
    ['a country name', { destination: { ...destination, country_code: 'Australia' } }, 'destination.country_code must be an ISO 3166-1 alpha-2 code such as AU or NZ'],
    ['a lower-case code', { destination: { ...destination, country_code: 'au' } }, 'destination.country_code must be an ISO 3166-1 alpha-2 code such as AU or NZ'],
    ['no postcode', { destination: { ...destination, post_code: undefined } }, 'destination.post_code is required'],
    ['no street', { destination: { ...destination, street: '' } }, 'destination.street is required'],
    ['no weight', { packages: [{ height: 0.1, width: 0.1, length: 0.1 }] }, 'packages[0].weight is required (kilograms)'],
    ['a zero weight', { packages: [{ weight: 0 }] }, 'packages[0].weight must be greater than 0 kg'],
    ['a weight as a string', { packages: [{ weight: '2' }] }, 'packages[0].weight must be a number'],
    ['a negative weight', { packages: [{ weight: -1 }] }, 'packages[0].weight must be at least 0'],
    ['grams', { packages: [{ weight: 2500 }] }, 'packages[0].weight 2500 is over 1000: weights are in kilograms (kg), not grams'],
    ['centimetres', { packages: [{ weight: 2, height: 20, width: 30, length: 40 }] }, 'packages[0].height 20 is over 10: dimensions are in metres (m), not centimetres or millimetres'],
    ['a zero dimension', { packages: [{ weight: 2, height: 0, width: 0.3, length: 0.4 }] }, 'packages[0].height must be greater than 0 m'],
    ['some dimensions only', { packages: [{ weight: 2, height: 0.2 }] }, 'packages[0] must give height, width and length together (metres), or none of them'],
    ['a currency name', { currency: 'dollars' }, 'currency must be a 3-letter code such as AUD'],
    ['a lower-case currency', { currency: 'aud' }, 'currency must be a 3-letter code such as AUD'],
    ['a package that is not an object', { packages: [2] }, 'packages[0] must be a JSON object'],
    ['a mistyped flag', { include_pricing: 'yes' }, 'include_pricing must be a boolean'],
  ])('refuses %s with a 400 business error', async (_name, body, details) => {
    const response = await quote(body);
    expect(response).toMatchObject({ status: 400, body: { success: false, errors: [{ message: 'Validation failed', details }] } });
  });

  it('refuses a body that is not an object', async () => {
    expect((await t.api.post('/api/rates', [1])).body.errors[0].details).toBe('The request body must be a JSON object');
  });
});
