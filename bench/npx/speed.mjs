// The npx indexer (the command line in wasm32-wasip1, through node:wasi) against the native one:
// `scour index` of a corpus into a fresh folder, the two alternated run by run; median wall and
// CPU time (user + system, every thread) of each, and the outputs compared byte for byte.
// Needs `cargo build --release` and scripts/build-package.sh.
//
//   node bench/npx/speed.mjs [corpus=../shared/datasets/php-manual/corpus.jsonl] [runs=5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [corpus = path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl'), runs = '5'] = process.argv.slice(2);
const work = mkdtempSync(path.join(tmpdir(), 'scour-npx-speed-'));
const indexers = {
  native: [path.join(ROOT, 'target/release/scour')],
  npx: [process.execPath, path.join(ROOT, 'target/npm/scour-site/bin/scour-site.mjs')],
};

/** Runs a command; its wall and CPU seconds. */
function timed([command, ...args]) {
  const script = 'import resource,subprocess,sys,time\nt=time.time()\nsubprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n'
    + 'r=resource.getrusage(resource.RUSAGE_CHILDREN)\nprint(time.time()-t, r.ru_utime+r.ru_stime)';
  const [wall, cpu] = execFileSync('python3', ['-c', script, command, ...args], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { wall, cpu };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const files = (dir) => readdirSync(dir, { recursive: true }).sort();

const times = { native: [], npx: [] };
for (let run = 0; run < +runs; run++) {
  for (const [name, command] of Object.entries(indexers)) {
    const out = path.join(work, name);
    rmSync(out, { recursive: true, force: true });
    times[name].push(timed([...command, 'index', corpus, '--out', out]));
  }
}
const [native, npx] = [path.join(work, 'native'), path.join(work, 'npx')];
const same = files(native).join() == files(npx).join()
  && files(native).every((f) => f.endsWith('pieces') || readFileSync(path.join(native, f)).equals(readFileSync(path.join(npx, f))));
rmSync(work, { recursive: true, force: true });

const row = (name) => ({ wall: median(times[name].map((t) => t.wall)), cpu: median(times[name].map((t) => t.cpu)) });
const [a, b] = [row('native'), row('npx')];
console.log(`${path.basename(path.dirname(corpus))}, ${runs} runs each, medians`);
console.log(`native: ${a.wall.toFixed(2)} s wall, ${a.cpu.toFixed(2)} s CPU`);
console.log(`npx:    ${b.wall.toFixed(2)} s wall, ${b.cpu.toFixed(2)} s CPU`);
console.log(`npx / native: ${(b.wall / a.wall).toFixed(2)}× wall, ${(b.cpu / a.cpu).toFixed(2)}× CPU; outputs ${same ? 'identical' : 'DIFFER'}`);
