import { createHash } from 'node:crypto';
import { MAX_ORDER_NUMBER_LENGTH, readableBookingOrderNumber } from '#domain';

/** Starshipit's limit on `order_number` (the domain's, which builds the readable form). */
export { MAX_ORDER_NUMBER_LENGTH };

/**
 * The carrier order number of one booking of a transfer's boxes: the same for the same transfer and box-set
 * version (so a retried booking finds its order), different for any other pair, at most 50 characters.
 * Readable when it fits (`TR-<transferId>-v<version>`, the domain's `bookingOrderNumber`, the one a
 * BookingRequested carries; a transfer id is a uuid, so it always fits), else a SHA-256 digest of both
 * (`TX-<40 hex>`), the two forms told apart by their prefix.
 */
export function bookingOrderNumber(transferId: string, boxSetVersion: number): string {
  const readable = readableBookingOrderNumber(transferId, boxSetVersion);
  if (readable !== null) return readable;
  const digest = createHash('sha256').update(`${transferId}\u0000${boxSetVersion}`).digest('hex').slice(0, 40);
  return `TX-${digest}`;
}
