//! `scour eval`: relevance of the engine on a test collection (corpus.jsonl, queries.jsonl,
//! qrels.txt): nDCG@10, MAP@100, P@10, Recall@100, and for known-item queries MRR@10 and
//! success@1 (any grade above 0 counts as found); optionally a TREC run file.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use serde::Deserialize;

use scour_core::synonyms::Synonyms;
use scour_core::{IndexBuilder, SearchOptions, Syntax, Weights};

use super::metrics::{mean, score, Judgments, Scores};

/// How many results are ranked per query (the depth of MAP and Recall).
const DEPTH: usize = 100;

#[derive(Args)]
pub struct EvalArgs {
    /// A collection directory with corpus.jsonl, queries.jsonl and qrels.txt.
    collection: PathBuf,
    /// Also write the rankings as a TREC run file (`qid Q0 docid rank score scour`).
    #[arg(long)]
    run: Option<PathBuf>,
    /// Require every query word when some document has them all, as the search box does
    /// (by default documents matching any word are ranked, the usual rule for prose queries).
    #[arg(long)]
    all_words: bool,
    /// Override ranking weights, for experiments: `k1=1.2,b_body=0.75,title=2.5,...`.
    #[arg(long, value_parser = parse_weights)]
    weights: Option<Weights>,
    /// Index without the built-in English synonyms, to measure what they do.
    #[arg(long)]
    no_builtin_synonyms: bool,
}

/// Parses `name=value` pairs over the default weights.
fn parse_weights(text: &str) -> Result<Weights, String> {
    let mut weights = Weights::default();
    for pair in text.split(',').filter(|p| !p.is_empty()) {
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("{pair:?} is not name=value"))?;
        let value: f32 = value
            .parse()
            .map_err(|_| format!("{value:?} is not a number"))?;
        let field = match name {
            "k1" => &mut weights.k1,
            "b_title" => &mut weights.b_title,
            "b_body" => &mut weights.b_body,
            "title" => &mut weights.title,
            "stem" => &mut weights.stem,
            "prefix" => &mut weights.prefix,
            "typo" => &mut weights.typo,
            "accent" => &mut weights.accent,
            "bare" => &mut weights.bare,
            "proximity" => &mut weights.proximity,
            "lead" => &mut weights.lead,
            "shared_title" => &mut weights.shared_title,
            "title_part" => &mut weights.title_part,
            "mentions" => &mut weights.mentions,
            "lacking" => &mut weights.lacking,
            "synonym" => &mut weights.synonym,
            "defined" => &mut weights.defined,
            other => return Err(format!("unknown weight {other:?}")),
        };
        if !value.is_finite() || value < 0.0 {
            return Err(format!(
                "the weight {name} is {value}; give a number of 0 or more"
            ));
        }
        *field = value;
    }
    Ok(weights)
}

#[derive(Deserialize)]
struct QueryLine {
    id: serde_json::Value,
    text: String,
}

pub fn run(args: &EvalArgs) -> Result<(), String> {
    let dir = &args.collection;
    for needed in ["corpus.jsonl", "queries.jsonl", "qrels.txt"] {
        if !dir.join(needed).is_file() {
            return Err(format!(
                "{} has no {needed}: relevance needs corpus.jsonl, queries.jsonl and qrels.txt (`scour bench` measures speed without them)",
                dir.display()
            ));
        }
    }
    let started = Instant::now();
    let corpus = scour_ingest::read_corpus(
        &[dir.join("corpus.jsonl")],
        &scour_ingest::IngestOptions::default(),
    )
    .map_err(|e| e.to_string())?;
    // Stdout is the table of figures: what was passed over goes to stderr.
    super::index::report_passed_over(&corpus);
    let mut builder = IndexBuilder::new();
    if args.no_builtin_synonyms {
        builder.synonyms(Synonyms::none());
    }
    for document in corpus.documents {
        builder.add(document);
    }
    let index = builder.build();
    let build_time = started.elapsed();
    let queries = read_queries(&dir.join("queries.jsonl"))?;
    let qrels = read_qrels(&dir.join("qrels.txt"))?;
    let options = SearchOptions {
        limit: DEPTH,
        syntax: Syntax::Plain,
        typing: false,
        require_all: args.all_words,
        weights: args.weights.unwrap_or_default(),
        ..SearchOptions::default()
    };
    let mut per_query: Vec<Scores> = Vec::new();
    let mut run_file = String::new();
    let mut latencies = Vec::new();
    for (id, text) in &queries {
        let Some(judgments) = qrels.get(id).filter(|j| j.values().any(|&g| g > 0)) else {
            continue;
        };
        let started = Instant::now();
        let results = index.search(text, &options);
        latencies.push(started.elapsed().as_secs_f64() * 1e6);
        let ranking: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
        per_query.push(score(&ranking, judgments));
        for (rank, hit) in results.hits.iter().enumerate() {
            let _ = writeln!(
                run_file,
                "{id} Q0 {} {} {:.6} scour",
                hit.id,
                rank + 1,
                hit.score
            );
        }
    }
    if per_query.is_empty() {
        return Err(format!(
            "no query of {} has judgments in {}: a query is measured when its \"id\" is the first field of a qrels line with a grade above 0, written the same way",
            dir.join("queries.jsonl").display(),
            dir.join("qrels.txt").display()
        ));
    }
    if let Some(path) = &args.run {
        fs::write(path, run_file).map_err(super::cannot("write", path))?;
    }
    let name = dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let m = mean(&per_query);
    latencies.sort_by(f64::total_cmp);
    let percentile = |p: f64| {
        latencies
            .get(super::percentile_rank(latencies.len(), p))
            .copied()
            .unwrap_or(0.0)
    };
    outln!("collection  queries  nDCG@10  MAP@100  P@10    Recall@100  MRR@10  S@1");
    outln!(
        "{name:<11} {:>7}  {:.4}   {:.4}   {:.4}  {:.4}      {:.4}  {:.4}",
        per_query.len(),
        m.ndcg_10,
        m.map_100,
        m.p_10,
        m.recall_100,
        m.mrr_10,
        m.success_1
    );
    eprintln!(
        "{} documents indexed in {:.2} s; query latency p50 {:.0} µs, p95 {:.0} µs",
        index.stats().documents,
        build_time.as_secs_f64(),
        percentile(0.5),
        percentile(0.95)
    );
    Ok(())
}

pub(super) fn read_queries(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = fs::read_to_string(path).map_err(super::cannot("read", path))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let q: QueryLine = serde_json::from_str(line).map_err(|e| {
                format!(
                    "{}:{}: not a query line ({{\"id\", \"text\"}}): {e}",
                    path.display(),
                    i + 1
                )
            })?;
            let id = match q.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Ok((id, q.text))
        })
        .collect()
}

/// TREC qrels: `qid iteration docid grade` per line.
fn read_qrels(path: &Path) -> Result<HashMap<String, Judgments>, String> {
    let text = fs::read_to_string(path).map_err(super::cannot("read", path))?;
    let mut qrels: HashMap<String, Judgments> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            continue;
        }
        let [qid, _, docid, grade] = fields[..] else {
            return Err(format!(
                "{}:{}: expected `qid 0 docid grade`",
                path.display(),
                i + 1
            ));
        };
        let grade: i32 = grade.parse().map_err(|_| {
            format!(
                "{}:{}: the grade {grade:?} is not a number",
                path.display(),
                i + 1
            )
        })?;
        qrels
            .entry(qid.to_string())
            .or_default()
            .insert(docid.to_string(), grade);
    }
    Ok(qrels)
}
