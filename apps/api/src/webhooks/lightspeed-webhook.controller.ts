import { InjectQueue } from '@nestjs/bull';
import { Controller, Headers, HttpCode, Logger, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bull';
import type { FastifyRequest } from 'fastify';
import type { EnvironmentVariables } from '#config';
import {
  CoalescedReads,
  INBOUND_QUEUE,
  parseWebhookDelivery,
  verifyWebhookSignature,
  WEBHOOK_JOB,
  WEBHOOK_JOB_OPTIONS,
  type WebhookJob,
} from '#lightspeed';
import { enqueueWithin, SyncMetrics } from '#observability';
import { Database, forgetWebhookDelivery, recordWebhookDelivery } from '#persistence';
import { Public } from '../auth/public.decorator.js';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ProblemException } from '../http/problem.exception.js';
import { WebhookAcceptedResponse } from './webhook.response.js';

/** Lightspeed gives up on a receiver after 5 s; the queue must answer well before that. */
const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Lightspeed's webhooks (REFERENCE §7). The signature is checked over the raw body, a delivery
 * already seen is acknowledged and dropped, and the rest is queued for the worker — the answer is
 * a 202 at once. If the queue cannot take it the answer is a 503, so Lightspeed retries it.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks')
export class LightspeedWebhookController {
  private readonly logger = new Logger(LightspeedWebhookController.name);
  private readonly secret: string;
  private readonly reads: CoalescedReads;

  constructor(
    private readonly database: Database,
    config: ConfigService<EnvironmentVariables, true>,
    @InjectQueue(INBOUND_QUEUE) private readonly queue: Queue<WebhookJob>,
    private readonly metrics: SyncMetrics,
  ) {
    this.secret = config.get('LIGHTSPEED_CLIENT_SECRET', { infer: true });
    this.reads = new CoalescedReads(queue.client, queue.toKey('reads'));
  }

  @Post('lightspeed')
  @HttpCode(202)
  @ApiOperation({ summary: "Lightspeed's webhook deliveries: checked, deduplicated and queued for the worker" })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: { type: 'object', properties: { payload: { type: 'string', description: 'The consignment or product, as JSON in the API 1.0 shape' } } } })
  @ApiHeader({ name: 'X-Signature', required: true, description: 'signature=<hex HMAC-SHA256 of the raw body>,algorithm=HMAC-SHA256, keyed with the client secret' })
  @ApiAnswers({ status: 202, type: WebhookAcceptedResponse, description: 'Accepted (or already seen): Lightspeed need not send it again' }, {
    401: 'The signature is missing or does not match the body (INVALID_SIGNATURE)',
    413: 'The body is larger than the API takes',
    415: 'The body is not form-encoded or JSON in UTF-8',
    429: 'Too many deliveries: Retry-After says when to try again (RATE_LIMITED)',
    503: 'The queue cannot take it now: Lightspeed retries (SERVICE_UNAVAILABLE)',
  })
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('x-signature') signature?: string) {
    const raw = request.rawBody ?? Buffer.alloc(0);
    if (!verifyWebhookSignature(raw, signature, this.secret)) {
      this.metrics.webhookReceived('unknown', 'rejected');
      throw new ProblemException(401, 'INVALID_SIGNATURE', 'The X-Signature header is missing or does not match the body');
    }
    const fields = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    const delivery = parseWebhookDelivery(fields, raw);
    const first = await this.database.withClient((client) =>
      recordWebhookDelivery(client, {
        dedupeKey: delivery.dedupeKey,
        type: delivery.kind,
        objectId: delivery.objectId,
        objectVersion: delivery.objectVersion,
      }),
    );
    if (!first) {
      this.metrics.webhookReceived(delivery.kind, 'duplicate');
      return { accepted: true, duplicate: true };
    }
    try {
      await this.enqueue({ dedupeKey: delivery.dedupeKey, kind: delivery.kind, objectId: delivery.objectId });
    } catch (error) {
      // Not queued: forget the delivery so that Lightspeed's retry is taken, and ask for that retry.
      await this.database.withClient((client) => forgetWebhookDelivery(client, delivery.dedupeKey));
      this.logger.warn(`webhook not queued, answered 503: ${(error as Error).message}`);
      this.metrics.webhookReceived(delivery.kind, 'unavailable');
      throw new ProblemException(503, 'SERVICE_UNAVAILABLE', 'The queue is not available; retry later');
    }
    this.metrics.webhookReceived(delivery.kind, 'accepted');
    return { accepted: true, duplicate: false };
  }

  /** One pending read per object: a delivery for an object whose read is still queued joins that job. */
  private async enqueue(job: WebhookJob): Promise<void> {
    const queued = this.reads.jobIdFor(job).then((jobId) => this.queue.add(WEBHOOK_JOB, job, { ...WEBHOOK_JOB_OPTIONS, jobId }));
    await enqueueWithin(queued, ENQUEUE_TIMEOUT_MS, 'the webhook job');
  }
}
