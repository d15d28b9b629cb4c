import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnvironmentVariables } from '#config';
import { DEFAULT_UNRECEIVED_AFTER_HOURS, hoursSince, unreceivedCutOff } from '#domain';
import { Database, listDeliveredUnreceived } from '#persistence';
import { readScope, requireRole } from '../auth/access-policy.js';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { UnreceivedShipmentListResponse } from './unreceived-shipments.response.js';

/** More than this waiting at once is a backlog for ops, not a list to page through. */
const LIST_LIMIT = 200;

/** Shipments the carrier delivered a while ago that nobody has started receiving: stock that may be lost at the door. */
@ApiTags('freight')
@ApiBearerAuth()
@Controller('freight/unreceived')
export class UnreceivedShipmentsController {
  private readonly afterHours: number;

  constructor(
    private readonly database: Database,
    @Inject(ConfigService) config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.afterHours = config.get('FREIGHT_UNRECEIVED_AFTER_HOURS', { infer: true }) ?? DEFAULT_UNRECEIVED_AFTER_HOURS;
  }

  @Get()
  @ApiOperation({
    summary: 'Shipments the carrier reports delivered more than FREIGHT_UNRECEIVED_AFTER_HOURS ago whose transfer is still SENT (nobody has started receiving)',
    description: `Staff see those bound for their outlets; managers, auditors and admins see every one, supplier returns included. At most ${LIST_LIMIT}, oldest delivery first.`,
  })
  @ApiAnswers({ type: UnreceivedShipmentListResponse, description: 'Delivered, not received' }, [401, 403, 429])
  async list(@CurrentActor() actor: Actor): Promise<UnreceivedShipmentListResponse> {
    requireRole(actor, 'read');
    const now = Date.now();
    const rows = await this.database.withClient((client) => listDeliveredUnreceived(client, unreceivedCutOff(this.afterHours, now), LIST_LIMIT, readScope(actor)));
    return {
      afterHours: this.afterHours,
      items: rows.map((row) => ({ ...row, deliveredAt: new Date(row.deliveredAt).toISOString(), hoursSinceDelivery: hoursSince(row.deliveredAt, now) })),
    };
  }
}
