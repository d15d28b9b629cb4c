import { Controller, ForbiddenException, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AUDIT_PAGE_MAX_BYTES } from '#persistence';
import { readScope, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { canonicalIdParam } from '../http/canonical-id.js';
import { sendJsonPieces } from '../http/json-stream.js';
import { AuditSearchQueryDto, EventFeedQueryDto } from './dto/list-query.dto.js';
import { toEventResource } from './event-resource.js';
import { auditSearch } from './read-filters.js';
import { GetStockInTransitQuery, ReadEventFeedQuery, SearchAuditQuery } from './queries/transfer-queries.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { AuditPageResponse, EventFeedResponse, OutletStockInTransitResponse } from './responses/history.response.js';

/** Cross-transfer reads: the global event feed, the audit search and stock in transit. */
@ApiTags('history')
@ApiBearerAuth()
@Controller()
export class HistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @ApiOperation({
    summary: 'Every event in commit order, gap-safe: page with after=<nextAfter>',
    description: 'Never skips an event that commits late with a lower position. Not for outlet-bound (staff) tokens.',
  })
  @ApiAnswers({ type: EventFeedResponse, description: 'A page of events in commit order' }, [400, 401, 403, 429])
  async feed(@Query() query: EventFeedQueryDto, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    if (readScope(actor)) throw new ForbiddenException('The global event feed spans every outlet');
    const { events, nextAfter } = await this.queries.execute(new ReadEventFeedQuery(query.after, query.limit));
    return { items: events.map(toEventResource), nextAfter };
  }

  @Get('audit')
  @ApiOperation({
    summary: 'Audit entries across transfers by actor, time range, command and outlet, oldest first',
    description: 'A page ends at `limit` entries or about 1 MB, whichever is first; go on with `cursor=<nextCursor>`.',
  })
  @ApiAnswers({ type: AuditPageResponse, description: 'A page of audit entries' }, [400, 401, 403, 429])
  async search(@Query() query: AuditSearchQueryDto, @CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const search = auditSearch(query, actor);
    const page = { limit: query.limit, maxBytes: AUDIT_PAGE_MAX_BYTES, ...(query.cursor ? { cursor: query.cursor } : {}) };
    await sendJsonPieces(reply, await this.queries.execute(new SearchAuditQuery(search, page)));
  }

  @Get('outlets/:outletId/stock-in-transit')
  @ApiOperation({ summary: 'What has been sent to the outlet and not yet received, by product' })
  @ApiAnswers({ type: OutletStockInTransitResponse, description: 'Stock in transit to the outlet, by product' }, [400, 401, 403, 429])
  async stockInTransit(@Param('outletId', canonicalIdParam) outletId: string, @CurrentActor() actor: Actor) {
    requireRole(actor, 'read');
    const scope = readScope(actor);
    if (scope && !scope.includes(outletId)) throw new ForbiddenException(`Outlet ${outletId} is not one of yours`);
    return { outletId, items: await this.queries.execute(new GetStockInTransitQuery(outletId)) };
  }
}
