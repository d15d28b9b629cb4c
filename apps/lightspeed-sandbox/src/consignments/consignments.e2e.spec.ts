import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createConsignment, startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

async function withLine(type: string, received = false, extra: Record<string, unknown> = {}) {
  const consignment = await createConsignment(t, { type, ...extra });
  const line = await t.api.post(`/api/2.0/consignments/${consignment.id}/products`, { product_id: t.products[0], count: 5 });
  expect(line.status).toBe(201);
  if (received) expect((await t.api.put(`/api/2.0/consignments/${consignment.id}/products/${t.products[0]}`, { received: 5 })).status).toBe(200);
  return consignment;
}

const setStatus = (id: string, status: string) => t.api.put(`/api/2.0/consignments/${id}`, { status });

describe('creating consignments', () => {
  it('accepts a flat body and answers 201 with the object wrapped in data', async () => {
    const response = await t.api.post('/api/2.0/consignments', { type: 'SUPPLIER', name: 'PO 1', outlet_id: t.outlets[0] });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ type: 'SUPPLIER', status: 'OPEN', name: 'PO 1', received_at: null, deleted_at: null });
    expect(response.body.data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response.body.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  });

  it('accepts a body wrapped in data', async () => {
    const response = await t.api.post('/api/2.0/consignments', {
      data: { type: 'OUTLET', name: 'Transfer', outlet_id: t.outlets[0], source_outlet_id: t.outlets[1], due_at: '2025-06-02' },
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ type: 'OUTLET', source_outlet_id: t.outlets[1], due_at: '2025-06-02T00:00:00+00:00' });
  });

  // `HERE` stands for a real outlet id (unknown when the table is declared).
  it.each([
    [{ name: 'x', outlet_id: 'HERE' }, 'type is required, one of SUPPLIER, OUTLET, RETURN, STOCKTAKE'],
    [{ type: 'TRANSFER', name: 'x', outlet_id: 'HERE' }, 'type is required, one of SUPPLIER, OUTLET, RETURN, STOCKTAKE'],
    [{ type: 'SUPPLIER', outlet_id: 'HERE' }, 'name is required'],
    [{ type: 'SUPPLIER', name: 'x' }, 'outlet_id is required'],
    [{ type: 'SUPPLIER', name: 'x', outlet_id: 'nope' }, 'outlet_id nope not found'],
    [{ type: 'SUPPLIER', name: 'x', outlet_id: 'HERE', supplier_id: 'nope' }, 'supplier_id nope not found'],
    [{ type: 'OUTLET', name: 'x', outlet_id: 'HERE' }, 'source_outlet_id is required for an OUTLET consignment'],
    [{ type: 'SUPPLIER', name: 'x', outlet_id: 'HERE', due_at: 'soon' }, 'due_at must be an ISO-8601 timestamp'],
    [{ type: 'SUPPLIER', name: 7, outlet_id: 'HERE' }, 'name must be a string'],
    [{ type: 'STOCKTAKE', name: 'x', outlet_id: 'HERE', filters: [{ type: 'brand', value: 'b' }] }, 'filters must be an array of {"type": "supplier"|"product", "value": id}'],
  ])('refuses malformed input %j with 400', async (fields: Record<string, unknown>, error) => {
    const body = { ...fields, ...(fields.outlet_id === 'HERE' ? { outlet_id: t.outlets[0] } : {}) };
    const response = await t.api.post('/api/2.0/consignments', body);
    expect(response).toMatchObject({ status: 400, body: { error } });
  });

  it('refuses a transfer from an outlet to itself', async () => {
    const response = await t.api.post('/api/2.0/consignments', { type: 'OUTLET', name: 'x', outlet_id: t.outlets[0], source_outlet_id: t.outlets[0] });
    expect(response.status).toBe(400);
  });

  it.each([
    ['SUPPLIER', 'DISPATCHED'],
    ['SUPPLIER', 'RECEIVED'],
    ['SUPPLIER', 'CANCELLED'],
    ['OUTLET', 'RECEIVED'],
    ['STOCKTAKE', 'STOCKTAKE_COMPLETE'],
    ['SUPPLIER', 'WHATEVER'],
  ])('cannot create a %s consignment as %s (422)', async (type, status) => {
    const response = await t.api.post('/api/2.0/consignments', { type, status, name: 'x', outlet_id: t.outlets[0], source_outlet_id: t.outlets[1] });
    expect(response.status).toBe(422);
    expect(typeof response.body.error).toBe('string');
  });

  it('creates a SUPPLIER order directly as SENT', async () => {
    expect((await createConsignment(t, { type: 'SUPPLIER', status: 'SENT' })).status).toBe('SENT');
  });

  it('answers a malformed JSON body with 400 in the error shape', async () => {
    const response = await t.api.request('POST', '/api/2.0/consignments', undefined, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
    expect(typeof response.body.error).toBe('string');
  });
});

