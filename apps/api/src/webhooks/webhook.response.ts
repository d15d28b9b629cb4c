import { ApiProperty } from '@nestjs/swagger';

export class WebhookAcceptedResponse {
  @ApiProperty() accepted!: true;
  @ApiProperty({ description: 'The delivery was seen before and is dropped' }) duplicate!: boolean;
}

export class TrackingWebhookResponse {
  @ApiProperty({
    enum: ['RECORDED', 'ALREADY_RECORDED', 'IGNORED'],
    description: 'RECORDED on the transfer; ALREADY_RECORDED (a repeated delivery); IGNORED: about no shipment this service holds',
  })
  outcome!: 'RECORDED' | 'ALREADY_RECORDED' | 'IGNORED';
  @ApiProperty({ type: String, nullable: true, description: 'The transfer the update was recorded on' }) transferId!: string | null;
}
