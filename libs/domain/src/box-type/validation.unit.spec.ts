import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { MEDIUM_CARTON } from '../testing/box-type-fixtures.js';
import { MAX_BOX_WEIGHT_G, MAX_INNER_DIMENSION_MM, type BoxTypeSpec } from './box-type.js';
import { requireValidSpec } from './validation.js';

const badFieldsOf = (spec: Partial<BoxTypeSpec>, boxTypeId?: string) => {
  const error = failureOf(() => requireValidSpec({ ...MEDIUM_CARTON, ...spec }, boxTypeId));
  expect(error.code).toBe('INVALID_BOX_TYPE');
  return (error.details.errors as { field: string }[]).map((entry) => entry.field);
};

describe('a box type definition', () => {
  it('is accepted at its bounds', () => {
    const smallest = { name: 'x', innerLengthMm: 1, innerWidthMm: 1, innerHeightMm: 1, tareWeightG: 0, maxWeightG: 1 };
    const largest = {
      name: 'x'.repeat(80),
      innerLengthMm: MAX_INNER_DIMENSION_MM,
      innerWidthMm: MAX_INNER_DIMENSION_MM,
      innerHeightMm: MAX_INNER_DIMENSION_MM,
      tareWeightG: MAX_BOX_WEIGHT_G - 1,
      maxWeightG: MAX_BOX_WEIGHT_G,
    };
    expect(requireValidSpec(smallest)).toEqual(smallest);
    expect(requireValidSpec(largest)).toEqual(largest);
  });

  it('counts a name in characters, not UTF-16 units, after trimming it', () => {
    expect(requireValidSpec({ ...MEDIUM_CARTON, name: ` ${'📦'.repeat(80)} ` }).name).toBe('📦'.repeat(80));
    expect(badFieldsOf({ name: '📦'.repeat(81) })).toEqual(['name']);
  });

  it('needs a name that is not blank', () => {
    expect(badFieldsOf({ name: '   ' })).toEqual(['name']);
    expect(badFieldsOf({ name: undefined as unknown as string })).toEqual(['name']);
  });

  it('needs inner dimensions in whole millimetres from 1 to 10 m', () => {
    expect(badFieldsOf({ innerLengthMm: 0, innerWidthMm: 12.5, innerHeightMm: MAX_INNER_DIMENSION_MM + 1 })).toEqual([
      'innerLengthMm',
      'innerWidthMm',
      'innerHeightMm',
    ]);
    expect(badFieldsOf({ innerWidthMm: -300 })).toEqual(['innerWidthMm']);
    expect(badFieldsOf({ innerHeightMm: '250' as unknown as number })).toEqual(['innerHeightMm']);
  });

  it('needs weights in whole grams, a tare of zero or more and a maximum of at least one gram', () => {
    expect(badFieldsOf({ tareWeightG: -1 })).toEqual(['tareWeightG']);
    expect(badFieldsOf({ maxWeightG: 0, tareWeightG: 0 })).toEqual(['maxWeightG']);
    expect(badFieldsOf({ maxWeightG: MAX_BOX_WEIGHT_G + 1 })).toEqual(['maxWeightG']);
    expect(badFieldsOf({ tareWeightG: Number.NaN })).toEqual(['tareWeightG']);
  });

  it('needs the empty box to weigh less than its maximum', () => {
    const error = failureOf(() => requireValidSpec({ ...MEDIUM_CARTON, tareWeightG: 16_000 }));
    expect(error.details).toEqual({
      errors: [{ field: 'tareWeightG', messages: ['tareWeightG must be less than maxWeightG: an empty box must leave room for its contents'] }],
    });
  });

  it('names every bad field in one refusal', () => {
    expect(badFieldsOf({ name: '', innerLengthMm: 0, tareWeightG: -5, maxWeightG: 0 }, 'not-a-uuid')).toEqual([
      'boxTypeId',
      'name',
      'innerLengthMm',
      'tareWeightG',
      'maxWeightG',
    ]);
  });

  it('keeps only the definition’s own fields', () => {
    const withExtra = { ...MEDIUM_CARTON, type: 'ReviseBoxType', colour: 'brown' } as BoxTypeSpec;
    expect(requireValidSpec(withExtra)).toEqual(MEDIUM_CARTON);
  });
});
