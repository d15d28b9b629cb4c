import { Command } from '@nestjs/cqrs';
import type { TransferAction, TransferCommand } from '#domain';
import type { ExecuteResult } from '#persistence';
import type { Actor } from '../../auth/actor.js';

/** What the HTTP request adds to a domain command: who, the request's identity, its preconditions. */
export interface CommandRequest {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  method: string;
  path: string;
  body: unknown;
  ifMatch: string | string[] | undefined;
  idempotencyKey: string | string[] | undefined;
  successStatus: number;
}

/** Dispatched on the CommandBus for every write to a transfer. */
export class RunTransferCommand extends Command<ExecuteResult> {
  constructor(
    readonly transferId: string,
    readonly action: TransferAction,
    readonly command: TransferCommand,
    readonly request: CommandRequest,
  ) {
    super();
  }
}
