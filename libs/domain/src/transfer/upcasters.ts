import type { TransferEvent, TransferEventType } from './events.js';
import { CURRENT_SCHEMA_VERSION } from './event-catalogue.js';

/** Lifts a payload written at `fromVersion` to `fromVersion + 1`. */
export type Upcaster = (payload: Record<string, unknown>) => Record<string, unknown>;

/** Keyed by `${eventType}@${fromVersion}`. Add an entry whenever an event's payload shape changes. */
export type UpcasterRegistry = Readonly<Record<string, Upcaster>>;

export const TRANSFER_UPCASTERS: UpcasterRegistry = {
  // v1 corrections carried no id of their own: none of them can be repeated by id.
  'ReceiptCorrected@1': (payload) => ({ correctionId: null, ...payload }),
  // v1 receipts carried no evidence: photos and signatures could not be attached yet.
  'ReceiptRecorded@1': (payload) => ({ ...payload, evidence: [] }),
};

/**
 * Turns a stored event of any schema version into today's shape, one version step at a time, so
 * evolve() only ever sees current payloads.
 */
export function upcast(
  eventType: string,
  schemaVersion: number,
  payload: Record<string, unknown>,
  registry: UpcasterRegistry = TRANSFER_UPCASTERS,
  currentVersions: Readonly<Record<string, number>> = CURRENT_SCHEMA_VERSION,
): TransferEvent {
  // hasOwn, not a plain lookup: a stored type such as "constructor" must not find Object.prototype.
  const target = Object.hasOwn(currentVersions, eventType) ? currentVersions[eventType] : undefined;
  if (target === undefined) throw new Error(`Unknown event type ${eventType}`);
  if (schemaVersion > target) {
    throw new Error(`${eventType} v${schemaVersion} is newer than this code understands (v${target})`);
  }
  let data = payload;
  for (let version = schemaVersion; version < target; version++) {
    const step = registry[`${eventType}@${version}`];
    if (!step) throw new Error(`No upcaster for ${eventType} from v${version}`);
    data = step(data);
  }
  return { type: eventType as TransferEventType, data } as TransferEvent;
}
