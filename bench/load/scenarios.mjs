// What a load generator does per iteration. `iterate(vu)` is one closed-loop step (false: stop this
// virtual user); `once(intendedStart)` is one open-loop request.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const V1 = '/api/v1/transfers';

function timer(call, rec) {
  return async (op, method, path, body, startedAt = performance.now()) => {
    const response = await call(method, path, body);
    rec.record(op, startedAt, response.status, response.text);
    return response.status >= 200 && response.status < 300 ? response : null;
  };
}

/** One outlet transfer's life: create (20 lines), record each packed quantity, pack, send, receive with a variance. */
function mix(call, rec, { outlets, products }) {
  const timed = timer(call, rec);
  return {
    async iterate(vu) {
      const lines = Array.from({ length: 20 }, (_, index) => products[(vu * 7 + index * 13) % products.length]);
      const created = await timed('create', 'POST', V1, {
        type: 'OUTLET_TRANSFER',
        sourceOutletId: outlets[vu % outlets.length],
        destinationOutletId: outlets[(vu + 1) % outlets.length],
        reference: `bench-${vu}`,
        items: lines.map((product) => ({ productId: product.id, sku: product.sku, name: product.name, quantity: 5 })),
      });
      if (!created) return;
      const id = JSON.parse(created.text).id;
      for (const product of lines) {
        if (!rec.open() || !(await timed('packed', 'PUT', `${V1}/${id}/items/${product.id}/packed`, { packedQuantity: 5 }))) return;
      }
      if (!(await timed('pack', 'POST', `${V1}/${id}/pack`, {}))) return;
      if (!(await timed('send', 'POST', `${V1}/${id}/send`, {}))) return;
      await timed('receive', 'POST', `${V1}/${id}/receive`, {
        receiptId: randomUUID(),
        final: true,
        lines: lines.map((product, index) =>
          index === 0 ? { productId: product.id, receivedQuantity: 4, reason: 'DAMAGED' } : { productId: product.id, receivedQuantity: 5 },
        ),
      });
    },
  };
}

/** POST /send, each to a different packed transfer from `ids`. */
function send(call, rec, { ids }) {
  const timed = timer(call, rec);
  let next = 0;
  const take = () => (next < ids.length ? ids[next++] : null);
  return {
    exhausted: () => next >= ids.length,
    async iterate() {
      const id = take();
      if (id === null) return false;
      await timed('send', 'POST', `${V1}/${id}/send`, {});
    },
    async once(intendedStart) {
      const id = take();
      if (id !== null) await timed('send', 'POST', `${V1}/${id}/send`, {}, intendedStart);
    },
  };
}

/** `method` with `body` on each of `paths` once (one command per target), recorded under `op`. */
function commands(call, rec, { op, method, body, paths }) {
  const timed = timer(call, rec);
  let next = 0;
  const take = () => (next < paths.length ? paths[next++] : null);
  return {
    exhausted: () => next >= paths.length,
    async iterate() {
      const path = take();
      if (path === null) return false;
      await timed(op, method, path, body);
    },
    async once(intendedStart) {
      const path = take();
      if (path !== null) await timed(op, method, path, body, intendedStart);
    },
  };
}

/** GETs of `paths`, round robin, recorded under `op`. */
function reads(call, rec, { op, paths }) {
  const timed = timer(call, rec);
  let next = 0;
  return {
    async iterate() {
      await timed(op, 'GET', paths[next++ % paths.length]);
    },
  };
}

export const SCENARIOS = { mix, send, commands, reads };
