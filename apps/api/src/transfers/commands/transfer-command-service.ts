import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actionOf, requireRole, type TransferCommand } from '#domain';
import { CommandPipeline, TransferAggregate } from '#persistence';
import type { Actor } from '../../auth/actor.js';
import { etagOf, parseIfMatch } from '../../http/etag.js';
import { idempotencyRequest } from '../../http/idempotency-key.js';

/**
 * The HTTP edge of every transfer command: the caller's role, then the request's preconditions, then
 * the command pipeline (one transaction), then the answer as HTTP — the route's status, the version
 * as ETag, Location for a create, Idempotent-Replayed for an answer given before.
 */
@Injectable()
export class TransferCommandService {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
  ) {}

  async send(
    transferId: string,
    command: TransferCommand,
    actor: Actor,
    request: FastifyRequest,
    reply: FastifyReply,
    successStatus = 200,
  ): Promise<void> {
    // A caller who may not take the action at all hears so before anything about their headers.
    requireRole(actor, actionOf(command));
    const expectedVersion = parseIfMatch(request.headers['if-match']);
    const path = request.url.split('?')[0] ?? request.url;
    const idempotency = idempotencyRequest(request.headers['idempotency-key'], actor.id, request.method, path, request.body);
    const result = await this.pipeline.handle(this.transfers, transferId, command, {
      actor,
      // Fastify's request id is the correlation id (see http/correlation-id.ts).
      correlationId: request.id,
      causationId: null,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(idempotency ? { idempotency: { key: idempotency.key, requestHash: idempotency.requestHash } } : {}),
    });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    if (result.stored) {
      // Kept whole before answers were kept by version: sent as it was first.
      const { statusCode, etag, body } = result.stored;
      if (etag) void reply.header('etag', etag);
      if (successStatus === 201) void reply.header('location', `/api/v1/transfers/${(body as { id?: string } | null)?.id ?? result.id}`);
      await reply.status(statusCode).send(body);
      return;
    }
    void reply.header('etag', etagOf(result.version));
    // A replayed create answers with the transfer the first request created, not this request's fresh id.
    if (successStatus === 201) void reply.header('location', `/api/v1/transfers/${result.id}`);
    await reply.status(successStatus).send(result.view);
  }
}
