import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SyncOverviewService, type SyncHistoryReport, type SyncStatusReport } from './sync-overview.service.js';

export class GetSyncStatusQuery extends Query<SyncStatusReport> {
  constructor(
    readonly windowMinutes: number,
    readonly failureLimit: number,
  ) {
    super();
  }
}

@QueryHandler(GetSyncStatusQuery)
export class GetSyncStatusHandler implements IQueryHandler<GetSyncStatusQuery> {
  constructor(private readonly overview: SyncOverviewService) {}

  execute({ windowMinutes, failureLimit }: GetSyncStatusQuery) {
    return this.overview.report(windowMinutes, failureLimit);
  }
}

export class GetSyncHistoryQuery extends Query<SyncHistoryReport> {
  constructor(readonly minutes: number) {
    super();
  }
}

@QueryHandler(GetSyncHistoryQuery)
export class GetSyncHistoryHandler implements IQueryHandler<GetSyncHistoryQuery> {
  constructor(private readonly overview: SyncOverviewService) {}

  execute({ minutes }: GetSyncHistoryQuery) {
    return this.overview.history(minutes);
  }
}
