import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireProductDimensionsKeeper, type ProductDimensionsCommand } from '#domain';
import { ProductDimensionsAggregate } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { CommandHttp } from '../http/command-http.js';

/** Every product-dimensions command: only a keeper (a manager or an admin), then the command's HTTP edge (CommandHttp). */
@Injectable()
export class ProductDimensionsCommandService {
  constructor(
    private readonly http: CommandHttp,
    private readonly dimensions: ProductDimensionsAggregate,
  ) {}

  async send(productId: string, command: ProductDimensionsCommand, actor: Actor, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // A caller who may not keep dimensions hears so before anything about their headers.
    requireProductDimensionsKeeper(actor, command.type);
    await this.http.send(this.dimensions, productId, command, actor, { request, reply }, { status: 200 });
  }
}
