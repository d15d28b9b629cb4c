import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireAccess, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AUDIT_PAGE_MAX_BYTES } from '#persistence';
import { etagOf } from '../http/etag.js';
import { sendJsonPieces } from '../http/json-stream.js';
import { uuidParam } from '../http/uuid-param.pipe.js';
import { TransferCommandService } from './commands/transfer-command-service.js';
import { CreateTransferDto } from './dto/create-transfer.dto.js';
import { AsOfQueryDto, ListTransfersQueryDto, PageQueryDto } from './dto/list-query.dto.js';
import { toCreateCommand } from './dto/to-domain.js';
import { toEventResource } from './event-resource.js';
import { transferListFilter } from './read-filters.js';
import { GetTransferAuditQuery, GetTransferEventsQuery, GetTransferQuery, ListTransfersQuery } from './queries/transfer-queries.js';
import { TransferResponses } from './transfer-responses.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { AuditPageResponse, EventListResponse } from './responses/history.response.js';
import { TransferPageResponse, TransferResponse } from './responses/transfer.response.js';

@ApiTags('transfers')
@ApiBearerAuth()
@Controller('transfers')
export class TransfersController {
  constructor(
    private readonly commands: TransferCommandService,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a transfer, purchase order, supplier return or stocktake' })
  @TransferResponses(true)
  create(@Body() body: CreateTransferDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const command = toCreateCommand(body);
    return this.commands.send(command.transferId, command, actor, request, reply, 201);
  }

  @Get()
  @ApiOperation({ summary: 'List transfers (filters, sort, cursor pagination)' })
  @ApiAnswers({ type: TransferPageResponse, description: 'A page of transfers, each with its sync state' }, [400, 401, 403, 429])
  list(@Query() query: ListTransfersQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(
      new ListTransfersQuery({ ...transferListFilter(query, actor), ...(query.cursor ? { cursor: query.cursor } : {}), limit: query.limit }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'A transfer with its lines and totals; ?asOfVersion=N rebuilds it as it was then' })
  @ApiAnswers({ type: TransferResponse, description: 'The transfer; ETag is its version' }, [400, 401, 403, 404, 429])
  async detail(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: AsOfQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.readable(id, actor);
    const result = query.asOfVersion === undefined ? view : await this.queries.execute(new GetTransferQuery(id, query.asOfVersion));
    // The ETag is the transfer's version (for If-Match); the sync state and the lines' barcodes
    // beside it change on their own, so a cache must ask again every time.
    void reply.header('etag', etagOf(result.version)).header('cache-control', 'private, no-cache');
    return result;
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The transfer's events, oldest first, as stored" })
  @ApiAnswers({ type: EventListResponse, description: "The transfer's events" }, [400, 401, 403, 404, 429])
  async events(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor) {
    await this.readable(id, actor);
    const events = await this.queries.execute(new GetTransferEventsQuery(id));
    return { items: events.map(toEventResource) };
  }

  @Get(':id/audit')
  @ApiOperation({
    summary: "The transfer's audit trail, oldest first: one entry per command, each field it changed with before and after",
    description: 'A page ends at `limit` entries or about 1 MB, whichever is first; go on with `cursor=<nextCursor>`.',
  })
  @ApiAnswers({ type: AuditPageResponse, description: 'A page of audit entries' }, [400, 401, 403, 404, 429])
  async audit(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PageQueryDto,
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
  ) {
    await this.readable(id, actor);
    const page = { limit: query.limit, maxBytes: AUDIT_PAGE_MAX_BYTES, ...(query.cursor ? { cursor: query.cursor } : {}) };
    await sendJsonPieces(reply, await this.queries.execute(new GetTransferAuditQuery(id, page)));
  }

  private async readable(id: string, actor: Actor) {
    requireRole(actor, 'read');
    const view = await this.queries.execute(new GetTransferQuery(id));
    requireAccess(actor, 'read', id, view);
    return view;
  }
}
