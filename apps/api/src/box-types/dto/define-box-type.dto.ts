import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CanonicalId } from '../../http/canonical-id.js';
import { BoxTypeSpecDto } from './box-type-spec.dto.js';

export class DefineBoxTypeDto extends BoxTypeSpecDto {
  @ApiPropertyOptional({ description: 'Client-chosen id, so a retried create cannot define two; defining a taken id is a 409', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  @CanonicalId()
  id?: string;
}
