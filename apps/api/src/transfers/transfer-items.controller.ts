import { Body, Controller, Delete, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { canonicalIdParam } from '../http/canonical-id.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { TransferCommandService } from './commands/transfer-command-service.js';
import { CountDto, ItemDto, PackedQuantityDto, QuantityDto } from './dto/item.dto.js';
import { toCountCommand, toItemInput } from './dto/to-domain.js';
import { TransferResponses } from './transfer-responses.decorator.js';

@ApiTags('transfer lines')
@ApiBearerAuth()
@Controller('transfers/:id/items')
export class TransferItemsController {
  constructor(private readonly commands: TransferCommandService) {}

  @Post()
  @ApiOperation({ summary: 'Add a line' })
  @TransferResponses()
  add(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ItemDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'AddItem', item: toItemInput(body) }, actor, request, reply);
  }

  @Patch(':productId')
  @ApiOperation({ summary: "Change a line's planned quantity" })
  @TransferResponses()
  changeQuantity(
    @Param('id', uuidParam('id')) id: string,
    @Param('productId', canonicalIdParam) productId: string,
    @Body() body: QuantityDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const command = { type: 'ChangeItemQuantity', productId, quantity: body.quantity } as const;
    return this.commands.send(id, command, actor, request, reply);
  }

  @Delete(':productId')
  @ApiOperation({ summary: 'Remove a line' })
  @TransferResponses()
  remove(
    @Param('id', uuidParam('id')) id: string,
    @Param('productId', canonicalIdParam) productId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'RemoveItem', productId }, actor, request, reply);
  }

  @Put(':productId/packed')
  @ApiOperation({ summary: 'Record the packed quantity of a line (the first one starts packing)' })
  @TransferResponses()
  recordPacked(
    @Param('id', uuidParam('id')) id: string,
    @Param('productId', canonicalIdParam) productId: string,
    @Body() body: PackedQuantityDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const command = {
      type: 'RecordPackedQuantity',
      productId,
      packedQuantity: body.packedQuantity,
      confirmOverPack: body.confirmOverPack ?? false,
    } as const;
    return this.commands.send(id, command, actor, request, reply);
  }

  @Put(':productId/counted')
  @ApiOperation({ summary: "Record a stocktake line's counted quantity (a product not expected gets a line)" })
  @TransferResponses()
  recordCount(
    @Param('id', uuidParam('id')) id: string,
    @Param('productId', canonicalIdParam) productId: string,
    @Body() body: CountDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, toCountCommand(productId, body), actor, request, reply);
  }
}
