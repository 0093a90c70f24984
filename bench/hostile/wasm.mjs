// Hostile query shapes in the wasm engine (www/pkg, in Node's V8, the engine Chromium runs),
// a keystroke at a time: the PHP manual as one file, then the same with one generated page of
// 100 MB (not checked in). The shapes are `scour bench --hostile`'s (src/cli/hostile.rs).
//
//   node bench/hostile/wasm.mjs [corpus.jsonl] [page MB]
//   default: ../shared/datasets/php-manual/corpus.jsonl 100; needs `make build` and
//   target/release/scour (cargo build --release).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [corpus = path.join(ROOT, '../shared/datasets/php-manual/corpus.jsonl'), megabytes = '100'] = process.argv.slice(2);
const { initSync, Scour } = await import(path.join(ROOT, 'www/pkg/scour_engine.js'));
initSync({ module: readFileSync(path.join(ROOT, 'www/pkg/scour_engine_bg.wasm')) });

const the = (n) => Array(n).fill('the').join(' ');
const excluded = Array.from({ length: 40 }, (_, i) => `-"the ${['function', 'value', 'array', 'string', 'return'][i % 5]} of"`);
const SHAPES = [
  ['a 500-word phrase of "the"', `"${the(500)}"`],
  ['40 excluded phrases', `array ${excluded.join(' ')}`],
  ['common words', 'the of and to a in is it for that'],
  ['a phrase of common words', '"the value of the"'],
  ['a phrase being typed', `"${the(30)} arr`],
  ['words OR words, title:', 'title:array OR string OR the -the function'],
  ['a plain query', 'array sort'],
];
const KEYSTROKES = 12, RUNS = 5;

/** The slowest keystroke of each shape (the fastest of RUNS runs each: the one other work
 * on the machine slowed least), in ms. */
function measure(scour) {
  let slowest = 0;
  for (const [name, query] of SHAPES) {
    const ends = [...query].map((_, i) => [...query].slice(0, i + 1).join('')).slice(1);
    const step = Math.max(1, Math.floor(ends.length / KEYSTROKES));
    const keystrokes = ends.reverse().filter((_, i) => i % step == 0).slice(0, KEYSTROKES);
    let worst = 0, hits = 0;
    for (const q of keystrokes) {
      const times = [];
      for (let r = 0; r < RUNS; r++) {
        const t = performance.now();
        hits = scour.search(q, { limit: 10 }).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      worst = Math.max(worst, times[0]);
    }
    if (name != 'a plain query') slowest = Math.max(slowest, worst);
    console.log(`  ${name.padEnd(28)} slowest of ${keystrokes.length} keystrokes ${worst.toFixed(2).padStart(8)} ms (${hits} hits)`);
  }
  console.log(`hostile (wasm): slowest keystroke ${slowest.toFixed(2)} ms`);
}

/** A single-file index of `jsonl`, opened in the engine. */
function open(jsonl, dir) {
  const out = path.join(dir, path.basename(jsonl, '.jsonl'));
  execFileSync(path.join(ROOT, 'target/release/scour'), ['index', jsonl, '--out', out, '--single-file', '--max-file-size', '1G'], { stdio: 'pipe' });
  const bytes = readFileSync(path.join(out, 'scour-index.bin'));
  const t = performance.now();
  const scour = Scour.fromBytes(bytes);
  console.log(`${jsonl}: ${(bytes.length / 1e6).toFixed(1)} MB index opened in ${(performance.now() - t).toFixed(0)} ms`);
  return scour;
}

const dir = mkdtempSync(path.join(tmpdir(), 'scour-hostile-'));
try {
  measure(open(corpus, dir));
  // One page of `megabytes` MB of the collection's own text, beside it.
  const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
  const texts = lines.map((l) => JSON.parse(l).body);
  let body = '', i = 0;
  while (body.length < megabytes * 1e6) body += texts[i++ % texts.length] + '\n\n';
  const big = path.join(dir, 'with-big-page.jsonl');
  writeFileSync(big, lines.join('\n') + '\n' + JSON.stringify({ id: 'big-page', title: `A page of ${megabytes} MB`, body }) + '\n');
  body = '';
  measure(open(big, dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
