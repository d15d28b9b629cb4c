import { randomUUID } from 'node:crypto';
import { Controller, Headers, HttpCode, Logger, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EnvironmentVariables } from '#config';
import { DomainError, SYSTEM_ROLE, transferOfOrderNumber, type Actor } from '#domain';
import { CarrierMappingError, parseTrackingWebhook, STARSHIPIT_SIGNATURE_HEADER, verifyStarshipitSignature } from '#freight';
import { CommandPipeline, TransferAggregate } from '#persistence';
import { Public } from '../auth/public.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ProblemException } from '../http/problem.exception.js';
import { TrackingWebhookResponse } from './webhook.response.js';

/** Who records what Starshipit's tracking webhooks say: the service itself. */
export const STARSHIPIT_WEBHOOK_ACTOR: Actor = { id: 'starshipit-webhook', name: 'Starshipit tracking', roles: [SYSTEM_ROLE], outlets: [] };

/** Refusals that mean the update is about nothing we hold: acknowledged, so Starshipit stops sending it. */
const NOT_OURS = new Set(['TRANSFER_NOT_FOUND', 'UNKNOWN_TRACKING_NUMBER', 'BOOKING_NOT_BOOKED', 'BOOKING_NOT_REQUESTED']);

/**
 * Starshipit's tracking webhooks (STARSHIPIT.md §3.7): the HMAC of the raw body is checked, and the
 * update is recorded on the transfer its order number names. Recording is idempotent (the same
 * tracking number, status and time again adds nothing), so a delivery Starshipit repeats is harmless.
 * Starshipit wants a 200 for every delivery it should not send again.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class StarshipitWebhookController {
  private readonly logger = new Logger(StarshipitWebhookController.name);
  private readonly secret: string | undefined;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.secret = config.get('STARSHIPIT_WEBHOOK_SECRET', { infer: true });
  }

  @Post('starshipit')
  @HttpCode(200)
  @ApiOperation({ summary: "Starshipit's tracking webhooks: checked and recorded on the transfer the order number names" })
  @ApiHeader({ name: STARSHIPIT_SIGNATURE_HEADER, required: true, description: 'lower-case hex HMAC-SHA256 of the raw body, keyed with STARSHIPIT_WEBHOOK_SECRET' })
  @ApiAnswers({ status: 200, type: TrackingWebhookResponse, description: 'Recorded, already recorded, or about nothing this service holds: Starshipit need not send it again' }, {
    400: 'The body is not a tracking update (INVALID_WEBHOOK)',
    401: 'The signature is missing or does not match the body (INVALID_SIGNATURE)',
    413: 'The body is larger than the API takes',
    415: 'The body is not JSON',
    429: 'Too many deliveries (RATE_LIMITED)',
    503: 'No webhook secret is configured (WEBHOOKS_NOT_CONFIGURED): Starshipit retries',
  })
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers(STARSHIPIT_SIGNATURE_HEADER) signature?: string): Promise<TrackingWebhookResponse> {
    if (!this.secret) throw new ProblemException(503, 'WEBHOOKS_NOT_CONFIGURED', 'STARSHIPIT_WEBHOOK_SECRET is not set, so no tracking webhook can be checked');
    const raw = request.rawBody ?? Buffer.alloc(0);
    if (!verifyStarshipitSignature(raw, signature, this.secret)) {
      throw new ProblemException(401, 'INVALID_SIGNATURE', `The ${STARSHIPIT_SIGNATURE_HEADER} header is missing or does not match the body`);
    }
    let update;
    try {
      update = parseTrackingWebhook(raw);
    } catch (error) {
      if (error instanceof CarrierMappingError) throw new ProblemException(400, 'INVALID_WEBHOOK', `Not a tracking update: ${error.message}`);
      throw error;
    }
    const booking = transferOfOrderNumber(update.orderNumber);
    if (!booking || !update.trackingNumber) return this.ignored(update.orderNumber, 'names no shipment of ours');
    try {
      const { changed } = await this.pipeline.handle(
        this.transfers,
        booking.transferId,
        {
          type: 'RecordTrackingUpdate',
          trackingNumber: update.trackingNumber,
          status: update.status,
          rawStatus: update.rawStatus,
          at: update.lastUpdated ?? new Date().toISOString(),
          details: null,
          source: 'WEBHOOK',
        },
        { actor: STARSHIPIT_WEBHOOK_ACTOR, correlationId: request.id ?? randomUUID(), causationId: null },
      );
      return { outcome: changed ? 'RECORDED' : 'ALREADY_RECORDED', transferId: booking.transferId };
    } catch (error) {
      if (error instanceof DomainError && NOT_OURS.has(error.code)) return this.ignored(update.orderNumber, error.message);
      throw error;
    }
  }

  private ignored(orderNumber: string, why: string): TrackingWebhookResponse {
    this.logger.warn(`tracking webhook for order ${orderNumber} ignored: ${why}`);
    return { outcome: 'IGNORED', transferId: null };
  }
}
