import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { TransferCommandService } from './commands/transfer-command-service.js';
import { CorrectionDto, ReceiveDto, type ReceiptLineDto } from './dto/receive.dto.js';
import { TransferResponses } from './transfer-responses.decorator.js';

const toLines = (lines: ReceiptLineDto[]) =>
  lines.map((line) => ({ productId: line.productId, receivedQuantity: line.receivedQuantity, reason: line.reason ?? null, note: line.note ?? null }));

@ApiTags('transfer receipts')
@ApiBearerAuth()
@Controller('transfers/:id')
export class TransferReceiptsController {
  constructor(private readonly commands: TransferCommandService) {}

  @Post('receive')
  @ApiOperation({
    summary: 'Record a delivery (quantities counted in it add to earlier receipts); final: true closes the transfer',
    description:
      'The body names the delivery with a client-chosen receiptId: the same delivery sent again is counted once and answered as it was first (Idempotent-Replayed: true).',
  })
  @TransferResponses()
  receive(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReceiveDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const command = {
      type: 'ReceiveTransfer',
      receiptId: body.receiptId,
      final: body.final,
      confirmOverReceipt: body.confirmOverReceipt ?? false,
      lines: toLines(body.lines),
      ...(body.evidence ? { evidence: body.evidence.map((item) => ({ evidenceId: item.evidenceId, productId: item.productId ?? null })) } : {}),
    } as const;
    return this.commands.send(id, command, actor, request, reply);
  }

  @Post('corrections')
  @ApiOperation({ summary: "Correct a received transfer's line totals, with a reason (manager only)" })
  @TransferResponses()
  correct(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CorrectionDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const command = {
      type: 'CorrectReceipt',
      correctionId: body.correctionId,
      reason: body.reason,
      confirmOverReceipt: body.confirmOverReceipt ?? false,
      lines: toLines(body.lines),
    } as const;
    return this.commands.send(id, command, actor, request, reply);
  }
}
