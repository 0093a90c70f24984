//! Native search latency over the benchmark queries in `tests/bench/queries.json`
//! (the same ones the browser bench runs), on the embedded index.
//!
//! `cargo bench --bench search` (with `harness = false` in Cargo.toml), or without that entry:
//! `cargo test --release --bench search -- --ignored --nocapture`. `make bench` picks the right one.

use std::hint::black_box;
use std::time::{Duration, Instant};

use scour::SearchOptions;

const QUERIES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/bench/queries.json"
));
/// Each timed batch runs at least this long, so the clock's resolution does not matter.
const MIN_BATCH: Duration = Duration::from_millis(20);
const ROUNDS: usize = 5;

fn queries() -> Vec<(String, String)> {
    let json: serde_json::Value =
        serde_json::from_str(QUERIES).expect("tests/bench/queries.json is JSON");
    let mut out = Vec::new();
    for (kind, list) in json.as_object().expect("an object of query lists") {
        if kind.starts_with('_') {
            continue;
        }
        for q in list.as_array().expect("a list of queries") {
            out.push((kind.clone(), q.as_str().expect("a query string").to_owned()));
        }
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn run() {
    let t0 = Instant::now();
    let index = scour::embedded_index().expect("the embedded index opens");
    let open_us = t0.elapsed().as_secs_f64() * 1e6;
    let options = SearchOptions {
        limit: 10,
        ..Default::default()
    };

    let mut per_query = Vec::new();
    for (kind, q) in queries() {
        for _ in 0..3 {
            black_box(index.search(black_box(&q), &options));
        }
        // Calibrate a batch size, then keep the median of a few batches.
        let mut n = 1usize;
        loop {
            let t = Instant::now();
            for _ in 0..n {
                black_box(index.search(black_box(&q), &options));
            }
            if t.elapsed() >= MIN_BATCH {
                break;
            }
            n *= 2;
        }
        let mut rounds: Vec<f64> = (0..ROUNDS)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..n {
                    black_box(index.search(black_box(&q), &options));
                }
                t.elapsed().as_secs_f64() * 1e6 / n as f64
            })
            .collect();
        rounds.sort_by(f64::total_cmp);
        let us = rounds[ROUNDS / 2];
        let hits = index.search(&q, &options).hits.len();
        println!("  {kind:<9} {q:<36} {us:>10.1} µs  {hits:>2} hits");
        per_query.push(us);
    }
    per_query.sort_by(f64::total_cmp);
    println!(
        "native: {} queries, median {:.1} µs, p95 {:.1} µs, max {:.1} µs (index open: {:.0} µs)",
        per_query.len(),
        percentile(&per_query, 50.0),
        percentile(&per_query, 95.0),
        per_query[per_query.len() - 1],
        open_us
    );
}

#[cfg_attr(test, allow(dead_code))]
fn main() {
    run();
}

#[cfg(test)]
mod bench {
    #[test]
    #[ignore = "a benchmark: make bench"]
    fn search_latency() {
        super::run();
    }
}
