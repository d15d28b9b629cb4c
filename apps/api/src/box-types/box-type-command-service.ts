import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireBoxTypeKeeper, type BoxTypeCommand } from '#domain';
import { BoxTypeAggregate } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { CommandHttp } from '../http/command-http.js';

/** Every box-type command: only a keeper of the catalogue (an admin), then the command's HTTP edge (CommandHttp). */
@Injectable()
export class BoxTypeCommandService {
  constructor(
    private readonly http: CommandHttp,
    private readonly boxTypes: BoxTypeAggregate,
  ) {}

  async send(boxTypeId: string, command: BoxTypeCommand, actor: Actor, request: FastifyRequest, reply: FastifyReply, successStatus = 200): Promise<void> {
    // A caller who may not keep the catalogue hears so before anything about their headers.
    requireBoxTypeKeeper(actor, command.type);
    await this.http.send(this.boxTypes, boxTypeId, command, actor, { request, reply }, {
      status: successStatus,
      ...(successStatus === 201 ? { locationOf: (id: string) => `/api/v1/box-types/${id}` } : {}),
    });
  }
}
