import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** A request whose shape is wrong: 400, naming every bad field. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`Invalid request: ${errors.map((error) => error.field).join(', ')}`);
    this.name = 'RequestValidationError';
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationError {
    return new RequestValidationError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
