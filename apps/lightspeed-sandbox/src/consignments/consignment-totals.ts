import { badRequest } from '../http/api-error.js';
import { formatDecimal, toUnits } from '../shared/decimal.js';
import type { Store } from '../store/store.js';

/** GET /consignments/:id/totals — ordered/received quantity and cost over the live lines; not for STOCKTAKE. */
export function consignmentTotals(store: Store, id: string) {
  const consignment = store.liveConsignment(id);
  if (consignment.type === 'STOCKTAKE') throw badRequest('Totals are not available for STOCKTAKE consignments');
  let count = 0;
  let received = 0;
  let countCost = 0;
  let receivedCost = 0;
  for (const line of store.liveLines(id)) {
    count += line.count;
    received += line.received;
    countCost += toUnits((line.count / 100_000) * (line.cost / 100_000));
    receivedCost += toUnits((line.received / 100_000) * (line.cost / 100_000));
  }
  return {
    consignment_id: id,
    total_count: formatDecimal(count),
    total_cost: formatDecimal(countCost),
    total_received: formatDecimal(received),
    total_received_cost: formatDecimal(receivedCost),
  };
}
