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

/// Texts of `n` words drawn from `words` by a generator started at `seed`.
pub fn texts<'a>(words: &'a [&'a str], seed: u32) -> impl FnMut(u32) -> String + 'a {
    let mut next = below(seed);
    move |n| {
        let picked: Vec<&str> = (0..n)
            .map(|_| words[next(words.len() as u32) as usize])
            .collect();
        picked.join(" ")
    }
}
