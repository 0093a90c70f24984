//! Option values checked when they are given: CSS selectors, the base URL of a site and the
//! largest file read.

use std::fmt;
use std::str::FromStr;

use scraper::error::SelectorErrorKind;
use scraper::Selector;
use selectors::parser::SelectorParseErrorKind;

use crate::error::OptionError;

/// A CSS selector for the content or the title of HTML pages, parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssSelector {
    written: String,
    pub(crate) selector: Selector,
}

impl FromStr for CssSelector {
    type Err = OptionError;

    fn from_str(css: &str) -> Result<Self, OptionError> {
        let selector = Selector::parse(css).map_err(|error| OptionError::Selector {
            css: css.to_string(),
            reason: describe(error),
        })?;
        Ok(CssSelector {
            written: css.to_string(),
            selector,
        })
    }
}

impl fmt::Display for CssSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

/// What is wrong with a selector, in words (scraper's own messages read "Unexpected EOL").
fn describe(error: SelectorErrorKind) -> String {
    match error {
        SelectorErrorKind::UnexpectedToken => {
            "a character or word that does not belong there".into()
        }
        SelectorErrorKind::EndOfLine => "it ends where more is expected".into(),
        SelectorErrorKind::UnexpectedSelectorParseError(kind) => describe_part(kind),
        other => other.to_string().to_lowercase(),
    }
}

fn describe_part(kind: SelectorParseErrorKind) -> String {
    use SelectorParseErrorKind as Kind;
    match kind {
        Kind::EmptySelector => "it is empty".into(),
        Kind::DanglingCombinator => "a `>`, `+` or `~` with nothing after it".into(),
        Kind::UnsupportedPseudoClassOrElement => "an unsupported pseudo-class or element".into(),
        Kind::ClassNeedsIdent => "a `.` without a class name".into(),
        Kind::NoQualifiedNameInAttributeSelector
        | Kind::UnexpectedTokenInAttributeSelector
        | Kind::ExpectedBarInAttr
        | Kind::BadValueInAttr
        | Kind::InvalidQualNameInAttr => "a malformed attribute selector `[…]`".into(),
        other => format!("an unsupported or malformed part ({other:?})"),
    }
}

/// Where the site is served from: `/` by default, a sub-path like `/docs/` or a full address;
/// always ends with one `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// URLs relative to the site's root (`guide/install/`), for an index that says how to
    /// find the root from its own URL.
    pub fn site_relative() -> BaseUrl {
        BaseUrl(String::new())
    }

    /// Whether URLs are relative to the site's root: the index is written inside the site.
    pub(crate) fn is_site_relative(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl("/".to_string())
    }
}

impl FromStr for BaseUrl {
    type Err = OptionError;

    fn from_str(url: &str) -> Result<Self, OptionError> {
        if url.contains(['?', '#']) || url.contains(char::is_whitespace) {
            return Err(OptionError::BaseUrlCharacters(url.to_string()));
        }
        let host = ["http://", "https://"]
            .iter()
            .find_map(|scheme| url.strip_prefix(scheme));
        match host {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                return Err(OptionError::BaseUrlHost(url.to_string()))
            }
            None if !url.starts_with('/') => {
                return Err(OptionError::BaseUrlStart(url.to_string()))
            }
            _ => {}
        }
        Ok(BaseUrl(format!("{}/", url.trim_end_matches('/'))))
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The largest file read by default: 64 MiB, far above any page a site serves, and small enough
/// that a run holds a few such files in memory.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The largest file read, in bytes: larger files are skipped. Written as a number of bytes, or
/// followed by `K`, `M` or `G` (binary units: `64M` is 64 × 1,048,576 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSize(u64);

impl FileSize {
    pub(crate) fn bytes(self) -> u64 {
        self.0
    }
}

impl Default for FileSize {
    fn default() -> Self {
        FileSize(MAX_FILE_BYTES)
    }
}

impl FromStr for FileSize {
    type Err = OptionError;

    fn from_str(written: &str) -> Result<Self, OptionError> {
        let text = written.trim();
        let unit_start = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(unit_start);
        let shift = match unit.trim().to_ascii_uppercase().as_str() {
            "" => Some(0),
            "K" | "KIB" => Some(10),
            "M" | "MIB" => Some(20),
            "G" | "GIB" => Some(30),
            _ => None,
        };
        let bytes = number
            .parse::<u64>()
            .ok()
            .zip(shift)
            .and_then(|(number, shift)| number.checked_mul(1 << shift));
        match bytes {
            Some(0) => Err(OptionError::ZeroFileSize(written.to_string())),
            Some(bytes) => Ok(FileSize(bytes)),
            None => Err(OptionError::FileSize(written.to_string())),
        }
    }
}

impl fmt::Display for FileSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Bytes(self.0).fmt(f)
    }
}

