import { randomUUID } from 'node:crypto';
import type { DivergentLine } from '#domain';
import type { RemoteConsignment } from '#lightspeed';
import type { TransferCommandExecutor } from '#persistence';

/** Who notes a line edited in Lightspeed: the outbound sync, just before it writes the transfer's value there. */
export const LIGHTSPEED_SYNC_ACTOR = { id: 'lightspeed-sync', name: 'Lightspeed sync', roles: ['system'] };

/**
 * Records on the transfer that a line's value in Lightspeed is not one this service wrote (someone edited it
 * there), as LightspeedDivergenceDetected: nothing made in Lightspeed is overwritten without a record.
 */
export function lineEditRecorder(executor: TransferCommandExecutor) {
  return async (transferId: string, consignment: RemoteConsignment, line: DivergentLine): Promise<void> => {
    await executor.execute(
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
      {
        actor: LIGHTSPEED_SYNC_ACTOR,
        correlationId: randomUUID(),
        causationId: null,
        commandName: 'RecordExternalChange',
        commandId: randomUUID(),
      },
      { toResponse: ({ after }) => ({ statusCode: 200, body: null, etag: String(after.version) }) },
    );
  };
}
