import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CancelBookingDto {
  @ApiProperty({ description: 'Why the booking is cancelled, 1–1,000 characters once trimmed', example: 'Wrong service chosen', maxLength: 1000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
