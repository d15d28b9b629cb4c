import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A box type's stream id: `box-type-` and a UUID in lower case, as for transfers (one id, one stream). */
const CANONICAL_BOX_TYPE_STREAM =
  "stream_id !~~ 'box-type-%' OR stream_id ~ '^box-type-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * The box-type catalogue's read model, one row per box type, holding the same bounds the domain
 * enforces. The stream rule is added NOT VALID and then validated, so checking the existing
 * events does not block writers.
 */
export class BoxTypes1700000000015 implements MigrationInterface {
  name = 'BoxTypes1700000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE box_type_read_model (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        inner_length_mm integer NOT NULL CHECK (inner_length_mm > 0),
        inner_width_mm integer NOT NULL CHECK (inner_width_mm > 0),
        inner_height_mm integer NOT NULL CHECK (inner_height_mm > 0),
        tare_weight_g integer NOT NULL CHECK (tare_weight_g >= 0),
        max_weight_g integer NOT NULL,
        retired boolean NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL,
        CONSTRAINT box_type_tare_below_max CHECK (tare_weight_g < max_weight_g)
      )`);
    await queryRunner.query(
      `ALTER TABLE events ADD CONSTRAINT events_box_type_stream_canonical CHECK (${CANONICAL_BOX_TYPE_STREAM}) NOT VALID`,
    );
    await queryRunner.query('ALTER TABLE events VALIDATE CONSTRAINT events_box_type_stream_canonical');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE events DROP CONSTRAINT events_box_type_stream_canonical');
    await queryRunner.query('DROP TABLE box_type_read_model');
  }
}
