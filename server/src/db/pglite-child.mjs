// Runs PGlite in its own process and serves it over the PostgreSQL wire protocol, so that a
// long query never blocks the HTTP server's event loop. Started by ./client.ts with fork().
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

const dataDir = process.env.PGLITE_DATA_DIR || '';
if (dataDir) mkdirSync(dataDir, { recursive: true });
const db = await PGlite.create(dataDir ? { dataDir } : {});
try {
  // Keep the WAL small on bulk loads (the default lets it grow to about 1 GB).
  await db.exec("ALTER SYSTEM SET max_wal_size = '64MB'");
  await db.query('SELECT pg_reload_conf()');
} catch {
  // not fatal: an older data dir may refuse ALTER SYSTEM
}
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
server.addEventListener('listening', (e) => {
  process.send?.({ type: 'ready', port: e.detail.port });
});
await server.start();

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(0);
  }
}
// The parent closes the IPC channel when it exits, even on kill -9: close the database cleanly.
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', () => {});
process.on('message', (m) => {
  if (m && m.type === 'stop') shutdown();
});
