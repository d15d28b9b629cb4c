export const STATUSES = [
  'OPEN',
  'PACKING',
  'PACKED',
  'PENDING_APPROVAL',
  'APPROVED',
  'SENT',
  'RECEIVING',
  'RECEIVED',
  'IN_PROGRESS',
  'PENDING_REVIEW',
  'COMPLETED',
  'CANCELLED',
] as const;

export type Status = (typeof STATUSES)[number];

/** Statuses in which goods have left the sender and not all have arrived: stock in transit. */
export const IN_TRANSIT_STATUSES: readonly Status[] = ['SENT', 'RECEIVING'];

export function isStatus(value: unknown): value is Status {
  return (STATUSES as readonly unknown[]).includes(value);
}
