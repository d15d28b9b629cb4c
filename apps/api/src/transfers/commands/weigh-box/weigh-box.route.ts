import { Body, Controller, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';
import { WeighBoxDto } from './weigh-box.dto.js';

@ApiTags('transfer boxes')
@ApiBearerAuth()
@Controller('transfers/:id/boxes/:boxId/weight')
export class WeighBoxRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Put()
  @ApiOperation({
    summary: 'Record the weight a scale measured for a box; it replaces the computed weight and any earlier measure',
    description: 'Above the box type’s maxWeightG is 422 BOX_TOO_HEAVY, naming the maximum.',
  })
  @TransferResponses()
  weigh(
    @Param('id', uuidParam('id')) id: string,
    @Param('boxId', uuidParam('boxId')) boxId: string,
    @Body() body: WeighBoxDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'WeighBox', boxId, weightG: body.weightG }, actor, request, reply);
  }
}
