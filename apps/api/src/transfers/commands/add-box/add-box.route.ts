import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, requireRole, specOf } from '#domain';
import { Database, findBoxType } from '#persistence';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';
import { AddBoxDto } from './add-box.dto.js';

@ApiTags('transfer boxes')
@ApiBearerAuth()
@Controller('transfers/:id/boxes')
export class AddBoxRoute {
  constructor(
    private readonly commands: TransferCommandService,
    private readonly database: Database,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Add a box to an outlet transfer or supplier return before it is sent (the sending side: its staff, managers, admins)',
    description:
      'The box type is read from the catalogue (404 BOX_TYPE_NOT_FOUND, 422 BOX_TYPE_RETIRED) and the box keeps a copy of it. ' +
      'The same boxId sent again with the same box type and label is already done; otherwise 409 BOX_ID_CONFLICT. ' +
      'A label already on another box is 409 DUPLICATE_BOX_LABEL; a transfer already sent, 409 BOXES_FROZEN; a purchase order or stocktake, 422 BOXES_NOT_SHIPPED.',
  })
  @TransferResponses(true)
  async add(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddBoxDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    // A caller who may not pack boxes at all hears so before anything about the box type.
    requireRole(actor, 'packBoxes');
    const boxType = await this.database.withClient((client) => findBoxType(client, body.boxTypeId));
    if (!boxType) throw new DomainError('BOX_TYPE_NOT_FOUND', `No box type ${body.boxTypeId}`, { boxTypeId: body.boxTypeId });
    if (boxType.retired) {
      throw new DomainError('BOX_TYPE_RETIRED', `Box type ${boxType.name} is retired: it is offered for no new box`, { boxTypeId: boxType.id });
    }
    const command = { type: 'AddBox' as const, boxId: body.boxId, boxType: { id: boxType.id, ...specOf(boxType) }, ...(body.label === undefined ? {} : { label: body.label }) };
    return this.commands.send(id, command, actor, request, reply, 201);
  }
}
