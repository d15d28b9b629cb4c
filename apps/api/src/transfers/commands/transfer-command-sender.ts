import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TransferAction, TransferCommand } from '#domain';
import type { Actor } from '../../auth/actor.js';
import { GetTransferSyncQuery } from '../queries/transfer-queries.js';
import { RunTransferCommand } from './run-transfer.command.js';

/** The HTTP edge of every transfer command: dispatch on the CommandBus and write the answer. */
@Injectable()
export class TransferCommandSender {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  async send(
    transferId: string,
    action: TransferAction,
    command: TransferCommand,
    actor: Actor,
    request: FastifyRequest,
    reply: FastifyReply,
    successStatus = 200,
  ): Promise<void> {
    const { response, outcome } = await this.commandBus.execute(
      new RunTransferCommand(transferId, action, command, {
        actor,
        // Fastify's request id is the correlation id (see http/correlation-id.ts).
        correlationId: request.id,
        causationId: null,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        body: request.body,
        ifMatch: request.headers['if-match'],
        idempotencyKey: request.headers['idempotency-key'],
        successStatus,
      }),
    );
    if (response.etag) void reply.header('etag', response.etag);
    // A replayed create answers with the transfer the first request created, not this request's fresh id.
    const createdId = (response.body as { id?: string } | null)?.id ?? transferId;
    if (successStatus === 201) void reply.header('location', `/api/v1/transfers/${createdId}`);
    if (!outcome) void reply.header('idempotent-replayed', 'true');
    await reply.status(response.statusCode).send(await this.withSync(response.statusCode, response.body));
  }

  /**
   * The transfer as GET /transfers/:id shows it: with its sync state as it is now. The stored
   * (replayable) answer never holds it: sync state is not part of what the command decided.
   */
  private async withSync(statusCode: number, body: unknown): Promise<unknown> {
    const transfer = body as { id?: unknown; version?: unknown } | null;
    if (statusCode >= 300 || typeof transfer?.id !== 'string' || typeof transfer.version !== 'number') return body;
    return { ...transfer, sync: await this.queryBus.execute(new GetTransferSyncQuery(transfer.id)) };
  }
}
