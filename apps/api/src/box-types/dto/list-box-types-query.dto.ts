import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanWord } from '../../http/boolean-word.js';

export class ListBoxTypesQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Retired box types too (kept for the shipments that used them)' })
  @IsOptional()
  @BooleanWord()
  @IsBoolean()
  includeRetired: boolean = false;
}
