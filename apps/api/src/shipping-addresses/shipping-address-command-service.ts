import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireShippingAddressKeeper, shippingAddressKey, type ShippingAddressCommand } from '#domain';
import { ShippingAddressAggregate } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { CommandHttp } from '../http/command-http.js';

/** Every shipping-address command: only a keeper (an admin), then the command's HTTP edge (CommandHttp). */
@Injectable()
export class ShippingAddressCommandService {
  constructor(
    private readonly http: CommandHttp,
    private readonly addresses: ShippingAddressAggregate,
  ) {}

  async send(command: ShippingAddressCommand, actor: Actor, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // A caller who may not keep addresses hears so before anything about their headers.
    requireShippingAddressKeeper(actor, command.type);
    await this.http.send(this.addresses, shippingAddressKey(command.party), command, actor, { request, reply }, { status: 200 });
  }
}
