import { describe, expect, it } from '@jest/globals';
import { decideBoxType, innerVolumeMm3, isCanonicalId, isUuid, payloadCapacityG, type BoxTypeDefined } from '#domain';
import { SEED_BOX_TYPES } from './seed-box-types.js';

describe('the seed catalogue', () => {
  it('holds three cartons, two satchels and a pallet', () => {
    const kinds = SEED_BOX_TYPES.map((command) => command.name.split(' ')[0]);
    expect(kinds.sort()).toEqual(['Carton', 'Carton', 'Carton', 'Pallet', 'Satchel', 'Satchel']);
  });

  it('defines each box type exactly as written: valid, and nothing trimmed away', () => {
    for (const command of SEED_BOX_TYPES) {
      const [defined] = decideBoxType(null, command, { actorId: 'seed' }) as BoxTypeDefined[];
      const { type: _type, ...definition } = command;
      expect(defined?.data).toEqual({ ...definition, definedBy: 'seed' });
    }
  });

  it('gives every box type its own canonical UUID and its own name', () => {
    const ids = SEED_BOX_TYPES.map((command) => command.boxTypeId);
    expect(ids.every((id) => isUuid(id) && isCanonicalId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(SEED_BOX_TYPES.map((command) => command.name)).size).toBe(ids.length);
  });

  it('orders them by size: a bigger carton holds more and carries more', () => {
    const cartons = SEED_BOX_TYPES.filter((command) => command.name.startsWith('Carton'));
    const volumes = cartons.map(innerVolumeMm3);
    const payloads = cartons.map(payloadCapacityG);
    expect(volumes).toEqual([...volumes].sort((a, b) => a - b));
    expect(payloads).toEqual([...payloads].sort((a, b) => a - b));
  });
});
