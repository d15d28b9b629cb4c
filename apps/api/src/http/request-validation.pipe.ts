import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error.js';

/**
 * Bodies, queries and params are checked against their DTOs: unknown fields are refused rather
 * than silently dropped, and the 400 names every bad field at once.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
  });
}
