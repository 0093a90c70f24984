//! A file's bytes, read safely: only regular files (or links to one), and never more than a
//! limit, so a named pipe cannot block a run, nor a device or a growing file exhaust memory.

use std::fs::{self, File, FileType, Metadata, OpenOptions};
use std::io::Read;
use std::path::Path;

use crate::error::Problem;
use crate::options::FileSize;

/// The bytes of the file at `path`, when it is a regular file of at most `limit` bytes.
pub(crate) fn read_bounded(path: &Path, limit: FileSize) -> Result<Vec<u8>, Problem> {
    let metadata = fs::metadata(path).map_err(Problem::Unreadable)?;
    check(path, &metadata, limit)?;
    let file = open_without_blocking(path).map_err(Problem::Unreadable)?;
    let opened = file.metadata().map_err(Problem::Unreadable)?;
    check(path, &opened, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len()).unwrap_or(0));
    file.take(limit.bytes().saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Problem::Unreadable)?;
    if bytes.len() as u64 > limit.bytes() {
        return Err(Problem::GrewTooLarge { limit });
    }
    Ok(bytes)
}

/// Refuses what is not a regular file or is larger than `limit`.
fn check(path: &Path, metadata: &Metadata, limit: FileSize) -> Result<(), Problem> {
    if !metadata.is_file() {
        let link = fs::symlink_metadata(path).is_ok_and(|own| own.is_symlink());
        return Err(Problem::NotRegularFile {
            kind: kind(metadata.file_type()),
            target: link.then(|| fs::read_link(path).ok()).flatten(),
        });
    }
    if metadata.len() > limit.bytes() {
        let size = metadata.len();
        return Err(Problem::TooLarge { size, limit });
    }
    Ok(())
}

/// Opens `path` for reading; a named pipe put in a file's place since it was checked opens at
/// once (and is then refused) instead of waiting for a writer.
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// What a file that is not a regular one is, in words.
fn kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}
