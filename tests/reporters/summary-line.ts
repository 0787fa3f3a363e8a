/**
 * Ends `npm test` with one plain line — "tests: N passed, N failed, N skipped" — that CI and people
 * can read without knowing vitest's format. Suites left out for want of the shared fixtures
 * (tests/helpers/fixtures.ts) or of Chromium (tests/helpers/chromium.ts) are named in one line per
 * cause; any other skipped test is listed by name, so a skip is never silent. With CI set, a skipped
 * test of any kind fails the run: CI runs everything.
 */
import { basename, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { CHROMIUM, CHROMIUM_CANDIDATES } from '../helpers/chromium.ts';
import { SHARED_FIXTURES } from '../helpers/fixtures.ts';

const inCi = (value = process.env.CI) => Boolean(value) && !['false', '0'].includes(value!.toLowerCase());
const suites = (names: ReadonlySet<string>) => `${names.size} suite${names.size === 1 ? '' : 's'} — ${[...names].sort().join(', ')}`;

export default class SummaryLine implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const withoutShared = new Set<string>();
    const withoutChromium = new Set<string>();
    const otherSkips: string[] = [];
    for (const module of testModules) {
      const file = module.moduleId.split('/tests/').pop()!;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else if (state === 'skipped') {
          skipped++;
          const shared = test.meta().leftOutWithoutShared;
          const browser = !CHROMIUM && file.startsWith('browser/');
          if (shared) withoutShared.add(shared);
          if (browser) withoutChromium.add(basename(file, '.test.ts'));
          if (!shared && !browser) otherSkips.push(`${file} › ${test.fullName}`);
        }
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }

    const lines: string[] = [];
    if (otherSkips.length) lines.push(`skipped:\n${otherSkips.map((s) => `  - ${s}`).join('\n')}`);
    if (withoutShared.size) {
      const where = process.env.LTC_FIXTURES ? SHARED_FIXTURES : relative(process.cwd(), SHARED_FIXTURES);
      lines.push(`left out (no shared fixtures at ${where}; set LTC_FIXTURES): ${suites(withoutShared)}`);
    }
    if (withoutChromium.size) {
      lines.push(`left out (no Chromium at ${CHROMIUM_CANDIDATES.join(' or ')}; apt-get install chromium or set CHROMIUM_PATH): ${suites(withoutChromium)}`);
    }
    if (skipped && inCi()) {
      process.exitCode = 1;
      lines.push(`CI: ${skipped === 1 ? '1 skipped test fails' : `${skipped} skipped tests fail`} the run; in CI every test must run.`);
    }
    lines.push(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
