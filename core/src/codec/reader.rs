//! Reading a payload: every length is checked against the bytes left before anything is
//! allocated, and every allocation is charged to the memory the file's header declares.
//!
//! Payloads are bincode 2 with the standard configuration: integers as varints (below 251
//! one byte, else a tag 251, 252 or 253 and a 2, 4 or 8 byte little-endian value), `f32`
//! as 4 little-endian bytes, `u8` as itself, lengths as varints before their items,
//! `Option` as a 0 or 1 byte. Memory is counted as the bytes each allocation holds plus
//! [`ALLOCATION_OVERHEAD`], the allocator's own; a reader that would go beyond the
//! declared total fails with [`FormatError::TooMuchMemory`].

use super::FormatError;

/// Bytes charged for each allocation besides what it holds (what an allocator keeps).
pub const ALLOCATION_OVERHEAD: u64 = 16;

/// The memory one allocation of `count` values of `T` takes: nothing when empty.
pub(crate) fn cost<T: Footprint>(count: usize) -> u64 {
    let bytes = (count as u64).saturating_mul(T::BYTES);
    if bytes == 0 {
        0
    } else {
        bytes.saturating_add(ALLOCATION_OVERHEAD)
    }
}

/// The bytes a value of a type takes in memory as the codec counts it: its size on a 64-bit
/// machine, whatever the machine, so that a file declares the same memory whichever wrote it (the
/// native indexer, or the 32-bit WASI one of `npx scour-site`) and a 64-bit reader, whose values
/// are the largest, never finds it short. [`footprints!`] checks each figure against `size_of`
/// when compiling for 64 bits.
pub(crate) trait Footprint {
    const BYTES: u64;
}

/// `footprints!(Type = bytes, …)`: [`Footprint`] for each type, its figure checked on 64 bits.
macro_rules! footprints {
    ($($type:ty = $bytes:expr),* $(,)?) => {$(
        impl $crate::codec::Footprint for $type {
            const BYTES: u64 = $bytes;
        }
        #[cfg(target_pointer_width = "64")]
        const _: () = assert!(std::mem::size_of::<$type>() as u64 == $bytes);
    )*};
}
pub(crate) use footprints;

footprints!(
    u8 = 1,
    u32 = 4,
    (u32, u32) = 8,
    &[u8] = 16,
    Vec<u32> = 24,
    (String, String) = 48,
);

/// A payload being read, with the memory left to allocate for it. A clone reads ahead
/// (to measure what follows) without moving the original.
#[derive(Clone)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    file: &'a str,
    /// Memory the file declares, and how much of it has been charged.
    declared: u64,
    used: u64,
    /// The size of the whole file, for the error.
    file_bytes: usize,
}

pub(crate) type Read<T> = Result<T, FormatError>;

impl<'a> Reader<'a> {
    /// Reads `payload` of a `file_bytes`-byte file declaring `declared` bytes of memory.
    pub(crate) fn new(payload: &'a [u8], file: &'a str, declared: u64, file_bytes: usize) -> Self {
        Reader {
            bytes: payload,
            at: 0,
            file,
            declared,
            used: 0,
            file_bytes,
        }
    }

    /// A reader bound to no memory: it counts what a payload's decoding charges, for its
    /// writer, or reads a payload verified before.
    pub(crate) fn measuring(payload: &'a [u8]) -> Self {
        Reader::new(payload, "the payload", u64::MAX, payload.len())
    }

    /// The payload's length in bytes.
    pub(crate) fn payload_len(&self) -> usize {
        self.bytes.len()
    }

    /// Memory charged so far.
    pub(crate) fn used(&self) -> u64 {
        self.used
    }

    pub(crate) fn file(&self) -> &'a str {
        self.file
    }

    /// Takes `bytes` of memory from what the file declares.
    pub(crate) fn charge(&mut self, bytes: u64) -> Read<()> {
        let used = self.used.saturating_add(bytes);
        if used > self.declared {
            return Err(FormatError::TooMuchMemory {
                file: self.file.to_string(),
                needed: used,
                allowed: self.declared,
                size: self.file_bytes as u64,
            });
        }
        self.used = used;
        Ok(())
    }

    /// A corruption error naming the file and `what` is wrong with it.
    pub(crate) fn malformed(&self, what: &str) -> FormatError {
        FormatError::Corrupt([self.file, " is malformed (", what, ")"].concat())
    }

    fn take(&mut self, n: usize) -> Read<&'a [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.malformed("it ends early"))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    pub(crate) fn byte(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn varint(&mut self) -> Read<u64> {
        let le = |b: &[u8]| b.iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x));
        Ok(match self.byte()? {
            251 => le(self.take(2)?),
            252 => le(self.take(4)?),
            253 => le(self.take(8)?),
            254 | 255 => return Err(self.malformed("a value out of range")),
            small => u64::from(small),
        })
    }

    pub(crate) fn u32(&mut self) -> Read<u32> {
        let value = self.varint()?;
        u32::try_from(value).map_err(|_| self.malformed("a value out of range"))
    }

    pub(crate) fn u64(&mut self) -> Read<u64> {
        self.varint()
    }

    pub(crate) fn f32(&mut self) -> Read<f32> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A count of items each encoded in at least `min_bytes` bytes, checked against the bytes
    /// left.
    pub(crate) fn count(&mut self, min_bytes: usize) -> Read<usize> {
        let count = self.varint()?;
        let left = (self.bytes.len() - self.at) as u64;
        if count.saturating_mul(min_bytes.max(1) as u64) > left {
            return Err(self.malformed("it ends early"));
        }
        Ok(count as usize)
    }

    /// Length-prefixed bytes, borrowed.
    pub(crate) fn slice(&mut self) -> Read<&'a [u8]> {
        let n = self.count(1)?;
        self.take(n)
    }

    /// Length-prefixed UTF-8, borrowed.
    pub(crate) fn str(&mut self) -> Read<&'a str> {
        let bytes = self.slice()?;
        std::str::from_utf8(bytes).map_err(|_| self.malformed("text that is not UTF-8"))
    }

    pub(crate) fn string(&mut self) -> Read<String> {
        let text = self.str()?;
        self.charge(cost::<u8>(text.len()))?;
        Ok(text.to_owned())
    }

    /// A list of items, each encoded in at least `min_bytes` bytes; its memory is charged
    /// before it is allocated, at exactly its length.
    pub(crate) fn list<T: Footprint>(
        &mut self,
        min_bytes: usize,
        mut item: impl FnMut(&mut Self) -> Read<T>,
    ) -> Read<Vec<T>> {
        let count = self.count(min_bytes)?;
        self.charge(cost::<T>(count))?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(item(self)?);
        }
        Ok(items)
    }

    pub(crate) fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> Read<T>) -> Read<Option<T>> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(item(self)?)),
            _ => Err(self.malformed("an unknown tag")),
        }
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(&self) -> Read<()> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(FormatError::Corrupt(
                [self.file, " has trailing bytes"].concat(),
            ))
        }
    }
}
