import { ApiProperty } from '@nestjs/swagger';
import type { EvidenceMeta } from '#persistence';

const KINDS = ['PHOTO', 'SIGNATURE'] as const;

/** What POST /evidence answers: the evidence kept. */
export class EvidenceResponse implements Pick<EvidenceMeta, 'id' | 'kind' | 'mediaType' | 'byteSize' | 'sha256'> {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KINDS }) kind!: EvidenceMeta['kind'];
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
  @ApiProperty() byteSize!: number;
  @ApiProperty({ description: 'Of the bytes as kept (after the location is removed)' }) sha256!: string;
}

export class EvidenceMetaResponse extends EvidenceResponse implements EvidenceMeta {
  @ApiProperty() uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
