//! Helpers shared by the crate's unit tests.

/// A xorshift generator started at `seed`: each call draws a number below its argument.
pub fn below(seed: u32) -> impl FnMut(u32) -> u32 {
    let mut state = seed;
    move |n| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state % n
    }
}
