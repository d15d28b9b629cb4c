import { Controller, ForbiddenException, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { outletScope } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { canonicalIdParam } from '../http/canonical-id.js';
import { AuditSearchQueryDto, EventFeedQueryDto } from './dto/list-query.dto.js';
import { toEventResource } from './event-resource.js';
import { GetStockInTransitQuery, ReadEventFeedQuery, SearchAuditQuery } from './queries/transfer-queries.js';
import { requireRead } from './transfers.controller.js';

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
  async feed(@Query() query: EventFeedQueryDto, @CurrentActor() actor: Actor) {
    requireRead(actor);
    if (outletScope(actor)) throw new ForbiddenException('The global event feed spans every outlet');
    const { events, nextAfter } = await this.queries.execute(new ReadEventFeedQuery(query.after, query.limit));
    return { items: events.map(toEventResource), nextAfter };
  }

  @Get('audit')
  @ApiOperation({ summary: 'Audit entries across transfers by actor and time range, oldest first' })
  search(@Query() query: AuditSearchQueryDto, @CurrentActor() actor: Actor) {
    requireRead(actor);
    const scope = outletScope(actor);
    return this.queries.execute(
      new SearchAuditQuery({
        ...(query.actor ? { actorId: query.actor } : {}),
        ...(query.from ? { from: new Date(query.from) } : {}),
        ...(query.to ? { to: new Date(query.to) } : {}),
        ...(scope ? { visibleToOutlets: scope } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
        limit: query.limit,
      }),
    );
  }

  @Get('outlets/:outletId/stock-in-transit')
  @ApiOperation({ summary: 'What has been sent to the outlet and not yet received, by product' })
  async stockInTransit(@Param('outletId', canonicalIdParam) outletId: string, @CurrentActor() actor: Actor) {
    requireRead(actor);
    const scope = outletScope(actor);
    if (scope && !scope.includes(outletId)) throw new ForbiddenException(`Outlet ${outletId} is not one of yours`);
    return { outletId, items: await this.queries.execute(new GetStockInTransitQuery(outletId)) };
  }
}
