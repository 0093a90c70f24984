//! Bounds on hostile input, as properties: decoding any bytes never panics, and never takes
//! more than [`codec::memory_allowed`] (4 times a file's size plus 64 KiB) while it runs,
//! whether the file is an index written and then mutated, or a payload forged to amplify;
//! hostile queries on a page of megabytes take a bounded amount of memory and time.
//!
//! Memory is what a counting allocator sees on the test's own thread: the bytes of each
//! allocation plus [`codec::ALLOCATION_OVERHEAD`], the same measure the decoder charges.

use std::alloc::{GlobalAlloc, Layout as Memory, System};
use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use scour_core::{codec, Document, Index, IndexBuilder, Layout, SearchOptions};

struct Counting;

thread_local! {
    static LIVE: Cell<u64> = const { Cell::new(0) };
    static PEAK: Cell<u64> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let _ = LIVE.try_with(|live| {
        live.set(live.get() + bytes as u64 + codec::ALLOCATION_OVERHEAD);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
    });
}

fn shrink(bytes: usize) {
    let _ = LIVE.try_with(|live| {
        live.set(
            live.get()
                .saturating_sub(bytes as u64 + codec::ALLOCATION_OVERHEAD),
        )
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Memory) -> *mut u8 {
        grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Memory) -> *mut u8 {
        grow(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Memory) {
        shrink(layout.size());
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Memory, new_size: usize) -> *mut u8 {
        // Both are held while the old one is copied.
        grow(new_size);
        shrink(layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What `f` returns, the most memory it held at once, and what it still holds after.
fn measure<T>(f: impl FnOnce() -> T) -> (T, u64, u64) {
    let start = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(start));
    let value = f();
    let peak = PEAK.with(Cell::get) - start;
    let after = LIVE.with(Cell::get).saturating_sub(start);
    (value, peak, after)
}

const WORDS: [&str; 12] = [
    "the",
    "array",
    "sort",
    "kremlin",
    "talks",
    "high-level",
    "getElementById",
    "of",
    "Tianjín",
    "php",
    "a",
    "x",
];

/// Languages a document may name (or none: the builder's, English): several make an index
/// list its languages and give each document a language filter.
const LANGS: [&str; 6] = ["en", "fr-CA", "de", "zh", "not a tag", ""];

fn document() -> impl Strategy<Value = Document> {
    let words = |n| proptest::collection::vec(proptest::sample::select(&WORDS[..]), 0..n);
    (
        "[a-z0-9]{1,6}",
        words(6),
        words(60),
        proptest::option::of((2000u32..2030, 1u32..13, 1u32..29)),
        proptest::collection::vec("[a-c]{0,3}", 0..3),
        any::<bool>(),
        proptest::option::of(proptest::sample::select(&LANGS[..])),
    )
        .prop_map(|(id, title, body, date, tags, sections, lang)| {
            let body = body.join(if sections { "\n" } else { " " });
            let mut d = Document::new(id, title.join(" "), body);
            d.date = date.map(|(y, m, day)| format!("{y}-{m:02}-{day:02}"));
            d.lang = lang.map(String::from);
            if !tags.is_empty() {
                d.filters.insert("tag".into(), tags);
            }
            if sections {
                // A section at each line, anchored by its number.
                let mut start = 0;
                for (i, line) in d.body.split('\n').enumerate() {
                    d.sections.push(scour_core::Section {
                        anchor: format!("s{i}"),
                        title: line.to_string(),
                        start,
                    });
                    start += line.len() as u32 + 1;
                }
                d.sections.dedup_by_key(|s| s.start);
            }
            d
        })
}

fn layout() -> impl Strategy<Value = Layout> {
    (6usize..14, 6usize..14, 1usize..5).prop_map(|(t, p, i)| Layout {
        term_piece_bytes: 1 << t,
        postings_piece_bytes: 1 << p,
        ids_per_piece: i,
    })
}

/// Every file of an index of `documents` cut to `layout`: its single file, entry and pieces.
fn files(documents: Vec<Document>, layout: Layout) -> Vec<Vec<u8>> {
    let mut builder = IndexBuilder::new();
    for (i, mut d) in documents.into_iter().enumerate() {
        d.id = format!("{i}-{}", d.id);
        builder.add(d);
    }
    let files = builder.build_files(layout);
    let mut all = vec![files.single_file(), files.entry.clone()];
    all.extend(files.pieces.into_iter().map(|p| p.2));
    all
}

/// Where a file's payload starts.
fn payload_start(file: &[u8]) -> usize {
    (31 + usize::from(file.get(30).copied().unwrap_or(0))).min(file.len())
}

/// Decodes `file` as its magic says; fails the property when it held more memory than
/// its size allows (a single file's copy, which its index is read in place from, included).
fn decode_within_bound(file: &[u8]) -> Result<(), TestCaseError> {
    let (_, peak, after) = measure(|| codec::decode_any(file).is_ok());
    let allowed = codec::memory_allowed(file.len());
    prop_assert!(
        peak <= allowed,
        "{peak} bytes held for a {}-byte file",
        file.len()
    );
    prop_assert_eq!(after, 0);
    Ok(())
}

/// A file of the kind `magic` around `payload`, its header made to fit.
fn sealed(magic: &[u8; 8], payload: &[u8]) -> Vec<u8> {
    let mut file = magic.to_vec();
    file.extend_from_slice(&codec::FORMAT_VERSION.to_le_bytes());
    file.extend_from_slice(&[0; 4 + 8 + 8]);
    file.push(codec::SCOUR_VERSION.len() as u8);
    file.extend_from_slice(codec::SCOUR_VERSION.as_bytes());
    file.extend_from_slice(payload);
    codec::reseal(file)
}

const MAGICS: [&[u8; 8]; 9] = [
    b"SCOURIDX",
    b"SCOURENT",
    b"SCOURTRM",
    b"SCOURPST",
    b"SCOURPOS",
    b"SCOURIDS",
    b"SCOURDOC",
    b"SCOURDAT",
    b"SCOURFLT",
];

/// A bincode varint.
fn varint(out: &mut Vec<u8>, n: u64) {
    match n {
        0..=250 => out.push(n as u8),
        251..=0xffff => {
            out.push(251);
            out.extend_from_slice(&(n as u16).to_le_bytes());
        }
        0x1_0000..=0xffff_ffff => {
            out.push(252);
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        _ => {
            out.push(253);
            out.extend_from_slice(&n.to_le_bytes());
        }
    }
}

/// Payloads shaped to amplify: `n` items that each take a byte or a few and would take
/// tens of bytes, or a whole prefix more, in memory.
fn amplifying(shape: usize, n: u64) -> (&'static [u8; 8], Vec<u8>) {
    let mut p = Vec::new();
    let list = |p: &mut Vec<u8>, item: &[u8]| {
        varint(p, n);
        for _ in 0..n {
            p.extend_from_slice(item);
        }
    };
    match shape {
        // Front-coded terms, each the whole previous one and a byte more.
        0 | 1 => {
            let mut terms = Vec::new();
            for shared in 0..n {
                let mut code = Vec::new();
                scour_core::postings::write_varint(&mut code, shared as u32);
                terms.extend_from_slice(&code);
                terms.extend_from_slice(&[1, b'a']);
            }
            if shape == 0 {
                p.extend_from_slice(&[0]); // first id
                varint(&mut p, n);
                varint(&mut p, terms.len() as u64);
                p.extend_from_slice(&terms);
                for _ in 0..3 {
                    list(&mut p, &[1]);
                }
                p.extend_from_slice(&[1, 0, 1, 1, 0, 0, 0]); // one run, no stems
                (b"SCOURTRM", p)
            } else {
                p.extend_from_slice(&[0]);
                varint(&mut p, n);
                varint(&mut p, terms.len() as u64);
                p.extend_from_slice(&terms);
                (b"SCOURIDS", p)
            }
        }
        // Stem groups of one member each.
        2 => {
            p.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0]);
            p.extend_from_slice(&[0, 0]); // no stems' text
            list(&mut p, &[1, 0]);
            (b"SCOURTRM", p)
        }
        // Metadata and sections of empty texts.
        3 | 4 => {
            p.extend_from_slice(&[7, 0, 1, b'a', 0, 0, 0, 0]);
            if shape == 3 {
                list(&mut p, &[0, 0]);
                p.push(0);
            } else {
                p.push(0);
                list(&mut p, &[0, 1, b'a', 0]);
            }
            p.extend_from_slice(&[2, b'e', b'n']); // its language
            (b"SCOURDOC", p)
        }
        // Filter names with no values, dates of empty texts.
        5 => {
            list(&mut p, &[0, 0]);
            (b"SCOURFLT", p)
        }
        6 => {
            list(&mut p, &[1, 0]);
            (b"SCOURDAT", p)
        }
        // An entry listing many pieces, or many languages; a single file of many empty pieces.
        7 | 8 => {
            p.extend_from_slice(&[1, 1]);
            p.extend_from_slice(&1f32.to_le_bytes());
            p.extend_from_slice(&1f32.to_le_bytes());
            if shape == 7 {
                list(&mut p, &[0, 0, 0]);
                p.extend_from_slice(&[0, 0, 0, 0, 0]);
            } else {
                p.extend_from_slice(&[1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
                list(&mut p, &[2, b'e', b'n']);
            }
            (b"SCOURENT", p)
        }
        _ => {
            p.push(0);
            list(&mut p, &[0]);
            (b"SCOURIDX", p)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every file of a generated index, and the same with bytes of its payload changed and
    /// its header made to fit, decodes within the bound or fails with an error.
    #[test]
    fn decoding_any_file_takes_at_most_its_bound(
        documents in proptest::collection::vec(document(), 1..12),
        layout in layout(),
        which in any::<prop::sample::Index>(),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    ) {
        let files = files(documents, layout);
        let file = which.get(&files);
        prop_assert!(codec::decode_any(file).is_ok(), "a written file decodes");
        decode_within_bound(file)?;
        let mut forged = file.clone();
        let start = payload_start(&forged);
        if start < forged.len() {
            for (at, byte) in &changes {
                let at = start + at.index(forged.len() - start);
                forged[at] = *byte;
            }
        }
        decode_within_bound(&codec::reseal(forged))?;
    }

    /// Payloads forged to amplify are refused or decoded within the bound.
    #[test]
    fn forged_payloads_take_at_most_their_bound(shape in 0usize..10, n in 1u64..20_000) {
        let (magic, payload) = amplifying(shape, n);
        decode_within_bound(&sealed(magic, &payload))?;
    }

    /// Arbitrary payloads of every kind, behind a header that fits them, never panic.
    #[test]
    fn arbitrary_bytes_never_panic(
        kind in 0usize..9,
        payload in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        decode_within_bound(&sealed(MAGICS[kind], &payload))?;
        let _ = codec::decode(&payload);
    }
}

/// An index opened from a file it is given holds little besides the file: postings,
/// positions and document bodies are read in place, not copied (a decoded copy of the bodies
/// alone would hold most of the file again). Each document still reads back whole.
#[test]
fn an_index_is_read_in_place_from_its_file() {
    let body = |i: usize| {
        let words = (0..600).map(|w| WORDS[(i * 7 + w * 5) % WORDS.len()]);
        words.collect::<Vec<_>>().join(" ")
    };
    let documents: Vec<Document> = (0..60)
        .map(|i| Document::new(format!("doc-{i}"), format!("Page {i}"), body(i)))
        .collect();
    let mut builder = IndexBuilder::new();
    for document in &documents {
        builder.add(document.clone());
    }
    let file = builder.build_files(Layout::whole()).single_file();
    let size = file.len() as u64;
    let (index, _, held) = measure(|| codec::decode(file).expect("the file opens"));
    assert!(
        held * 5 < size,
        "{held} bytes held beside a {size}-byte file"
    );
    for document in &documents {
        let stored = index.document(&document.id).expect("stored");
        assert_eq!(*stored.body, *document.body, "{}", document.id);
    }
}

/// A small site and one page of megabytes: `the` a hundred thousand times and more.
fn hostile_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut builder = IndexBuilder::new();
        for (i, words) in WORDS.chunks(3).enumerate() {
            builder.add(Document::new(
                format!("p{i}"),
                words.join(" "),
                words.join(" "),
            ));
        }
        let mut big = String::new();
        for i in 0..100_000 {
            big.push_str(WORDS[i % WORDS.len()]);
            big.push_str(if i % 7 == 0 { " the the. " } else { " the " });
        }
        // A section every 512 bytes or so, at a character's start.
        let starts = (0..2_000).map(|i| (i * 512..).find(|&at| big.is_char_boundary(at)));
        let sections = starts
            .flatten()
            .enumerate()
            .map(|(i, start)| scour_core::Section {
                anchor: format!("s{i}"),
                title: "section".into(),
                start: start as u32,
            });
        let sections = sections.collect();
        let mut page = Document::new("big", "The big page", big);
        page.sections = sections;
        builder.add(page);
        builder.build()
    })
}

fn hostile_query() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        proptest::sample::select(&WORDS[..]).prop_map(String::from),
        Just("\"".to_string()),
        Just("-".to_string()),
        Just("OR".to_string()),
        Just("title:".to_string()),
        (1usize..200).prop_map(|n| format!("\"{}\"", ["the"; 200][..n].join(" "))),
        (1usize..60).prop_map(|n| (0..n)
            .map(|i| format!("-\"the {}\"", WORDS[i % 12]))
            .collect::<Vec<_>>()
            .join(" ")),
    ];
    proptest::collection::vec(part, 1..12).prop_map(|parts| parts.join(" "))
}

/// The memory one search may take on the hostile index, whatever the query: the page of
/// megabytes is read a window at a time (0.8 MB at most measured; its whole text as words
/// would be 6 MB and more).
const SEARCH_MEMORY: u64 = 2 << 20;

/// The time of a plain two-word search on the hostile index (the median of several), the
/// unit the hostile queries' time is counted in: a machine busy with other work slows both.
fn plain_search_time() -> Duration {
    static TIME: OnceLock<Duration> = OnceLock::new();
    *TIME.get_or_init(|| {
        let mut times: Vec<Duration> = (0..7)
            .map(|_| {
                let started = Instant::now();
                hostile_index().search("array sort", &SearchOptions::default());
                started.elapsed()
            })
            .collect();
        times.sort();
        times[3]
    })
}

/// A hostile query may take this many plain searches' time (and 100 ms whatever they take).
const PLAIN_SEARCHES: u32 = 50;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Hostile queries (phrases of hundreds of words, dozens of excluded phrases, operators
    /// anywhere) on a page of megabytes take bounded memory, and at most the time of
    /// [`PLAIN_SEARCHES`] plain searches (before the bounds, a 200-word phrase took 2.4 s:
    /// over a thousand).
    #[test]
    fn hostile_queries_take_bounded_memory_and_time(query in hostile_query()) {
        let index = hostile_index();
        let unit = plain_search_time();
        let started = Instant::now();
        let (_, peak, _) = measure(|| index.search(&query, &SearchOptions::default()));
        let took = started.elapsed();
        prop_assert!(peak <= SEARCH_MEMORY, "{peak} bytes for {query:?}");
        let bound = (unit * PLAIN_SEARCHES).max(Duration::from_millis(100));
        prop_assert!(took <= bound, "{took:?} (a plain search: {unit:?}) for {query:?}");
    }
}

/// A single file of thousands of empty pieces, whose copy is most of what it holds, is
/// refused or decoded within the bound (a case the property above once found).
#[test]
fn a_single_file_of_empty_pieces_takes_at_most_its_bound() {
    let (magic, payload) = amplifying(9, 5042);
    decode_within_bound(&sealed(magic, &payload)).unwrap();
}
