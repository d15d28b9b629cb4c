import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit search by command (`GET /audit?command=…` and its CSV export) reads entries of one
 * command in time order; this index serves it as audit_trail_actor serves the search by actor,
 * with the same keyset columns so a page resumes inside the index.
 */
export class AuditByCommand1700000000021 implements MigrationInterface {
  name = 'AuditByCommand1700000000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_trail_command ON audit_trail (command_name, occurred_at, stream_id, from_version)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_trail_command');
  }
}
