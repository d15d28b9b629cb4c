import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_BOX_WEIGHT_G } from '#domain';

export class WeighBoxDto {
  @ApiProperty({ description: 'The gross weight a scale measured, in grams; at most the box type’s maxWeightG', example: 3250, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_BOX_WEIGHT_G)
  weightG!: number;
}
