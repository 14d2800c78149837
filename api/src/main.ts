import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { CommandError, createAdmin } from './app/auth/create-admin';
import { createApp, prepareDatabase } from './app/bootstrap';
import { ConfigError, loadConfig } from './app/config/config';

const LISTEN_BACKLOG = 4096;

/**
 * `node main.js`          serves the api (and the web app when WEB_DIST is set)
 * `node main.js migrate`  applies pending migrations and exits
 * `node main.js create-admin --username NAME [--name "Display name"]`
 *                         creates an admin account (password from ADMIN_PASSWORD or asked
 *                         for without echo); applies pending migrations first unless
 *                         MIGRATE_ON_START=false
 */
async function main(): Promise<void> {
  const logger = new Logger('Sportello');
  const config = loadConfig();
  const command = process.argv[2] ?? 'serve';
  if (command === 'migrate') {
    await prepareDatabase(config, { migrate: true, seed: false });
    return;
  }
  if (command === 'create-admin') {
    const io = { env: process.env, stdin: process.stdin, stderr: process.stderr };
    await createAdmin(config, process.argv.slice(3), io, () => prepareDatabase(config, { migrate: config.migrateOnStart, seed: false }));
    return;
  }
  if (command !== 'serve') throw new ConfigError(`Unknown command "${command}". Use "serve", "migrate" or "create-admin".`);

  await prepareDatabase(config, { migrate: config.migrateOnStart, seed: config.demoMode });
  const app = await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  // A deep accept queue: a booking rush opens thousands of connections at once.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // The launcher and the tests wait for this line.
  logger.log(`listening on port ${port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CommandError) {
    new Logger('Sportello').error(error.message);
  } else {
    new Logger('Sportello').error('start-up failed', error instanceof Error ? error.stack : String(error));
  }
  process.exit(1);
});
