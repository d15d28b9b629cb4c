import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createOrder, printedOrder, startTestSandbox, type TestSandbox } from '../testing/carrier-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const print = (body: object) => t.api.post('/api/orders/shipment', body);

/** Checks what a PDF reader needs: header, trailer, xref offsets that point at their objects, true stream lengths. */
function expectValidPdf(base64: string, text: string): void {
  const pdf = Buffer.from(base64, 'base64').toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(pdf)![1]);
  expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
  const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
  offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
  const streams = [...pdf.matchAll(/<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/g)];
  expect(streams).toHaveLength(2);
  for (const [, length, stream] of streams) expect(Buffer.byteLength(stream!, 'latin1')).toBe(Number(length));
  expect(pdf).toMatch(/\/Count 2 >>/);
  expect(pdf).toContain(`(${text}) Tj`);
}

describe('POST /api/orders/shipment', () => {
  it('prints one tracking number per package and a valid PDF label; the order becomes Printed', async () => {
    const order = await createOrder(t, { order_number: 'SHIP-(1)' });
    const response = await print({ order_id: order.order_id });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      order_id: order.order_id,
      order_number: 'SHIP-(1)',
      carrier_name: 'Australia Post',
      tracking_numbers: ['AP00010000101', 'AP00010000102'],
      labels: [expect.any(String)],
      label_types: ['Label'],
      success: true,
    });
    expectValidPdf(response.body.labels[0], 'AP00010000102');
    expect(Buffer.from(response.body.labels[0], 'base64').toString('latin1')).toContain('Order SHIP-\\(1\\)');
    const stored = (await t.api.get(`/api/orders?order_id=${order.order_id}`)).body.order;
    expect(stored.status).toBe('Printed');
    expect(stored.packages[1]).toMatchObject({
      tracking_number: 'AP00010000102',
      tracking_url: 'https://tracking.starshipit-sandbox.invalid/AP00010000102',
      carrier_service_code: '7B05',
      delivery_status: 'Printed',
      label_created_date: expect.stringMatching(/\.\d{7}Z$/),
    });
  });

  it('refuses a second print (409) and answers the same labels with reprint: true', async () => {
    const first = await printedOrder(t);
    expect(await print({ order_id: first.order_id })).toMatchObject({ status: 409, body: { success: false, errors: [{ message: 'Order already printed' }] } });
    const again = await print({ order_number: first.order_number, reprint: true });
    expect(again.status).toBe(200);
    expect(again.body.tracking_numbers).toEqual(first.tracking_numbers);
    expect(again.body.labels).toEqual(first.labels);
  });

  it('takes the service and packages from the request', async () => {
    const order = await createOrder(t, { carrier: undefined, carrier_service_code: undefined, packages: [] });
    const response = await print({ order_id: order.order_id, carrier: 'CouriersPlease', carrier_service_code: 'CPATL', packages: [{ weight: 3 }] });
    expect(response.body).toMatchObject({ carrier_name: 'Couriers Please', tracking_numbers: ['CP00010000101'] });
  });

  it.each([
    ['no order', {}, 400, 'order_id or order_number is required'],
    ['an unknown order_id', { order_id: 1 }, 404, 'No order with order_id 1'],
    ['an unknown order_number', { order_number: 'NOPE' }, 404, 'No order with order_number NOPE'],
    ['an order_id as a string', { order_id: '1' }, 400, 'order_id must be an integer'],
    ['a service not enabled', { carrier_service_code: 'ZZZ' }, 400, 'carrier_service_code ZZZ is not enabled; use one of 7B05, 7E55, CPATL'],
    ['a service of another carrier', { carrier: 'CouriersPlease' }, 400, 'carrier_service_code 7B05 belongs to AusPost, not CouriersPlease'],
    ['packages that are not a list', { packages: 3 }, 400, 'packages must be an array'],
    ['a package in grams', { packages: [{ weight: 5000 }] }, 400, 'packages[0].weight 5000 is over 1000: weights are in kilograms (kg), not grams'],
    ['reprint of an unprinted order', { reprint: true }, 409, 'Order TR-1 has no labels to reprint'],
  ])('refuses %s', async (_name, body, status, details) => {
    const order = await createOrder(t);
    const withOrder = 'order_id' in body || 'order_number' in body || Object.keys(body).length === 0 ? body : { order_id: order.order_id, ...body };
    const response = await print(withOrder);
    expect(response).toMatchObject({ status, body: { success: false, errors: [{ details }] } });
  });

  it('refuses an order without a service, packages or destination', async () => {
    const noService = await createOrder(t, { order_number: 'A', carrier_service_code: undefined });
    expect((await print({ order_id: noService.order_id })).body.errors[0].details).toBe('carrier_service_code is required (on the request or the order)');
    const noPackages = await createOrder(t, { order_number: 'B', packages: [] });
    expect((await print({ order_id: noPackages.order_id })).body.errors[0].details).toBe('Order B has no packages to label');
    const noAddress = await createOrder(t, { order_number: 'C', destination: { name: 'x' } });
    expect((await print({ order_id: noAddress.order_id })).body.errors[0].details).toBe('destination.street is required to print a label');
    expect((await t.api.get(`/api/orders?order_id=${noAddress.order_id}`)).body.order.status).toBe('Unshipped');
  });

  it('refuses to print an archived order', async () => {
    const order = await createOrder(t);
    t.sandbox.orders.byId('test-api-key', order.order_id)!.archived = true;
    expect((await print({ order_id: order.order_id })).status).toBe(409);
  });
});