/// A number of bytes in the largest binary unit it reaches, rounded up to a tenth so a size over a
/// limit never reads as the limit: `512 bytes`, `1.5 KiB`, `64 MiB`.
pub(crate) struct Bytes(pub u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let units = [(30, "GiB"), (20, "MiB"), (10, "KiB")];
        let Some((shift, unit)) = units.into_iter().find(|(shift, _)| self.0 >> shift > 0) else {
            return write!(f, "{} bytes", self.0);
        };
        let tenths = (self.0 as f64 * 10.0 / (1u64 << shift) as f64).ceil();
        let text = format!("{:.1}", tenths / 10.0);
        write!(f, "{} {unit}", text.trim_end_matches(".0"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_parse_and_bad_ones_say_what_is_wrong() {
        let css: CssSelector = "article > .content, main".parse().unwrap();
        assert_eq!(css.to_string(), "article > .content, main");
        let error = "main >".parse::<CssSelector>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`main >` is not a CSS selector scour understands (a `>`, `+` or `~` with nothing after it); write one like `main`, `.content` or `article > h1`"
        );
        let reason = |css: &str| match css.parse::<CssSelector>() {
            Err(OptionError::Selector { reason, .. }) => reason,
            other => panic!("{css:?} gave {other:?}"),
        };
        assert_eq!(
            reason("p:hover-nope"),
            "an unsupported pseudo-class or element"
        );
        assert_eq!(reason("..x"), "a `.` without a class name");
        assert_eq!(reason("div."), "it ends where more is expected");
        assert_eq!(reason(""), "it is empty");
        assert_eq!(reason("div[="), "a malformed attribute selector `[…]`");
        for bad in ["div[", "div.1x", "main >>", "#"] {
            assert!(!reason(bad).is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn file_sizes_are_bytes_or_binary_units() {
        let size = |text: &str| text.parse::<FileSize>().map(FileSize::bytes);
        assert_eq!(size("1000"), Ok(1000));
        assert_eq!(size("64M"), Ok(64 << 20));
        assert_eq!(size(" 2k "), Ok(2048));
        assert_eq!(size("1GiB"), Ok(1 << 30));
        assert_eq!(FileSize::default().bytes(), MAX_FILE_BYTES);
        for zero in ["0", "0K", " 00 "] {
            assert_eq!(size(zero), Err(OptionError::ZeroFileSize(zero.into())));
        }
        assert_eq!(
            OptionError::ZeroFileSize("0".into()).to_string(),
            "the file size `0` leaves out every file; give a size greater than zero, like 64M"
        );
        for bad in ["", "M", "1.5M", "-1", "12 apples", "99999999999999999999G"] {
            assert_eq!(size(bad), Err(OptionError::FileSize(bad.into())), "{bad:?}");
        }
        assert_eq!(
            OptionError::FileSize("big".into()).to_string(),
            "`big` is not a file size; write a number of bytes, or one followed by K, M or G, like 64M"
        );
    }

    #[test]
    fn byte_counts_read_in_the_largest_unit_they_reach() {
        let shown = |bytes: u64| Bytes(bytes).to_string();
        assert_eq!(shown(512), "512 bytes");
        assert_eq!(shown(1536), "1.5 KiB");
        assert_eq!(shown(64 << 20), "64 MiB");
        assert_eq!(shown((70 << 20) + (1 << 19)), "70.5 MiB");
        assert_eq!(shown(1025), "1.1 KiB");
        assert_eq!(FileSize::default().to_string(), "64 MiB");
    }

    #[test]
    fn base_urls_are_paths_or_http_addresses_ending_with_one_slash() {
        let base = |url: &str| url.parse::<BaseUrl>().map(|base| base.to_string());
        assert_eq!(base("/docs"), Ok("/docs/".to_string()));
        assert_eq!(base("/docs//"), Ok("/docs/".to_string()));
        assert_eq!(base("/"), Ok("/".to_string()));
        assert_eq!(
            base("https://example.com"),
            Ok("https://example.com/".to_string())
        );
        assert_eq!(
            base("http://example.com/a/b/"),
            Ok("http://example.com/a/b/".to_string())
        );
        assert_eq!(BaseUrl::default().to_string(), "/");
    }

    #[test]
    fn bad_base_urls_are_refused_with_advice() {
        let error = |url: &str| url.parse::<BaseUrl>().unwrap_err();
        assert_eq!(error("docs/"), OptionError::BaseUrlStart("docs/".into()));
        assert_eq!(error(""), OptionError::BaseUrlStart("".into()));
        assert_eq!(
            error("ftp://example.com/"),
            OptionError::BaseUrlStart("ftp://example.com/".into())
        );
        assert_eq!(
            error("https://"),
            OptionError::BaseUrlHost("https://".into())
        );
        assert_eq!(
            error("/docs/?v=2"),
            OptionError::BaseUrlCharacters("/docs/?v=2".into())
        );
        assert_eq!(
            error("/my docs/"),
            OptionError::BaseUrlCharacters("/my docs/".into())
        );
        assert_eq!(
            error("docs").to_string(),
            "`docs` must start with `/` (a path on this host, like /docs/) or with http:// or https:// (a full address)"
        );
    }
}
