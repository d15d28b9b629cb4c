import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { BoxItemsDto } from '../put-in-box/box-items.dto.js';
import { TransferCommandService } from '../transfer-command-service.js';

@ApiTags('transfer boxes')
@ApiBearerAuth()
@Controller('transfers/:id/boxes/:boxId/items/take-out')
export class TakeOutOfBoxRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Post()
  @ApiOperation({
    summary: 'Take units of a product out of a box: they are no longer boxed',
    description: 'Taking out more than the box holds of the product is 422 NOT_ENOUGH_IN_BOX.',
  })
  @TransferResponses()
  takeOut(
    @Param('id', uuidParam('id')) id: string,
    @Param('boxId', uuidParam('boxId')) boxId: string,
    @Body() body: BoxItemsDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'TakeOutOfBox', boxId, productId: body.productId, quantity: body.quantity }, actor, request, reply);
  }
}
