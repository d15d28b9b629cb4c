import { randomUUID } from 'node:crypto';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type TransferAction, type TransferCommand, type TransferState } from '#domain';
import { toTransferView, TransferCommandExecutor, type ExecuteResult } from '#persistence';
import { requireAccess, requireRole } from '../../auth/access-policy.js';
import { requireReferencesLightspeedAccepts } from '../../catalogue/catalogue-references.js';
import type { Actor } from '../../auth/actor.js';
import { etagOf, parseIfMatch } from '../../http/etag.js';
import { idempotencyRequest } from '../../http/idempotency-key.js';
import { RunTransferCommand } from './run-transfer.command.js';
import { TransferChanged } from './transfer-changed.event.js';

/**
 * Authorises the caller, then runs the command through the executor (one transaction: decide,
 * append, project, remember the answer) and announces the change once it is committed.
 */
@CommandHandler(RunTransferCommand)
export class RunTransferHandler implements ICommandHandler<RunTransferCommand> {
  constructor(
    private readonly executor: TransferCommandExecutor,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ transferId, action, command, request }: RunTransferCommand): Promise<ExecuteResult> {
    const { actor } = request;
    requireRole(actor, action);
    const expectedVersion = parseIfMatch(request.ifMatch);
    const result = await this.executor.execute(
      transferId,
      command,
      {
        actor: { id: actor.id, name: actor.name, roles: actor.roles },
        correlationId: request.correlationId,
        causationId: request.causationId,
        commandName: command.type,
        commandId: randomUUID(),
      },
      {
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
        idempotency: idempotencyRequest(request.idempotencyKey, actor.id, request.method, request.path, request.body),
        authorize: async (client, before) => {
          requireOutletAccess(actor, action, transferId, command, before);
          await requireReferencesLightspeedAccepts(client, command, before);
        },
        toResponse: ({ after }) => ({
          statusCode: request.successStatus,
          body: toTransferView(after),
          etag: etagOf(after.version),
        }),
      },
    );
    if (result.outcome && result.outcome.events.length > 0) {
      const { after, events } = result.outcome;
      this.eventBus.publish(
        new TransferChanged(transferId, after.version, events.map((event) => event.eventType), request.correlationId),
      );
    }
    return result;
  }
}

/**
 * 404 for a transfer that does not exist, 403 unless a role of the actor may take the action at
 * the side of the transfer their outlets are on (a transfer's type and outlets never change).
 */
function requireOutletAccess(actor: Actor, action: TransferAction, transferId: string, command: TransferCommand, before: TransferState | null): void {
  const transfer =
    command.type === 'CreateTransfer'
      ? { type: command.transferType, sourceOutletId: command.sourceOutletId ?? null, destinationOutletId: command.destinationOutletId ?? null }
      : before;
  if (!transfer) throw new DomainError('TRANSFER_NOT_FOUND', `Transfer ${transferId} does not exist`, { transferId });
  requireAccess(actor, action, transferId, transfer);
}
