// What the phases share about the running system: a manager's bearer header, HTTP helpers for set-up
// steps, and the sandbox's catalogue (real outlet and product ids, so the sync has real work to do).
import { issueToken } from '../../dist/apps/api/src/auth/issue-token.js';

export function managerHeaders(system) {
  return { authorization: `Bearer ${issueToken(system.env.JWT_SECRET, { sub: 'bench-manager', roles: ['manager'] })}` };
}

/** A set-up call that must succeed; returns the parsed body. */
export async function callApi(system, method, path, body) {
  const response = await fetch(`${system.apiUrl}/api/v1${path}`, {
    method,
    headers: { ...managerHeaders(system), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function sandboxCatalogue(system) {
  const get = async (path) => {
    const response = await fetch(`${system.sandboxUrl}/api/2.0${path}`, { headers: { authorization: `Bearer ${system.env.LIGHTSPEED_PERSONAL_TOKEN}` } });
    if (!response.ok) throw new Error(`sandbox ${path}: ${response.status}`);
    return (await response.json()).data;
  };
  const outlets = (await get('/outlets')).map((outlet) => outlet.id);
  const products = (await get('/products?page_size=1000'))
    .filter((product) => !product.is_composite)
    .map(({ id, sku, name }) => ({ id, sku, name }));
  return { outlets, products };
}

/** The body of an outlet transfer of `lineCount` lines from the catalogue, `offset` choosing which products. */
export function outletTransfer({ outlets, products }, offset = 0, lineCount = 20) {
  const lines = Array.from({ length: lineCount }, (_, index) => products[(offset + index) % products.length]);
  return {
    lines,
    body: {
      type: 'OUTLET_TRANSFER',
      sourceOutletId: outlets[0],
      destinationOutletId: outlets[1],
      items: lines.map((product) => ({ productId: product.id, sku: product.sku, name: product.name, quantity: 5 })),
    },
  };
}

/** Creates an outlet transfer (20 lines unless told), packs every line and packs it; returns its id. */
export async function packedTransfer(system, catalogue, offset = 0, lineCount = 20) {
  const { lines, body } = outletTransfer(catalogue, offset, lineCount);
  const { id } = await callApi(system, 'POST', '/transfers', body);
  for (const product of lines) await callApi(system, 'PUT', `/transfers/${id}/items/${product.id}/packed`, { packedQuantity: 5 });
  await callApi(system, 'POST', `/transfers/${id}/pack`, {});
  return { id, lines };
}
