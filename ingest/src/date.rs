//! Dates: every source's date is kept as `YYYY-MM-DD`.

/// The `YYYY-MM-DD` at the start of `text`, when `text` is a date or a date-time
/// (`2024-01-05`, `2024-01-05T09:30:00Z`, `2024-01-05 09:30`).
pub(crate) fn normalize(text: &str) -> Option<String> {
    let text = text.trim();
    let date = text.get(..10)?;
    let rest = &text[10..];
    let time_follows = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    (time_follows && is_date(date)).then(|| date.to_string())
}

/// Whether `text` is exactly a plausible `YYYY-MM-DD`.
pub(crate) fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_day_of_dates_and_datetimes() {
        assert_eq!(normalize("2024-01-05").as_deref(), Some("2024-01-05"));
        assert_eq!(
            normalize(" 2024-03-01T09:30:00Z ").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(normalize("2024-03-01 09:30").as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "yesterday",
            "2024-1-05",
            "2024-13-01",
            "2024-01-32",
            "2024-01-05x",
            "2024/01/05",
        ] {
            assert_eq!(normalize(text), None, "{text:?}");
        }
    }

    #[test]
    fn does_not_split_inside_a_multibyte_character() {
        assert_eq!(normalize("2024-01-0é"), None);
        assert_eq!(normalize("ééééé-01-05"), None);
    }
}
