import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAX_BOX_LABEL_LENGTH } from '#domain';
import { CanonicalId } from '../../../http/canonical-id.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddBoxDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the client, so a retried request names the same box' })
  @CanonicalId()
  @IsUUID()
  boxId!: string;

  @ApiProperty({ format: 'uuid', description: 'A box type of the catalogue (GET /box-types), not retired; the box keeps a copy of it as it is now' })
  @CanonicalId()
  @IsUUID()
  boxTypeId!: string;

  @ApiPropertyOptional({ description: 'The scanned box label code, unique on the transfer; omit when the box type was picked', example: 'BX-000123', maxLength: MAX_BOX_LABEL_LENGTH })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_BOX_LABEL_LENGTH)
  label?: string;
}
