import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from '../request-validation.error.js';
import type { Problem } from '../problem.js';

export class FieldErrorResponse implements FieldError {
  @ApiProperty({ example: 'lines[0].quantity' })
  field!: string;

  @ApiProperty({ type: [String] })
  messages!: string[];
}

/** Every refusal's body (RFC 9457), as `application/problem+json`. */
export class ProblemResponse implements Problem {
  [extension: string]: unknown;

  @ApiProperty({ example: 'urn:consignments:problem:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty()
  detail!: string;

  @ApiProperty({ description: 'The machine-readable reason clients branch on', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiPropertyOptional()
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'Each bad field of a 400, with what is wrong with it' })
  errors?: FieldErrorResponse[];
}
