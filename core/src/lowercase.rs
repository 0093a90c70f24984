//! Full lower case of one character, as `char::to_lowercase` gives it, from a table of runs.
//!
//! std's own table lists each of the ~1,500 mappings with both characters (11.5 KB of wasm);
//! the mappings come in runs that share an offset, every character (`A`–`Z` to `a`–`z`) or
//! every other one (`Ā` `ā` `Ă` `ă` …), so the same mappings fit in 185 runs (1.5 KB). The
//! test below checks every character against std, and prints the table again when std's
//! Unicode version changes it.

/// Runs of characters whose lower case is the character plus an offset: `start << 8 |
/// every other character << 7 | characters - 1`, and the offset. Sorted by start.
#[rustfmt::skip]
static RUNS: [(u32, i32); 185] = [
    (0x004119, 32), (0x00C016, 32), (0x00D806, 32), (0x010097, 1), (0x013282, 1), (0x013987, 1),
    (0x014A96, 1), (0x017800, -121), (0x017982, 1), (0x018100, 210), (0x018281, 1),
    (0x018600, 206), (0x018700, 1), (0x018901, 205), (0x018B00, 1), (0x018E00, 79),
    (0x018F00, 202), (0x019000, 203), (0x019100, 1), (0x019300, 205), (0x019400, 207),
    (0x019600, 211), (0x019700, 209), (0x019800, 1), (0x019C00, 211), (0x019D00, 213),
    (0x019F00, 214), (0x01A082, 1), (0x01A600, 218), (0x01A700, 1), (0x01A900, 218),
    (0x01AC00, 1), (0x01AE00, 218), (0x01AF00, 1), (0x01B101, 217), (0x01B381, 1),
    (0x01B700, 219), (0x01B800, 1), (0x01BC00, 1), (0x01C400, 2), (0x01C500, 1), (0x01C700, 2),
    (0x01C800, 1), (0x01CA00, 2), (0x01CB88, 1), (0x01DE88, 1), (0x01F100, 2), (0x01F281, 1),
    (0x01F600, -97), (0x01F700, -56), (0x01F893, 1), (0x022000, -130), (0x022288, 1),
    (0x023A00, 10795), (0x023B00, 1), (0x023D00, -163), (0x023E00, 10792), (0x024100, 1),
    (0x024300, -195), (0x024400, 69), (0x024500, 71), (0x024684, 1), (0x037081, 1),
    (0x037600, 1), (0x037F00, 116), (0x038600, 38), (0x038802, 37), (0x038C00, 64),
    (0x038E01, 63), (0x039110, 32), (0x03A308, 32), (0x03CF00, 8), (0x03D88B, 1),
    (0x03F400, -60), (0x03F700, 1), (0x03F900, -7), (0x03FA00, 1), (0x03FD02, -130),
    (0x04000F, 80), (0x04101F, 32), (0x046090, 1), (0x048A9A, 1), (0x04C000, 15), (0x04C186, 1),
    (0x04D0AF, 1), (0x053125, 48), (0x10A025, 7264), (0x10C700, 7264), (0x10CD00, 7264),
    (0x13A04F, 38864), (0x13F005, 8), (0x1C8900, 1), (0x1C902A, -3008), (0x1CBD02, -3008),
    (0x1E00CA, 1), (0x1E9E00, -7615), (0x1EA0AF, 1), (0x1F0807, -8), (0x1F1805, -8),
    (0x1F2807, -8), (0x1F3807, -8), (0x1F4805, -8), (0x1F5983, -8), (0x1F6807, -8),
    (0x1F8807, -8), (0x1F9807, -8), (0x1FA807, -8), (0x1FB801, -8), (0x1FBA01, -74),
    (0x1FBC00, -9), (0x1FC803, -86), (0x1FCC00, -9), (0x1FD801, -8), (0x1FDA01, -100),
    (0x1FE801, -8), (0x1FEA01, -112), (0x1FEC00, -7), (0x1FF801, -128), (0x1FFA01, -126),
    (0x1FFC00, -9), (0x212600, -7517), (0x212A00, -8383), (0x212B00, -8262), (0x213200, 28),
    (0x21600F, 16), (0x218300, 1), (0x24B619, 26), (0x2C002F, 48), (0x2C6000, 1),
    (0x2C6200, -10743), (0x2C6300, -3814), (0x2C6400, -10727), (0x2C6782, 1),
    (0x2C6D00, -10780), (0x2C6E00, -10749), (0x2C6F00, -10783), (0x2C7000, -10782),
    (0x2C7200, 1), (0x2C7500, 1), (0x2C7E01, -10815), (0x2C80B1, 1), (0x2CEB81, 1),
    (0x2CF200, 1), (0xA64096, 1), (0xA6808D, 1), (0xA72286, 1), (0xA7329E, 1), (0xA77981, 1),
    (0xA77D00, -35332), (0xA77E84, 1), (0xA78B00, 1), (0xA78D00, -42280), (0xA79081, 1),
    (0xA79689, 1), (0xA7AA00, -42308), (0xA7AB00, -42319), (0xA7AC00, -42315),
    (0xA7AD00, -42305), (0xA7AE00, -42308), (0xA7B000, -42258), (0xA7B100, -42282),
    (0xA7B200, -42261), (0xA7B300, 928), (0xA7B487, 1), (0xA7C400, -48), (0xA7C500, -42307),
    (0xA7C600, -35384), (0xA7C781, 1), (0xA7CB00, -42343), (0xA7CC87, 1), (0xA7DC00, -42561),
    (0xA7F500, 1), (0xFF2119, 32), (0x1040027, 40), (0x104B023, 40), (0x105700A, 39),
    (0x1057C0E, 39), (0x1058C06, 39), (0x1059401, 39), (0x10C8032, 64), (0x10D5015, 32),
    (0x118A01F, 32), (0x16E401F, 32), (0x16EA018, 27), (0x1E90021, 34),
];

