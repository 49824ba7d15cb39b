// `npm run start:cluster`: build if needed, then start the production-mode processes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureBuilt, ROOT } from './ensure-built.mjs';

if (!process.argv.includes('--no-build')) ensureBuilt();
createRequire(import.meta.url)(path.join(ROOT, 'tools/dist/cluster/start-cluster.js'));
