import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { runMigrations } from './migrate.js';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
await runMigrations(database.db);
console.log(`迁移完成（${database.mode === 'pglite' ? 'PGlite' : 'PostgreSQL'}）`);
await database.close();