/// The lower case of `c` when it is one character (all but `İ`, which is `i` and a dot above).
pub(crate) fn lowercase(c: char) -> char {
    let code = u32::from(c);
    let Some(run) = RUNS
        .partition_point(|&(key, _)| key >> 8 <= code)
        .checked_sub(1)
    else {
        return c;
    };
    let (key, offset) = RUNS[run];
    let step = if key & 0x80 == 0 { 1 } else { 2 };
    let from_start = code - (key >> 8);
    if from_start % step != 0 || from_start / step > key & 0x7f {
        return c;
    }
    char::from_u32(code.wrapping_add_signed(offset)).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs std's table makes, in this file's notation.
    fn runs() -> Vec<(u32, i32)> {
        let mappings: Vec<(u32, i64)> = (0..=0x10_FFFF_u32)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l != c => Some((
                        u32::from(c),
                        i64::from(u32::from(l)) - i64::from(u32::from(c)),
                    )),
                    _ => None,
                }
            })
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < mappings.len() {
            let (start, offset) = mappings[i];
            let extent = |step: u32| {
                let mut end = i + 1;
                while end < mappings.len()
                    && end - i < 128
                    && mappings[end].0 == mappings[end - 1].0 + step
                    && mappings[end].1 == offset
                {
                    end += 1;
                }
                end
            };
            let (every, every_other) = (extent(1), extent(2));
            let (end, flag) = if every_other > every {
                (every_other, 0x80)
            } else {
                (every, 0)
            };
            runs.push((start << 8 | flag | (end - i - 1) as u32, offset as i32));
            i = end;
        }
        runs
    }

    #[test]
    fn the_table_is_std_s() {
        let expected = runs();
        if RUNS[..] != expected[..] {
            let rows: Vec<String> = expected
                .iter()
                .map(|(k, o)| format!("(0x{k:06X}, {o}),"))
                .collect();
            panic!(
                "std's lower case changed: replace RUNS with these {} runs:\n{}",
                rows.len(),
                rows.join(" ")
            );
        }
    }

    #[test]
    fn every_character_lowers_as_std_does() {
        for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
            if c == '\u{130}' {
                continue;
            }
            let mut std = c.to_lowercase();
            assert_eq!(Some(lowercase(c)), std.next(), "{c:?}");
            assert_eq!(std.next(), None, "{c:?}");
        }
    }
}
