import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuditEntry, TransferSummary } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { sendCsv, type CsvColumn } from '../http/csv-stream.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { AuditFiltersQueryDto, ExportTransfersQueryDto } from './dto/list-query.dto.js';
import { ExportAuditQuery, ExportTransfersQuery } from './queries/transfer-queries.js';
import { auditSearch, transferListFilter } from './read-filters.js';

/** The columns of the transfers export; docs/api.md lists them. */
export const TRANSFER_CSV_COLUMNS: readonly CsvColumn<TransferSummary>[] = [
  { header: 'id', cell: (transfer) => transfer.id },
  { header: 'type', cell: (transfer) => transfer.type },
  { header: 'status', cell: (transfer) => transfer.status },
  { header: 'reference', cell: (transfer) => transfer.reference },
  { header: 'sourceOutletId', cell: (transfer) => transfer.sourceOutletId },
  { header: 'destinationOutletId', cell: (transfer) => transfer.destinationOutletId },
  { header: 'supplierId', cell: (transfer) => transfer.supplierId },
  { header: 'version', cell: (transfer) => transfer.version },
  { header: 'createdAt', cell: (transfer) => transfer.createdAt },
  { header: 'updatedAt', cell: (transfer) => transfer.updatedAt },
  { header: 'createdBy', cell: (transfer) => transfer.createdBy },
  { header: 'lineCount', cell: (transfer) => transfer.totals.lineCount },
  { header: 'plannedQuantity', cell: (transfer) => transfer.totals.plannedQuantity },
  { header: 'sentQuantity', cell: (transfer) => transfer.totals.sentQuantity },
  { header: 'receivedQuantity', cell: (transfer) => transfer.totals.receivedQuantity },
  { header: 'varianceQuantity', cell: (transfer) => transfer.totals.varianceQuantity },
  { header: 'totalCost', cell: (transfer) => transfer.totals.totalCost },
  { header: 'varianceValue', cell: (transfer) => transfer.totals.varianceValue },
  { header: 'notes', cell: (transfer) => transfer.notes },
];

/** The columns of the audit export; docs/api.md lists them. */
export const AUDIT_CSV_COLUMNS: readonly CsvColumn<AuditEntry>[] = [
  { header: 'occurredAt', cell: (entry) => entry.occurredAt },
  { header: 'transferId', cell: (entry) => entry.transferId },
  { header: 'fromVersion', cell: (entry) => entry.fromVersion },
  { header: 'toVersion', cell: (entry) => entry.toVersion },
  { header: 'command', cell: (entry) => entry.command },
  { header: 'actorId', cell: (entry) => entry.actor.id },
  { header: 'actorName', cell: (entry) => entry.actor.name },
  { header: 'actorRoles', cell: (entry) => entry.actor.roles.join(' ') },
  { header: 'eventTypes', cell: (entry) => entry.eventTypes.join(' ') },
  { header: 'changes', cell: (entry) => JSON.stringify(entry.changes) },
  { header: 'correlationId', cell: (entry) => entry.correlationId },
  { header: 'causationId', cell: (entry) => entry.causationId },
];

const CSV_SUCCESS = { content: { 'text/csv': { type: 'string' as const, description: 'UTF-8; columns as docs/api.md lists them' } } };

/** The transfers list and the audit search as CSV files of every match, streamed as they are read. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('transfers')
  @ApiOperation({ summary: 'Every transfer GET /transfers would list with these filters, as CSV (no paging)' })
  @ApiAnswers({ ...CSV_SUCCESS, description: 'A CSV attachment: a header row, then one row per transfer' }, [400, 401, 403, 429])
  async transfers(@Query() query: ExportTransfersQueryDto, @CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const filter = transferListFilter(query, actor);
    await sendCsv(reply, 'transfers', TRANSFER_CSV_COLUMNS, await this.queries.execute(new ExportTransfersQuery(filter)));
  }

  @Get('audit')
  @ApiOperation({ summary: 'Every audit entry GET /audit would find with these filters, oldest first, as CSV (no paging)' })
  @ApiAnswers({ ...CSV_SUCCESS, description: 'A CSV attachment: a header row, then one row per audit entry' }, [400, 401, 403, 429])
  async audit(@Query() query: AuditFiltersQueryDto, @CurrentActor() actor: Actor, @Res() reply: FastifyReply) {
    const search = auditSearch(query, actor);
    await sendCsv(reply, 'audit', AUDIT_CSV_COLUMNS, await this.queries.execute(new ExportAuditQuery(search)));
  }
}
