//! One small sort for the whole engine: an in-place heap selection.
//!
//! std's sorts are fast but every instantiation adds kilobytes of wasm, and a search sorts
//! many kinds of short lists. A heap also gives the `k` best of `n` candidates in
//! O(n + k log n), which is all a page of hits needs.

use std::cmp::Ordering;

/// Sorts `items` in `order`.
pub fn sort_by<T>(items: &mut [T], order: impl FnMut(&T, &T) -> Ordering) {
    let all = items.len();
    select_by(items, all, order);
}

/// Moves the `k` first items in `order` to the front, sorted; the rest follow in no order.
pub fn select_by<T>(items: &mut [T], k: usize, mut order: impl FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    let k = k.min(n);
    if k == 0 {
        return;
    }
    // A heap whose root is the first item in `order`, stored back to front so each item
    // taken from it lands at the front of the slice.
    let at = |i: usize| n - 1 - i;
    let mut before =
        |items: &mut [T], a: usize, b: usize| order(&items[at(a)], &items[at(b)]) == Ordering::Less;
    for start in (0..n / 2).rev() {
        sift_down(items, start, n, &mut before, at);
    }
    for taken in 0..k {
        // The root goes to physical index `taken`: the front fills up in order.
        let size = n - taken;
        items.swap(at(0), at(size - 1));
        sift_down(items, 0, size - 1, &mut before, at);
    }
}

fn sift_down<T>(
    items: &mut [T],
    mut node: usize,
    size: usize,
    before: &mut impl FnMut(&mut [T], usize, usize) -> bool,
    at: impl Fn(usize) -> usize,
) {
    loop {
        let left = 2 * node + 1;
        if left >= size {
            return;
        }
        let right = left + 1;
        let child = if right < size && before(items, right, left) {
            right
        } else {
            left
        };
        if !before(items, child, node) {
            return;
        }
        items.swap(at(node), at(child));
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
