import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { requireAccess, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { GetTransferQuery } from '../transfers/queries/transfer-queries.js';
import { PackingSuggestionQueryDto } from './dto/packing-suggestion-query.dto.js';
import { PackingSuggestionResponse } from './packing-suggestion.response.js';
import { PackingSuggestionService } from './packing-suggestion.service.js';

@ApiTags('freight')
@ApiBearerAuth()
@Controller('transfers')
export class PackingSuggestionController {
  constructor(
    private readonly queries: QueryBus,
    private readonly packing: PackingSuggestionService,
  ) {}

  @Get(':id/packing-suggestion')
  @ApiOperation({
    summary: 'Boxes the transfer’s goods could be packed in, and what goes in each (3D, turned as needed, within each box’s weight limit)',
    description:
      'Outlet transfers and supplier returns only. Lines whose product has no dimensions are listed in missingDimensions and left out; lines no box type can take are listed in unpackable.',
  })
  @ApiAnswers(
    { type: PackingSuggestionResponse, description: 'The suggestion, made from the transfer as it is now' },
    {
      400: 'boxTypeIds is not a list of up to 50 ids',
      401: 'No valid bearer token or session cookie',
      403: 'You may not read this transfer',
      404: 'No such transfer (TRANSFER_NOT_FOUND)',
      422: 'A purchase order or stocktake (NOT_SHIPPED_BY_US), or a box type not on offer (BOX_TYPE_NOT_OFFERED)',
      429: 'Too many requests (RATE_LIMITED)',
    },
  )
  async suggest(@Param('id', uuidParam('id')) id: string, @Query() query: PackingSuggestionQueryDto, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    const transfer = await this.queries.execute(new GetTransferQuery(id));
    requireAccess(actor, 'read', id, transfer);
    return this.packing.suggest(transfer, query.boxTypeIds);
  }
}
