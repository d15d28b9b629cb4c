import { ApiProperty } from '@nestjs/swagger';

export class WebhookAcceptedResponse {
  @ApiProperty() accepted!: true;
  @ApiProperty({ description: 'The delivery was seen before and is dropped' }) duplicate!: boolean;
}
