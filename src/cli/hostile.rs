//! `scour bench --hostile`: the time of query shapes made to be slow (phrases of hundreds of
//! words, dozens of excluded phrases, common words, a phrase being typed), each typed a
//! keystroke at a time, on the collection and, with `--big-page`, one page of megabytes.

use std::time::{Duration, Instant};

use scour_core::{Document, Index, SearchOptions};

/// Keystrokes timed per shape: the whole query and its prefixes, evenly spaced.
const KEYSTROKES: usize = 12;
/// Runs of each keystroke; the fastest is kept (the one other work on the machine slowed
/// least).
const RUNS: usize = 5;

/// One page of about `megabytes` MB made of the collection's own text, with a section at
/// every blank line after each 4 KB.
pub fn big_page(documents: &[Document], megabytes: usize) -> Document {
    let target = megabytes * 1_000_000;
    let mut body = String::with_capacity(target + 100_000);
    let mut sections = Vec::new();
    'fill: loop {
        for d in documents {
            if body.len() >= target {
                break 'fill;
            }
            if sections.len() * 4096 <= body.len() {
                sections.push(scour_core::Section {
                    anchor: format!("part-{}", sections.len()),
                    title: d.title.clone(),
                    start: body.len() as u32,
                });
                body.push_str(&d.title);
                body.push('\n');
            }
            body.push_str(&d.body);
            body.push_str("\n\n");
        }
    }
    let mut page = Document::new("big-page", format!("A page of {megabytes} MB"), body);
    page.sections = sections;
    page
}

fn shapes() -> Vec<(&'static str, String)> {
    let the = |n: usize| vec!["the"; n].join(" ");
    let excluded: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "-\"the {} of\"",
                ["function", "value", "array", "string", "return"][i % 5]
            )
        })
        .collect();
    vec![
        ("a 500-word phrase of \"the\"", format!("\"{}\"", the(500))),
        (
            "40 excluded phrases",
            format!("array {}", excluded.join(" ")),
        ),
        (
            "common words",
            "the of and to a in is it for that".to_string(),
        ),
        (
            "a phrase of common words",
            "\"the value of the\"".to_string(),
        ),
        ("a phrase being typed", format!("\"{} arr", the(30))),
        (
            "words OR words, title:",
            "title:array OR string OR the -the function".to_string(),
        ),
    ]
}

/// Prints each shape's slowest keystroke and its whole query's time.
pub fn report(index: &Index) {
    let options = SearchOptions::default();
    let mut slowest = Duration::ZERO;
    for (name, query) in shapes() {
        let ends: Vec<usize> = query
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([query.len()])
            .collect();
        let step = (ends.len() / KEYSTROKES).max(1);
        let keystrokes: Vec<&str> = ends
            .iter()
            .rev()
            .step_by(step)
            .take(KEYSTROKES)
            .map(|&end| &query[..end])
            .collect();
        let mut worst = (Duration::ZERO, 0);
        for q in &keystrokes {
            let mut times: Vec<Duration> = (0..RUNS)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(index.search(q, &options));
                    started.elapsed()
                })
                .collect();
            times.sort();
            let hits = index.search(q, &options).hits.len();
            worst = worst.max((times[0], hits));
        }
        slowest = slowest.max(worst.0);
        outln!(
            "  {name:<32} slowest of {} keystrokes {:>8.2} ms ({} hits)",
            keystrokes.len(),
            worst.0.as_secs_f64() * 1e3,
            worst.1
        );
    }
    outln!(
        "hostile: slowest keystroke {:.2} ms",
        slowest.as_secs_f64() * 1e3
    );
}
