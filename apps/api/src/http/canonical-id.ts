import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { canonicalId } from '#domain';

/**
 * An id field of a body or query in its one spelling: a UUID in any letter case becomes lower
 * case (as it is stored and returned); any other id is opaque and kept as sent.
 */
export function CanonicalId(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? canonicalId(value) : value));
}

/**
 * An id of something Lightspeed or the retailer names (an outlet, a product, a supplier): a
 * non-empty string of at most 100 characters, canonical as above. The decorators are listed in
 * the reverse of the order they would be stacked, so the checks run as they always have.
 */
export function ExternalId(): PropertyDecorator {
  return applyDecorators(CanonicalId(), MaxLength(100), IsNotEmpty(), IsString());
}

/** The same for an id in the path that is not necessarily a UUID (outlets, products). */
export const canonicalIdParam: PipeTransform<string, string> = { transform: (value: string) => canonicalId(value) };
