import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { TransferCommandService } from './commands/transfer-command-service.js';
import { ReasonDto } from './dto/reason.dto.js';
import { TransferResponses } from './transfer-responses.decorator.js';

@ApiTags('transfer workflow')
@ApiBearerAuth()
@Controller('transfers/:id')
export class TransferWorkflowController {
  constructor(private readonly commands: TransferCommandService) {}

  @Post('pack')
  @ApiOperation({ summary: 'Mark an outlet transfer packed' })
  @TransferResponses()
  pack(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'MarkPacked' }, actor, request, reply);
  }

  @Post('submit')
  @ApiOperation({ summary: 'Submit a purchase order or supplier return for approval, or a stocktake for review' })
  @TransferResponses()
  submit(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'SubmitTransfer' }, actor, request, reply);
  }

  @Post('approve')
  @ApiOperation({ summary: "Approve (manager only; not the submitter's own)" })
  @TransferResponses()
  approve(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'ApproveTransfer' }, actor, request, reply);
  }

  @Post('reject')
  @ApiOperation({ summary: 'Reject with a reason (manager only): back to OPEN, or a stocktake back to counting' })
  @TransferResponses()
  reject(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'RejectTransfer', reason: body.reason }, actor, request, reply);
  }

  @Post('send')
  @ApiOperation({ summary: 'Send: the goods leave (sent quantities are the packed ones for outlet transfers)' })
  @TransferResponses()
  send(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'SendTransfer' }, actor, request, reply);
  }

  @Post('complete')
  @ApiOperation({ summary: 'Complete a stocktake whose variance is within the review threshold' })
  @TransferResponses()
  complete(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.send(id, { type: 'CompleteStocktake' }, actor, request, reply);
  }

  @Post('cancel')
  @ApiOperation({ summary: 'Cancel with a reason' })
  @TransferResponses()
  cancel(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReasonDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commands.send(id, { type: 'CancelTransfer', reason: body.reason }, actor, request, reply);
  }
}
