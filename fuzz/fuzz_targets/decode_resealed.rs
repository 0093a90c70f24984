//! A payload behind a header made to fit it (the first byte picks the kind of file), so the
//! decoders themselves meet every input: never a panic, and never more memory held than
//! `codec::memory_allowed` (4 times the file's size plus 64 KiB), counted by an allocator.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use libfuzzer_sys::fuzz_target;
use scour_core::{codec, SearchOptions};

/// Live and peak bytes, each allocation counted with the overhead the decoder charges.
static LIVE: AtomicU64 = AtomicU64::new(0);
static PEAK: AtomicU64 = AtomicU64::new(0);

struct Counting;

fn grow(bytes: usize) {
    let live = LIVE.fetch_add(bytes as u64 + codec::ALLOCATION_OVERHEAD, Relaxed)
        + bytes as u64
        + codec::ALLOCATION_OVERHEAD;
    PEAK.fetch_max(live, Relaxed);
}

fn shrink(bytes: usize) {
    LIVE.fetch_sub(bytes as u64 + codec::ALLOCATION_OVERHEAD, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grow(new_size);
        shrink(layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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

fuzz_target!(|data: &[u8]| {
    let Some((&kind, payload)) = data.split_first() else {
        return;
    };
    let mut file = MAGICS[usize::from(kind) % MAGICS.len()].to_vec();
    file.extend_from_slice(&codec::FORMAT_VERSION.to_le_bytes());
    file.extend_from_slice(&[0; 4 + 8 + 8]);
    file.push(codec::SCOUR_VERSION.len() as u8);
    file.extend_from_slice(codec::SCOUR_VERSION.as_bytes());
    file.extend_from_slice(payload);
    let file = codec::reseal(file);
    let start = LIVE.load(Relaxed);
    PEAK.store(start, Relaxed);
    let opened = codec::decode_any(&file).is_ok();
    let peak = PEAK.load(Relaxed) - start;
    let allowed = codec::memory_allowed(file.len());
    assert!(
        peak <= allowed,
        "{peak} bytes held for a {}-byte file",
        file.len()
    );
    if opened && usize::from(kind) % MAGICS.len() == 0 {
        let index = codec::decode(&file).expect("opened once");
        for query in ["a", "\"a b\"", "ab -c"] {
            let _ = index.search(query, &SearchOptions::default());
        }
    }
});
