import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay parks the events of a transfer whose sync job cannot be queued (a poison event) in
 * relay_set_aside beside the non-canonical ones, naming the transfer so ops can put it back once
 * the cause is fixed; a put-back row is kept, with who released it and when.
 */
export class ParkedRelayEvents1700000000014 implements MigrationInterface {
  name = 'ParkedRelayEvents1700000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE relay_set_aside
        ADD COLUMN transfer_id uuid,
        ADD COLUMN released_at timestamptz,
        ADD COLUMN released_by text`);
    await queryRunner.query('CREATE INDEX relay_set_aside_parked ON relay_set_aside (name, transfer_id) WHERE released_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX relay_set_aside_parked');
    await queryRunner.query('ALTER TABLE relay_set_aside DROP COLUMN released_by, DROP COLUMN released_at, DROP COLUMN transfer_id');
  }
}
