import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createConsignment, startTestSandbox, waitFor, type TestSandbox } from '../testing/sandbox-client.js';

let t: TestSandbox;
beforeAll(async () => {
  // Slow enough that a test can act while the stocktake is still IN_PROGRESS, even on a loaded CI machine.
  t = await startTestSandbox({ stocktakeProcessingMs: 1_000 });
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const setStatus = (id: string, status: string) => t.api.put(`/api/2.0/consignments/${id}`, { status });
const statusOf = async (id: string) => (await t.api.get(`/api/2.0/consignments/${id}`)).body.data.status;

describe('STOCKTAKE', () => {
  it('is created SCHEDULED without a status, and its lines are filled only once it is IN_PROGRESS', async () => {
    const count = await createConsignment(t, { type: 'STOCKTAKE', filters: [{ type: 'product', value: t.products[0] }] });
    expect(count.status).toBe('STOCKTAKE_SCHEDULED');
    // Well past the processing delay: a scheduled count is never prepared on its own.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await statusOf(count.id)).toBe('STOCKTAKE_SCHEDULED');
    expect((await t.api.get(`/api/2.0/consignments/${count.id}/products`)).body.data).toHaveLength(0);
    expect((await setStatus(count.id, 'STOCKTAKE_IN_PROGRESS')).body.data.status).toBe('STOCKTAKE_IN_PROGRESS');
    await waitFor(async () => (await statusOf(count.id)) === 'STOCKTAKE_IN_PROGRESS_PROCESSED');
    expect((await t.api.get(`/api/2.0/consignments/${count.id}/products`)).body.data).toHaveLength(1);
  });

  it('created IN_PROGRESS, a background job fills lines from the filters and marks it PROCESSED', async () => {
    const supplierId = t.suppliers[0]!;
    const count = await createConsignment(t, {
      type: 'STOCKTAKE',
      status: 'STOCKTAKE_IN_PROGRESS',
      filters: [{ type: 'supplier', value: supplierId }],
    });
    expect(count.status).toBe('STOCKTAKE_IN_PROGRESS');
    expect((await setStatus(count.id, 'STOCKTAKE_COMPLETE')).status).toBe(422);
    await waitFor(async () => (await statusOf(count.id)) === 'STOCKTAKE_IN_PROGRESS_PROCESSED');
    const expected = [...t.sandbox.store.products.values()].filter(
      (p) => p.supplier_id === supplierId && p.deleted_at === null && !p.is_composite,
    ).length;
    const lines = await t.api.get(`/api/2.0/consignments/${count.id}/products?page_size=1000`);
    expect(lines.body.data).toHaveLength(expected);
    expect(lines.body.data[0]).toMatchObject({ is_included: true, received: '0.00000' });
    const productId = lines.body.data[0].product_id;
    await t.api.post(`/api/2.0/consignments/${count.id}/bulk`, [{ product_id: productId, received: 2 }]);
    const counted = await t.api.put(`/api/2.0/consignments/${count.id}/products/${productId}`, { received: 5 });
    expect(counted.body.data.received).toBe('5.00000');
    expect((await t.api.put(`/api/2.0/consignments/${count.id}/products/${productId}`, { count: 5 })).status).toBe(422);
    expect((await setStatus(count.id, 'STOCKTAKE_COMPLETE')).body.data.status).toBe('STOCKTAKE_COMPLETE');
    expect((await setStatus(count.id, 'CLOSED')).status).toBe(422);
  });

  it('accepts the legacy STOCKTAKE status as SCHEDULED; filters freeze once in progress', async () => {
    const count = await createConsignment(t, { type: 'STOCKTAKE', status: 'STOCKTAKE' });
    expect(count.status).toBe('STOCKTAKE_SCHEDULED');
    const filters = [{ type: 'product', value: t.products[0] }];
    expect((await t.api.put(`/api/2.0/consignments/${count.id}`, { filters })).body.data.filters).toEqual(filters);
    await setStatus(count.id, 'STOCKTAKE_IN_PROGRESS');
    const response = await t.api.put(`/api/2.0/consignments/${count.id}`, { filters: [] });
    expect(response.status).toBe(422);
    await waitFor(async () => (await statusOf(count.id)) === 'STOCKTAKE_IN_PROGRESS_PROCESSED');
    expect((await t.api.get(`/api/2.0/consignments/${count.id}/products`)).body.data).toHaveLength(1);
  });

  it('refuses a client setting IN_PROGRESS_PROCESSED, and can be CANCELLED or CLOSED at any time', async () => {
    const count = await createConsignment(t, { type: 'STOCKTAKE', status: 'STOCKTAKE_SCHEDULED' });
    const response = await setStatus(count.id, 'STOCKTAKE_IN_PROGRESS_PROCESSED');
    expect(response.status).toBe(422);
    await setStatus(count.id, 'STOCKTAKE_IN_PROGRESS');
    expect((await setStatus(count.id, 'CLOSED')).body.data.status).toBe('CLOSED');
    const other = await createConsignment(t, { type: 'STOCKTAKE', status: 'STOCKTAKE_SCHEDULED' });
    expect((await setStatus(other.id, 'CANCELLED')).body.data.status).toBe('CANCELLED');
    expect((await t.api.delete(`/api/2.0/consignments/${other.id}`)).status).toBe(204);
  });
});
