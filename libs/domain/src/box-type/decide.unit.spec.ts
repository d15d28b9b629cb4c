import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { ADMIN_ID, BOX_TYPE_ID, MEDIUM_CARTON, define, playBoxType, retire, revise } from '../testing/box-type-fixtures.js';
import type { BoxTypeCommand } from './commands.js';
import { decideBoxType } from './decide.js';

const by = { actorId: ADMIN_ID };
const decideAfter = (history: BoxTypeCommand[], command: BoxTypeCommand) => decideBoxType(playBoxType(...history).state, command, by);

describe('defining a box type', () => {
  it('records its definition, with its name trimmed and its id in its one spelling', () => {
    expect(decideBoxType(null, define({ name: '  Carton M  ' }, BOX_TYPE_ID.toUpperCase()), by)).toEqual([
      { type: 'BoxTypeDefined', data: { boxTypeId: BOX_TYPE_ID, ...MEDIUM_CARTON, definedBy: ADMIN_ID } },
    ]);
  });

  it('is refused for an id that is taken, even with the same definition', () => {
    const error = failureOf(() => decideAfter([define()], define()));
    expect({ code: error.code, details: error.details }).toEqual({ code: 'BOX_TYPE_ALREADY_EXISTS', details: { boxTypeId: BOX_TYPE_ID } });
  });

  it('is refused for an id that is not a UUID', () => {
    expect(failureOf(() => decideBoxType(null, define({}, 'carton-m'), by)).details).toEqual({
      errors: [{ field: 'boxTypeId', messages: ['boxTypeId must be a UUID'] }],
    });
  });
});

describe('revising a box type', () => {
  it('records the whole new definition', () => {
    expect(decideAfter([define()], revise({ name: 'Carton M (double wall)', tareWeightG: 620 }))).toEqual([
      { type: 'BoxTypeRevised', data: { ...MEDIUM_CARTON, name: 'Carton M (double wall)', tareWeightG: 620, revisedBy: ADMIN_ID } },
    ]);
  });

  it('records nothing when the definition is what it already is', () => {
    expect(decideAfter([define()], revise({ name: ' Carton M ' }))).toEqual([]);
  });

  it('is refused with invalid data, naming the bad fields', () => {
    const error = failureOf(() => decideAfter([define()], revise({ innerHeightMm: 0 })));
    expect(error.code).toBe('INVALID_BOX_TYPE');
    expect(error.message).toBe('Invalid box type: innerHeightMm');
  });

  it('is refused once the box type is retired, however valid the revision', () => {
    const error = failureOf(() => decideAfter([define(), retire()], revise({ name: 'Carton M2' })));
    expect({ code: error.code, details: error.details }).toEqual({ code: 'BOX_TYPE_RETIRED', details: { boxTypeId: BOX_TYPE_ID } });
  });

  it('is refused for a box type that does not exist', () => {
    expect(failureOf(() => decideBoxType(null, revise(), by)).code).toBe('BOX_TYPE_NOT_FOUND');
  });
});

describe('retiring a box type', () => {
  it('records who retired it', () => {
    expect(decideAfter([define()], retire())).toEqual([{ type: 'BoxTypeRetired', data: { retiredBy: ADMIN_ID } }]);
  });

  it('a second time records nothing: it is already done', () => {
    expect(decideAfter([define(), retire()], retire())).toEqual([]);
  });

  it('is refused for a box type that does not exist', () => {
    expect(failureOf(() => decideBoxType(null, retire(), by)).code).toBe('BOX_TYPE_NOT_FOUND');
  });
});
