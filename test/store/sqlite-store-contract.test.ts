import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { useTempDir } from '../digest/digest-fixtures.js';
import { describeStoreContract } from './store-contract.js';

const tempDb = useTempDir();

describeStoreContract('SQLite store', async () => {
  const path = tempDb();
  return { open: async () => openSqliteStore(path) };
});
