import { Kafka, logLevel } from 'kafkajs';
import { formatValidationErrors, Topics, validateEvent } from '@lianxiao/contracts';

const USAGE = `Reads orders.contract-signed.v1 the way ERP's connector would (plain kafkajs, its own consumer
group) and prints one line per envelope: event id, time, subject, contract number, agreement version,
and whether it passes the JSON Schema.

usage: npm run events:erp-feed -- [--group erp-console] [--from-beginning] [--once]
  KAFKA_BROKERS  comma-separated brokers (required)
  --group        consumer group (default erp-console; ERP scheduling uses its own)
  --from-beginning  a new group starts at the oldest message (default: only new ones)
  --once         exit after the messages available now (idle 3 s)
`;

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (!brokers.length) throw new Error('KAFKA_BROKERS is not set (the embedded in-process transport is not reachable from outside; see the portal page ERP 接收记录)');
  const groupIndex = argv.indexOf('--group');
  const groupId = groupIndex >= 0 ? argv[groupIndex + 1] : 'erp-console';
  const kafka = new Kafka({ clientId: 'erp-console', brokers, logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.contractSigned, fromBeginning: argv.includes('--from-beginning') });
  let idle: NodeJS.Timeout | undefined;
  const stop = async () => {
    await consumer.disconnect();
    process.exit(0);
  };
  const armIdle = () => {
    if (!argv.includes('--once')) return;
    clearTimeout(idle);
    idle = setTimeout(() => void stop(), 3_000);
  };
  process.once('SIGINT', () => void stop());
  armIdle();
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      armIdle();
      let line: string;
      try {
        const event = JSON.parse(message.value?.toString() ?? '') as { id: string; time: string; subject: string; data: { contractNumber?: string; specification?: { agreementVersion?: number } } };
        const errors = validateEvent(event);
        line = [
          event.id, event.time, event.subject, event.data?.contractNumber ?? '-', `v${event.data?.specification?.agreementVersion ?? '?'}`,
          errors.length ? `INVALID ${formatValidationErrors(errors)}` : 'valid',
        ].join('\t');
      } catch (error) {
        line = `unparseable message at ${partition}/${message.offset}: ${String(error)}`;
      }
      process.stdout.write(`${line}\n`);
    },
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
