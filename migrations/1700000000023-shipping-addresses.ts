import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outlets' and suppliers' shipping addresses for freight (Lightspeed's outlet and supplier records
 * hold none the service can use): the read model of the `shipping-address-outlet:<id>` and
 * `shipping-address-supplier:<id>` streams, one row per party with an address, holding the same
 * bounds the domain enforces. A party whose address is cleared has no row.
 */
export class ShippingAddresses1700000000023 implements MigrationInterface {
  name = 'ShippingAddresses1700000000023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shipping_addresses (
        party_kind text NOT NULL CHECK (party_kind IN ('outlet', 'supplier')),
        party_id text NOT NULL CHECK (char_length(party_id) BETWEEN 1 AND 100),
        contact_name text NOT NULL CHECK (char_length(contact_name) BETWEEN 1 AND 100),
        company text CHECK (char_length(company) BETWEEN 1 AND 100),
        street text NOT NULL CHECK (char_length(street) BETWEEN 1 AND 100),
        suburb text CHECK (char_length(suburb) BETWEEN 1 AND 100),
        city text CHECK (char_length(city) BETWEEN 1 AND 100),
        state text CHECK (char_length(state) BETWEEN 1 AND 100),
        post_code text NOT NULL CHECK (char_length(post_code) BETWEEN 1 AND 10),
        country_code text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        phone text CHECK (char_length(phone) BETWEEN 1 AND 30),
        email text CHECK (char_length(email) BETWEEN 1 AND 100),
        delivery_instructions text CHECK (char_length(delivery_instructions) BETWEEN 1 AND 100),
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        PRIMARY KEY (party_kind, party_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE shipping_addresses');
  }
}
