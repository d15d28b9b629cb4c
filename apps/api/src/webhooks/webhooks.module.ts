import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { INBOUND_QUEUE } from '#lightspeed';
import { LightspeedWebhookController } from './lightspeed-webhook.controller.js';
import { StarshipitWebhookController } from './starshipit-webhook.controller.js';

@Module({
  imports: [BullModule.registerQueue({ name: INBOUND_QUEUE })],
  controllers: [LightspeedWebhookController, StarshipitWebhookController],
})
export class WebhooksModule {}
