//! The site's name at the end of `<title>` titles (`Install - Harbor Docs`), removed when every
//! such title of the corpus ends with it.

/// What may stand between a page's own title and the site's name.
pub(crate) const SEPARATORS: [&str; 6] = [" - ", " | ", " – ", " — ", " · ", " :: "];

/// The longest separator-led suffix that every one of `titles` (at least 2) ends with while
/// keeping some text before it; none when they share none.
pub(crate) fn shared_suffix(titles: &[&str]) -> Option<String> {
    let (first, others) = titles.split_first()?;
    if others.is_empty() {
        return None;
    }
    let mut candidates: Vec<&str> = SEPARATORS
        .iter()
        .flat_map(|separator| first.match_indices(separator))
        .filter(|(start, _)| *start > 0)
        .map(|(start, _)| &first[start..])
        .collect();
    candidates.sort_by_key(|suffix| std::cmp::Reverse(suffix.len()));
    candidates
        .into_iter()
        .find(|suffix| {
            others
                .iter()
                .all(|title| title.len() > suffix.len() && title.ends_with(suffix))
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suffix_every_title_shares_is_found() {
        assert_eq!(
            shared_suffix(&["strpos - PHP Manual", "array_push - PHP Manual"]).as_deref(),
            Some(" - PHP Manual")
        );
        for separator in SEPARATORS {
            let titles = [
                format!("Install{separator}Site"),
                format!("Use{separator}Site"),
            ];
            let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
            assert_eq!(
                shared_suffix(&titles),
                Some(format!("{separator}Site")),
                "{separator:?}"
            );
        }
    }

    #[test]
    fn the_longest_shared_suffix_wins() {
        let titles = ["Tides - Docs - Harbor", "Berths - Docs - Harbor"];
        assert_eq!(shared_suffix(&titles).as_deref(), Some(" - Docs - Harbor"));
        let titles = ["Tides - Docs - Harbor", "Storm - Blog - Harbor"];
        assert_eq!(shared_suffix(&titles).as_deref(), Some(" - Harbor"));
    }

    #[test]
    fn nothing_is_removed_unless_every_title_shares_it() {
        assert_eq!(shared_suffix(&["A - Site", "B - Site", "C"]), None);
        assert_eq!(shared_suffix(&["A - Site", "B | Site"]), None);
        assert_eq!(shared_suffix(&["A - Site", "Site"]), None);
        assert_eq!(shared_suffix(&["A - Site", "B-Site"]), None);
    }

    #[test]
    fn one_title_or_none_is_not_enough() {
        assert_eq!(shared_suffix(&["Install - Site"]), None);
        assert_eq!(shared_suffix(&[]), None);
    }

    #[test]
    fn a_title_is_never_emptied() {
        assert_eq!(shared_suffix(&["A - Site", " - Site"]), None);
    }
}
