// A PostgreSQL server as a child process of a test, so the test can stop and restart it
// (Jest's CommonJS runtime cannot import tools/db/embedded.mjs itself).
//   node pg-server.mjs <dataDir> <port> [database-to-create]
// Prints "ready" once it accepts connections; SIGTERM stops PostgreSQL cleanly.
import { startEmbeddedPostgres } from '../../../tools/db/embedded.mjs';

const [dataDir, port, database] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true });
if (database && server.fresh) await server.createDatabase(database);
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
setInterval(() => undefined, 1 << 30);
