import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ example: 'Supplier cannot deliver this season' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
