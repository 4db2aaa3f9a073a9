import pg from 'pg';
import { PG_ADMIN_URL } from './databases.js';

/** Fails fast, with the fix in the message, when the PostgreSQL the tests need is not reachable. */
export default async function globalSetup(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(error as Error).message}). ` +
        'Start it (e.g. pg_ctlcluster 15 main start) or set PG_TEST_URL to a server where databases can be created.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
