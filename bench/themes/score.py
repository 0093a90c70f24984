#!/usr/bin/env python3
"""Score Scour indexes on known-item query sets as `scour search` ranks: MRR@10 and success@1.

    score.py SCOUR --set DIR [--set DIR ...] [--as-typed] [--jobs N] [--runs DIR] LABEL=INDEX ...

Every query of every set (DIR/queries.jsonl, judged in DIR/qrels.txt, as in bench/known-item)
goes through `SCOUR search --index INDEX --json --limit 10`, the ranking of the search box. The
query is searched finished, a space after its last word (the rule of `scour eval --all-words`),
or with --as-typed as it is, its last word then also completed as a prefix. A query scores
1/rank of its first page graded above 0 in the top 10 (MRR@10), and 1 if that page is first
(success@1); each set averages its queries. Prints a Markdown table, a row per index and two
columns per set; with --runs, also writes a TREC run DIR/<index folder name>.<set>.run.
"""
import argparse
import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor


def read_set(path):
    with open(os.path.join(path, "queries.jsonl"), encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    relevant = {}
    with open(os.path.join(path, "qrels.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                qid, _, doc, grade = line.split()
                if int(grade) > 0:
                    relevant.setdefault(qid, set()).add(doc)
    return os.path.basename(os.path.normpath(path)), queries, relevant


def search(scour, index, text):
    """The ids of the top 10 hits."""
    out = subprocess.run([scour, "search", "--index", index, "--json", "--limit", "10", "--", text],
                         capture_output=True, text=True, check=True).stdout
    return [hit["id"] for hit in json.loads(out)]


def first_relevant_rank(ranking, relevant):
    return next((rank for rank, doc in enumerate(ranking, 1) if doc in relevant), None)


def measures(rankings, queries, relevant):
    ranks = [first_relevant_rank(rankings[q["id"]], relevant.get(q["id"], set())) for q in queries]
    mrr = sum(1 / r for r in ranks if r) / len(queries)
    success = sum(r == 1 for r in ranks) / len(queries)
    return mrr, success


def write_run(path, rankings):
    with open(path, "w", encoding="utf-8") as f:
        for qid, ranking in rankings.items():
            for rank, doc in enumerate(ranking, 1):
                f.write(f"{qid} Q0 {doc} {rank} {1 / rank:.4f} scour-search\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scour", help="the scour CLI")
    parser.add_argument("rows", nargs="+", metavar="LABEL=INDEX", help="a row's label and index")
    parser.add_argument("--set", action="append", required=True, dest="sets", metavar="DIR")
    parser.add_argument("--as-typed", action="store_true", help="leave the last word open (a prefix)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="searches run at once")
    parser.add_argument("--runs", metavar="DIR", help="write a TREC run per row and set here")
    args = parser.parse_args()
    rows = [row.split("=", 1) for row in args.rows]
    sets = [read_set(path) for path in args.sets]

    ending = "" if args.as_typed else " "
    tasks = [(label, index, name, q) for label, index in rows for name, queries, _ in sets for q in queries]
    with ThreadPoolExecutor(args.jobs) as pool:
        found = pool.map(lambda task: search(args.scour, task[1], task[3]["text"] + ending), tasks)
        rankings = {}
        for (label, _, name, q), ranking in zip(tasks, found):
            rankings.setdefault((label, name), {})[q["id"]] = ranking

    print("| site | " + " | ".join(f"{name} ({len(queries)}) MRR@10 | S@1" for name, queries, _ in sets) + " |")
    print("| --- |" + " --- | --- |" * len(sets))
    for label, index in rows:
        cells = []
        for name, queries, relevant in sets:
            cells += [f"{m:.3f}" for m in measures(rankings[(label, name)], queries, relevant)]
            if args.runs:
                run = f"{os.path.basename(os.path.normpath(index))}.{name}.run"
                write_run(os.path.join(args.runs, run), rankings[(label, name)])
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
