#!/usr/bin/env node
// `npm test`: lint, typecheck, build, bundle budgets, unit tests (Vitest) and end-to-end tests
// (Playwright, on the built app). Every step runs even when an earlier one
// failed, so one run reports everything; the exit code is non-zero if any
// step failed. The last line is "N passed, N failed", summed over both test
// runners, for CI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const reports = join(root, '.tmp', 'reports');
const tmp = join(root, '.tmp', 'tmp');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
mkdirSync(tmp, { recursive: true });
const env = { ...process.env, TMPDIR: tmp };

const failedSteps = [];
const announce = (name, command, args) => console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
/** The line that ends a step's output; a failed step is remembered for the exit code. */
function settle(name, ok, started) {
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (!ok) failedSteps.push(name);
  return ok;
}
function step(name, command, args, extraEnv = {}) {
  const started = Date.now();
  announce(name, command, args);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return settle(name, result.status === 0, started);
}

/**
 * A step run beside others: its output is kept and printed in one piece when it ends, so
 * the log reads as if the steps had run one after the other.
 */
function stepBeside(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let finished = false;
    const finish = (ok) => {
      if (finished) return;
      finished = true;
      announce(name, command, args);
      process.stdout.write(Buffer.concat(output));
      resolve(settle(name, ok, started));
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

const npx = 'npx';
// Lint and typecheck each use one core: side by side they take the time of the longer one.
await Promise.all([
  stepBeside('lint', npx, ['eslint', '--cache', '--cache-location', '.tmp/.eslintcache', '.']),
  stepBeside('typecheck', npx, ['tsc', '-p', 'tsconfig.json']),
]);
// `npm run build` also writes the offline single file the end-to-end tests open.
const built = step('build', 'npm', ['run', 'build']);
// Bundle budgets (.size-limit.mjs): gzip size of what the first view loads, and of MapLibre's lazy chunks.
if (built) {
  step('budgets', npx, ['size-limit']);
} else {
  failedSteps.push('budgets (not run: the build failed)');
}

const vitestReport = join(reports, 'vitest.json');
step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);

const playwrightReport = join(reports, 'playwright.json');
if (built) {
  step('end-to-end tests', npx, ['playwright', 'test'], { PW_JSON_REPORT: playwrightReport });
} else {
  failedSteps.push('end-to-end tests (not run: the build failed)');
}

function vitestCounts() {
  if (!existsSync(vitestReport)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  // Test files that failed to load count as failures too.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}
function playwrightCounts() {
  if (!existsSync(playwrightReport)) return { passed: 0, failed: 1 };
  const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}

// A runner that failed without reporting a failed test (it could not start, say) still counts as one failure.
const withStep = (counts, name) =>
  failedSteps.some((s) => s.startsWith(name)) && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
const unit = withStep(vitestCounts(), 'unit tests');
const e2e = withStep(playwrightCounts(), 'end-to-end tests');
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(join(reports, 'summary.txt'), `${line}\n`);
console.log(line);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
