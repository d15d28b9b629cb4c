import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { approvalFigures, formatMoney, parseMoney, type TransferRules } from '#domain';
import { TRANSFER_RULES } from '#persistence';
import { readScope, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ListTransfersQuery } from './queries/transfer-queries.js';
import { ApprovalListResponse } from './responses/approval.response.js';

/** The most an inbox lists: a manager works through it, and more than this is a backlog to raise. */
const INBOX_LIMIT = 200;

/** A manager's inbox: what waits for their approval or review. */
@ApiTags('transfers')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(TRANSFER_RULES) private readonly rules: TransferRules,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Purchase orders and supplier returns waiting for approval and stocktakes waiting for review, oldest first, each with the figure the decision is about',
    description: `Those the caller may read, at most ${INBOX_LIMIT}. Approve or reject each with POST /transfers/{id}/approve or /reject.`,
  })
  @ApiAnswers({ type: ApprovalListResponse, description: 'What waits for a manager' }, [401, 403, 429])
  async inbox(@CurrentActor() actor: Actor): Promise<ApprovalListResponse> {
    requireRole(actor, 'approve');
    const scope = readScope(actor);
    const page = await this.queries.execute(
      new ListTransfersQuery({ statuses: ['PENDING_APPROVAL', 'PENDING_REVIEW'], ...(scope ? { visibleToOutlets: scope } : {}), sort: 'createdAt', limit: INBOX_LIMIT }),
    );
    return {
      items: page.items.map((transfer) => {
        const figures = approvalFigures(transfer.type, { totalCost: parseMoney(transfer.totals.totalCost), varianceValue: parseMoney(transfer.totals.varianceValue) }, this.rules);
        return { transfer, figures: { ...figures, value: formatMoney(figures.value), threshold: figures.threshold === null ? null : formatMoney(figures.threshold) } };
      }),
    };
  }
}
