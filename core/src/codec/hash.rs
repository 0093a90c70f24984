//! The hash the format checks payloads with and names pieces by: 64 bits from four lanes
//! that each take every fourth 8-byte word of the input (multiplied, added and rotated, as
//! xxHash's rounds do), then folded with the length and mixed so that every input bit moves
//! every output bit. A hash of a byte at a time (FNV-1a, until format 10) waits on a
//! multiplication per byte; this one runs four lanes' multiplications at once, 8 bytes
//! each, which halved the time of opening the PHP manual's 23 MB index in the wasm engine.
//!
//! It is part of the format: a change to it is a change of `FORMAT_VERSION`.

const PRIME_1: u64 = 0x9e37_79b1_85eb_ca87;
const PRIME_2: u64 = 0xc2b2_ae3d_27d4_eb4f;
const PRIME_3: u64 = 0x1656_67b1_9e37_79f9;

/// Each lane's start: distinct, so that the same word in two lanes counts differently.
const LANES: [u64; 4] = [
    PRIME_1.wrapping_add(PRIME_2),
    PRIME_2,
    0,
    PRIME_1.wrapping_neg(),
];

/// The 64-bit hash of `bytes`.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut lanes = LANES;
    let mut lane = 0;
    let mut rest = bytes;
    while let Some((word, after)) = rest.split_first_chunk::<8>() {
        lanes[lane] = round(lanes[lane], u64::from_le_bytes(*word));
        lane = (lane + 1) % lanes.len();
        rest = after;
    }
    // The last bytes padded with zeros: the length, folded in below, tells them apart.
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        lanes[lane] = round(lanes[lane], u64::from_le_bytes(last));
    }
    let mut folded = (bytes.len() as u64).wrapping_mul(PRIME_3);
    for lane in lanes {
        folded = (folded ^ round(0, lane)).rotate_left(27);
        folded = folded.wrapping_mul(PRIME_1).wrapping_add(PRIME_3);
    }
    avalanche(folded)
}

/// The 32-bit checksum of a payload: its hash's halves folded.
pub fn checksum(bytes: &[u8]) -> u32 {
    let hash = hash(bytes);
    (hash ^ hash >> 32) as u32
}

/// A lane after taking `word`: for a given lane, a different word always gives a different
/// lane (each step is invertible), so no one word's change is ever lost.
fn round(lane: u64, word: u64) -> u64 {
    lane.wrapping_add(word.wrapping_mul(PRIME_2))
        .rotate_left(31)
        .wrapping_mul(PRIME_1)
}

/// Mixes every bit of `hash` into every other (invertibly, like [`round`]).
fn avalanche(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(PRIME_2);
    hash ^= hash >> 29;
    hash = hash.wrapping_mul(PRIME_3);
    hash ^ hash >> 32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> Vec<Vec<u8>> {
        let mut next = crate::testing::below(0x6a09_e667_u32);
        [0, 1, 7, 8, 31, 32, 33, 63, 64, 100, 1000]
            .into_iter()
            .map(|len| (0..len).map(|_| next(256) as u8).collect())
            .collect()
    }

    /// The hash is part of the format: were it changed without `FORMAT_VERSION`, the files
    /// of the old hash would be refused as corrupt or stale rather than as another format.
    #[test]
    fn the_hash_is_fixed_by_the_format() {
        assert_eq!(
            (hash(b""), hash(b"scour"), hash(&[7; 100])),
            (
                0x1570_c1e5_63e4_e7f0,
                0xe88f_153d_0323_ce3e,
                0x8b08_9ea2_c8db_c064
            ),
            "a change of the hash needs a new FORMAT_VERSION (then update these values)"
        );
    }

    /// Any one bit changed, anywhere in the input, changes the hash and the checksum: a
    /// corrupt byte is never taken for the payload it was.
    #[test]
    fn every_bit_flipped_changes_the_hash() {
        for input in inputs() {
            let (whole, sum) = (hash(&input), checksum(&input));
            for bit in 0..input.len() * 8 {
                let mut flipped = input.clone();
                flipped[bit / 8] ^= 1 << (bit % 8);
                assert_ne!(hash(&flipped), whole, "bit {bit} of {} bytes", input.len());
                assert_ne!(
                    checksum(&flipped),
                    sum,
                    "bit {bit} of {} bytes",
                    input.len()
                );
            }
        }
    }

    /// Zeros added or removed at the end, or words swapped between lanes, change the hash.
    #[test]
    fn length_and_order_count() {
        for input in inputs() {
            let mut longer = input.clone();
            longer.push(0);
            assert_ne!(hash(&longer), hash(&input), "{} bytes", input.len());
            if input.len() >= 16 {
                let mut swapped = input.clone();
                swapped[..16].rotate_left(8);
                if swapped != input {
                    assert_ne!(hash(&swapped), hash(&input), "{} bytes", input.len());
                }
            }
        }
    }

    /// A single bit flipped moves about half the output bits: the hash is mixed, so pieces
    /// differing little still get names far apart.
    #[test]
    fn one_bit_moves_about_half_the_output() {
        let input = vec![0u8; 100];
        let base = hash(&input);
        let moved: u32 = (0..input.len() * 8)
            .map(|bit| {
                let mut flipped = input.clone();
                flipped[bit / 8] ^= 1 << (bit % 8);
                (hash(&flipped) ^ base).count_ones()
            })
            .sum();
        let mean = f64::from(moved) / (input.len() * 8) as f64;
        assert!((28.0..36.0).contains(&mean), "mean bits moved {mean}");
    }
}
