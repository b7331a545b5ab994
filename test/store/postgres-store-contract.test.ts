import { describe } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { TEST_DATABASE_URL, useFreshSchemas } from './postgres-test-database.js';
import { silentLogger } from './silent-logger.js';
import { describeStoreContract } from './store-contract.js';

describe.skipIf(TEST_DATABASE_URL === undefined)('Postgres (MTASTS_TEST_DATABASE_URL)', () => {
  const freshSchema = useFreshSchemas();
  describeStoreContract('Postgres store', async () => {
    const url = await freshSchema();
    return { open: () => openPostgresStore(url, { logger: silentLogger }) };
  });
});
