//! `Scour.fromBytes` on every kind of bad input: each is a thrown `Error` with a message,
//! never a trap (a panic in wasm would abort the test).

use scour::wasm::Scour;
use scour_core::codec::checksum;
use scour_core::{IndexFiles, Layout, PieceId};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::*;

/// magic (8) | format u16 | checksum u32 | payload length u64 | memory u64 | version length
/// u8 | version
const CHECKSUM: std::ops::Range<usize> = 10..14;
const LENGTH: std::ops::Range<usize> = 14..22;

fn payload_start(bytes: &[u8]) -> usize {
    31 + bytes[30] as usize
}

/// The file with its checksum recomputed over its (mangled) payload.
fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    let sum = checksum(&bytes[payload_start(&bytes)..]);
    bytes[CHECKSUM].copy_from_slice(&sum.to_le_bytes());
    bytes
}

fn good() -> Vec<u8> {
    single_file(&tagged_documents())
}

/// Deterministic pseudo-random bytes (xorshift).
fn noise(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Whatever an index opened from forged bytes answers, it must answer without trapping.
fn exercise(scour: &Scour) {
    for q in ["engine", "rust wasm", "\"steam engine\"", "engin", "zzz"] {
        let _ = scour.search(q.into(), JsValue::UNDEFINED);
        let _ = scour.query(
            q.into(),
            options(&[("facets", true.into()), ("sort", "date".into())]),
        );
    }
    let _ = scour.document("t1".into());
    let _ = scour.stats();
}

#[wasm_bindgen_test]
fn good_bytes_open_and_search() {
    let bytes = good();
    assert_eq!(
        &bytes[..8],
        b"SCOURIDX",
        "the header layout this file assumes"
    );
    assert_eq!(
        checksum(&bytes[payload_start(&bytes)..]),
        u32::from_le_bytes(bytes[CHECKSUM].try_into().unwrap()),
        "the checksum this file recomputes"
    );
    let scour = ok(Scour::from_bytes(array(&bytes)), "fromBytes");
    let hits = hit_list(ok(
        scour.search("steam".into(), JsValue::UNDEFINED),
        "search",
    ));
    assert_eq!(ids(&hits), ["t5"]);
}

#[wasm_bindgen_test]
fn every_truncation_is_an_error() {
    let bytes = good();
    let payload = payload_start(&bytes);
    for cut in 0..bytes.len() {
        let message = fails(
            Scour::from_bytes(array(&bytes[..cut])),
            &format!("cut at {cut}"),
        );
        if cut >= payload {
            assert!(
                message.contains("truncated"),
                "cut at {cut} of {}: {message:?}",
                bytes.len()
            );
        } else if cut < 8 {
            assert!(
                message.contains("not a Scour index"),
                "cut at {cut}: {message:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn foreign_bytes_are_not_an_index() {
    let png =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa".to_vec();
    let mut inputs = vec![
        png,
        b"<!doctype html><title>404</title>".to_vec(),
        Vec::new(),
    ];
    inputs.extend((1..=8).map(|seed| noise(seed, 64 * seed as usize)));
    for input in inputs {
        let message = fails(
            Scour::from_bytes(array(&input)),
            &format!("{:?}", &input[..input.len().min(8)]),
        );
        assert!(message.contains("not a Scour index"), "{message:?}");
    }
}

#[wasm_bindgen_test]
fn a_newer_format_asks_for_a_rebuild() {
    let mut bytes = good();
    bytes[8..10].copy_from_slice(&999u16.to_le_bytes());
    let message = fails(Scour::from_bytes(array(&bytes)), "format 999");
    assert!(
        message.contains("rebuild the index with scour"),
        "{message:?}"
    );
}

#[wasm_bindgen_test]
fn a_mangled_payload_fails_its_checksum() {
    let mut bytes = good();
    let middle = payload_start(&bytes) + (bytes.len() - payload_start(&bytes)) / 2;
    bytes[middle] ^= 0x55;
    let message = fails(Scour::from_bytes(array(&bytes)), "flipped byte");
    assert!(message.contains("checksum"), "{message:?}");
}

/// `file` with the byte at `at` set to `value` and its checksum recomputed, or `None` when
/// that changes nothing.
fn forge(file: &[u8], at: usize, value: u8) -> Option<Vec<u8>> {
    (file[at] != value).then(|| {
        let mut bytes = file.to_vec();
        bytes[at] = value;
        reseal(bytes)
    })
}

/// Three forgeries of each payload byte of `file`, with the position changed.
fn forgeries(file: &[u8]) -> impl Iterator<Item = (usize, Vec<u8>)> + '_ {
    (payload_start(file)..file.len()).flat_map(move |at| {
        [0x00, 0xff, file[at] ^ 0x80]
            .into_iter()
            .filter_map(move |v| forge(file, at, v).map(|bytes| (at, bytes)))
    })
}

/// Opens a forgery: `Err(message)`, or `Ok` once the index answered without trapping.
fn open_forgery(bytes: &[u8]) -> Result<(), String> {
    match Scour::from_bytes(array(bytes)) {
        Ok(scour) => {
            exercise(&scour);
            Ok(())
        }
        Err(error) => Err(thrown(error)),
    }
}

/// The outer checksum's complaint (the entry inside a single file has the same one).
const CHECKSUM_MISMATCH: &str = "the index is corrupt: its checksum";

#[wasm_bindgen_test]
fn forged_files_with_a_valid_checksum_never_trap() {
    let files = builder(&tagged_documents()).build_files(Layout::whole());
    let original = files.single_file();
    // The entry file sits whole inside the payload, with its own checksum.
    let entry_at = original
        .windows(files.entry.len())
        .position(|w| w == files.entry)
        .expect("the entry inside the single file");
    let entry = entry_at..entry_at + files.entry.len();
    let (mut refused, mut tries) = (0, 0);
    for (at, bytes) in forgeries(&original) {
        tries += 1;
        if let Err(message) = open_forgery(&bytes) {
            refused += 1;
            assert!(
                entry.contains(&at) || !message.starts_with(CHECKSUM_MISMATCH),
                "byte {at} changed outside the entry, the checksum recomputed, yet: {message:?}"
            );
        }
    }
    assert!(
        refused * 2 > tries,
        "most forgeries should be refused: {refused} of {tries}"
    );

    // A payload length beyond the data, and one short of it.
    let start = payload_start(&original);
    let mut long = original.clone();
    long[LENGTH].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(fails(Scour::from_bytes(array(&long)), "length u64::MAX").contains("truncated"));
    let mut short = original.clone();
    let length = (original.len() - start - 1) as u64;
    short[LENGTH].copy_from_slice(&length.to_le_bytes());
    let message = fails(Scour::from_bytes(array(&short)), "length - 1");
    assert!(message.contains("corrupt"), "{message:?}");
}

#[wasm_bindgen_test]
fn forged_documents_inside_a_valid_file_never_trap() {
    // Document pieces are not named by their hash: a forged one with its own checksum
    // recomputed, in a file whose checksum is recomputed too, reaches the document decoder.
    let files = builder(&tagged_documents()).build_files(Layout::whole());
    let mut tries = 0;
    for (i, (piece, _, bytes)) in files.pieces.iter().enumerate() {
        if !matches!(piece, PieceId::Document(_)) {
            continue;
        }
        let mut refused = 0;
        for (_, forged) in forgeries(bytes) {
            let mut pieces = files.pieces.clone();
            pieces[i].2 = forged;
            let file = IndexFiles {
                entry: files.entry.clone(),
                pieces,
            }
            .single_file();
            tries += 1;
            if let Err(message) = open_forgery(&file) {
                assert!(!message.starts_with(CHECKSUM_MISMATCH), "{message:?}");
                refused += 1;
            }
        }
        assert!(refused > 0, "no forgery of {piece:?} was refused");
    }
    assert!(tries > 100, "only {tries} forgeries");
}

/// An index's bytes come as a `Uint8Array` or an `ArrayBuffer` (`await response.arrayBuffer()`),
/// and its url as a string or a `URL`; anything else is an Error saying what they must be,
/// not an index blamed for bytes it never had.
#[wasm_bindgen_test]
fn bytes_come_as_a_uint8array_or_an_array_buffer_and_a_url_as_a_string_or_a_url() {
    let bytes = single_file(&tagged_documents());
    let buffer: JsValue = js_sys::Uint8Array::from(&bytes[..]).buffer().into();
    let hits = |scour: &Scour| {
        ids(&hit_list(ok(
            scour.search("garden".into(), JsValue::UNDEFINED),
            "search",
        )))
    };
    let from_array = ok(Scour::from_bytes(array(&bytes)), "fromBytes(Uint8Array)");
    let from_buffer = ok(Scour::from_bytes(buffer.clone()), "fromBytes(ArrayBuffer)");
    assert!(!hits(&from_array).is_empty());
    assert_eq!(hits(&from_buffer), hits(&from_array));
    let url = web_sys::Url::new("https://example.com/search/scour-index.bin").expect("a URL");
    let from_url = ok(
        Scour::from_file(buffer, url.into()),
        "fromFile(ArrayBuffer, URL)",
    );
    assert_eq!(hits(&from_url), hits(&from_array));
    for value in [
        JsValue::from(42),
        "scour-index.bin".into(),
        js_sys::Array::new().into(),
        JsValue::NULL,
    ] {
        let message = fails(Scour::from_bytes(value.clone()), "fromBytes(not bytes)");
        assert!(
            message.contains("must be a Uint8Array or an ArrayBuffer"),
            "{message:?}"
        );
    }
    let message = fails(
        Scour::from_file(array(&bytes), 42.into()),
        "fromFile(bytes, 42)",
    );
    assert!(message.contains("the url"), "{message:?}");
}

#[wasm_bindgen_test]
fn from_file_opens_an_entry_chunked_and_a_single_file_whole() {
    let files = builder(&tagged_documents()).build_files(Layout::default());
    let url = "https://example.com/search/scour-index.bin";
    let chunked = ok(
        Scour::from_file(array(&files.entry), url.into()),
        "an entry",
    );
    let stats = ok(chunked.stats(), "stats");
    assert_eq!(get(&stats, "chunked").as_bool(), Some(true));
    let whole = ok(
        Scour::from_file(array(&single_file(&tagged_documents())), url.into()),
        "a single file",
    );
    assert_eq!(
        get(&ok(whole.stats(), "stats"), "chunked").as_bool(),
        Some(false)
    );
    let message = fails(
        Scour::from_file(array(&files.entry[..20]), url.into()),
        "a cut entry",
    );
    assert!(
        message.starts_with(url),
        "the error names the file: {message:?}"
    );
}

#[wasm_bindgen_test]
fn an_entry_file_says_to_use_load() {
    let files = builder(&tagged_documents()).build_files(Layout::default());
    let message = fails(Scour::from_bytes(array(&files.entry)), "an entry file");
    assert!(message.contains("Scour.load"), "{message:?}");
    // A piece is no index either.
    let (_, name, piece) = &files.pieces[0];
    let message = fails(Scour::from_bytes(array(piece)), name);
    assert!(!message.is_empty());
}
