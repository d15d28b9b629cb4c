import { randomUUID } from 'node:crypto';
import { SYSTEM_ROLE, type Actor, type DivergenceSource } from '#domain';
import { externalChangeOf, type RemoteConsignment } from '#lightspeed';
import { findTransferOfConsignment, loadTransfer, type CommandPipeline, type Database, type TransferAggregate } from '#persistence';

/** Who notes a change found in Lightspeed: the service itself. */
export const LIGHTSPEED_POLLER_ACTOR: Actor = { id: 'lightspeed-poller', name: 'Lightspeed poller', roles: [SYSTEM_ROLE], outlets: [] };

export type ReconcileOutcome = 'not-ours' | 'agrees' | 'noted' | 'already-noted';

/**
 * Compares a consignment read from Lightspeed with the transfer it mirrors. A difference our own
 * sync does not explain is recorded on the transfer as LightspeedDivergenceDetected; the
 * transfer's status is never changed to match.
 */
export class ConsignmentReconciler {
  constructor(
    private readonly database: Database,
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
  ) {}

  async reconcile(consignment: Pick<RemoteConsignment, 'id' | 'name' | 'status' | 'version' | 'deletedAt'>, source: DivergenceSource): Promise<ReconcileOutcome> {
    const mirrored = await this.database.withClient((client) => findTransferOfConsignment(client, consignment.id, consignment.name));
    if (!mirrored) return 'not-ours';
    const { state } = await this.database.withClient((client) => loadTransfer(client, mirrored.transferId));
    if (!state) return 'not-ours';
    const change = externalChangeOf(state.type, state.status, consignment);
    if (!change) return 'agrees';
    const { changed } = await this.pipeline.handle(
      this.transfers,
      mirrored.transferId,
      {
        type: 'RecordExternalChange',
        consignmentId: consignment.id,
        lightspeedStatus: change.lightspeedStatus,
        lightspeedVersion: consignment.version,
        source,
        detectedAt: new Date().toISOString(),
      },
      { actor: LIGHTSPEED_POLLER_ACTOR, correlationId: randomUUID(), causationId: null },
    );
    return changed ? 'noted' : 'already-noted';
  }

  /**
   * A consignment Lightspeed no longer has at all (404 when read by id): for a store that deletes
   * for good, or ignores `deleted=1` on its list, this is how a deletion shows. `lastVersion` is
   * the newest version this service saw of it (0 when none).
   */
  reconcileGone(consignmentId: string, lastVersion: number, source: DivergenceSource): Promise<ReconcileOutcome> {
    return this.reconcile({ id: consignmentId, name: '', status: 'DELETED', version: lastVersion, deletedAt: 'gone' }, source);
  }
}
