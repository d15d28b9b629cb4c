import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SyncOverviewService, type SyncStatusReport } from './sync-overview.service.js';

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
