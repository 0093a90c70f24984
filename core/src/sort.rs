//! One small sort for the whole engine: an in-place heap selection.
//!
//! std's sorts are fast but every instantiation adds kilobytes of wasm, and a search sorts
//! many kinds of short lists. A heap of `k` also gives the `k` best of `n` candidates in
//! O(n log k): one comparison for most candidates, which is all a page of hits needs (as in
//! tantivy's and Lucene's top-k collectors); candidates arriving in improving order each
//! replace the heap's root, about 2 log k comparisons apiece.

use std::cmp::Ordering;

/// Sorts `items` in `order`.
pub fn sort_by<T>(items: &mut [T], order: impl FnMut(&T, &T) -> Ordering) {
    let all = items.len();
    select_by(items, all, order);
}

/// Moves the `k` first items in `order` to the front, sorted; the rest follow in no order.
pub fn select_by<T>(items: &mut [T], k: usize, mut order: impl FnMut(&T, &T) -> Ordering) {
    let k = k.min(items.len());
    if k == 0 {
        return;
    }
    // The front `k` items as a heap whose root is the last of them in `order`: an item after
    // them takes the root's place only if it comes before it, which is one comparison for
    // most items when `k` is a page of hits among thousands.
    let mut after = |a: &T, b: &T| order(a, b) == Ordering::Greater;
    for node in (0..k / 2).rev() {
        sift_down(&mut items[..k], node, &mut after);
    }
    for i in k..items.len() {
        if after(&items[0], &items[i]) {
            items.swap(0, i);
            sift_down(&mut items[..k], 0, &mut after);
        }
    }
    // Each root taken is the last of the heap: it goes to the heap's end, which shrinks.
    for end in (1..k).rev() {
        items.swap(0, end);
        sift_down(&mut items[..end], 0, &mut after);
    }
}

/// Moves the items `keep` says to the front, in no order; returns how many there are.
pub fn partition<T>(items: &mut [T], mut keep: impl FnMut(&T) -> bool) -> usize {
    let mut kept = 0;
    for i in 0..items.len() {
        if keep(&items[i]) {
            items.swap(kept, i);
            kept += 1;
        }
    }
    kept
}

/// Restores the heap below `node`: no item comes `after` its parent.
fn sift_down<T>(heap: &mut [T], mut node: usize, after: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let left = 2 * node + 1;
        if left >= heap.len() {
            return;
        }
        let right = left + 1;
        let child = if right < heap.len() && after(&heap[right], &heap[left]) {
            right
        } else {
            left
        };
        if !after(&heap[child], &heap[node]) {
            return;
        }
        heap.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shuffled(n: u32) -> Vec<u32> {
        (0..n)
            .map(|i| i.wrapping_mul(2_654_435_761) % 1000)
            .collect()
    }

    #[test]
    fn partition_moves_the_kept_to_the_front() {
        for n in [0, 1, 2, 7, 100] {
            let items = shuffled(n);
            let mut parted = items.clone();
            let kept = partition(&mut parted, |&x| x % 3 == 0);
            assert!(parted[..kept].iter().all(|x| x % 3 == 0), "{n}");
            assert!(parted[kept..].iter().all(|x| x % 3 != 0), "{n}");
            let (mut before, mut after) = (items, parted);
            before.sort();
            after.sort();
            assert_eq!(after, before, "the same items, {n}");
        }
    }

    #[test]
    fn sorts_like_std() {
        for n in [0, 1, 2, 3, 10, 101, 1000] {
            let mut ours = shuffled(n);
            let mut expected = ours.clone();
            expected.sort();
            sort_by(&mut ours, |a, b| a.cmp(b));
            assert_eq!(ours, expected, "n = {n}");
        }
    }

    #[test]
    fn selects_the_k_first_in_order() {
        let items = shuffled(500);
        let mut expected = items.clone();
        expected.sort_by(|a, b| b.cmp(a));
        for k in [0, 1, 7, 200, 500, 900] {
            let mut ours = items.clone();
            select_by(&mut ours, k, |a, b| b.cmp(a));
            let k = k.min(500);
            assert_eq!(ours[..k], expected[..k], "k = {k}");
            let mut rest = ours.clone();
            rest.sort();
            let mut all = items.clone();
            all.sort();
            assert_eq!(rest, all, "a permutation");
        }
    }
}
