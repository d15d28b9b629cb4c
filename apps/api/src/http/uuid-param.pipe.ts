import { ParseUUIDPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { canonicalId } from '#domain';
import { RequestValidationError } from './request-validation.error.js';

/**
 * A path id that must be a UUID; anything else is a 400 naming the parameter. Any letter case is
 * accepted and the id goes on in its one spelling (lower case): one id, one transfer.
 */
export const uuidParam = (name: string) => {
  const parse = new ParseUUIDPipe({
    exceptionFactory: () => new RequestValidationError([{ field: name, messages: [`${name} must be a UUID`] }]),
  });
  return {
    transform: async (value: string, metadata: ArgumentMetadata) => canonicalId((await parse.transform(value, metadata)) as string),
  } satisfies PipeTransform<string, Promise<string>>;
};
