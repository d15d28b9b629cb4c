import { isUuid } from '../shared/canonical-id.js';
import { DomainError } from '../shared/domain-error.js';
import {
  BOX_TYPE_NAME_MAX_LENGTH,
  MAX_BOX_WEIGHT_G,
  MAX_INNER_DIMENSION_MM,
  type BoxTypeSpec,
} from './box-type.js';

/** One bad field and what is wrong with it: the shape the API's 400s name fields in. */
export interface BoxTypeFieldError {
  field: string;
  messages: string[];
}

const DIMENSIONS = ['innerLengthMm', 'innerWidthMm', 'innerHeightMm'] as const;

const isWholeBetween = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The definition with its name trimmed, or INVALID_BOX_TYPE naming every bad field at once (so an
 * admin fixes a form in one go). `boxTypeId` is checked too when a new box type is defined.
 */
export function requireValidSpec(input: BoxTypeSpec, boxTypeId?: string): BoxTypeSpec {
  const errors: BoxTypeFieldError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field, messages: [message] });

  if (boxTypeId !== undefined && !isUuid(boxTypeId)) refuse('boxTypeId', 'boxTypeId must be a UUID');
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const nameLength = [...name].length;
  if (nameLength < 1 || nameLength > BOX_TYPE_NAME_MAX_LENGTH) {
    refuse('name', `name must be 1 to ${BOX_TYPE_NAME_MAX_LENGTH} characters`);
  }
  for (const dimension of DIMENSIONS) {
    if (!isWholeBetween(input[dimension], 1, MAX_INNER_DIMENSION_MM)) {
      refuse(dimension, `${dimension} must be a whole number of millimetres from 1 to ${MAX_INNER_DIMENSION_MM}`);
    }
  }
  const tareValid = isWholeBetween(input.tareWeightG, 0, MAX_BOX_WEIGHT_G);
  const maxValid = isWholeBetween(input.maxWeightG, 1, MAX_BOX_WEIGHT_G);
  if (!tareValid) refuse('tareWeightG', `tareWeightG must be a whole number of grams from 0 to ${MAX_BOX_WEIGHT_G}`);
  if (!maxValid) refuse('maxWeightG', `maxWeightG must be a whole number of grams from 1 to ${MAX_BOX_WEIGHT_G}`);
  if (tareValid && maxValid && input.tareWeightG >= input.maxWeightG) {
    refuse('tareWeightG', 'tareWeightG must be less than maxWeightG: an empty box must leave room for its contents');
  }

  if (errors.length > 0) {
    throw new DomainError('INVALID_BOX_TYPE', `Invalid box type: ${errors.map((error) => error.field).join(', ')}`, {
      errors,
    });
  }
  return {
    name,
    innerLengthMm: input.innerLengthMm,
    innerWidthMm: input.innerWidthMm,
    innerHeightMm: input.innerHeightMm,
    tareWeightG: input.tareWeightG,
    maxWeightG: input.maxWeightG,
  };
}