describe('SUPPLIER lifecycle', () => {
  it('goes OPEN → SENT → DISPATCHED → RECEIVED and stamps received_at', async () => {
    const order = await withLine('SUPPLIER');
    expect((await setStatus(order.id, 'SENT')).body.data.status).toBe('SENT');
    expect((await setStatus(order.id, 'DISPATCHED')).body.data.status).toBe('DISPATCHED');
    await t.api.put(`/api/2.0/consignments/${order.id}/products/${t.products[0]}`, { received: 4 });
    const received = await setStatus(order.id, 'RECEIVED');
    expect(received.status).toBe(200);
    expect(received.body.data.received_at).toMatch(/\+00:00$/);
    const lines = await t.api.get(`/api/2.0/consignments/${order.id}/products`);
    expect(lines.body.data[0].status).toBe('RECEIVE_SUCCESS');
  });

  it.each([
    ['OPEN', 'DISPATCHED'],
    ['OPEN', 'RECEIVED'],
  ])('refuses %s → %s with 422', async (_from, to) => {
    const order = await withLine('SUPPLIER');
    const response = await setStatus(order.id, to);
    expect(response.status).toBe(422);
    expect(response.body.error).toContain('cannot change from OPEN');
  });

  it('refuses SENT → RECEIVED (it must be DISPATCHED first)', async () => {
    const order = await withLine('SUPPLIER');
    await setStatus(order.id, 'SENT');
    expect((await setStatus(order.id, 'RECEIVED')).status).toBe(422);
  });

  it('refuses a status change while the order has no products', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    const response = await setStatus(order.id, 'SENT');
    expect(response).toMatchObject({ status: 422, body: { error: 'The status cannot change while the consignment has no products' } });
  });

  it('refuses RECEIVED while no line has a non-zero received', async () => {
    const order = await withLine('SUPPLIER');
    await setStatus(order.id, 'SENT');
    await setStatus(order.id, 'DISPATCHED');
    const response = await setStatus(order.id, 'RECEIVED');
    expect(response.status).toBe(422);
    expect(response.body.error).toContain('non-zero received');
  });

  it('refuses RECEIVED with nothing received on an OUTLET transfer too (the stricter reading), and takes it once something is', async () => {
    const transfer = await withLine('OUTLET');
    await setStatus(transfer.id, 'SENT');
    const response = await setStatus(transfer.id, 'RECEIVED');
    expect(response).toMatchObject({ status: 422, body: { error: 'RECEIVED needs at least one product with a non-zero received quantity' } });
    await t.api.put(`/api/2.0/consignments/${transfer.id}/products/${t.products[0]}`, { received: 1 });
    expect((await setStatus(transfer.id, 'RECEIVED')).body.data.status).toBe('RECEIVED');
  });

  it.each(['OPEN', 'SENT', 'DISPATCHED'])('can be CANCELLED from %s', async (from) => {
    const order = await withLine('SUPPLIER');
    if (from !== 'OPEN') await setStatus(order.id, 'SENT');
    if (from === 'DISPATCHED') await setStatus(order.id, 'DISPATCHED');
    expect((await setStatus(order.id, 'CANCELLED')).body.data.status).toBe('CANCELLED');
  });

  it('cannot be updated at all once RECEIVED or CANCELLED', async () => {
    const order = await withLine('SUPPLIER', false);
    await setStatus(order.id, 'CANCELLED');
    const response = await t.api.put(`/api/2.0/consignments/${order.id}`, { name: 'renamed' });
    expect(response).toMatchObject({ status: 422, body: { error: 'A CANCELLED SUPPLIER consignment cannot be updated' } });
  });

  it('cannot change its type', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    const response = await t.api.put(`/api/2.0/consignments/${order.id}`, { type: 'RETURN' });
    expect(response).toMatchObject({ status: 422, body: { error: 'The type of a consignment cannot be changed' } });
  });

  it('updates plain fields with a flat or wrapped body and bumps the version', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    const flat = await t.api.put(`/api/2.0/consignments/${order.id}`, { reference: 'PO-9', supplier_invoice: 'INV-1' });
    const wrapped = await t.api.put(`/api/2.0/consignments/${order.id}`, { data: { name: 'Renamed', show_inactive: true } });
    expect(wrapped.body.data).toMatchObject({ reference: 'PO-9', supplier_invoice: 'INV-1', name: 'Renamed', show_inactive: true });
    expect(flat.body.data.version).toBeGreaterThan(order.version);
    expect(wrapped.body.data.version).toBeGreaterThan(flat.body.data.version);
  });

  it('freezes outlet and supplier once SENT', async () => {
    const order = await withLine('SUPPLIER');
    await setStatus(order.id, 'SENT');
    const response = await t.api.put(`/api/2.0/consignments/${order.id}`, { outlet_id: t.outlets[2] });
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('outlet_id cannot change while the SUPPLIER consignment is SENT');
  });

  it('refuses an empty name', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    expect((await t.api.put(`/api/2.0/consignments/${order.id}`, { name: '' })).status).toBe(400);
  });
});

