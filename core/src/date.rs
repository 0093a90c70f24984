//! Dates as the index keeps them: `YYYY-MM-DD`, a real day of the Gregorian calendar.

/// Whether `text` is exactly a `YYYY-MM-DD` date that exists (`2024-02-29` does,
/// `2023-02-29` and `2024-04-31` do not).
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| text[range].parse::<u32>().unwrap_or(0))
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_that_exist_are_dates() {
        for date in [
            "2024-01-31",
            "2024-02-29",
            "2000-02-29",
            "2023-12-01",
            "0001-01-01",
        ] {
            assert!(is_date(date), "{date}");
        }
        for text in [
            "2024-02-30",
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-1-05",
            "2024/01/05",
            "yesterday!",
            "",
        ] {
            assert!(!is_date(text), "{text}");
        }
    }
}
