import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '#domain';
import {
  allTransfers,
  barcodesOfProducts,
  checkpointAt,
  Database,
  findTransferView,
  listTransfers,
  loadTransfer,
  readAll,
  readStream,
  searchAuditEntries,
  searchAuditPage,
  stockInTransitTo,
  syncSummaries,
  toTransferView,
  transferAuditPage,
  transferEvidence,
  transferStreamId,
  withLineBarcodes,
  type SqlClient,
  type TransferView,
} from '#persistence';
import { RequestValidationError } from '../../http/request-validation.error.js';
import {
  ExportAuditQuery,
  ExportTransfersQuery,
  GetStockInTransitQuery,
  GetTransferAuditQuery,
  GetTransferEventsQuery,
  GetTransferEvidenceQuery,
  GetTransferQuery,
  GetTransferSyncQuery,
  ListTransfersQuery,
  ReadEventFeedQuery,
  SearchAuditQuery,
} from './transfer-queries.js';

const notFound = (transferId: string) =>
  new DomainError('TRANSFER_NOT_FOUND', `Transfer ${transferId} does not exist`, { transferId });

@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery> {
  constructor(private readonly database: Database) {}
  execute({ filter }: ListTransfersQuery) {
    return this.database.withClient(async (client) => {
      const page = await listTransfers(client, filter);
      const sync = await syncSummaries(client, page.items.map((item) => item.id));
      return { ...page, items: page.items.map((item) => ({ ...item, sync: sync.get(item.id) ?? null })) };
    });
  }
}

/**
 * The read model with its sync state beside it, or with asOfVersion the transfer rebuilt from its
 * first N events. The sync state is joined here, not projected: the read model stays a function of
 * the events alone.
 */
@QueryHandler(GetTransferQuery)
export class GetTransferHandler implements IQueryHandler<GetTransferQuery> {
  constructor(private readonly database: Database) {}
  execute({ transferId, asOfVersion }: GetTransferQuery) {
    return this.database.withClient(async (client) => {
      if (asOfVersion === undefined) {
        const view = await findTransferView(client, transferId);
        if (!view) throw notFound(transferId);
        const sync = await syncSummaries(client, [transferId]);
        return { ...(await scannable(client, view)), sync: sync.get(transferId) ?? null };
      }
      const { state } = await loadTransfer(client, transferId, asOfVersion);
      if (!state) throw notFound(transferId);
      if (state.version < asOfVersion) {
        throw new RequestValidationError([
          { field: 'asOfVersion', messages: [`the transfer's latest version is ${state.version}`] },
        ]);
      }
      // The sync state of a past version is not kept.
      return { ...(await scannable(client, toTransferView(state))), sync: null };
    });
  }
}

/** Its lines with the codes their products have in the catalogue now (a past version's lines too). */
async function scannable(client: SqlClient, view: TransferView) {
  return withLineBarcodes(view, await barcodesOfProducts(client, view.lines.map((line) => line.productId)));
}

@QueryHandler(GetTransferSyncQuery)
export class GetTransferSyncHandler implements IQueryHandler<GetTransferSyncQuery> {
  constructor(private readonly database: Database) {}
  async execute({ transferId }: GetTransferSyncQuery) {
    const sync = await this.database.withClient((client) => syncSummaries(client, [transferId]));
    return sync.get(transferId) ?? null;
  }
}

@QueryHandler(GetTransferEventsQuery)
export class GetTransferEventsHandler implements IQueryHandler<GetTransferEventsQuery> {
  constructor(private readonly database: Database) {}
  async execute({ transferId }: GetTransferEventsQuery) {
    const events = await this.database.withClient((client) => readStream(client, transferStreamId(transferId)));
    if (events.length === 0) throw notFound(transferId);
    return events;
  }
}

@QueryHandler(ReadEventFeedQuery)
export class ReadEventFeedHandler implements IQueryHandler<ReadEventFeedQuery> {
  constructor(private readonly database: Database) {}
  execute({ after, limit }: ReadEventFeedQuery) {
    return this.database.withClient(async (client) => {
      const checkpoint = await checkpointAt(client, after);
      if (!checkpoint) {
        throw new RequestValidationError([{ field: 'after', messages: [`no event has position ${after}`] }]);
      }
      const { events } = await readAll(client, checkpoint, limit);
      return { events, nextAfter: events.at(-1)?.globalPosition ?? after };
    });
  }
}

@QueryHandler(GetTransferAuditQuery)
export class GetTransferAuditHandler implements IQueryHandler<GetTransferAuditQuery> {
  constructor(private readonly database: Database) {}
  async execute({ transferId, page }: GetTransferAuditQuery) {
    return transferAuditPage(this.database, transferId, page);
  }
}

@QueryHandler(SearchAuditQuery)
export class SearchAuditHandler implements IQueryHandler<SearchAuditQuery> {
  constructor(private readonly database: Database) {}
  async execute({ search, page }: SearchAuditQuery) {
    return searchAuditPage(this.database, search, page);
  }
}

@QueryHandler(ExportTransfersQuery)
export class ExportTransfersHandler implements IQueryHandler<ExportTransfersQuery> {
  constructor(private readonly database: Database) {}
  async execute({ filter }: ExportTransfersQuery) {
    return allTransfers(this.database, filter);
  }
}

@QueryHandler(ExportAuditQuery)
export class ExportAuditHandler implements IQueryHandler<ExportAuditQuery> {
  constructor(private readonly database: Database) {}
  async execute({ search }: ExportAuditQuery) {
    return searchAuditEntries(this.database, search);
  }
}

@QueryHandler(GetStockInTransitQuery)
export class GetStockInTransitHandler implements IQueryHandler<GetStockInTransitQuery> {
  constructor(private readonly database: Database) {}
  execute({ outletId }: GetStockInTransitQuery) {
    return this.database.withClient((client) => stockInTransitTo(client, outletId));
  }
}

@QueryHandler(GetTransferEvidenceQuery)
export class GetTransferEvidenceHandler implements IQueryHandler<GetTransferEvidenceQuery> {
  constructor(private readonly database: Database) {}
  execute({ transferId }: GetTransferEvidenceQuery) {
    return this.database.withClient((client) => transferEvidence(client, transferId));
  }
}

export const TRANSFER_QUERY_HANDLERS = [
  GetTransferEvidenceHandler,
  ListTransfersHandler,
  GetTransferHandler,
  GetTransferSyncHandler,
  GetTransferEventsHandler,
  ReadEventFeedHandler,
  GetTransferAuditHandler,
  SearchAuditHandler,
  ExportTransfersHandler,
  ExportAuditHandler,
  GetStockInTransitHandler,
];
