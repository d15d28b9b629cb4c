import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.js';
import { CurrentActor } from '../../../auth/current-actor.decorator.js';
import { uuidParam } from '../../../http/uuid-param.pipe.js';
import { TransferResponses } from '../../transfer-responses.decorator.js';
import { TransferCommandService } from '../transfer-command-service.js';
import { AddTransferNoteDto } from './add-transfer-note.dto.js';

@ApiTags('transfer notes')
@ApiBearerAuth()
@Controller('transfers/:id/notes')
export class AddTransferNoteRoute {
  constructor(private readonly commands: TransferCommandService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a note to a transfer, in any status (staff of either outlet, managers, admins)',
    description: 'The note moves no status and is not synced to Lightspeed; the transfer lists it in addedNotes.',
  })
  @TransferResponses(true)
  add(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddTransferNoteDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'AddTransferNote', text: body.text }, actor, request, reply, 201);
  }
}
