import type { PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { canonicalId } from '#domain';

/**
 * An id field of a body or query in its one spelling: a UUID in any letter case becomes lower
 * case (as it is stored and returned); any other id is opaque and kept as sent.
 */
export function CanonicalId(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? canonicalId(value) : value));
}

/** The same for an id in the path that is not necessarily a UUID (outlets, products). */
export const canonicalIdParam: PipeTransform<string, string> = { transform: (value: string) => canonicalId(value) };
