//! Bytes to text: UTF-8, decoded lossily when it has to be, without BOM and with `\n` line ends.

/// Text decoded from a file's bytes.
pub(crate) struct Decoded {
    pub text: String,
    /// The 1-based line of the first byte that was not UTF-8, when there was one.
    pub invalid_line: Option<usize>,
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences with U+FFFD.
pub(crate) fn decode(bytes: Vec<u8>) -> Decoded {
    let (text, invalid_line) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            (String::from_utf8_lossy(&bytes).into_owned(), Some(line))
        }
    };
    Decoded {
        text: normalize(text),
        invalid_line,
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

    #[test]
    fn valid_utf8_is_kept_as_is() {
        let decoded = decode("héllo\nworld".as_bytes().to_vec());
        assert_eq!(decoded.text, "héllo\nworld");
        assert_eq!(decoded.invalid_line, None);
    }

    #[test]
    fn invalid_bytes_are_replaced_and_their_line_reported() {
        let decoded = decode(b"one\ntwo\nth\xffree\nfour".to_vec());
        assert_eq!(decoded.text, "one\ntwo\nth\u{FFFD}ree\nfour");
        assert_eq!(decoded.invalid_line, Some(3));
    }

    #[test]
    fn bom_and_crlf_are_normalized() {
        let decoded = decode(b"\xef\xbb\xbfa\r\nb\r\n".to_vec());
        assert_eq!(decoded.text, "a\nb\n");
    }
}
