// Scores TREC run files against a collection's qrels: MRR@10, success@1 and nDCG@10, one
// row per run, and lists the queries a run does not answer first.
//
//   node score.mjs [--misses RUN_NAME,...] <collection-dir> <run-file>...
//
// Conventions (trec_eval's, as in src/cli/metrics.rs and the harness's lib/metrics.mjs):
// a document is relevant when its grade is above 0, unjudged documents are not; only
// queries with a relevant document count, and a query a run has no line for scores 0.
//   MRR@10    1 / the rank of the first relevant document in the top 10, else 0
//   success@1 1 when the first document is relevant, else 0
//   nDCG@10   gain = grade, discount log2(rank + 1), ideal from the judged grades
// Prints a Markdown table; with --misses, for each named run (a run file's name without
// `.run`), the queries whose first document is not relevant: the rank of the first
// relevant one and what came first.
import fs from 'node:fs';
import path from 'node:path';

export function scoreQuery(ranking, judged) {
  const gain = (id) => Math.max(judged.get(id) || 0, 0);
  const top = ranking.slice(0, 10);
  const first = top.findIndex((id) => gain(id) > 0);
  const dcg = top.reduce((s, id, i) => s + gain(id) / Math.log2(i + 2), 0);
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return { mrr_10: first < 0 ? 0 : 1 / (first + 1), success_1: first === 0 ? 1 : 0, ndcg_10: idcg > 0 ? dcg / idcg : 0, first: first < 0 ? null : first + 1 };
}

export function readQrels(file) {
  const qrels = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [qid, , doc, grade] = line.trim().split(/\s+/);
    if (!doc) continue;
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid).set(doc, Number(grade));
  }
  return qrels;
}

// TREC run: `qid Q0 docid rank score tag`, ordered by rank (then by line).
export function readRun(file) {
  const rows = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 4) rows.push({ qid: f[0], doc: f[2], rank: Number(f[3]) });
  }
  const run = new Map();
  rows.sort((a, b) => a.rank - b.rank);
  for (const r of rows) {
    if (!run.has(r.qid)) run.set(r.qid, []);
    const list = run.get(r.qid);
    if (!list.includes(r.doc)) list.push(r.doc);
  }
  return run;
}

export function scoreRun(run, qrels) {
  const per = [];
  for (const [qid, judged] of qrels) {
    if (![...judged.values()].some((g) => g > 0)) continue;
    const ranking = run.get(qid) || [];
    per.push({ qid, ranking, ...scoreQuery(ranking, judged) });
  }
  const mean = (k) => per.reduce((s, p) => s + p[k], 0) / Math.max(per.length, 1);
  return { queries: per.length, mrr_10: mean('mrr_10'), success_1: mean('success_1'), ndcg_10: mean('ndcg_10'), empty: per.filter((p) => !p.ranking.length).length, per };
}

function main() {
  const args = process.argv.slice(2);
  let misses = [];
  const i = args.indexOf('--misses');
  if (i >= 0) { misses = args[i + 1].split(','); args.splice(i, 2); }
  const [dir, ...runFiles] = args;
  if (!dir || !runFiles.length) { console.error('usage: node score.mjs [--misses RUN,...] <collection-dir> <run-file>...'); process.exit(2); }
  const qrels = readQrels(path.join(dir, 'qrels.txt'));
  const texts = new Map(fs.readFileSync(path.join(dir, 'queries.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((q) => [String(q.id), q.text]));
  const titles = new Map();
  for (const line of fs.readFileSync(path.join(dir, 'corpus.jsonl'), 'utf8').split('\n')) {
    if (line.trim()) { const d = JSON.parse(line); titles.set(String(d.id), d.title); }
  }
  const f3 = (x) => x.toFixed(3);
  const cell = (text) => String(text).replace(/\|/g, '\\|');
  const scored = runFiles.map((file) => ({ name: path.basename(file).replace(/\.run$/, ''), ...scoreRun(readRun(file), qrels) }));
  console.log(`| ${path.basename(dir)} | queries | MRR@10 | success@1 | nDCG@10 | no result |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const s of scored) console.log(`| ${s.name} | ${s.queries} | ${f3(s.mrr_10)} | ${f3(s.success_1)} | ${f3(s.ndcg_10)} | ${s.empty} |`);
  for (const s of scored.filter((r) => misses.includes(r.name))) {
    const missed = s.per.filter((p) => p.first !== 1);
    console.log(`\n${s.name} on ${path.basename(dir)}: ${missed.length} of ${s.queries} queries without a relevant page first\n`);
    console.log('| query | text | first relevant at | ranked first |');
    console.log('| --- | --- | --- | --- |');
    for (const p of missed) {
      const top = p.ranking[0];
      console.log(`| ${p.qid} | \`${cell(texts.get(p.qid))}\` | ${p.first ?? '> 10'} | ${top ? cell(`${top} (${titles.get(top)})`) : 'nothing'} |`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
