import { ForbiddenException } from '@nestjs/common';
import type { AuditSearch, TransferListFilter } from '#persistence';
import { readScope, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import type { AuditFiltersQueryDto, ExportTransfersQueryDto } from './dto/list-query.dto.js';

/** The transfers list's filters within what the actor may read (403 unless they may read at all). */
export function transferListFilter(query: ExportTransfersQueryDto, actor: Actor): Omit<TransferListFilter, 'limit' | 'cursor'> {
  requireRole(actor, 'read');
  const scope = readScope(actor);
  return {
    ...(query.type ? { types: query.type } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.outletId ? { outletId: query.outletId } : {}),
    ...(query.supplierId ? { supplierId: query.supplierId } : {}),
    ...(query.updatedSince ? { updatedSince: new Date(query.updatedSince) } : {}),
    ...(scope ? { visibleToOutlets: scope } : {}),
    sort: query.sort,
  };
}

/** The audit search within what the actor may read: asking for an outlet not theirs is a 403. */
export function auditSearch(query: AuditFiltersQueryDto, actor: Actor): AuditSearch {
  requireRole(actor, 'read');
  const scope = readScope(actor);
  if (scope && query.outletId && !scope.includes(query.outletId)) {
    throw new ForbiddenException(`Outlet ${query.outletId} is not one of yours`);
  }
  return {
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(query.command ? { command: query.command } : {}),
    ...(query.outletId ? { outletId: query.outletId } : {}),
    ...(scope ? { visibleToOutlets: scope } : {}),
  };
}
