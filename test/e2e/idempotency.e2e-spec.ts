import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import type { ApiFixture } from '../support/api-fixture.js';
import { client, expectProblem, expectStatus, lineOf, MUGS, SPOONS, TEA, type Auth, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

/**
 * A shop's tablet on bad Wi-Fi retries: the same Idempotency-Key with the same request must replay
 * the first answer and change nothing; the same key with another request is refused.
 */
describe('Idempotency-Key on every kind of write', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
  });

  afterAll(async () => {
    await api?.close();
  });

  interface Write {
    /** Who sends it. */
    auth: () => Auth;
    /** Brings a transfer to where the write applies; returns its id. */
    setup: () => Promise<string>;
    send: (id: string, key: string) => Promise<Response>;
    /** The same key with a different request (another body, or another path). */
    different: (id: string, key: string) => Promise<Response>;
  }

  const withKey = (key: string) => ({ 'Idempotency-Key': key });
  const DELIVERY = randomUUID();
  const CORRECTION = randomUUID();
  const stocktakeCounted = async (tea: number) => {
    const stocktake = await step.createStocktake(who.ana);
    await step.counted(who.ana, stocktake.id, MUGS, 10);
    await step.counted(who.ana, stocktake.id, TEA, tea);
    return stocktake.id;
  };
  const submittedPurchaseOrder = async () => {
    const po = await step.createPurchaseOrder(who.ana, '150.00');
    await step.act(who.ana, po.id, 'submit');
    return po.id;
  };
  const receivedTransfer = async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
    return sent.id;
  };
  const otherTransfer = async () => (await step.createOutletTransfer(who.ana)).id;

  const writes: Record<string, Write> = {
    'POST items': {
      auth: () => who.ana,
      setup: otherTransfer,
      send: (id, key) => http.post(`/transfers/${id}/items`, who.ana, { productId: SPOONS, quantity: 5 }, withKey(key)),
      different: (id, key) => http.post(`/transfers/${id}/items`, who.ana, { productId: SPOONS, quantity: 6 }, withKey(key)),
    },
    'PATCH items/:productId': {
      auth: () => who.ana,
      setup: otherTransfer,
      send: (id, key) => http.patch(`/transfers/${id}/items/${MUGS}`, who.ana, { quantity: 20 }, withKey(key)),
      different: (id, key) => http.patch(`/transfers/${id}/items/${MUGS}`, who.ana, { quantity: 21 }, withKey(key)),
    },
    'DELETE items/:productId': {
      auth: () => who.ana,
      setup: otherTransfer,
      send: (id, key) => http.delete(`/transfers/${id}/items/${TEA}`, who.ana, withKey(key)),
      different: (id, key) => http.delete(`/transfers/${id}/items/${MUGS}`, who.ana, withKey(key)),
    },
    'PUT items/:productId/packed': {
      auth: () => who.ana,
      setup: otherTransfer,
      send: (id, key) => http.put(`/transfers/${id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 10 }, withKey(key)),
      different: (id, key) => http.put(`/transfers/${id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 9 }, withKey(key)),
    },
    'PUT items/:productId/counted': {
      auth: () => who.ana,
      setup: async () => (await step.createStocktake(who.ana)).id,
      send: (id, key) => http.put(`/transfers/${id}/items/${MUGS}/counted`, who.ana, { countedQuantity: 8 }, withKey(key)),
      different: (id, key) => http.put(`/transfers/${id}/items/${MUGS}/counted`, who.ana, { countedQuantity: 7 }, withKey(key)),
    },
    'POST pack': {
      auth: () => who.ana,
      setup: async () => {
        const transfer = await step.createOutletTransfer(who.ana);
        await step.packed(who.ana, transfer.id, MUGS, 10);
        return transfer.id;
      },
      send: (id, key) => http.post(`/transfers/${id}/pack`, who.ana, undefined, withKey(key)),
      different: async (_, key) => http.post(`/transfers/${await otherTransfer()}/pack`, who.ana, undefined, withKey(key)),
    },
    'POST submit': {
      auth: () => who.ana,
      setup: async () => (await step.createPurchaseOrder(who.ana, '150.00')).id,
      send: (id, key) => http.post(`/transfers/${id}/submit`, who.ana, undefined, withKey(key)),
      different: async (_, key) => http.post(`/transfers/${await otherTransfer()}/submit`, who.ana, undefined, withKey(key)),
    },
    'POST approve': {
      auth: () => who.maria,
      setup: submittedPurchaseOrder,
      send: (id, key) => http.post(`/transfers/${id}/approve`, who.maria, undefined, withKey(key)),
      different: async (_, key) => http.post(`/transfers/${await submittedPurchaseOrder()}/approve`, who.maria, undefined, withKey(key)),
    },
    'POST reject': {
      auth: () => who.maria,
      setup: submittedPurchaseOrder,
      send: (id, key) => http.post(`/transfers/${id}/reject`, who.maria, { reason: 'Too many mugs' }, withKey(key)),
      different: (id, key) => http.post(`/transfers/${id}/reject`, who.maria, { reason: 'Too few mugs' }, withKey(key)),
    },
    'POST send': {
      auth: () => who.ana,
      setup: async () => (await step.packedOutletTransfer(who.ana)).id,
      send: (id, key) => http.post(`/transfers/${id}/send`, who.ana, undefined, withKey(key)),
      different: async (_, key) => http.post(`/transfers/${await otherTransfer()}/send`, who.ana, undefined, withKey(key)),
    },
    'POST complete': {
      auth: () => who.ana,
      setup: () => stocktakeCounted(21),
      send: (id, key) => http.post(`/transfers/${id}/complete`, who.ana, undefined, withKey(key)),
      different: async (_, key) => http.post(`/transfers/${await otherTransfer()}/complete`, who.ana, undefined, withKey(key)),
    },
    'POST cancel': {
      auth: () => who.ana,
      setup: otherTransfer,
      send: (id, key) => http.post(`/transfers/${id}/cancel`, who.ana, { reason: 'Order doubled' }, withKey(key)),
      different: (id, key) => http.post(`/transfers/${id}/cancel`, who.ana, { reason: 'Changed my mind' }, withKey(key)),
    },
    'POST receive': {
      auth: () => who.sam,
      setup: async () => (await step.sentOutletTransfer(who.ana)).id,
      send: (id, key) =>
        http.post(`/transfers/${id}/receive`, who.sam, { receiptId: DELIVERY, final: false, lines: [{ productId: MUGS, receivedQuantity: 3 }] }, withKey(key)),
      different: (id, key) =>
        http.post(`/transfers/${id}/receive`, who.sam, { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 4 }] }, withKey(key)),
    },
    'POST corrections': {
      auth: () => who.maria,
      setup: receivedTransfer,
      send: (id, key) =>
        http.post(
          `/transfers/${id}/corrections`,
          who.maria,
          { correctionId: CORRECTION, reason: 'Recount', lines: [{ productId: MUGS, receivedQuantity: 9, reason: 'DAMAGED' }] },
          withKey(key),
        ),
      different: (id, key) =>
        http.post(
          `/transfers/${id}/corrections`,
          who.maria,
          { correctionId: randomUUID(), reason: 'Recount', lines: [{ productId: MUGS, receivedQuantity: 8, reason: 'DAMAGED' }] },
          withKey(key),
        ),
    },
  };

  it.each(Object.keys(writes))('%s: a retry replays the first answer and records nothing', async (name) => {
    const write = writes[name]!;
    const id = await write.setup();
    const key = randomUUID();
    const first = expectStatus(await write.send(id, key), 200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const eventsAfterFirst = await step.events(who.maria, id);
    const auditAfterFirst = await step.audit(who.maria, id);

    const retry = expectStatus(await write.send(id, key), 200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(await step.events(who.maria, id)).toEqual(eventsAfterFirst);
    expect(await step.audit(who.maria, id)).toHaveLength(auditAfterFirst.length);
    expect(eventsAfterFirst.at(-1).metadata.idempotencyKey).toBe(key);

    const reused = expectProblem(await write.different(id, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(reused.detail).toContain(key);
    expect(await step.events(who.maria, id)).toEqual(eventsAfterFirst);
  });

  describe('POST /transfers', () => {
    it('a retried create without a client id replays the first transfer: one transfer, and the Location points at it', async () => {
      const key = randomUUID();
      const body = { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'idem-south', items: [{ productId: MUGS, quantity: 1 }] };
      const first = expectStatus(await http.post('/transfers', who.ana, body, withKey(key)), 201);
      const retry = expectStatus(await http.post('/transfers', who.ana, body, withKey(key)), 201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe('"1"');
      expect(retry.headers.location).toBe(first.headers.location);
      expectStatus(await http.get(retry.headers.location!.replace('/api/v1', ''), who.ana), 200);
      const listed = expectStatus(await http.get('/transfers?outletId=idem-south', who.ana), 200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.id]);

      const changed = await http.post('/transfers', who.ana, { ...body, reference: 'other' }, withKey(key));
      expectProblem(changed, 422, 'IDEMPOTENCY_KEY_REUSED');
    });

    it('treats a body with the same fields in another order as the same request', async () => {
      const key = randomUUID();
      const first = expectStatus(await http.post('/transfers', who.ana, { type: 'SUPPLIER_RETURN', sourceOutletId: 'north', supplierId: 'acme' }, withKey(key)), 201);
      const retry = expectStatus(await http.post('/transfers', who.ana, { supplierId: 'acme', sourceOutletId: 'north', type: 'SUPPLIER_RETURN' }, withKey(key)), 201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
    });
  });

  it('a retry that spells the ids in other letters is the same request: replayed, not refused', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const key = randomUUID();
    const product = randomUUID();
    const first = expectStatus(await http.post(`/transfers/${transfer.id}/items`, who.ana, { productId: product, quantity: 2 }, withKey(key)), 200);
    const retry = await http.post(`/transfers/${transfer.id.toUpperCase()}/items`, who.ana, { productId: product.toUpperCase(), quantity: 2 }, withKey(key));
    expectStatus(retry, 200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('keys belong to their caller: the same key from someone else is a new request', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const key = randomUUID();
    expectStatus(await http.put(`/transfers/${transfer.id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 5 }, withKey(key)), 200);
    const byBen = expectStatus(await http.put(`/transfers/${transfer.id}/items/${TEA}/packed`, who.ben, { packedQuantity: 4 }, withKey(key)), 200);
    expect(byBen.headers['idempotent-replayed']).toBeUndefined();
    expect(lineOf(byBen.body, TEA)?.packedQuantity).toBe(4);
  });

  describe('receipts are never counted twice', () => {
    it('a retried partial receipt with the same key adds its quantities once', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      const key = randomUUID();
      const delivery = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 6 }] };
      await step.receive(who.sam, sent.id, delivery, withKey(key));
      await step.receive(who.sam, sent.id, delivery, withKey(key));
      const detail = await step.detail(who.sam, sent.id);
      expect(lineOf(detail, MUGS)?.receivedQuantity).toBe(6);
      expect(detail.receiptCount).toBe(1);
    });

    it('deliveries with their own receipt ids are separate deliveries, whatever they hold', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      const delivery = { final: false, lines: [{ productId: MUGS, receivedQuantity: 3 }] };
      await step.receive(who.sam, sent.id, delivery);
      const second = await step.receive(who.sam, sent.id, delivery);
      expect(lineOf(second, MUGS)?.receivedQuantity).toBe(6);
      expect(second.receiptCount).toBe(2);
    });
  });

  it('a refused command stores no answer under its key, so the corrected retry with the same key is accepted', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const key = randomUUID();
    const receiptId = randomUUID();
    const short = { receiptId, final: true, lines: [{ productId: MUGS, receivedQuantity: 9 }, { productId: TEA, receivedQuantity: 4 }] };
    expectProblem(await http.post(`/transfers/${sent.id}/receive`, who.sam, short, withKey(key)), 422, 'REASON_REQUIRED');
    // Had the refusal been stored, this different body under the same key would be IDEMPOTENCY_KEY_REUSED.
    const withReason = { receiptId, final: true, lines: [{ productId: MUGS, receivedQuantity: 9, reason: 'DAMAGED' }, { productId: TEA, receivedQuantity: 4 }] };
    const received = await step.receive(who.sam, sent.id, withReason, withKey(key));
    expect(received.status).toBe('RECEIVED');
  });
});
