//! Section anchors: slugs for headings without an id, the page-title heading left out, and
//! each anchor written as a link's fragment.

use std::collections::HashMap;

use scour_core::{Document, Section};

use crate::relative::fragment;

/// A heading's anchor as GitHub, mdBook and Hugo make it: lower case, letters, digits, `-`
/// and `_` kept, spaces to `-`, everything else dropped.
pub(crate) fn slug(title: &str) -> String {
    title
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Gives each section without an anchor the slug of its title, made unique in the page with
/// `-1`, `-2`... as GitHub does; a title with no slug leaves its section out.
pub(crate) fn fill_slugs(sections: &mut Vec<Section>) {
    let mut used: HashMap<String, usize> = HashMap::new();
    for section in sections.iter().filter(|s| !s.anchor.is_empty()) {
        used.insert(section.anchor.clone(), 1);
    }
    for section in sections.iter_mut().filter(|s| s.anchor.is_empty()) {
        let base = slug(&section.title);
        if base.is_empty() {
            continue;
        }
        // A numbered slug may be another heading's own (`Same-1`): numbered on past it.
        let anchor = loop {
            let count = used.entry(base.clone()).or_insert(0);
            let anchor = match *count {
                0 => base.clone(),
                n => format!("{base}-{n}"),
            };
            *count += 1;
            if anchor == base || !used.contains_key(&anchor) {
                break anchor;
            }
        };
        used.entry(anchor.clone()).or_insert(1);
        section.anchor = anchor;
    }
    sections.retain(|s| !s.anchor.is_empty());
}

/// Leaves out a first section whose heading is the page's title, when nothing but
/// whitespace comes before it (its text is the page itself), and writes each anchor as the
/// fragment of the section's link (`<h2 id="a b">` is at `#a%20b`), once, as the page is read.
pub(crate) fn finish(document: &mut Document) {
    if document.sections.first().is_some_and(|s| {
        s.title == document.title && document.body[..s.start as usize].trim().is_empty()
    }) {
        document.sections.remove(0);
    }
    for section in &mut document.sections {
        section.anchor = fragment(&section.anchor);
    }
}

/// Each section of `document`: its anchor, its title and the first line of its text.
#[cfg(test)]
pub(crate) fn found(document: &Document) -> Vec<(&str, &str, &str)> {
    let first_line = |s: &Section| document.body[s.start as usize..].lines().nth(1);
    let sections = document.sections.iter();
    sections
        .map(|s| {
            (
                s.anchor.as_str(),
                s.title.as_str(),
                first_line(s).unwrap_or(""),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(anchor: &str, title: &str) -> Section {
        Section {
            anchor: anchor.into(),
            title: title.into(),
            start: 0,
        }
    }

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("Install & Configure"), "install--configure");
        assert_eq!(slug(" Café au_lait: v2.0 "), "café-au_lait-v20");
        assert_eq!(slug("array_push()"), "array_push");
    }

    #[test]
    fn repeated_titles_get_numbered_slugs_and_given_anchors_stay() {
        let mut sections = vec![
            section("", "Example"),
            section("custom", "Custom"),
            section("", "Example"),
            section("", "!!!"),
            section("", "Example"),
        ];
        fill_slugs(&mut sections);
        let anchors: Vec<&str> = sections.iter().map(|s| s.anchor.as_str()).collect();
        assert_eq!(anchors, ["example", "custom", "example-1", "example-2"]);
    }

    /// A numbered slug is never another heading's: `Same-1` after three `Same` is `same-1-1`,
    /// and a third `Same` after `Same-1` is `same-2`, as on GitHub.
    #[test]
    fn numbered_slugs_never_repeat_another_heading_s() {
        let anchors = |titles: &[&str]| {
            let mut sections: Vec<Section> = titles.iter().map(|t| section("", t)).collect();
            fill_slugs(&mut sections);
            sections.into_iter().map(|s| s.anchor).collect::<Vec<_>>()
        };
        assert_eq!(
            anchors(&["Same", "Same", "Same", "Same-1"]),
            ["same", "same-1", "same-2", "same-1-1"]
        );
        assert_eq!(
            anchors(&["Same-1", "Same", "Same"]),
            ["same-1", "same", "same-2"]
        );
    }
}
