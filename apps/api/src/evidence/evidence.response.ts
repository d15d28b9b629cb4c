import { ApiProperty } from '@nestjs/swagger';
import type { EvidenceMeta } from '#persistence';

const KINDS = ['PHOTO', 'SIGNATURE'] as const;

class EvidenceFields implements Pick<EvidenceMeta, 'id' | 'mediaType' | 'byteSize' | 'sha256'> {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
  @ApiProperty() byteSize!: number;
  @ApiProperty({ description: 'Of the bytes as kept (after the location is removed)' }) sha256!: string;
}

/** What POST /evidence answers: the evidence kept. */
export class EvidenceResponse extends EvidenceFields implements Pick<EvidenceMeta, 'id' | 'kind' | 'mediaType' | 'byteSize' | 'sha256'> {
  @ApiProperty({ enum: KINDS }) kind!: EvidenceMeta['kind'];
}

export class EvidenceMetaResponse extends EvidenceFields implements EvidenceMeta {
  @ApiProperty({ enum: [...KINDS, 'LABEL'], description: 'LABEL: a carrier label PDF the booking worker kept (uploadedBy booking-runner)' }) kind!: EvidenceMeta['kind'];
  @ApiProperty() uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
