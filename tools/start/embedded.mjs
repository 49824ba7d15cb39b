// `npm start`: build if needed, then run the embedded default (one process, SQLite, demo data).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureBuilt, ROOT } from './ensure-built.mjs';

if (!process.argv.includes('--no-build')) ensureBuilt();
createRequire(import.meta.url)(path.join(ROOT, 'tools/dist/embedded/embedded-host.js'));
