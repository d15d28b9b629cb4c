import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actionOf, requireRole, type TransferCommand } from '#domain';
import { TransferAggregate } from '#persistence';
import type { Actor } from '../../auth/actor.js';
import { CommandHttp } from '../../http/command-http.js';

/** Every transfer command: the caller's role for the action, then the command's HTTP edge (CommandHttp). */
@Injectable()
export class TransferCommandService {
  constructor(
    private readonly http: CommandHttp,
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
    await this.http.send(this.transfers, transferId, command, actor, { request, reply }, {
      status: successStatus,
      ...(successStatus === 201 ? { locationOf: (id: string) => `/api/v1/transfers/${id}` } : {}),
    });
  }
}
