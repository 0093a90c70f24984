//! Numbers written without `core::fmt`, for error messages and piece file names.
//!
//! `format!` and `to_string` bring the formatting machinery (`core::fmt::write`, padding, an
//! integer writer per width: 4.4 KB) into the wasm, though the engine only ever joins strings
//! and writes whole numbers. So what ships joins its pieces with `[..].concat()` and writes
//! numbers with [`decimal`] and [`hex16`]; only tests and the command line use `format!`.

/// `n` in decimal digits.
pub fn decimal(n: u64) -> String {
    let mut digits = Vec::with_capacity(20);
    let mut rest = n;
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// `n` as 16 lower-case hexadecimal digits, zeros leading.
pub fn hex16(n: u64) -> String {
    (0..16)
        .rev()
        .map(|nibble| char::from(b"0123456789abcdef"[(n >> (nibble * 4)) as usize & 15]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
            assert_eq!(hex16(n), format!("{n:016x}"));
        }
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..1000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            assert_eq!(
                decimal(state >> (state % 64)),
                (state >> (state % 64)).to_string()
            );
            assert_eq!(hex16(state), format!("{state:016x}"));
        }
    }
}
