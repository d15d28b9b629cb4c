import { ApiProperty } from '@nestjs/swagger';
import type { TransferEvidence } from '#persistence';

export class EvidenceReceiptResponse {
  @ApiProperty({ format: 'uuid' }) receiptId!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The version of the transfer the receipt made' }) version!: number;
}

export class TransferEvidenceResponse implements TransferEvidence {
  @ApiProperty({ format: 'uuid' }) evidenceId!: string;
  @ApiProperty({ enum: ['PHOTO', 'SIGNATURE'] }) kind!: TransferEvidence['kind'];
  @ApiProperty({ description: 'SHA-256 of the bytes as kept, lower-case hex' }) sha256!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The line it shows; null for the whole receipt' }) productId!: string | null;
  @ApiProperty({ type: EvidenceReceiptResponse }) receipt!: EvidenceReceiptResponse;
  @ApiProperty({ example: '/api/v1/evidence/0b6f…', description: 'Where to download it' }) href!: string;
}

export class TransferEvidenceListResponse {
  @ApiProperty({ type: [TransferEvidenceResponse] }) items!: TransferEvidenceResponse[];
}
