// One OutboxRelay in a process of its own, for the relay crash test (relay-crash.mariadb.ts):
// the test spawns it, SIGKILLs it mid-stream and starts it again. Runs the BUILT library
// (libs/platform/dist; `npm test` builds first). Prints `ready` once running, then
// `published <n>` every 200 ms.
// Env: RELAY_DATABASE_URL, RELAY_BROKERS (comma separated), RELAY_NAME, RELAY_BATCH.
'use strict';
const path = require('node:path');
const { DataSource } = require('typeorm');
const dist = (file) => require(path.resolve(__dirname, '../dist', file));

async function main() {
  // Only what a relay needs (not the whole library with NestJS and GraphQL): starts faster.
  const { dataSourceOptions } = dist('database/data-source-options.js');
  const { EVENT_ENTITIES } = dist('events/event-entities.js');
  const { KafkaTransport } = dist('events/kafka-transport.js');
  const { OutboxRelay } = dist('events/outbox-relay.js');
  const dataSource = new DataSource({
    ...dataSourceOptions({ databaseUrl: process.env.RELAY_DATABASE_URL, entities: EVENT_ENTITIES, migrations: [] }),
    migrationsRun: false,
  });
  await dataSource.initialize();
  const name = process.env.RELAY_NAME || 'relay-process';
  const transport = new KafkaTransport({ brokers: process.env.RELAY_BROKERS.split(','), clientId: name });
  const relay = new OutboxRelay(dataSource, transport, { name, batchSize: Number(process.env.RELAY_BATCH || 500), pollIntervalMs: 20 });
  relay.start();
  process.stdout.write('ready\n');
  setInterval(() => process.stdout.write(`published ${relay.status().published}\n`), 200);
  const stop = async () => {
    await relay.stop();
    await transport.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`relay process failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
