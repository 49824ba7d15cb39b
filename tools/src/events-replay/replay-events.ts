import { DataSource } from 'typeorm';
import { isEventType } from '@lianxiao/contracts';
import { dataSourceOptions, EVENT_ENTITIES, KafkaTransport, loadServiceConfig, OutboxEvent, TransportMessage } from '@lianxiao/platform';

const USAGE = `Re-publishes a service's outbox rows to Kafka for a consumer that lost its state.

usage: npm run events:replay -- --service <name> --topic <topic> --from <ISO time | seq> [options]
       node tools/dist/events-replay/replay-events.js --service orders --topic orders.contract-signed.v1 --from 2026-11-01T00:00:00Z

  --service   service whose outbox is read (customers, orders, dealers, incentives); its database is
              <SERVICE>_DATABASE_URL or DATABASE_URL, the brokers KAFKA_BROKERS (required)
  --topic     topic to replay, e.g. orders.contract-signed.v1
  --from      ISO 8601 time (rows created at or after it) or an outbox seq (rows with seq >= it)
  --to        optional upper bound, same forms as --from (inclusive)
  --batch     messages per publish (default 500)
  --dry-run   count what would be replayed, publish nothing
  --help      this text

Rows are published in seq order with their original event ids, keys and headers (plus
x-lianxiao-replay: true), acks=-1. Nothing in the outbox is changed. Only rows the relay already
published are replayed; unpublished ones are still the relay's. Consumers deduplicate by event id.
`;

interface Options {
  service: string;
  topic: string;
  from: Bound;
  to: Bound | null;
  batch: number;
  dryRun: boolean;
}

type Bound = { kind: 'seq'; seq: number } | { kind: 'time'; time: Date };

class UsageError extends Error {}

function parseBound(name: string, value: string | undefined): Bound {
  if (!value) throw new UsageError(`${name} needs a value`);
  if (/^\d+$/.test(value)) return { kind: 'seq', seq: Number(value) };
  const time = new Date(value);
  if (Number.isNaN(time.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw new UsageError(`${name} must be an ISO 8601 time or an outbox seq, got "${value}"`);
  return { kind: 'time', time };
}

export function parseArgs(argv: readonly string[]): Options | 'help' {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--dry-run') {
      flags.add(arg);
      continue;
    }
    const eq = /^(--[a-z-]+)=(.*)$/.exec(arg);
    if (eq) values.set(eq[1], eq[2]);
    else if (['--service', '--topic', '--from', '--to', '--batch'].includes(arg)) values.set(arg, argv[++i]);
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  const service = values.get('--service');
  const topic = values.get('--topic');
  if (!service || !/^[a-z][a-z0-9-]*$/.test(service)) throw new UsageError('--service is required (e.g. orders)');
  if (!topic) throw new UsageError('--topic is required (e.g. orders.contract-signed.v1)');
  const batch = Number(values.get('--batch') ?? 500);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError('--batch must be an integer between 1 and 10000');
  return {
    service,
    topic,
    from: parseBound('--from', values.get('--from')),
    to: values.has('--to') ? parseBound('--to', values.get('--to')) : null,
    batch,
    dryRun: flags.has('--dry-run'),
  };
}

async function replay(options: Options): Promise<void> {
  const config = loadServiceConfig(options.service, 0);
  if (!isEventType(options.topic)) process.stderr.write(`warning: ${options.topic} is not in the event catalogue; replaying anyway\n`);
  if (!options.dryRun && !config.kafkaBrokers.length) {
    throw new UsageError('KAFKA_BROKERS is not set: the embedded in-process transport cannot be reached from another process');
  }
  // Only the event tables; never synchronise or migrate the service's database from here.
  const dataSource = new DataSource({
    ...dataSourceOptions({ databaseUrl: config.databaseUrl, entities: EVENT_ENTITIES, migrations: [] }),
    synchronize: false,
    migrationsRun: false,
  } as ConstructorParameters<typeof DataSource>[0]);
  await dataSource.initialize();
  const transport = options.dryRun ? null : new KafkaTransport({ brokers: config.kafkaBrokers, clientId: `lianxiao-${options.service}-replay` });
  try {
    const page = (afterSeq: number) => {
      const qb = dataSource
        .getRepository(OutboxEvent)
        .createQueryBuilder('o')
        .where('o.topic = :topic', { topic: options.topic })
        .andWhere('o.publishedAt IS NOT NULL')
        .andWhere('o.seq > :afterSeq', { afterSeq });
      if (options.from.kind === 'seq') qb.andWhere('o.seq >= :fromSeq', { fromSeq: options.from.seq });
      else qb.andWhere('o.createdAt >= :fromTime', { fromTime: options.from.time });
      if (options.to?.kind === 'seq') qb.andWhere('o.seq <= :toSeq', { toSeq: options.to.seq });
      else if (options.to?.kind === 'time') qb.andWhere('o.createdAt <= :toTime', { toTime: options.to.time });
      return qb.orderBy('o.seq', 'ASC').take(options.batch).getMany();
    };
    let afterSeq = 0;
    let replayed = 0;
    let firstSeq: number | null = null;
    for (;;) {
      const rows = await page(afterSeq);
      if (!rows.length) break;
      firstSeq ??= rows[0].seq;
      if (transport) {
        const messages: TransportMessage[] = rows.map((r) => ({
          topic: r.topic,
          key: r.messageKey,
          value: r.payload,
          headers: { ...(r.headers ?? {}), 'x-lianxiao-replay': 'true' },
        }));
        await transport.publish(messages);
      }
      replayed += rows.length;
      afterSeq = rows[rows.length - 1].seq;
      process.stderr.write(`${options.dryRun ? 'would replay' : 'replayed'} ${replayed} (up to seq ${afterSeq})\n`);
    }
    process.stdout.write(
      `${options.service}: ${options.dryRun ? 'would replay' : 'replayed'} ${replayed} event(s) of ${options.topic}` +
        (replayed ? ` (seq ${firstSeq}..${afterSeq})` : '') + '\n',
    );
  } finally {
    await transport?.close();
    await dataSource.destroy();
  }
}

if (require.main === module) {
  let parsed: Options | 'help';
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
  } else {
    replay(parsed).catch((error: unknown) => {
      process.stderr.write(`events:replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    });
  }
}
