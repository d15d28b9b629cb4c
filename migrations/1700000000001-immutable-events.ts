import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The event store is append-only: history is corrected by new events, never rewritten. */
export class ImmutableEvents1700000000001 implements MigrationInterface {
  name = 'ImmutableEvents1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_are_immutable()`);
    await queryRunner.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_are_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER events_no_truncate ON events');
    await queryRunner.query('DROP TRIGGER events_no_update_or_delete ON events');
    await queryRunner.query('DROP FUNCTION events_are_immutable()');
  }
}
