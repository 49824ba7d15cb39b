// CPU profile of one process of a cluster (`--cpu-prof` is not allowed in NODE_OPTIONS):
//   NODE_OPTIONS='--require /abs/path/bench/lib/cpu-profile-hook.cjs' CPU_PROFILE_MATCH=gateway/dist/main.js …
// The matching process profiles from its start; `kill -USR2 <pid>` writes
// $CPU_PROFILE_DIR/<name>-<pid>.cpuprofile (default /tmp) and exits. Open it in Chrome DevTools.
const match = process.env.CPU_PROFILE_MATCH || 'gateway/dist/main.js';
if ((process.argv[1] || '').includes(match)) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const path = require('node:path');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  process.on('SIGUSR2', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        const file = path.join(process.env.CPU_PROFILE_DIR || '/tmp', `${path.basename(path.dirname(path.dirname(process.argv[1])))}-${process.pid}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(result.profile));
      }
      process.exit(0);
    });
  });
}
