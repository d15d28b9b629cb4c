import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { requireAccess, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { GetTransferQuery } from '../transfers/queries/transfer-queries.js';
import { FreightQuoteResponse } from './freight-quote.response.js';
import { FreightQuoteService } from './freight-quote.service.js';

@ApiTags('freight')
@ApiBearerAuth()
@Controller('transfers')
export class FreightQuotesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly quotes: FreightQuoteService,
  ) {}

  @Get(':id/freight-quotes')
  @ApiOperation({
    summary: 'Carrier prices for the transfer’s boxes, from the source outlet’s shipping address to the destination’s',
    description:
      'The parcels are the suggested packing’s. A quote is kept for FREIGHT_QUOTE_TTL_SECONDS and reused for the same origin, destination and parcels (`cached: true`), so looking again costs no carrier call.',
  })
  @ApiAnswers(
    { type: FreightQuoteResponse, description: 'The services and their prices' },
    {
      401: 'No valid bearer token or session cookie',
      403: 'You may not read this transfer',
      404: 'No such transfer (TRANSFER_NOT_FOUND)',
      422: 'A purchase order or stocktake (NOT_SHIPPED_BY_US); lines without dimensions or that no box type takes (PARCELS_UNKNOWN); no units (NOTHING_TO_SHIP); an outlet or supplier without a shipping address (SHIPPING_ADDRESS_MISSING); Starshipit refused the request (CARRIER_REFUSED)',
      429: 'Too many requests (RATE_LIMITED)',
      502: 'Starshipit refused our credentials (CARRIER_AUTH_FAILED)',
      503: 'Freight is not set up (FREIGHT_NOT_CONFIGURED), or Starshipit is busy or down (CARRIER_UNAVAILABLE)',
    },
  )
  async quote(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    const transfer = await this.queries.execute(new GetTransferQuery(id));
    requireAccess(actor, 'read', id, transfer);
    return this.quotes.quote(transfer);
  }
}
