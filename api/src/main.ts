import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { CommandError, createAdmin } from './app/auth/create-admin';
import { createApp, prepareDatabase } from './app/bootstrap';
import { ConfigError, loadConfig } from './app/config/config';
import { startLogging } from './app/logging/logging';
import { logSettings } from './app/logging/settings';

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
  // First: a refused configuration is reported in the configured format too.
  startLogging(logSettings());
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

  if (cluster.isPrimary) {
    // In production the demo password must be gone, except in a deliberate demo (DEMO_MODE=true).
    await prepareDatabase(config, {
      migrate: config.migrateOnStart,
      seed: config.demoMode,
      refuseDemoPassword: config.productionRules !== null && !config.demoMode,
    });
    if (config.workers > 1) return superviseWorkers(config.workers, logger);
  }
  const app = await createApp(config);
  // A deep accept queue: a booking rush opens thousands of connections at once.
  const server = await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // The launcher and the tests wait for this line.
  logger.log(`listening on port ${port}`);
}

/**
 * API_WORKERS > 1: this process only forks the workers, which share the listening port
 * (every instance-level part — jobs, the outbox, SSE via LISTEN — already works with
 * several replicas). A worker that dies after starting is replaced; one that dies while
 * starting stops everything, so a broken deployment fails loudly instead of looping.
 */
function superviseWorkers(count: number, logger: Logger): void {
  // Workers accept connections themselves: no hand-over through this process.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  const started = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    worker.on('listening', () => started.add(worker.id));
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    if (!started.has(worker.id)) {
      logger.error(`worker ${worker.process.pid} exited while starting (${signal ?? code}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    logger.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit();
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  for (let i = 0; i < count; i++) fork();
  logger.log(`started ${count} workers`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CommandError) {
    new Logger('Sportello').error(error.message);
  } else {
    new Logger('Sportello').error('start-up failed', error instanceof Error ? error.stack : String(error));
  }
  process.exit(1);
});
