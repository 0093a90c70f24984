//! Section anchors: slugs for headings without an id, and the page-title heading left out.

use std::collections::HashMap;

use scour_core::{Document, Section};

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
        let count = used.entry(base.clone()).or_insert(0);
        section.anchor = if *count == 0 {
            base
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
    }
    sections.retain(|s| !s.anchor.is_empty());
}

/// Leaves out a first section whose heading is the page's title, when nothing but
/// whitespace comes before it: its text is the page itself.
pub(crate) fn drop_title_heading(document: &mut Document) {
    if document.sections.first().is_some_and(|s| {
        s.title == document.title && document.body[..s.start as usize].trim().is_empty()
    }) {
        document.sections.remove(0);
    }
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
}
