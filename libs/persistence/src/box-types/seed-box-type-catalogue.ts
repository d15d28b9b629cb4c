import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '#domain';
import { CommandPipeline } from '../commands/command-pipeline.js';
import type { Database } from '../database/database.js';
import { BoxTypeAggregate } from './box-type-aggregate.js';
import { listBoxTypes } from './box-type.query.js';
import { SEED_BOX_TYPES } from './seed-box-types.js';

/** Who defines the seed catalogue: the system, as an admin (the only role that keeps the catalogue). */
export const SEED_ACTOR: Actor = { id: 'seed', name: 'Seed catalogue', roles: ['admin'], outlets: [] };

export interface SeedReport {
  /** Box types this run defined. */
  defined: number;
  /** False when the catalogue already held box types (retired ones too): nothing was tried. */
  seeded: boolean;
}

/**
 * Gives an empty catalogue the seed box types, through the command pipeline like any admin's
 * command (events, read model, audit of who). The ids are fixed, so a seeder that runs alongside
 * another, or again, finds them taken (BOX_TYPE_ALREADY_EXISTS) and defines nothing twice.
 */
export async function seedBoxTypeCatalogue(database: Database): Promise<SeedReport> {
  const existing = await database.withClient((client) => listBoxTypes(client, { includeRetired: true }));
  if (existing.length > 0) return { defined: 0, seeded: false };
  const pipeline = new CommandPipeline(database);
  const boxTypes = new BoxTypeAggregate();
  const correlationId = randomUUID();
  let defined = 0;
  for (const command of SEED_BOX_TYPES) {
    try {
      const result = await pipeline.handle(boxTypes, command.boxTypeId, command, { actor: SEED_ACTOR, correlationId, causationId: null });
      if (result.changed) defined++;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'BOX_TYPE_ALREADY_EXISTS')) throw error;
    }
  }
  return { defined, seeded: true };
}
