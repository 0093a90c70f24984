//! The browser engine's allocator: free lists of small blocks in front of another allocator.
//!
//! A keystroke allocates and frees hundreds of small blocks (terms, ranges, a hit's strings,
//! vectors growing). A general allocator keeps its free memory in bins it searches, splits and
//! merges: about a tenth of a keystroke's time in the engine's profile. Here a freed block of
//! at most [`LARGEST`] bytes goes onto the list of its size class instead, and the next
//! allocation of that class takes it back with two loads and a store. Blocks on the lists
//! are never given back to the allocator behind: they number at most the small blocks that
//! were ever live at once, which the next searches reuse.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr;

/// The size classes' step, and the alignment of every small block.
const GRANULE: usize = 16;
/// Size classes: blocks of 16, 32, ... [`LARGEST`] bytes.
const CLASSES: usize = 16;
/// The largest block kept on a list.
pub const LARGEST: usize = GRANULE * CLASSES;

/// Free lists of small blocks in front of `A`, which allocates everything else and the small
/// blocks' first use.
pub struct SmallBlocks<A> {
    behind: A,
    /// Each class's first free block; a free block's first word points to the next.
    free: UnsafeCell<[*mut u8; CLASSES]>,
}

// SAFETY: the lists are only shared within one thread: the engine's wasm has no threads (its
// target, wasm32-unknown-unknown, is built without atomics), and the tests use one instance
// per thread.
unsafe impl<A: Sync> Sync for SmallBlocks<A> {}

impl<A> SmallBlocks<A> {
    pub const fn new(behind: A) -> Self {
        SmallBlocks {
            behind,
            free: UnsafeCell::new([ptr::null_mut(); CLASSES]),
        }
    }

    /// The size class of a block of `layout`, if it is small.
    fn class(layout: Layout) -> Option<usize> {
        (layout.size() <= LARGEST && layout.align() <= GRANULE)
            .then(|| layout.size().saturating_sub(1) / GRANULE)
    }
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class(layout) else {
            return self.behind.alloc(layout);
        };
        // SAFETY: one thread (see `Sync`), and no call here re-enters the allocator while the
        // lists are borrowed.
        let free = &mut *self.free.get();
        let block = free[class];
        if block.is_null() {
            let size = (class + 1) * GRANULE;
            return self
                .behind
                .alloc(Layout::from_size_align_unchecked(size, GRANULE));
        }
        free[class] = block.cast::<*mut u8>().read();
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(class) = Self::class(layout) else {
            return self.behind.dealloc(block, layout);
        };
        // SAFETY: as in `alloc`; a small block is at least 16 bytes, aligned to 16: room for
        // the pointer to the next.
        let free = &mut *self.free.get();
        block.cast::<*mut u8>().write(free[class]);
        free[class] = block;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (Self::class(layout), Self::class(new_layout)) {
            (Some(old), Some(new)) if old == new => block,
            (None, None) => self.behind.realloc(block, layout, new_size),
            _ => {
                let moved = self.alloc(new_layout);
                if !moved.is_null() {
                    ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                    self.dealloc(block, layout);
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn a_freed_small_block_is_the_next_of_its_class() {
        let blocks = SmallBlocks::new(System);
        unsafe {
            let a = blocks.alloc(layout(24, 8));
            let b = blocks.alloc(layout(20, 4));
            assert_ne!(a, b);
            blocks.dealloc(a, layout(24, 8));
            blocks.dealloc(b, layout(20, 4));
            // Last freed, first given: both are 32-byte blocks.
            assert_eq!(blocks.alloc(layout(32, 16)), b);
            assert_eq!(blocks.alloc(layout(17, 1)), a);
            // Another class does not take them.
            blocks.dealloc(a, layout(17, 1));
            let c = blocks.alloc(layout(16, 8));
            assert_ne!(c, a);
            assert_eq!(c as usize % GRANULE, 0);
        }
    }

    #[test]
    fn large_or_overaligned_blocks_go_behind() {
        let blocks = SmallBlocks::new(System);
        unsafe {
            for layout in [layout(LARGEST + 1, 8), layout(64, 64)] {
                let a = blocks.alloc(layout);
                assert_eq!(a as usize % layout.align(), 0);
                blocks.dealloc(a, layout);
            }
            assert!((*blocks.free.get()).iter().all(|b| b.is_null()));
        }
    }

    #[test]
    fn growing_keeps_the_bytes_across_classes() {
        let blocks = SmallBlocks::new(System);
        unsafe {
            let mut size = 3;
            let mut block = blocks.alloc(layout(size, 1));
            for i in 0..size {
                block.add(i).write(i as u8);
            }
            for new_size in [7, 16, 40, 200, LARGEST, LARGEST + 1, 5_000, 90, 2] {
                let grown = blocks.realloc(block, layout(size, 1), new_size);
                for i in 0..size.min(new_size) {
                    assert_eq!(
                        grown.add(i).read(),
                        i as u8,
                        "byte {i} after {size} -> {new_size}"
                    );
                }
                for i in size.min(new_size)..new_size {
                    grown.add(i).write(i as u8);
                }
                if (size - 1) / GRANULE == (new_size - 1) / GRANULE && new_size <= LARGEST {
                    assert_eq!(grown, block, "{size} -> {new_size} stays in its block");
                }
                block = grown;
                size = new_size;
            }
            blocks.dealloc(block, layout(size, 1));
        }
    }
}
