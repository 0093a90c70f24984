//! A file's place in its corpus: the id and default URL derived from its path under the root.

use std::path::{Component, Path};

use crate::options::BaseUrl;

/// A file's path relative to the corpus root, split into folders and file name.
#[derive(Debug)]
pub(crate) struct RelativePath {
    folders: Vec<String>,
    file_name: String,
    stem: String,
    base: BaseUrl,
}

impl RelativePath {
    /// `path` seen from `root` (just its file name when it is not under `root`).
    pub fn new(path: &Path, root: &Path) -> Self {
        let relative = match path.strip_prefix(root) {
            Ok(relative) => relative,
            Err(_) => path.file_name().map_or(path, Path::new),
        };
        let mut folders: Vec<String> = relative
            .components()
            .filter_map(|component| match component {
                Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let file_name = folders.pop().unwrap_or_default();
        let stem = Path::new(&file_name)
            .file_stem()
            .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
        RelativePath {
            folders,
            file_name,
            stem,
            base: BaseUrl::default(),
        }
    }

    /// The same file on a site served from `base`.
    pub fn served_from(mut self, base: &BaseUrl) -> Self {
        self.base = base.clone();
        self
    }

    /// The folder names and the file name: `["guide", "install.md"]`.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.folders.iter().map(String::as_str).collect();
        names.push(&self.file_name);
        names
    }

    /// Folders and stem joined by `/`: `guide/install` for `guide/install.md`.
    pub fn id(&self) -> String {
        let mut id = String::new();
        for folder in &self.folders {
            id.push_str(folder);
            id.push('/');
        }
        id.push_str(&self.stem);
        id
    }

    /// The file name without its extension.
    pub fn stem(&self) -> &str {
        &self.stem
    }

    /// The URL of a page rendered to a folder: `/guide/install/`; `index` is its folder's URL.
    pub fn page_url(&self) -> String {
        if self.stem == "index" {
            return self.folder_url();
        }
        format!("{}{}/", self.folder_url(), path_segment(&self.stem))
    }

    /// The URL of the file itself: `/docs/intro.html`; `index.html` is its folder's URL (an
    /// `index.md` or `index.txt` is not: a server shows a folder's `index.html`).
    pub fn file_url(&self) -> String {
        let extension = self
            .file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        if self.stem == "index" && matches!(extension.as_deref(), Some("html" | "htm")) {
            return self.folder_url();
        }
        format!("{}{}", self.folder_url(), path_segment(&self.file_name))
    }

    /// Whether `link`, as written on this page (`intro.html`, `./`, `/docs/intro`, the page's
    /// full address), leads to the page itself: its query and fragment aside, `index.html` being
    /// its folder, and a page being also at its address without its extension (`intro` for
    /// `intro.html`, as hosts with clean URLs serve it). A folder's address (`intro/`) is never
    /// another page's: a refresh from `intro.html` to it is the usual move of a page to a folder.
    pub fn is_linked_by(&self, link: &str) -> bool {
        let link = link.split(['#', '?']).next().unwrap_or_default();
        if link.is_empty() {
            return true;
        }
        let Some(mut path) = self.path_under_root(link) else {
            return false;
        };
        let mut a_folder = link.ends_with('/') || link.ends_with("/.") || link == ".";
        if path
            .last()
            .is_some_and(|name| Path::new(name).file_stem().is_some_and(|s| s == "index"))
        {
            path.pop();
            a_folder = true;
        }
        if self.stem == "index" {
            return path == self.folders;
        }
        match path.split_last() {
            Some((name, folders)) if !a_folder && folders == self.folders => {
                *name == self.file_name || *name == self.stem
            }
            _ => false,
        }
    }

    /// The names of the folders and file `link` leads to under the site's root, `.` and `..`
    /// resolved and escapes decoded; none when it leads out of the site.
    fn path_under_root(&self, link: &str) -> Option<Vec<String>> {
        let base = self.base.as_str();
        let (mut path, rest) = if link.contains("://") || link.starts_with("//") {
            let rest = strip_prefix_ignoring_case(link, base)
                .or_else(|| (format!("{link}/") == base).then_some(""))?;
            (Vec::new(), rest)
        } else if let Some(absolute) = link.strip_prefix('/') {
            let site = match base.find("://") {
                Some(scheme) => base[scheme + 3..]
                    .find('/')
                    .map_or("/", |at| &base[scheme + 3 + at..]),
                None if base.is_empty() => "/",
                None => base,
            };
            let rest = strip_prefix_ignoring_case(link, site)
                .or_else(|| (format!("{link}/") == site).then_some(""))
                .or_else(|| (site == "/").then_some(absolute))?;
            (Vec::new(), rest)
        } else {
            (self.folders.clone(), link)
        };
        for name in rest.split('/') {
            match name {
                "" | "." => {}
                ".." => {
                    path.pop()?;
                }
                name => path.push(percent_decoded(name)),
            }
        }
        Some(path)
    }

    /// The base (`/` by default) followed by the folders: `/` or `/a/b/`.
    fn folder_url(&self) -> String {
        let mut url = self.base.as_str().to_string();
        for folder in &self.folders {
            url.push_str(&path_segment(folder));
            url.push('/');
        }
        url
    }
}

/// A file or folder name as a URL's path segment: the characters that would end the path
/// (`?`, `#`), start an escape (`%`), make a scheme of a URL relative to the site's root (`:`,
/// in `Help:Contents.html`) or cannot stand in a URL (spaces, controls, quotes, brackets)
/// percent-encoded; the others, letters of any script among them, as they are.
fn path_segment(name: &str) -> String {
    percent_encoded(name, |c| " \"#%:<>?[\\]^`{|}".contains(c))
}

/// `text` without `prefix`, compared ignoring ASCII case (a host's name may be written in either).
fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A path segment with its `%XX` escapes decoded (left as written where they are no UTF-8).
fn percent_decoded(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escaped = (bytes[at] == b'%')
            .then(|| segment.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                at += 3;
            }
            None => {
                decoded.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| segment.to_string())
}

/// An element's id as a URL's fragment: the characters a fragment cannot hold (spaces,
/// controls, quotes, angle brackets) and `%`, which would start an escape, percent-encoded, as
/// browsers decode them when they look for the element.
pub(crate) fn fragment(id: &str) -> String {
    percent_encoded(id, |c| " \"%<>`".contains(c))
}

/// `text` with ASCII controls and the characters `escaped` says percent-encoded.
fn percent_encoded(text: &str, escaped: impl Fn(char) -> bool) -> String {
    let mut encoded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_control() || escaped(c) {
            encoded.push_str(&format!("%{:02X}", c as u32));
        } else {
            encoded.push(c);
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relative(path: &str) -> RelativePath {
        RelativePath::new(&Path::new("/site").join(path), Path::new("/site"))
    }

    #[test]
    fn id_is_the_path_without_extension() {
        assert_eq!(relative("guide/install.md").id(), "guide/install");
        assert_eq!(
            relative("002_99d606bfa40b6113.txt").id(),
            "002_99d606bfa40b6113"
        );
    }

    #[test]
    fn page_urls_end_with_a_slash_and_index_is_its_folder() {
        assert_eq!(relative("guide/install.md").page_url(), "/guide/install/");
        assert_eq!(relative("guide/index.md").page_url(), "/guide/");
        assert_eq!(relative("index.md").page_url(), "/");
    }

    #[test]
    fn file_urls_keep_the_file_name_and_index_is_its_folder() {
        assert_eq!(relative("docs/intro.html").file_url(), "/docs/intro.html");
        assert_eq!(relative("docs/index.html").file_url(), "/docs/");
        assert_eq!(relative("index.htm").file_url(), "/");
        assert_eq!(
            relative("docs/index.md").file_url(),
            "/docs/index.md",
            "a server shows index.html"
        );
        assert_eq!(
            relative("INDEX.HTML").file_url(),
            "/INDEX.HTML",
            "index is lower case"
        );
    }

    #[test]
    fn urls_are_served_from_the_base() {
        let base: BaseUrl = "/docs".parse().unwrap();
        let page = relative("guide/install.md").served_from(&base);
        assert_eq!(page.page_url(), "/docs/guide/install/");
        assert_eq!(page.file_url(), "/docs/guide/install.md");
        let home = relative("index.html").served_from(&"https://example.com/v2/".parse().unwrap());
        assert_eq!(home.file_url(), "https://example.com/v2/");
        assert_eq!(page.id(), "guide/install");
    }

    /// A name with a character that would end the path or start an escape links to itself:
    /// `c#.md` is at `/c%23/`, not at `/c` with a fragment; letters of any script stay.
    #[test]
    fn urls_escape_what_a_path_cannot_hold() {
        assert_eq!(relative("c#.md").page_url(), "/c%23/");
        assert_eq!(relative("what?.md").page_url(), "/what%3F/");
        assert_eq!(relative("100%/a b.html").file_url(), "/100%25/a%20b.html");
        assert_eq!(relative("café/ü.md").page_url(), "/café/ü/");
        assert_eq!(relative("new\nline.md").page_url(), "/new%0Aline/");
        // Relative to the site's root, `Help:Contents.html` would be of the scheme `help:`.
        let root = BaseUrl::site_relative();
        let help = relative("Help:Contents.html").served_from(&root);
        assert_eq!(help.file_url(), "Help%3AContents.html");
        assert_eq!(relative("c#.md").id(), "c#");
    }

    #[test]
    fn a_fragment_escapes_what_a_fragment_cannot_hold() {
        assert_eq!(fragment("install"), "install");
        assert_eq!(
            fragment("has space \"quoted\" <b>\n"),
            "has%20space%20%22quoted%22%20%3Cb%3E%0A"
        );
        assert_eq!(fragment("os.getcwd()#ü"), "os.getcwd()#ü");
        assert_eq!(fragment("ü%20x"), "ü%2520x");
    }

    #[test]
    fn a_link_to_the_page_itself_is_known_as_one() {
        let page = relative("docs/intro.html");
        for link in [
            "",
            "#top",
            "?again=1",
            "intro.html",
            "./intro.html",
            "../docs/intro.html",
            "/docs/intro.html",
            "/docs/intro",
            "/docs/%69ntro.html",
        ] {
            assert!(page.is_linked_by(link), "{link}");
        }
        // A folder of the page's name is where a page moved to a folder went.
        for link in [
            "other.html",
            "/intro.html",
            "/docs/",
            "/docs/intro/",
            "intro/",
            "/docs/intro/index.html",
            "../../../x",
            "https://example.com/docs/intro.html",
        ] {
            assert!(!page.is_linked_by(link), "{link}");
        }
        let home = relative("docs/index.html");
        assert!(
            home.is_linked_by("./")
                && home.is_linked_by("/docs")
                && home.is_linked_by("index.html")
        );
        assert!(!home.is_linked_by("/docs/new/"));
        let base = "https://Example.com/v2".parse().unwrap();
        let served = relative("a.html").served_from(&base);
        assert!(served.is_linked_by("https://example.com/v2/a.html"));
        assert!(served.is_linked_by("/v2/a"));
        assert!(!served.is_linked_by("/a.html"));
        assert!(!served.is_linked_by("https://example.org/v2/a.html"));
    }

    #[test]
    fn names_are_the_folders_and_the_file_name() {
        assert_eq!(relative("a/b/c.md").names(), ["a", "b", "c.md"]);
        assert_eq!(relative("c.md").names(), ["c.md"]);
    }

    #[test]
    fn a_file_outside_the_root_is_named_by_its_file_name() {
        let outside = RelativePath::new(Path::new("/elsewhere/notes.md"), Path::new("/site"));
        assert_eq!(outside.id(), "notes");
    }
}
