import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RequestBookingDto {
  @ApiProperty({ description: 'The carrier service code a freight quote offered', example: 'CPOLE', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  serviceCode!: string;

  @ApiProperty({ description: 'The service’s name, as the quote showed it', example: 'Courier Post Overnight', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  serviceName!: string;

  @ApiProperty({ description: 'The quoted price, in cents', example: 1250, minimum: 0 })
  @IsInt()
  @Min(0)
  quotedPriceCents!: number;

  @ApiPropertyOptional({ description: 'ISO 4217 code of the quote’s currency', example: 'NZD', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  currency?: string | null;
}
