//! One input file: its format, told by its extension, and what reading it yields.

use std::path::Path;

use scour_core::Document;

use crate::corpus::{IngestOptions, Omission};
use crate::decode::{decode, decode_page, utf8_bytes, Decoded, Transcoded};
use crate::error::{Failure, FileError, Problem};
use crate::relative::RelativePath;
use crate::{file, html, jsonl, markdown, txt};

/// The kinds of file Scour reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
}

impl Format {
    /// The format of `path`, by its extension (any case); none for other files.
    pub fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// What reading a file yields, in file order.
#[derive(Debug)]
pub(crate) enum Item {
    /// A document, with the line it was read from for line-based formats.
    Document {
        line: Option<usize>,
        document: Document,
        /// The title was read from `<title>`, where it may end with the site's name.
        title_tag: bool,
    },
    /// The file is left out on purpose.
    Omitted(Omission),
    /// A problem: a warning when the documents were kept, otherwise something skipped.
    Issue(FileError),
}

/// What the text of a one-document file yields.
#[derive(Debug)]
pub(crate) enum Page {
    /// A document to index; `title_tag` as in [`Item::Document`]; `warnings` for the fields it
    /// was read without.
    Document {
        document: Box<Document>,
        title_tag: bool,
        warnings: Vec<Problem>,
    },
    /// A page left out on purpose.
    Omitted(Omission),
}

/// Reads the file at `path`, in `format`, naming its documents by `site_path`, its path under
/// the site's root; `published`: it is in a site as served (a folder of HTML pages), where a
/// Markdown file is a file of its own, not a generator's source of a page.
pub(crate) fn read(
    path: &Path,
    site_path: &Path,
    format: Format,
    published: bool,
    options: &IngestOptions,
) -> Vec<Item> {
    let bytes = match file::read_bounded(path, options.max_file_size) {
        Ok(bytes) => bytes,
        Err(problem) => return vec![Item::Issue(FileError::new(path, None, problem))],
    };
    let base_url = options.base_url.clone().unwrap_or_default();
    let relative = RelativePath::new(site_path, Path::new("")).served_from(&base_url);
    match format {
        Format::JsonLines => read_lines(path, bytes),
        Format::Text => read_whole(path, decode(bytes), |text| {
            let url = options.base_url.is_some().then(|| relative.file_url());
            Ok(txt::parse(text, relative.id(), url))
        }),
        Format::Markdown => read_whole(path, decode(bytes), |text| {
            markdown::parse(text, &relative, published)
        }),
        Format::Html => read_whole(path, decode_page(bytes), |text| {
            html::parse(text, &relative, options)
        }),
    }
}

/// Reads the `bytes` of a JSON lines file: transcoded to UTF-8 if need be, then line by line.
fn read_lines(path: &Path, bytes: Vec<u8>) -> Vec<Item> {
    let issue = |line, problem| Item::Issue(FileError::new(path, line, problem));
    match utf8_bytes(bytes) {
        Ok(Transcoded { bytes, invalid }) => {
            let invalid = invalid.map(|(line, problem)| issue(Some(line), problem));
            invalid
                .into_iter()
                .chain(jsonl::read(path, &bytes))
                .collect()
        }
        Err(problem) => vec![issue(None, problem)],
    }
}

/// Reads a file holding one document, `decoded`, handing its text to `parse`. A binary file
/// is skipped: its bytes decoded as text would index junk.
fn read_whole(
    path: &Path,
    decoded: Result<Decoded, Problem>,
    parse: impl FnOnce(&str) -> Result<Page, Failure>,
) -> Vec<Item> {
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(problem) => return vec![Item::Issue(FileError::new(path, None, problem))],
    };
    let mut items = Vec::with_capacity(2);
    if let Some((line, problem)) = decoded.invalid {
        items.push(Item::Issue(FileError::new(path, Some(line), problem)));
    }
    match parse(&decoded.text) {
        Ok(Page::Document {
            document,
            title_tag,
            warnings,
        }) => {
            let warnings = warnings
                .into_iter()
                .map(|problem| FileError::new(path, None, problem));
            items.extend(warnings.map(Item::Issue));
            items.push(Item::Document {
                line: None,
                document: *document,
                title_tag,
            });
        }
        Ok(Page::Omitted(omission)) => items.push(Item::Omitted(omission)),
        Err(failure) => items.push(Item::Issue(failure.in_file(path))),
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_extension_in_any_case() {
        let format = |name: &str| Format::of(Path::new(name));
        assert_eq!(format("a.txt"), Some(Format::Text));
        assert_eq!(format("a.MD"), Some(Format::Markdown));
        assert_eq!(format("a.markdown"), Some(Format::Markdown));
        assert_eq!(format("a.htm"), Some(Format::Html));
        assert_eq!(format("dir/a.Html"), Some(Format::Html));
        assert_eq!(format("a.jsonl"), Some(Format::JsonLines));
        assert_eq!(format("a.json"), None);
        assert_eq!(format("README"), None);
    }
}
