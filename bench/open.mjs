// The time `Scour.fromBytes` takes in Chromium: each single-file index given is served by
// scripts/serve.mjs beside the bundle engine, fetched on a fresh page, then opened 5 times
// there (the median); every file is opened once per round, 3 rounds, and the median round is
// printed. An argument `ENGINE_DIR=INDEX_FILE` opens that file with the engine built in
// ENGINE_DIR (another checkout's www/bundle/pkg, to compare two builds in one run).
//
// Usage: node bench/open.mjs [ENGINE_DIR=]INDEX_FILE...   (after `make build`; an index file
// from `scour index CORPUS --out DIR --single-file`)
import path from 'node:path';
import { statSync } from 'node:fs';
import { launchBrowser, ROOT } from '../tests/e2e/harness.mjs';
import { startServer } from '../scripts/serve.mjs';

const OPENINGS = 5;
const ROUNDS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const cases = process.argv.slice(2).map((arg, i) => {
  const [engine, file] = arg.includes('=') ? arg.split('=') : [path.join(ROOT, 'www/bundle/pkg'), arg];
  return { arg, engine: path.resolve(engine), file: path.resolve(file), prefix: `/case${i}` };
});
if (cases.length === 0) {
  console.error('usage: node bench/open.mjs [ENGINE_DIR=]INDEX_FILE...');
  process.exit(2);
}

const mounts = {};
for (const c of cases) {
  mounts[`${c.prefix}/engine/`] = c.engine;
  mounts[`${c.prefix}/index/`] = path.dirname(c.file);
}
const server = await startServer({ root: path.join(ROOT, 'www'), port: 0, mounts });
const browser = await launchBrowser();

/** Median time of OPENINGS openings of `c`'s file in a fresh page, in ms. */
async function openOnce(c) {
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    return await page.evaluate(
      async ({ prefix, name, openings }) => {
        const engine = await import(`${prefix}/engine/scour_engine.js`);
        await engine.default(`${prefix}/engine/scour_engine_bg.wasm`);
        const response = await fetch(`${prefix}/index/${name}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const times = [];
        for (let i = 0; i < openings; i++) {
          const start = performance.now();
          engine.Scour.fromBytes(bytes).free();
          times.push(performance.now() - start);
        }
        return times.sort((a, b) => a - b)[openings >> 1];
      },
      { prefix: c.prefix, name: path.basename(c.file), openings: OPENINGS },
    );
  } finally {
    await page.close();
  }
}

try {
  const rounds = new Map(cases.map((c) => [c, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) rounds.get(c).push(await openOnce(c));
  }
  console.log('| index file | engine | size | opening in Chromium (median) | rounds |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const c of cases) {
    const times = rounds.get(c);
    const size = `${(statSync(c.file).size / 1e6).toFixed(1)} MB`;
    const all = times.map((t) => t.toFixed(0)).join(', ');
    console.log(`| ${c.file} | ${c.engine} | ${size} | ${median(times).toFixed(0)} ms | ${all} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
