import { formatDecimal } from '../shared/decimal.js';
import type { ConsignmentRecord, LineRecord } from '../store/records.js';

export function consignmentView(consignment: ConsignmentRecord) {
  return { ...consignment, filters: consignment.filters === null ? null : consignment.filters.map((f) => ({ ...f })) };
}

export function lineView(line: LineRecord) {
  return {
    ...line,
    count: formatDecimal(line.count),
    received: formatDecimal(line.received),
    cost: formatDecimal(line.cost),
  };
}
