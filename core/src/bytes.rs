//! Immutable bytes shared by the parts of an index read in place: the buffer a file was
//! read into is held once, and the pieces, postings and document texts decoded from it are
//! ranges of it rather than copies.

use std::fmt;
use std::ops::{Deref, Range};
use std::str::Utf8Error;
use std::sync::Arc;

/// A range of a shared buffer. Cloning it or taking a part of it copies no bytes.
#[derive(Clone)]
pub struct Bytes {
    buffer: Arc<Vec<u8>>,
    range: Range<usize>,
}

impl Bytes {
    /// The part of these bytes that `part` is, which must be a slice of them (as the
    /// readers of the codec give): a range of the same buffer, not a copy.
    pub(crate) fn part(&self, part: &[u8]) -> Bytes {
        if part.is_empty() {
            return Bytes {
                buffer: Arc::clone(&self.buffer),
                range: 0..0,
            };
        }
        let offset = (part.as_ptr() as usize).wrapping_sub(self.as_ptr() as usize);
        assert!(
            offset <= self.len() && part.len() <= self.len() - offset,
            "a part of bytes is a slice of them"
        );
        let start = self.range.start + offset;
        Bytes {
            buffer: Arc::clone(&self.buffer),
            range: start..start + part.len(),
        }
    }

    /// The part of these bytes that `part` is, as text (see [`Bytes::part`]): UTF-8, being
    /// a `str`.
    pub(crate) fn text_part(&self, part: &str) -> Text {
        Text(self.part(part.as_bytes()))
    }
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::from(Vec::new())
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Bytes {
        Bytes {
            range: 0..bytes.len(),
            buffer: Arc::new(bytes),
        }
    }
}

/// Borrowed bytes are copied, once: a caller that owns its buffer gives it instead.
impl From<&[u8]> for Bytes {
    fn from(bytes: &[u8]) -> Bytes {
        Bytes::from(bytes.to_vec())
    }
}

impl From<&Vec<u8>> for Bytes {
    fn from(bytes: &Vec<u8>) -> Bytes {
        Bytes::from(bytes.as_slice())
    }
}

impl<const N: usize> From<&[u8; N]> for Bytes {
    fn from(bytes: &[u8; N]) -> Bytes {
        Bytes::from(bytes.as_slice())
    }
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.buffer[self.range.clone()]
    }
}

impl PartialEq for Bytes {
    fn eq(&self, other: &Bytes) -> bool {
        **self == **other
    }
}

impl Eq for Bytes {}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes({} bytes)", self.len())
    }
}

/// UTF-8 text in shared bytes: a document's body, read in place from its piece.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Text(Bytes);

impl Text {
    /// `bytes` as text, if they are UTF-8.
    pub fn new(bytes: Bytes) -> Result<Text, Utf8Error> {
        std::str::from_utf8(&bytes)?;
        Ok(Text(bytes))
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        // SAFETY: every way to make a `Text` checks that its bytes are UTF-8 (`new`), or
        // takes them from a `str` (`text_part`, `From<String>`), and shared bytes never change.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Bytes::from(text.into_bytes()))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_a_range_of_the_same_buffer() {
        let whole = Bytes::from(b"header:payload".to_vec());
        let payload = whole.part(&whole[7..]);
        assert_eq!(&*payload, b"payload");
        assert!(Arc::ptr_eq(&whole.buffer, &payload.buffer));
        let inner = payload.part(&payload[3..5]);
        assert_eq!(&*inner, b"lo");
        assert_eq!(inner.range, 10..12);
        assert!(whole.part(&[]).is_empty());
    }

    #[test]
    fn text_is_only_made_of_utf8() {
        let whole = Bytes::from("héllo".as_bytes().to_vec());
        assert_eq!(Text::new(whole.part(&whole[3..])).expect("UTF-8"), "llo");
        assert!(Text::new(whole.part(&whole[..2])).is_err(), "half of é");
        assert_eq!(Text::from("héllo".to_string()).len(), 6);
    }

    #[test]
    #[should_panic(expected = "a part of bytes is a slice of them")]
    fn bytes_from_elsewhere_are_not_a_part() {
        let whole = Bytes::from(b"abc".to_vec());
        let other = b"abcdef".to_vec();
        whole.part(&other[1..]);
    }
}
