//! Bytes to text: UTF-8, UTF-16 with its byte order mark, or the Windows-1252 (Latin-1) an HTML
//! page declares, decoded lossily when it has to be, without BOM and with `\n` line ends; a
//! binary file told from text and refused.

use crate::error::Problem;

/// How far into a file a NUL byte says it is binary, as for git: text never holds one, and
/// a binary format (an image, an archive, a PDF) has one in its header.
const BINARY_PROBE: usize = 8 * 1024;

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// The 1-based line of the first character that was not valid in the file's encoding,
    /// and the problem saying so, when there was one.
    pub invalid: Option<(usize, Problem)>,
}

/// Decodes `bytes` (see [`utf8_bytes`]) as UTF-8; invalid sequences become U+FFFD. Text
/// with a NUL in its first [`BINARY_PROBE`] bytes is refused as binary: decoded, it would
/// index junk.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<Decoded, Problem> {
    let transcoded = utf8_bytes(bytes)?;
    refuse_binary(&transcoded.bytes)?;
    let (text, invalid_line) = decode_utf8(transcoded.bytes);
    let invalid_utf8 = invalid_line.map(|line| (line, Problem::InvalidUtf8));
    Ok(Decoded {
        text: normalize(text),
        invalid: transcoded.invalid.or(invalid_utf8),
    })
}

/// Decodes an HTML page's `bytes` as a browser reads them: in Windows-1252 when they are not
/// UTF-8 and the page's `<meta>` declares it (or Latin-1 or ASCII, which browsers read so: a
/// page of an older site, `café` written in one byte); otherwise as [`decode`] does.
pub(crate) fn decode_page(bytes: Vec<u8>) -> Result<Decoded, Problem> {
    // The declaration first: it reads 1 KiB, where checking for UTF-8 reads the whole page.
    let single_byte = declared_charset(&bytes)
        .is_some_and(|label| WINDOWS_1252_LABELS.contains(&label.as_str()))
        && utf16_order(&bytes).is_none()
        && std::str::from_utf8(&bytes).is_err();
    if !single_byte {
        return decode(bytes);
    }
    refuse_binary(&bytes)?;
    let text = bytes.iter().map(|&b| windows_1252(b)).collect();
    Ok(Decoded {
        text: normalize(text),
        invalid: None,
    })
}

/// The labels browsers read as Windows-1252 (the WHATWG Encoding Standard's).
const WINDOWS_1252_LABELS: [&str; 17] = [
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// The charset a page's first 1,024 bytes declare in a `<meta>` (`<meta charset="…">`, or
/// `charset=…` in `http-equiv`'s `content`), in lower case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.match_indices("<meta").find_map(|(at, _)| {
        let tag = &head[at..head[at..].find('>').map_or(head.len(), |end| at + end)];
        let after = &tag[tag.find("charset")? + "charset".len()..];
        let value = after.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '/'))
            .unwrap_or(value.len());
        (end > 0).then(|| value[..end].to_string())
    })
}

/// A byte of Windows-1252 text: Latin-1, but for the printable characters at 0x80 to 0x9F.
fn windows_1252(byte: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match byte {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(byte - 0x80)]))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

/// A file's bytes as UTF-8 is read.
#[derive(Debug)]
pub(crate) struct Transcoded {
    pub bytes: Vec<u8>,
    /// The line of the first half character of UTF-16 text (made U+FFFD), and the problem.
    pub invalid: Option<(usize, Problem)>,
}

/// `bytes` as UTF-8: transcoded from UTF-16 when they start with its byte order mark (Windows
/// tools save text so), each unpaired surrogate made U+FFFD; otherwise as they are. UTF-32,
/// whose mark starts as UTF-16's does, is refused as binary.
pub(crate) fn utf8_bytes(bytes: Vec<u8>) -> Result<Transcoded, Problem> {
    let Some(order) = utf16_order(&bytes) else {
        return Ok(Transcoded {
            bytes,
            invalid: None,
        });
    };
    let (text, invalid_line) = decode_utf16(&bytes[2..], order);
    // UTF-32 read as UTF-16 is NULs.
    refuse_binary(text.as_bytes())?;
    Ok(Transcoded {
        bytes: text.into_bytes(),
        invalid: invalid_line.map(|line| (line, Problem::InvalidUtf16)),
    })
}

fn refuse_binary(bytes: &[u8]) -> Result<(), Problem> {
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    match probe.iter().position(|&b| b == 0) {
        Some(offset) => Err(Problem::Binary { offset }),
        None => Ok(()),
    }
}

/// The byte order of UTF-16 text, told by its byte order mark.
#[derive(Debug, Clone, Copy)]
enum ByteOrder {
    Little,
    Big,
}

fn utf16_order(bytes: &[u8]) -> Option<ByteOrder> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(ByteOrder::Little),
        [0xFE, 0xFF, ..] => Some(ByteOrder::Big),
        _ => None,
    }
}

