#!/usr/bin/env node
// Runs tests/bench/index.html in headless Chromium against the built www/pkg and prints latency.
// Usage: node scripts/bench-browser.mjs [--json]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { launchBrowser, watchErrors } from '../tests/e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await startServer({ root: path.join(ROOT, 'www'), port: 0, mounts: { '/_bench/': path.join(ROOT, 'tests/bench') } });
const browser = await launchBrowser();
let code = 0;
try {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL('/_bench/', server.url).href);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 300_000, polling: 250 });
  const r = await page.evaluate(() => window.benchResult);
  if (r.error) throw new Error(`bench page failed: ${r.error}`);
  errors.assertClean();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    for (const row of r.rows) {
      console.log(`  ${row.kind.padEnd(9)} ${row.q.padEnd(36)} ${row.us.toFixed(1).padStart(10)} µs  ${String(row.hits).padStart(2)} hits`);
    }
    console.log(`browser: ${r.queries} queries, median ${r.medianUs.toFixed(1)} µs, p95 ${r.p95Us.toFixed(1)} µs, max ${r.maxUs.toFixed(1)} µs` +
      ` (wasm init ${r.initMs.toFixed(1)} ms, index open ${r.openMs.toFixed(1)} ms; ${r.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? r.userAgent})`);
  }
} catch (e) {
  console.error(`bench-browser: ${e.message}`);
  code = 1;
} finally {
  await browser.close();
  await server.close();
}
process.exit(code);
