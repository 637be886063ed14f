// Runs PGlite in its own process and serves it over the PostgreSQL wire protocol, so that a
// long query never blocks the HTTP server's event loop. Started by ./client.ts with fork().
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dataDir = process.env.PGLITE_DATA_DIR || '';
const lockFile = dataDir ? path.join(dataDir, '..', `${path.basename(dataDir)}.lock`) : '';

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (dataDir) {
  mkdirSync(dataDir, { recursive: true });
  // One process per data directory: a second server on the same files would corrupt them.
  let holder = 0;
  try {
    holder = Number(readFileSync(lockFile, 'utf8')) || 0;
  } catch {}
  if (holder && holder !== process.pid && alive(holder)) {
    process.send?.({ type: 'error', message: `数据目录 ${dataDir} 正被另一个 Tiaodu 进程（pid ${holder}）使用` });
    process.exit(3);
  }
  writeFileSync(lockFile, String(process.pid));
}
const db = await PGlite.create(dataDir ? { dataDir } : {});
try {
  // Keep the WAL small on bulk loads (the default lets it grow to about 1 GB).
  await db.exec("ALTER SYSTEM SET max_wal_size = '64MB'");
  await db.query('SELECT pg_reload_conf()');
} catch {
  // not fatal: an older data dir may refuse ALTER SYSTEM
}
// The server's pool keeps one connection (PGlite is one session), but node-postgres closes a
// connection whose query failed and opens a new one at once: with room for a single
// connection, the new one would be refused while the old one is still closing, and the
// statement after any failed one would fail too. The socket server's queue runs the
// statements one at a time whatever the number of connections, and keeps a transaction's
// statements together.
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
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
    if (lockFile) rmSync(lockFile, { force: true });
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
