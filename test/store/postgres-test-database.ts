import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The server the Postgres tests use; unset, they are skipped (test/postgres-notice.ts says so once per run). */
export const TEST_DATABASE_URL = process.env['MTASTS_TEST_DATABASE_URL'] || undefined;

/**
 * A fresh, empty schema per call on the test server, so test files running in parallel never share tables;
 * the URL selects it through search_path. Every schema made in a file is dropped after that file.
 */
export function useFreshSchemas(): () => Promise<string> {
  const schemas: string[] = [];
  afterAll(async () => {
    if (schemas.length === 0) return;
    await withAdmin((client) =>
      client.query(schemas.map((schema) => `DROP SCHEMA IF EXISTS ${schema} CASCADE;`).join('\n')),
    );
  });
  return async () => {
    const schema = `mtasts_test_${randomBytes(6).toString('hex')}`;
    await withAdmin((client) => client.query(`CREATE SCHEMA ${schema}`));
    schemas.push(schema);
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };
}

/** One statement batch on a short-lived connection of its own (as an operator's psql would run it). */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL!): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
