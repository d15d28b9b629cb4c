import { randomUUID } from 'node:crypto';
import { SYSTEM_ROLE, type Actor, type DivergentLine } from '#domain';
import type { RemoteConsignment } from '#lightspeed';
import type { CommandPipeline, TransferAggregate } from '#persistence';

/** Who notes a line edited in Lightspeed: the outbound sync, just before it writes the transfer's value there. */
export const LIGHTSPEED_SYNC_ACTOR: Actor = { id: 'lightspeed-sync', name: 'Lightspeed sync', roles: [SYSTEM_ROLE], outlets: [] };

/**
 * Records on the transfer that a line's value in Lightspeed is not one this service wrote (someone edited it
 * there), as LightspeedDivergenceDetected: nothing made in Lightspeed is overwritten without a record.
 */
export function lineEditRecorder(pipeline: CommandPipeline, transfers: TransferAggregate) {
  return async (transferId: string, consignment: RemoteConsignment, line: DivergentLine): Promise<void> => {
    await pipeline.handle(
      transfers,
      transferId,
      {
        type: 'RecordExternalChange',
        consignmentId: consignment.id,
        lightspeedStatus: consignment.status,
        lightspeedVersion: consignment.version,
        source: 'sync',
        line,
        detectedAt: new Date().toISOString(),
      },
      { actor: LIGHTSPEED_SYNC_ACTOR, correlationId: randomUUID(), causationId: null },
    );
  };
}
