import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';
import { BoxItemsDto } from './box-items.dto.js';

@ApiTags('transfer boxes')
@ApiBearerAuth()
@Controller('transfers/:id/boxes/:boxId/items')
export class PutInBoxRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Post()
  @ApiOperation({
    summary: 'Put units of a product of the transfer into a box (adding to what it holds)',
    description:
      'All boxes together may hold at most what ships of the line: its packed quantity once an outlet transfer is being packed, its planned quantity before that and on a supplier return (422 BOXED_QUANTITY_EXCEEDED). ' +
      'A product that is no line of the transfer is 404 ITEM_NOT_FOUND; a box that is not on it, 404 BOX_NOT_FOUND.',
  })
  @TransferResponses()
  put(
    @Param('id', uuidParam('id')) id: string,
    @Param('boxId', uuidParam('boxId')) boxId: string,
    @Body() body: BoxItemsDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'PutInBox', boxId, productId: body.productId, quantity: body.quantity }, actor, request, reply);
  }
}