/// UTF-16 code units in `order`, each unpaired surrogate (and an odd last byte) as U+FFFD,
/// with the line of the first.
fn decode_utf16(bytes: &[u8], order: ByteOrder) -> (String, Option<usize>) {
    let units = bytes.chunks(2).map(|pair| match (pair, order) {
        ([low, high], ByteOrder::Little) => u16::from_le_bytes([*low, *high]),
        ([high, low], ByteOrder::Big) => u16::from_be_bytes([*high, *low]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut invalid_line = None;
    for unit in char::decode_utf16(units) {
        let c = unit.unwrap_or_else(|_| {
            invalid_line.get_or_insert_with(|| 1 + text.matches('\n').count());
            char::REPLACEMENT_CHARACTER
        });
        text.push(c);
    }
    if bytes.len() % 2 == 1 && invalid_line.is_none() {
        invalid_line = Some(1 + text.matches('\n').count());
    }
    (text, invalid_line)
}

fn decode_utf8(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            (String::from_utf8_lossy(&bytes).into_owned(), Some(line))
        }
    }
}

/// Drops a byte order mark and turns `\r\n` into `\n`.
fn normalize(text: String) -> String {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> Decoded {
        decode(bytes.to_vec()).unwrap()
    }

    /// The line of the first invalid character, and whether the file was UTF-16.
    fn invalid(decoded: &Decoded) -> Option<(usize, bool)> {
        let utf16 = |problem: &Problem| matches!(problem, Problem::InvalidUtf16);
        decoded.invalid.as_ref().map(|(line, p)| (*line, utf16(p)))
    }

    fn utf16(text: &str, order: ByteOrder) -> Vec<u8> {
        let units = text.encode_utf16().map(|unit| match order {
            ByteOrder::Little => unit.to_le_bytes(),
            ByteOrder::Big => unit.to_be_bytes(),
        });
        units.flatten().collect()
    }

    #[test]
    fn valid_utf8_is_kept_as_is() {
        let decoded = decoded("héllo\nworld".as_bytes());
        assert_eq!(decoded.text, "héllo\nworld");
        assert_eq!(invalid(&decoded), None);
    }

    #[test]
    fn invalid_bytes_are_replaced_and_their_line_reported() {
        let decoded = decoded(b"one\ntwo\nth\xffree\nfour");
        assert_eq!(decoded.text, "one\ntwo\nth\u{FFFD}ree\nfour");
        assert_eq!(invalid(&decoded), Some((3, false)));
    }

    #[test]
    fn bom_and_crlf_are_normalized() {
        let decoded = decoded(b"\xef\xbb\xbfa\r\nb\r\n");
        assert_eq!(decoded.text, "a\nb\n");
    }

    #[test]
    fn utf16_with_its_mark_is_decoded_in_either_byte_order() {
        let text = "\u{FEFF}Tür\r\n𝄞 clef";
        for order in [ByteOrder::Little, ByteOrder::Big] {
            let decoded = decoded(&utf16(text, order));
            assert_eq!(decoded.text, "Tür\n𝄞 clef", "{order:?}");
            assert_eq!(invalid(&decoded), None);
        }
    }

    #[test]
    fn an_unpaired_surrogate_or_odd_byte_is_replaced_and_its_line_reported() {
        let mut bytes = utf16("\u{FEFF}one\ntwo ", ByteOrder::Little);
        bytes.extend([0x00, 0xD8]);
        bytes.extend(utf16("x\nthree", ByteOrder::Little));
        let surrogate = decoded(&bytes);
        assert_eq!(surrogate.text, "one\ntwo \u{FFFD}x\nthree");
        assert_eq!(invalid(&surrogate), Some((2, true)));
        let odd = decoded(&[&utf16("\u{FEFF}a\nb", ByteOrder::Big)[..], &[0x41]].concat());
        assert_eq!(odd.text, "a\nb\u{FFFD}");
        assert_eq!(invalid(&odd), Some((2, true)));
    }

    #[test]
    fn a_page_declared_latin_1_or_windows_1252_is_read_so_when_it_is_not_utf8() {
        let page = |head: &str, body: &[u8]| [head.as_bytes(), body].concat();
        for head in [
            "<html><head><meta charset=\"ISO-8859-1\"><title>t</title>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
            "<META CHARSET=latin1>",
        ] {
            let decoded = decode_page(page(head, b"caf\xe9 \x93quoted\x94 \x80")).unwrap();
            assert!(
                decoded.text.ends_with("café \u{201C}quoted\u{201D} €"),
                "{head}: {:?}",
                decoded.text
            );
            assert!(decoded.invalid.is_none());
        }
        // UTF-8 under the declaration is read as UTF-8 (a page saved again, its meta left).
        let utf8 = decode_page(page("<meta charset=iso-8859-1>", "café".as_bytes())).unwrap();
        assert!(utf8.text.ends_with("café"));
        // Another declared charset is not read: the bytes are UTF-8's, with the warning.
        let other = decode_page(page("<meta charset=shift_jis>", b"\x82\xa0")).unwrap();
        assert!(other.invalid.is_some());
        // No declaration: UTF-8, with the warning.
        assert!(decode_page(b"caf\xe9".to_vec()).unwrap().invalid.is_some());
    }

    #[test]
    fn a_nul_near_the_start_is_binary_in_either_encoding() {
        let refused = |bytes: &[u8]| match decode(bytes.to_vec()) {
            Err(Problem::Binary { offset }) => offset,
            other => panic!("{other:?}"),
        };
        assert_eq!(refused(b"\x89PNG\r\n\x1a\n\0\0"), 8);
        // UTF-32 with its mark: read as UTF-16, a NUL follows each character.
        assert_eq!(refused(b"\xff\xfe\0\0a\0\0\0"), 0);
        let late = format!("{}\0", "x".repeat(BINARY_PROBE));
        assert!(decode(late.into_bytes()).is_ok());
    }
}
