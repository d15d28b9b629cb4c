import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, mayReadTransfer } from '#domain';
import { requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { TransferEvidenceListResponse } from './responses/transfer-evidence.response.js';
import { GetTransferEvidenceQuery, GetTransferQuery } from './queries/transfer-queries.js';

@ApiTags('transfer receipts')
@ApiBearerAuth()
@Controller('transfers/:id/evidence')
export class TransferEvidenceController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "The photos and signatures of the transfer's receipts: kind, SHA-256, product, receipt and where to download each",
    description: 'Shown to whoever may read the transfer; to anyone else the transfer does not exist (404).',
  })
  @ApiAnswers({ type: TransferEvidenceListResponse, description: "The transfer's evidence, receipt by receipt" }, { 400: 'The id is not a UUID', 401: 'No valid bearer token or session cookie', 403: 'Your roles do not allow it', 404: 'No such transfer, or one the reader may not read (TRANSFER_NOT_FOUND)', 429: 'Too many requests (RATE_LIMITED)' })
  async list(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<TransferEvidenceListResponse> {
    requireRole(actor, 'read');
    const transfer = await this.queries.execute(new GetTransferQuery(id));
    // Evidence is private to a transfer's readers: to anyone else it answers as if the transfer were not there.
    if (!mayReadTransfer(actor, transfer)) throw new DomainError('TRANSFER_NOT_FOUND', `Transfer ${id} does not exist`, { transferId: id });
    const items = await this.queries.execute(new GetTransferEvidenceQuery(id));
    return { items: items.map((item) => ({ ...item, href: `/api/v1/evidence/${item.evidenceId}` })) };
  }
}
