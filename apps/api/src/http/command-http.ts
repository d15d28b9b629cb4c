import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainEvent } from '#domain';
import { CommandPipeline, type Aggregate } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { etagOf, parseIfMatch } from './etag.js';
import { idempotencyRequest } from './idempotency-key.js';

export interface CommandAnswer {
  /** The route's status on success: 200, or 201 for a create. */
  status: number;
  /** A create's Location, from the id of the aggregate it answers with. */
  locationOf?: (id: string) => string;
}

/**
 * The HTTP edge of a command on any aggregate: the request's preconditions (If-Match,
 * Idempotency-Key), the command pipeline (one transaction), then the answer as HTTP — the route's
 * status, the version as ETag, Location for a create, Idempotent-Replayed for an answer given
 * before. Whether the caller's role may act at all is checked before, by the aggregate's service.
 */
@Injectable()
export class CommandHttp {
  constructor(private readonly pipeline: CommandPipeline) {}

  async send<State, Command extends { type: string }, Event extends DomainEvent, Context, Facts, View, Answer>(
    aggregate: Aggregate<State, Command, Event, Context, Facts, View, Answer>,
    id: string,
    command: Command,
    actor: Actor,
    http: { request: FastifyRequest; reply: FastifyReply },
    answer: CommandAnswer,
  ): Promise<void> {
    const { request, reply } = http;
    const expectedVersion = parseIfMatch(request.headers['if-match']);
    const path = request.url.split('?')[0] ?? request.url;
    const idempotency = idempotencyRequest(request.headers['idempotency-key'], actor.id, request.method, path, request.body);
    const result = await this.pipeline.handle(aggregate, id, command, {
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
      if (answer.locationOf) void reply.header('location', answer.locationOf((body as { id?: string } | null)?.id ?? result.id));
      await reply.status(statusCode).send(body);
      return;
    }
    void reply.header('etag', etagOf(result.version));
    // A replayed create answers with the aggregate the first request created, not this request's fresh id.
    if (answer.locationOf) void reply.header('location', answer.locationOf(result.id));
    await reply.status(answer.status).send(result.view);
  }
}
