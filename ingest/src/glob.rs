//! Exclude patterns: globs over a file's path under its input folder, `/`-separated.
//!
//! `*` matches any characters but `/`, `?` one character but `/`, and a `**` segment any number
//! of folders. A pattern matches a file when it matches its whole path or one of its folders,
//! so `drafts` and `drafts/**` both leave out everything under `drafts/`.

use std::fmt;
use std::str::FromStr;

use crate::error::OptionError;

/// A parsed exclude pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    written: String,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// `**`: zero or more folders.
    AnyFolders,
    /// One file or folder name, with `*` and `?` wildcards.
    Name(Vec<char>),
}

impl Glob {
    /// Whether the file at `path` (its names under the input folder), or a folder it is in,
    /// matches.
    pub(crate) fn matches(&self, path: &[&str]) -> bool {
        (1..=path.len()).any(|end| matches_segments(&self.segments, &path[..end]))
    }
}

impl FromStr for Glob {
    type Err = OptionError;

    /// Parses `pattern`; a leading `./` or `/` and a trailing `/` are ignored.
    fn from_str(pattern: &str) -> Result<Self, OptionError> {
        let trimmed = pattern.trim_start_matches("./").trim_matches('/');
        let segments = trimmed
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(|segment| match segment {
                "**" => Ok(Segment::AnyFolders),
                _ if segment.contains("**") => {
                    Err(OptionError::PartialDoubleStar(pattern.to_string()))
                }
                _ => Ok(Segment::Name(segment.chars().collect())),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if segments.is_empty() {
            return Err(OptionError::EmptyGlob);
        }
        Ok(Glob {
            written: pattern.to_string(),
            segments,
        })
    }
}

impl fmt::Display for Glob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

fn matches_segments(pattern: &[Segment], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((Segment::AnyFolders, rest)) => {
            (0..=path.len()).any(|skipped| matches_segments(rest, &path[skipped..]))
        }
        Some((Segment::Name(name), rest)) => path.split_first().is_some_and(|(first, others)| {
            matches_name(name, first) && matches_segments(rest, others)
        }),
    }
}

/// Whether `name` matches `pattern` (`*` any run of characters, `?` one character), by the
/// usual linear walk that returns to the last `*` on a mismatch.
fn matches_name(pattern: &[char], name: &str) -> bool {
    let name: Vec<char> = name.chars().collect();
    let (mut p, mut n) = (0, 0);
    let mut last_star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                last_star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == '?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match last_star {
                Some((star, matched)) => {
                    last_star = Some((star, matched + 1));
                    p = star + 1;
                    n = matched + 1;
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, path: &str) -> bool {
        let glob: Glob = pattern.parse().unwrap();
        glob.matches(&path.split('/').collect::<Vec<_>>())
    }

    #[test]
    fn star_and_question_mark_stay_within_a_name() {
        assert!(matches("*.txt", "notes.txt"));
        assert!(!matches("*.txt", "docs/notes.txt"));
        assert!(matches("docs/*.md", "docs/a.md"));
        assert!(!matches("docs/*.md", "docs/a.mdx"));
        assert!(matches("page-?.html", "page-1.html"));
        assert!(!matches("page-?.html", "page-10.html"));
        assert!(matches("a*b*c", "aXbYbZc"));
        assert!(!matches("a*b*c", "aXbYbZ"));
        assert!(matches("*", "anything"));
    }

    #[test]
    fn double_star_spans_any_number_of_folders() {
        assert!(matches("**/*.txt", "notes.txt"));
        assert!(matches("**/*.txt", "a/b/notes.txt"));
        assert!(matches("docs/**/old.md", "docs/old.md"));
        assert!(matches("docs/**/old.md", "docs/v1/v2/old.md"));
        assert!(!matches("docs/**/old.md", "blog/old.md"));
        assert!(matches("drafts/**", "drafts/x/y.md"));
    }

    #[test]
    fn a_matching_folder_excludes_everything_under_it() {
        assert!(matches("drafts", "drafts/post.md"));
        assert!(matches("/drafts/", "drafts/2024/post.md"));
        assert!(matches("./blog/draft-*", "blog/draft-one/index.html"));
        assert!(!matches("drafts", "blog/drafts.md"));
        assert!(!matches("blog", "blogroll.md"));
    }

    #[test]
    fn matching_is_case_sensitive_and_literal_otherwise() {
        assert!(!matches("*.TXT", "notes.txt"));
        assert!(matches("[a].md", "[a].md"));
        assert!(matches("café/*", "café/menu.md"));
    }

    #[test]
    fn empty_patterns_and_partial_double_stars_are_refused() {
        assert_eq!("".parse::<Glob>(), Err(OptionError::EmptyGlob));
        assert_eq!("/".parse::<Glob>(), Err(OptionError::EmptyGlob));
        let error = "docs/**.md".parse::<Glob>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`docs/**.md`: `**` must be a whole path segment (`**/x`, `x/**` or `a/**/b`); use `*` inside a name"
        );
    }
}
