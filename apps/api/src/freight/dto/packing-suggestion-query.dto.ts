import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';

const commaSeparated = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((id) => id.trim().toLowerCase()).filter((id) => id !== '') : value;

export class PackingSuggestionQueryDto {
  @ApiPropertyOptional({
    type: String,
    description: 'Comma-separated ids of the box types to pack into (up to 50); all box types on offer when left out',
    example: '61d8b009-6159-4778-b317-70b8f23fb480,25e80413-b1c7-4d10-b91d-228c3a0c8a18',
  })
  @IsOptional()
  @Transform(commaSeparated)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  boxTypeIds?: string[];
}
