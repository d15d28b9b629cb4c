import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_EVIDENCE_PER_RECEIPT, MAX_QUANTITY, VARIANCE_REASONS, type VarianceReason } from '#domain';
import { ExternalId } from '../../http/canonical-id.js';
import { MAX_LINES } from './create-transfer.dto.js';

export class ReceiptLineDto {
  @ApiProperty()
  @ExternalId()
  productId!: string;

  @ApiProperty({ description: 'Counted in this delivery (receive) or the corrected total (correction)', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  receivedQuantity!: number;

  @ApiPropertyOptional({ enum: VARIANCE_REASONS })
  @IsOptional()
  @IsIn(VARIANCE_REASONS)
  reason?: VarianceReason;

  @ApiPropertyOptional({ description: 'Required with reason OTHER' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Ids are compared as UUIDs, whatever the letter case the client wrote them in. */
const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

export class EvidenceAttachmentDto {
  @ApiProperty({ format: 'uuid', description: 'The id POST /evidence answered; the receiver must have uploaded it' })
  @Transform(lowerCase)
  @IsUUID()
  evidenceId!: string;

  @ApiPropertyOptional({ description: 'The line the photo shows; left out for evidence of the whole delivery (a signature)' })
  @IsOptional()
  @ExternalId()
  productId?: string;
}

export class ReceiveDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'Chosen by the client for this delivery. Sent again with the same content it is recorded once (the first answer, `Idempotent-Replayed: true`); with other content it is a 409 RECEIPT_ID_CONFLICT',
  })
  @Transform(lowerCase)
  @IsUUID()
  receiptId!: string;

  @ApiProperty({ type: [ReceiptLineDto] })
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];

  @ApiProperty({ description: 'A final receipt closes the transfer' })
  @IsBoolean()
  final!: boolean;

  @ApiPropertyOptional({ description: 'Confirms quantities above the over-receipt tolerance' })
  @IsOptional()
  @IsBoolean()
  confirmOverReceipt?: boolean;

  @ApiPropertyOptional({
    type: [EvidenceAttachmentDto],
    maxItems: MAX_EVIDENCE_PER_RECEIPT,
    description: 'Photos and signatures of this delivery, each id at most once (see docs/evidence.md)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_PER_RECEIPT)
  @ArrayUnique((item: unknown) => (item as { evidenceId?: unknown } | null)?.evidenceId, { message: 'evidence must name each evidenceId at most once' })
  @ValidateNested({ each: true })
  @Type(() => EvidenceAttachmentDto)
  evidence?: EvidenceAttachmentDto[];
}

export class CorrectionDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'Chosen by the client for this correction. Sent again with the same content it is recorded once (the first answer, `Idempotent-Replayed: true`); with other content it is a 409 CORRECTION_ID_CONFLICT',
  })
  @Transform(lowerCase)
  @IsUUID()
  correctionId!: string;

  @ApiProperty({ example: 'Recount found 2 more cartons' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ type: [ReceiptLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  confirmOverReceipt?: boolean;
}
