import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_QUANTITY } from '#domain';
import { ExternalId } from '../../../http/canonical-id.js';

/** Units of one product of the transfer going into, or coming out of, a box. */
export class BoxItemsDto {
  @ApiProperty({ example: '0a1b2c3d-product', description: 'A product that is a line of the transfer' })
  @ExternalId()
  productId!: string;

  @ApiProperty({ example: 4, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}
