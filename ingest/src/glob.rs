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
        matched_ends(&self.segments, path)
            .iter()
            .skip(1)
            .any(|&end| end)
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

/// For each end of `path` (0 to its length), whether `pattern` matches the names before it:
/// the pattern read a segment at a time over the set of ends reached so far, so that `**`
/// segments in a row cost what one does, not a try of every split for each.
fn matched_ends(pattern: &[Segment], path: &[&str]) -> Vec<bool> {
    let mut reached = vec![false; path.len() + 1];
    reached[0] = true;
    for segment in pattern {
        reached = match segment {
            Segment::AnyFolders => {
                let first = reached.iter().position(|&r| r);
                (0..=path.len())
                    .map(|end| first.is_some_and(|f| end >= f))
                    .collect()
            }
            Segment::Name(name) => (0..=path.len())
                .map(|end| end > 0 && reached[end - 1] && matches_name(name, path[end - 1]))
                .collect(),
        };
    }
    reached
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

    /// The definition: every way to split the path among the pattern's segments, tried in turn.
    fn by_every_split(pattern: &[Segment], path: &[&str]) -> bool {
        match pattern.split_first() {
            None => path.is_empty(),
            Some((Segment::AnyFolders, rest)) => {
                (0..=path.len()).any(|skipped| by_every_split(rest, &path[skipped..]))
            }
            Some((Segment::Name(name), rest)) => {
                path.split_first().is_some_and(|(first, others)| {
                    matches_name(name, first) && by_every_split(rest, others)
                })
            }
        }
    }

    #[test]
    fn patterns_match_as_every_split_of_the_path_would() {
        let names = ["a", "b", "ab", "**", "*", "?", "a*"];
        let mut state = 0x2545_f491_u32;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as usize % n
        };
        for _ in 0..3000 {
            let pattern: Vec<&str> = (0..1 + next(5)).map(|_| names[next(names.len())]).collect();
            let path: Vec<&str> = (0..1 + next(6))
                .map(|_| ["a", "b", "ab", "ba"][next(4)])
                .collect();
            let glob: Glob = pattern.join("/").parse().unwrap();
            let expected = (1..=path.len()).any(|end| by_every_split(&glob.segments, &path[..end]));
            assert_eq!(glob.matches(&path), expected, "{pattern:?} on {path:?}");
        }
    }

    /// Many `**` over a deep path cost what one does (trying every split took minutes).
    #[test]
    fn double_stars_over_a_deep_path_are_matched_at_once() {
        let path: Vec<&str> = vec!["d"; 300];
        let pattern = format!("{}x", "**/".repeat(40));
        assert!(!matches(&pattern, &path.join("/")));
        assert!(matches(
            &format!("{}d", "**/d/".repeat(40)),
            &path.join("/")
        ));
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
