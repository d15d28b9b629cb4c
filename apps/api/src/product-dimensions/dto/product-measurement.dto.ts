import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_PRODUCT_DIMENSION_MM, MAX_PRODUCT_WEIGHT_G, type ProductMeasurement } from '#domain';

const Millimetres = (side: string, example: number) =>
  applyDecorators(
    ApiProperty({ example, minimum: 1, maximum: MAX_PRODUCT_DIMENSION_MM, description: `Outside ${side} of one unit, whole mm` }),
    IsInt(),
    Min(1),
    Max(MAX_PRODUCT_DIMENSION_MM),
  );

/** A product's whole measurement, as setting it states it; the bounds are the domain's. */
export class ProductMeasurementDto implements ProductMeasurement {
  @Millimetres('length', 250)
  lengthMm!: number;

  @Millimetres('width', 200)
  widthMm!: number;

  @Millimetres('height', 300)
  heightMm!: number;

  @ApiProperty({ example: 1_600, minimum: 1, maximum: MAX_PRODUCT_WEIGHT_G, description: 'One unit, packed as sold, whole g (at most 1 t)' })
  @IsInt()
  @Min(1)
  @Max(MAX_PRODUCT_WEIGHT_G)
  weightG!: number;
}
