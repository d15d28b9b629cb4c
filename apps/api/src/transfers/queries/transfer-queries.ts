import { Query } from '@nestjs/cqrs';
import type {
  AuditEntry,
  AuditPageRequest,
  ScannableTransferView,
  AuditSearch,
  StockInTransit,
  StoredEvent,
  SyncSummary,
  TransferListFilter,
  TransferPage,
  TransferEvidence,
  TransferSummary,
} from '#persistence';

/** A transfer as read now: the read model plus its Lightspeed sync state (null before the relay reaches it). */
export type TransferWithSync = ScannableTransferView & { sync?: SyncSummary | null };

/** The read side, as QueryBus queries; each has one handler in transfer-query.handlers.ts. */
export class ListTransfersQuery extends Query<Omit<TransferPage, 'items'> & { items: (TransferSummary & { sync: SyncSummary | null })[] }> {
  constructor(readonly filter: TransferListFilter) {
    super();
  }
}

export class GetTransferQuery extends Query<TransferWithSync> {
  constructor(
    readonly transferId: string,
    readonly asOfVersion?: number,
  ) {
    super();
  }
}

/** A transfer's Lightspeed sync state now; null before the relay has reached it. */
export class GetTransferSyncQuery extends Query<SyncSummary | null> {
  constructor(readonly transferId: string) {
    super();
  }
}

export class GetTransferEventsQuery extends Query<StoredEvent[]> {
  constructor(readonly transferId: string) {
    super();
  }
}

export class ReadEventFeedQuery extends Query<{ events: StoredEvent[]; nextAfter: number }> {
  constructor(
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}

/** A page of the transfer's audit trail as JSON text in pieces, `{items, nextCursor}`, to stream out. */
export class GetTransferAuditQuery extends Query<AsyncGenerator<string>> {
  constructor(
    readonly transferId: string,
    readonly page: AuditPageRequest,
  ) {
    super();
  }
}

/** A page of the audit search as JSON text in pieces, `{items, nextCursor}`, to stream out. */
export class SearchAuditQuery extends Query<AsyncGenerator<string>> {
  constructor(
    readonly search: AuditSearch,
    readonly page: AuditPageRequest,
  ) {
    super();
  }
}

/** Every transfer the filter finds, in its sort order, read in batches as they are asked for. */
export class ExportTransfersQuery extends Query<AsyncGenerator<TransferSummary>> {
  constructor(readonly filter: Omit<TransferListFilter, 'limit' | 'cursor'>) {
    super();
  }
}

/** Every audit entry the search finds, oldest first, read in batches as they are asked for. */
export class ExportAuditQuery extends Query<AsyncGenerator<AuditEntry>> {
  constructor(readonly search: AuditSearch) {
    super();
  }
}

export class GetStockInTransitQuery extends Query<StockInTransit[]> {
  constructor(readonly outletId: string) {
    super();
  }
}

/** The photos and signatures attached to the transfer's receipts, oldest receipt first. */
export class GetTransferEvidenceQuery extends Query<TransferEvidence[]> {
  constructor(readonly transferId: string) {
    super();
  }
}
