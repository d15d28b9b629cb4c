import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BOX_TYPE_NAME_MAX_LENGTH, MAX_BOX_WEIGHT_G, MAX_INNER_DIMENSION_MM, type BoxTypeSpec } from '#domain';

/**
 * A box type's whole definition, as a revision states it. The bounds are the domain's; that the
 * empty box weighs less than its maximum (and a name of more than blanks) the domain checks
 * (INVALID_BOX_TYPE), naming the fields as a 400 does.
 */
const InsideMillimetres = (side: string, example: number) =>
  applyDecorators(
    ApiProperty({ example, minimum: 1, maximum: MAX_INNER_DIMENSION_MM, description: `Inside ${side}, mm` }),
    IsInt(),
    Min(1),
    Max(MAX_INNER_DIMENSION_MM),
  );

export class BoxTypeSpecDto implements BoxTypeSpec {
  @ApiProperty({ example: 'Carton M', maxLength: BOX_TYPE_NAME_MAX_LENGTH, description: 'Trimmed; need not be unique' })
  @IsString()
  @MinLength(1)
  @MaxLength(BOX_TYPE_NAME_MAX_LENGTH)
  name!: string;

  @InsideMillimetres('length', 400)
  innerLengthMm!: number;

  @InsideMillimetres('width', 300)
  innerWidthMm!: number;

  @InsideMillimetres('height', 250)
  innerHeightMm!: number;

  @ApiProperty({ example: 450, minimum: 0, maximum: MAX_BOX_WEIGHT_G, description: 'The empty box, g; less than maxWeightG' })
  @IsInt()
  @Min(0)
  @Max(MAX_BOX_WEIGHT_G)
  tareWeightG!: number;

  @ApiProperty({ example: 16_000, minimum: 1, maximum: MAX_BOX_WEIGHT_G, description: 'The most the packed box may weigh, its own weight included, g' })
  @IsInt()
  @Min(1)
  @Max(MAX_BOX_WEIGHT_G)
  maxWeightG!: number;
}
