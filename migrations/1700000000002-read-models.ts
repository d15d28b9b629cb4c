import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projections of the event store: transfer list/detail, stock in transit, audit trail. */
export class ReadModels1700000000002 implements MigrationInterface {
  name = 'ReadModels1700000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transfer_read_model (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        status text NOT NULL,
        source_outlet_id text,
        destination_outlet_id text,
        supplier_id text,
        reference text,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        created_by text NOT NULL,
        line_count integer NOT NULL,
        total_cost bigint NOT NULL,
        document jsonb NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX transfer_rm_updated ON transfer_read_model (updated_at, id)');
    await queryRunner.query('CREATE INDEX transfer_rm_created ON transfer_read_model (created_at, id)');
    await queryRunner.query('CREATE INDEX transfer_rm_type_status ON transfer_read_model (type, status, updated_at)');
    await queryRunner.query('CREATE INDEX transfer_rm_source ON transfer_read_model (source_outlet_id, updated_at)');
    await queryRunner.query(
      'CREATE INDEX transfer_rm_destination ON transfer_read_model (destination_outlet_id, updated_at)',
    );
    await queryRunner.query('CREATE INDEX transfer_rm_supplier ON transfer_read_model (supplier_id, updated_at)');

    await queryRunner.query(`
      CREATE TABLE stock_in_transit (
        transfer_id uuid NOT NULL,
        product_id text NOT NULL,
        outlet_id text NOT NULL,
        sku text,
        name text,
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (transfer_id, product_id)
      )`);
    await queryRunner.query('CREATE INDEX stock_in_transit_outlet ON stock_in_transit (outlet_id, product_id)');

    await queryRunner.query(`
      CREATE TABLE audit_trail (
        stream_id text NOT NULL,
        from_version integer NOT NULL,
        to_version integer NOT NULL,
        transfer_id uuid NOT NULL,
        actor_id text NOT NULL,
        actor_name text,
        actor_roles jsonb NOT NULL,
        command_name text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        occurred_at timestamptz NOT NULL,
        event_types jsonb NOT NULL,
        snapshot_before jsonb,
        snapshot_after jsonb NOT NULL,
        changes jsonb NOT NULL,
        PRIMARY KEY (stream_id, from_version)
      )`);
    await queryRunner.query('CREATE INDEX audit_trail_transfer ON audit_trail (transfer_id, from_version)');
    await queryRunner.query('CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at)');
    await queryRunner.query('CREATE INDEX audit_trail_time ON audit_trail (occurred_at)');

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response_body jsonb NOT NULL,
        etag text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query('CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
    await queryRunner.query('DROP TABLE audit_trail');
    await queryRunner.query('DROP TABLE stock_in_transit');
    await queryRunner.query('DROP TABLE transfer_read_model');
  }
}
