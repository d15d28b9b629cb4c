import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddTransferNoteDto {
  @ApiProperty({ description: 'The note, 1–2,000 characters once trimmed', example: 'Two boxes; the blue one is fragile', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;
}
