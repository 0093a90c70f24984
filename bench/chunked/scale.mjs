// The chunked index at scale: the PHP manual repeated 1, 2, 5 and 10 times with new ids
// (11,185 to 111,850 pages), each indexed by `scour index` (wall time and peak memory of
// the process), then the same first searches on each (first-search.mjs).
//
//   node bench/chunked/scale.mjs [corpus.jsonl] [times ...]
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, firstSearches, median, queriesFor } from './first-search.mjs';

const [corpus = path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl'), ...times] = process.argv.slice(2);
const lines = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim());
const work = mkdtempSync(path.join(tmpdir(), 'scour-scale-'));

/** Writes the corpus `n` times, copy k's ids suffixed with `~k`. */
async function repeated(n) {
  const file = path.join(work, `corpus-${n}.jsonl`);
  const out = createWriteStream(file);
  for (let k = 0; k < n; k++) {
    for (const line of lines) {
      const doc = JSON.parse(line);
      if (k) doc.id = `${doc.id}~${k}`;
      if (!out.write(JSON.stringify(doc) + '\n')) await new Promise((r) => out.once('drain', r));
    }
  }
  await new Promise((r) => out.end(r));
  return file;
}

/** Runs a command; returns its wall seconds and peak resident memory in MB. */
function measured(command, args) {
  const script = 'import resource,subprocess,sys,time\nt=time.time()\nsubprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n'
    + 'print(time.time()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024)';
  const [seconds, mb] = execFileSync('python3', ['-c', script, command, ...args], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { seconds, mb };
}

const bytesIn = (dir) => readdirSync(dir, { recursive: true })
  .map((f) => statSync(path.join(dir, f))).filter((s) => s.isFile()).reduce((sum, s) => sum + s.size, 0);

console.log('| pages | text MB | index time | peak memory | index on disk | entry | first search: median KB gzip / requests | largest KB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const n of (times.length ? times : ['1', '2', '5', '10']).map(Number)) {
  const file = await repeated(n);
  const dir = path.join(work, `index-${n}`);
  // The repeated corpus is one .jsonl file past the default 64 MiB a file may hold.
  const maxFileSize = `${Math.ceil(statSync(file).size / 2 ** 20)}M`;
  const run = measured(path.join(ROOT, 'target/release/scour'), ['index', file, '--out', dir, '--max-file-size', maxFileSize]);
  const rows = await firstSearches(dir, queriesFor(corpus));
  console.log(`| ${(lines.length * n).toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(1)} | ${run.seconds.toFixed(1)} s | ${Math.round(run.mb)} MB | ${(bytesIn(dir) / 1e6).toFixed(1)} MB | ${readFileSync(path.join(dir, 'scour-index.bin')).length} B | ${(median(rows.map((r) => r.bytes)) / 1024).toFixed(1)} / ${median(rows.map((r) => r.requests))} | ${(Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(1)} |`);
  if (process.env.VERBOSE) console.log(rows.map((r) => `${r.q} ${(r.bytes / 1024).toFixed(1)}/${r.requests}`).join(', '));
  rmSync(dir, { recursive: true, force: true });
  rmSync(file);
}
rmSync(work, { recursive: true, force: true });
