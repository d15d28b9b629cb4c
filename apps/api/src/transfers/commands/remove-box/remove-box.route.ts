import { Controller, Delete, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';

@ApiTags('transfer boxes')
@ApiBearerAuth()
@Controller('transfers/:id/boxes/:boxId')
export class RemoveBoxRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Delete()
  @ApiOperation({
    summary: 'Remove a box from the transfer: what was in it is no longer boxed',
    description: 'A box that is not on the transfer (or no longer is) is 404 BOX_NOT_FOUND.',
  })
  @TransferResponses()
  remove(
    @Param('id', uuidParam('id')) id: string,
    @Param('boxId', uuidParam('boxId')) boxId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'RemoveBox', boxId }, actor, request, reply);
  }
}
