import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { requireAccess, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { GetTransferQuery } from '../transfers/queries/transfer-queries.js';
import { BoxLabelsService } from './box-labels.service.js';

@ApiTags('freight')
@ApiBearerAuth()
@Controller('transfers')
export class BoxLabelsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly boxLabels: BoxLabelsService,
  ) {}

  @Get(':id/boxes/labels')
  @ApiOperation({
    summary: 'Our own label for each box, as a PDF: one 4 × 6 inch page per box with its code (Code 128), number, route, weight and contents',
    description: 'The code is the box label the packer scanned, else BX- and the start of the box’s id. The weight is the measured one, else the contents’ and the box’s own when every product has a weight.',
  })
  @ApiAnswers(
    { description: 'The labels', content: { 'application/pdf': { type: 'string', format: 'binary' } } },
    { 400: 'The id is not a UUID', 401: 'No valid bearer token or session cookie', 403: 'You may not read this transfer', 404: 'No such transfer (TRANSFER_NOT_FOUND)', 422: 'The transfer has no boxes (NOTHING_BOXED)', 429: 'Too many requests (RATE_LIMITED)' },
  )
  async labels(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<void> {
    requireRole(actor, 'read');
    const transfer = await this.queries.execute(new GetTransferQuery(id));
    requireAccess(actor, 'read', id, transfer);
    const pdf = await this.boxLabels.labels(transfer);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="boxes-${id}.pdf"`)
      .header('cache-control', 'private, no-cache')
      .send(pdf);
  }
}
