// Preloaded (NODE_OPTIONS=--require) into the processes the start-up bench times: at exit, their
// own CPU time and peak RSS, appended as one JSON line to LTC_BENCH_USAGE. Node gives a parent no
// rusage of its children, and /usr/bin/time is not everywhere.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  appendFileSync(process.env.LTC_BENCH_USAGE, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rssBytes: usage.maxRSS * 1024 }) + '\n');
});
