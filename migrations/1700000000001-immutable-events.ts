import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeWriteOnce, undoWriteOnce } from './sql/write-once.js';

/** The event store is append-only: history is corrected by new events, never rewritten. */
export class ImmutableEvents1700000000001 implements MigrationInterface {
  name = 'ImmutableEvents1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await makeWriteOnce(queryRunner, 'events', 'events_are_immutable', 'events are append-only');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await undoWriteOnce(queryRunner, 'events', 'events_are_immutable');
  }
}
