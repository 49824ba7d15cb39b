// node bench/lib/dataset/cli.mjs --customers 100000 [--follow-ups 20] [--dealers 37] [--prefix lxbench_] [--seed 20261123]
import { ensureBuilt } from '../../../tools/start/ensure-built.mjs';
import { seedDataset } from './index.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
ensureBuilt({ portal: false });
const result = await seedDataset({
  customers: Number(arg('customers', 100_000)), followUpsPerCustomer: Number(arg('follow-ups', 20)), dealers: Number(arg('dealers', 37)),
  prefix: arg('prefix', 'lxbench_'), seed: Number(arg('seed', 20261123)),
});
console.log(`dataset: ${result.customers} customers, ${result.stageTransitions} stage moves, ${result.followUps} follow-ups, ${result.contracts} contracts, ${result.dealers} dealers in ${(result.ms / 1000).toFixed(1)} s`);
