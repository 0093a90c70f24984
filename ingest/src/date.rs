//! Dates: every source's date is kept as `YYYY-MM-DD`.

/// The `YYYY-MM-DD` at the start of `text`, when `text` is a date or a date-time
/// (`2024-01-05`, `2024-01-05T09:30:00Z`, `2024-01-05 09:30`).
pub(crate) fn normalize(text: &str) -> Option<String> {
    let day = shaped_day(text.trim())?;
    is_date(day).then(|| day.to_string())
}

/// The `YYYY-MM-DD` at the start of `text` when `text` is shaped as a date or a date-time,
/// whether or not that day exists (`2024-02-30`).
pub(crate) fn shaped_day(text: &str) -> Option<&str> {
    let day = text.get(..10)?;
    let rest = &text[10..];
    let time_follows = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
    let shaped = day.bytes().enumerate().all(|(i, byte)| match i {
        4 | 7 => byte == b'-',
        _ => byte.is_ascii_digit(),
    });
    (time_follows && shaped).then_some(day)
}

pub(crate) use scour_core::date::is_date;

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
            "2024-02-30",
            "2024-01-05x",
            "2024/01/05",
        ] {
            assert_eq!(normalize(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_day_that_does_not_exist_is_still_shaped_as_one() {
        assert_eq!(shaped_day("2024-02-30T10:00"), Some("2024-02-30"));
        assert_eq!(shaped_day("2024-02-29 10:00"), Some("2024-02-29"));
        for text in ["2024-1-05", "2024/01/05", "2024-01-05x", "soon"] {
            assert_eq!(shaped_day(text), None, "{text:?}");
        }
    }

    #[test]
    fn does_not_split_inside_a_multibyte_character() {
        assert_eq!(normalize("2024-01-0é"), None);
        assert_eq!(normalize("ééééé-01-05"), None);
    }
}