describe('OUTLET lifecycle', () => {
  it('goes OPEN → SENT → RECEIVED once something is received', async () => {
    const transfer = await withLine('OUTLET');
    await setStatus(transfer.id, 'SENT');
    await t.api.put(`/api/2.0/consignments/${transfer.id}/products/${t.products[0]}`, { received: 5 });
    expect((await setStatus(transfer.id, 'RECEIVED')).body.data.status).toBe('RECEIVED');
  });

  it('cannot be CANCELLED while OPEN (strict reading of "any time after OPEN"), only after', async () => {
    const transfer = await withLine('OUTLET');
    expect((await setStatus(transfer.id, 'CANCELLED')).status).toBe(422);
    await setStatus(transfer.id, 'SENT');
    expect((await setStatus(transfer.id, 'CANCELLED')).status).toBe(200);
  });

  it('has no DISPATCHED status', async () => {
    const transfer = await withLine('OUTLET');
    await setStatus(transfer.id, 'SENT');
    const response = await setStatus(transfer.id, 'DISPATCHED');
    expect(response).toMatchObject({ status: 422, body: { error: 'Unknown status DISPATCHED for a OUTLET consignment' } });
  });
});

describe('RETURN lifecycle', () => {
  it('goes OPEN → SENT, after which no status change is possible', async () => {
    const ret = await withLine('RETURN');
    expect((await setStatus(ret.id, 'SENT')).status).toBe(200);
    expect((await setStatus(ret.id, 'CANCELLED')).status).toBe(422);
  });

  it('can be CANCELLED while OPEN', async () => {
    const ret = await withLine('RETURN');
    expect((await setStatus(ret.id, 'CANCELLED')).status).toBe(200);
  });
});

describe('deleting consignments', () => {
  it('soft-deletes: 204, still readable by id with deleted_at, listed only with deleted=1 or deleted=true', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    expect((await t.api.delete(`/api/2.0/consignments/${order.id}`)).status).toBe(204);
    const read = await t.api.get(`/api/2.0/consignments/${order.id}`);
    expect(read.body.data.deleted_at).not.toBeNull();
    expect(read.body.data.version).toBeGreaterThan(order.version);
    expect((await t.api.get('/api/2.0/consignments')).body.data).toHaveLength(0);
    expect((await t.api.get('/api/2.0/consignments?deleted=1')).body.data).toHaveLength(1);
    expect((await t.api.get('/api/2.0/consignments?deleted=true')).body.data).toHaveLength(1);
    expect((await t.api.put(`/api/2.0/consignments/${order.id}`, { name: 'x' })).status).toBe(404);
    expect((await t.api.delete(`/api/2.0/consignments/${order.id}`)).status).toBe(404);
  });

  it('refuses to delete a SENT order (cancel it instead)', async () => {
    const order = await withLine('SUPPLIER');
    await setStatus(order.id, 'SENT');
    expect((await t.api.delete(`/api/2.0/consignments/${order.id}`)).status).toBe(422);
  });
});

describe('reading consignments', () => {
  it('answers unknown ids with 404 Not Found', async () => {
    for (const path of ['', '/totals', '/products']) {
      const response = await t.api.get(`/api/2.0/consignments/00000000-0000-4000-8000-000000000000${path}`);
      expect(response).toMatchObject({ status: 404, body: { error: 'Not Found' } });
    }
  });

  it('filters the list by type, status and outlet_id', async () => {
    await createConsignment(t, { type: 'SUPPLIER' });
    await createConsignment(t, { type: 'SUPPLIER', status: 'SENT', outlet_id: t.outlets[3] });
    await createConsignment(t, { type: 'RETURN' });
    expect((await t.api.get('/api/2.0/consignments?type=SUPPLIER')).body.data).toHaveLength(2);
    expect((await t.api.get('/api/2.0/consignments?status=SENT')).body.data).toHaveLength(1);
    expect((await t.api.get(`/api/2.0/consignments?outlet_id=${t.outlets[3]}`)).body.data).toHaveLength(1);
  });

  it('reports totals over the live lines, but not for stocktakes', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    await t.api.post(`/api/2.0/consignments/${order.id}/products`, { product_id: t.products[0], count: '2', cost: '1.50' });
    await t.api.post(`/api/2.0/consignments/${order.id}/products`, { product_id: t.products[1], count: 3, cost: 2 });
    const totals = await t.api.get(`/api/2.0/consignments/${order.id}/totals`);
    expect(totals.body.data).toEqual({
      consignment_id: order.id,
      total_count: '5.00000',
      total_cost: '9.00000',
      total_received: '0.00000',
      total_received_cost: '0.00000',
    });
    const stocktake = await createConsignment(t, { type: 'STOCKTAKE', status: 'STOCKTAKE_SCHEDULED' });
    expect((await t.api.get(`/api/2.0/consignments/${stocktake.id}/totals`)).status).toBe(400);
  });
});
