import { ApiProperty } from '@nestjs/swagger';
import type { LineProduct, PackingSuggestionView } from './packing-suggestion.service.js';

export class SuggestedContentResponse implements LineProduct {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: String, nullable: true }) sku!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ description: 'Units of the product in this box (or, for a left-out line, on the line)' }) quantity!: number;
}

export class SuggestedBoxResponse {
  @ApiProperty() boxTypeId!: string;
  @ApiProperty() boxTypeName!: string;
  @ApiProperty({ description: 'The box type’s inner length, mm' }) lengthMm!: number;
  @ApiProperty({ description: 'The box type’s inner width, mm' }) widthMm!: number;
  @ApiProperty({ description: 'The box type’s inner height, mm' }) heightMm!: number;
  @ApiProperty({ type: [SuggestedContentResponse] }) contents!: SuggestedContentResponse[];
  @ApiProperty({ description: 'The contents’ weight in grams' }) contentsWeightG!: number;
  @ApiProperty({ description: 'Contents plus the box’s own weight, in grams' }) grossWeightG!: number;
  @ApiProperty({ description: 'The contents’ volume in cubic millimetres' }) filledVolumeMm3!: number;
  @ApiProperty({ description: 'How much of the box’s inner volume the contents take, in percent (one decimal)' }) fillPercent!: number;
}

class UnpackableLineResponse extends SuggestedContentResponse {
  @ApiProperty({ enum: ['LARGER_THAN_EVERY_BOX_TYPE', 'HEAVIER_THAN_EVERY_BOX_TYPE'] }) reason!: 'LARGER_THAN_EVERY_BOX_TYPE' | 'HEAVIER_THAN_EVERY_BOX_TYPE';
}

export class PackingSuggestionResponse implements PackingSuggestionView {
  @ApiProperty() transferId!: string;
  @ApiProperty({ description: 'The transfer version the suggestion was made from' }) transferVersion!: number;
  @ApiProperty({ type: [SuggestedBoxResponse] }) boxes!: SuggestedBoxResponse[];
  @ApiProperty({ type: [UnpackableLineResponse], description: 'Lines no box type on offer can take' }) unpackable!: UnpackableLineResponse[];
  @ApiProperty({ type: [SuggestedContentResponse], description: 'Lines left out because their product has no dimensions or weight yet' })
  missingDimensions!: SuggestedContentResponse[];
  @ApiProperty({ description: 'The fewest boxes any packing of the measured lines could use, by volume and weight' }) lowerBound!: number;
}
