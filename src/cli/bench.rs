//! `scour bench`: indexing throughput, index size and per-query latency on a collection.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;

use scour_core::dictionary::TermDictionary;
use scour_core::{codec, Document, IndexBuilder, Layout, SearchOptions};

#[derive(Args)]
pub struct BenchArgs {
    /// A collection directory with corpus.jsonl (queries.jsonl is used when present).
    collection: PathBuf,
    /// Queries to time (drawn from queries.jsonl, else from document titles).
    #[arg(long, default_value_t = 50)]
    queries: usize,
    /// Also time query shapes made to be slow, a keystroke at a time (see `hostile`).
    #[arg(long)]
    hostile: bool,
    /// Add one page of this many MB (1 to 1,000), made of the collection's text.
    #[arg(long, value_name = "MB", value_parser = clap::value_parser!(u16).range(1..=1000))]
    big_page: Option<u16>,
}

pub fn run(args: &BenchArgs) -> Result<(), String> {
    if !args.collection.join("corpus.jsonl").is_file() {
        return Err(format!(
            "{} has no corpus.jsonl: scour bench times a collection (a folder with corpus.jsonl, a JSON document a line, and queries.jsonl if you have them), not a site",
            args.collection.display()
        ));
    }
    let corpus =
        scour_ingest::read_corpus(&[args.collection.join("corpus.jsonl")], &Default::default())
            .map_err(|e| e.to_string())?;
    // Stdout is the figures: what was passed over goes to stderr.
    super::index::report_passed_over(&corpus);
    let mut documents = corpus.documents;
    if let Some(megabytes) = args.big_page {
        let page = super::hostile::big_page(&documents, usize::from(megabytes));
        documents.push(page);
    }
    let text_bytes: usize = documents.iter().map(|d| d.title.len() + d.body.len()).sum();
    let queries = sample_queries(&args.collection, &documents, args.queries)?;
    let started = Instant::now();
    let mut builder = IndexBuilder::new();
    for document in documents {
        builder.add(document);
    }
    let bytes = builder.build_files(Layout::whole()).single_file();
    let build = started.elapsed();
    let started = Instant::now();
    let index = codec::decode(&bytes).map_err(|e| e.to_string())?;
    let open = started.elapsed();
    let megabytes = text_bytes as f64 / 1e6;
    outln!(
        "{} documents, {megabytes:.1} MB of text: indexed in {:.2} s ({:.1} MB/s); index {} bytes ({:.2} MB per MB of text); opened in {:.1} ms",
        index.stats().documents,
        build.as_secs_f64(),
        megabytes / build.as_secs_f64(),
        bytes.len(),
        bytes.len() as f64 / 1e6 / megabytes,
        open.as_secs_f64() * 1e3
    );
    let complete = SearchOptions {
        typing: false,
        ..SearchOptions::default()
    };
    let whole = time_each(queries.iter().map(String::as_str), |q| {
        index.search(q, &complete).total
    });
    report("query (limit 10, with excerpts)", whole);
    let keystrokes: Vec<&str> = queries
        .iter()
        .flat_map(|q| {
            q.char_indices()
                .skip(1)
                .map(|(i, _)| &q[..i])
                .chain([q.as_str()])
        })
        .collect();
    let typing = SearchOptions::default();
    report(
        "keystroke (prefix of each query)",
        time_each(keystrokes.into_iter(), |q| index.search(q, &typing).total),
    );
    report_dictionary(&index, &queries);
    if args.hostile {
        super::hostile::report(&index);
    }
    Ok(())
}

/// Times the term dictionary alone: prefix lookups, and typo lookups at distance 1 and 2.
fn report_dictionary(index: &scour_core::Index, queries: &[String]) {
    let terms = TermDictionary::from_sorted(index.terms());
    let words: Vec<String> = queries
        .iter()
        .flat_map(|q| scour_core::analysis::tokenize(q))
        .map(|t| t.term)
        .filter(|t| t.chars().count() >= 4)
        .collect();
    outln!("dictionary: {} terms", terms.len());
    let prefixes: Vec<String> = words.iter().map(|w| w.chars().take(3).collect()).collect();
    let prefix = time_each(prefixes.iter().map(String::as_str), |p| {
        terms.prefix_range(p).len()
    });
    report("  prefix lookup (3 letters)", prefix);
    let words = || words.iter().map(String::as_str);
    report(
        "  typo lookup, 1 edit",
        time_each(words(), |w| terms.fuzzy(w, 1).len()),
    );
    report(
        "  typo lookup, 2 edits",
        time_each(words(), |w| terms.fuzzy(w, 2).len()),
    );
}

/// Queries from queries.jsonl when there is one (an unreadable one is an error, not another
/// set of queries timed unasked), else the first two words of evenly spaced titles.
fn sample_queries(
    dir: &std::path::Path,
    documents: &[Document],
    count: usize,
) -> Result<Vec<String>, String> {
    let file = dir.join("queries.jsonl");
    let queries = if file.exists() {
        super::eval::read_queries(&file)?
    } else {
        Vec::new()
    };
    if !queries.is_empty() {
        return Ok(queries
            .into_iter()
            .map(|(_, text)| text)
            .take(count)
            .collect());
    }
    let step = (documents.len() / count.max(1)).max(1);
    Ok(documents
        .iter()
        .step_by(step)
        .map(|d| {
            d.title
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|q| !q.is_empty())
        .take(count)
        .collect())
}

/// Times each query once after a warm-up pass; returns sorted durations.
fn time_each<'a>(
    queries: impl Iterator<Item = &'a str> + Clone,
    mut search: impl FnMut(&str) -> usize,
) -> Vec<Duration> {
    let mut sink = 0;
    for q in queries.clone() {
        sink += search(q);
    }
    let mut times: Vec<Duration> = queries
        .map(|q| {
            let started = Instant::now();
            sink += search(q);
            started.elapsed()
        })
        .collect();
    std::hint::black_box(sink);
    times.sort();
    times
}

fn report(what: &str, times: Vec<Duration>) {
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    let at = |p: f64| {
        times
            .get(super::percentile_rank(times.len(), p))
            .map_or(0.0, |d| micros(*d))
    };
    let mean = times.iter().map(|d| micros(*d)).sum::<f64>() / times.len().max(1) as f64;
    outln!(
        "{what}: n {}, p50 {:.0} µs, p95 {:.0} µs, mean {mean:.0} µs",
        times.len(),
        at(0.5),
        at(0.95)
    );
}
