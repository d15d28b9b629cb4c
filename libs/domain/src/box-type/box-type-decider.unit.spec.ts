import { describe, expect, it } from '@jest/globals';
import { ROLES } from '../transfer/access-policy.js';
import { failureOf } from '../testing/decider-spec.js';
import { ADMIN, actor, BOX_TYPE_ID, define, playBoxType, retire, revise } from '../testing/box-type-fixtures.js';
import { requireBoxTypeKeeper } from './authorize.js';
import { boxTypeDecider } from './box-type-decider.js';
import { BOX_TYPE_EVENT_TYPES } from './events.js';
import { upcastBoxTypeEvent } from './upcasters.js';

const existing = playBoxType(define()).state;

describe('who may keep the box-type catalogue', () => {
  it('is only an admin, for every command', () => {
    for (const command of [define(), revise(), retire()]) {
      const allowed = ROLES.filter((role) => {
        try {
          boxTypeDecider.authorize(actor([role]), command, command.type === 'DefineBoxType' ? null : existing, BOX_TYPE_ID);
          return true;
        } catch {
          return false;
        }
      });
      expect(allowed).toEqual(['admin']);
    }
  });

  it('refuses anyone without the admin role, naming the role that may', () => {
    const error = failureOf(() => boxTypeDecider.authorize(actor(['manager', 'staff']), retire(), existing, BOX_TYPE_ID));
    expect({ code: error.code, details: error.details }).toEqual({
      code: 'ADMIN_REQUIRED',
      details: { command: 'RetireBoxType', allowedRoles: ['admin'] },
    });
  });

  it('lets an admin define a box type that does not exist yet', () => {
    expect(() => boxTypeDecider.authorize(ADMIN, define(), null, BOX_TYPE_ID)).not.toThrow();
  });

  it('answers an admin’s revision or retirement of a missing box type with BOX_TYPE_NOT_FOUND', () => {
    expect(failureOf(() => boxTypeDecider.authorize(ADMIN, revise(), null, BOX_TYPE_ID)).code).toBe('BOX_TYPE_NOT_FOUND');
    expect(failureOf(() => boxTypeDecider.authorize(ADMIN, retire(), null, BOX_TYPE_ID)).code).toBe('BOX_TYPE_NOT_FOUND');
  });

  it('can be asked of the role alone, before any box type is loaded', () => {
    expect(() => requireBoxTypeKeeper({ roles: ['staff', 'admin'] }, 'RetireBoxType')).not.toThrow();
    expect(failureOf(() => requireBoxTypeKeeper({ roles: ['manager'] }, 'DefineBoxType')).details).toEqual({
      command: 'DefineBoxType',
      allowedRoles: ['admin'],
    });
  });

  it('checks the role before the box type, so a non-admin learns nothing of what exists', () => {
    expect(failureOf(() => boxTypeDecider.authorize(actor(['staff']), revise(), null, BOX_TYPE_ID)).code).toBe('ADMIN_REQUIRED');
  });
});

describe('the box-type decider', () => {
  it('names its streams box-type-<id> and writes every event at schema version 1', () => {
    expect(boxTypeDecider.streamPrefix).toBe('box-type');
    expect(BOX_TYPE_EVENT_TYPES.map((type) => boxTypeDecider.schemaVersion(type))).toEqual([1, 1, 1]);
  });

  it('reads back what it wrote, and refuses events it does not know', () => {
    const { events } = playBoxType(define(), retire());
    for (const event of events) {
      expect(upcastBoxTypeEvent(event.type, 1, JSON.parse(JSON.stringify(event.data)))).toEqual(event);
    }
    expect(() => upcastBoxTypeEvent('TransferCreated', 1, {})).toThrow('Unknown event type TransferCreated');
    expect(() => upcastBoxTypeEvent('BoxTypeRetired', 2, {})).toThrow('newer than this code understands');
  });
});
