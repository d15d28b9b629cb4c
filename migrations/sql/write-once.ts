import type { QueryRunner } from 'typeorm';

/**
 * Makes a table write-once: rows may be added, never changed, removed or truncated away. Whatever
 * a row proves (an event's history, an upload's SHA-256) stays true. `what` names the rule in the
 * error, e.g. "events are append-only".
 */
export async function makeWriteOnce(queryRunner: QueryRunner, table: string, functionName: string, what: string): Promise<void> {
  await queryRunner.query(`
      CREATE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${what}: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
  await queryRunner.query(`
      CREATE TRIGGER ${table}_no_update_or_delete BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${functionName}()`);
  await queryRunner.query(`
      CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${functionName}()`);
}

/** Undoes makeWriteOnce. */
export async function undoWriteOnce(queryRunner: QueryRunner, table: string, functionName: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
  await queryRunner.query(`DROP TRIGGER ${table}_no_update_or_delete ON ${table}`);
  await queryRunner.query(`DROP FUNCTION ${functionName}()`);
}
