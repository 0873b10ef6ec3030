//! The publication date as the page shows it ("Published August 7, 2023",
//! "Last updated: 2025-02-22"), for pages whose tags state none: the first
//! short line of the body that holds a whole calendar date.

// Three-letter month abbreviations are the names' prefixes, so the
// full names serve both.
use crate::lexicon::months::MONTHS;

/// Longest text (bytes) read as a date line: a line, not a paragraph.
const MAX_LINE_BYTES: usize = 80;

/// Words marking a date that is not the page's publication.
const NOT_PUBLICATION: &[&str] = &[
    "joined",
    "member since",
    "registered",
    "last seen",
    "last visit",
    "copyright",
    "©",
    "expires",
    "deadline",
];

/// The first date line of the body.
#[derive(Debug, Default)]
pub struct PageDate {
    found: Option<String>,
}

impl PageDate {
    /// Looks at one text node of the body.
    pub fn see_text(&mut self, text: &str) {
        if self.found.is_some() {
            return;
        }
        let t = text.trim();
        if t.len() < 8 || t.len() > MAX_LINE_BYTES || t.split_whitespace().count() > 8 {
            return;
        }
        // Every date written here holds digits: most text nodes end here,
        // before anything is allocated.
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        // A member's join date or a copyright line is not the page's date.
        let lower = t.to_lowercase();
        if NOT_PUBLICATION.iter().any(|w| lower.contains(w)) {
            return;
        }
        self.found = date_in(t);
    }

    /// The date found, as `YYYY-MM-DD`.
    pub fn best(&self) -> Option<&str> {
        self.found.as_deref()
    }
}

/// The calendar date a short line holds, as `YYYY-MM-DD`: `2023-08-07`,
/// `August 7, 2023`, `Aug 7 2023`, `7 August 2023`.
pub fn date_in(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .collect();
    for (k, w) in words.iter().enumerate() {
        if let Some(d) = iso_day(w) {
            return Some(d);
        }
        let Some(month) = month_of(w) else {
            continue;
        };
        // "August 7, 2023" or "7 August 2023".
        let after = words.get(k + 1).and_then(|d| day_of(d));
        let before = k.checked_sub(1).and_then(|j| day_of(words[j]));
        let (day, year_at) = match (after, before) {
            (Some(d), _) => (d, k + 2),
            (None, Some(d)) => (d, k + 1),
            _ => continue,
        };
        let Some(year) = words.get(year_at).and_then(|y| year_of(y)) else {
            continue;
        };
        return Some(format!("{year:04}-{month:02}-{day:02}"));
    }
    None
}

fn month_of(w: &str) -> Option<u32> {
    if w.len() < 3 || w.len() > 9 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    let at = MONTHS.iter().position(|m| {
        *m == lower
            || (lower.len() == 3 && m.starts_with(&lower))
            || (lower == "sept" && *m == "september")
    })?;
    Some(at as u32 + 1)
}

fn day_of(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(w: &str) -> Option<u32> {
    if w.len() != 4 {
        return None;
    }
    let y: u32 = w.parse().ok()?;
    (1990..=2039).contains(&y).then_some(y)
}

/// `2023-08-07` (a date, possibly with a time after `T`).
fn iso_day(w: &str) -> Option<String> {
    let b = w.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && b[10] != b'T') {
        return None;
    }
    let year = year_of(&w[..4])?;
    let month: u32 = w[5..7].parse().ok()?;
    let day: u32 = w[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_lines() {
        assert_eq!(
            date_in("Published August 7, 2023").as_deref(),
            Some("2023-08-07")
        );
        assert_eq!(date_in("Aug 04, 2025").as_deref(), Some("2025-08-04"));
        assert_eq!(date_in("3rd March 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(
            date_in("Last Updated: 2025-02-22").as_deref(),
            Some("2025-02-22")
        );
        assert_eq!(date_in("May the best one win in 2024"), None);
        assert_eq!(date_in("Chapter 12, 2023 edition"), None);
        assert_eq!(date_in("2025-13-40"), None);
    }

    #[test]
    fn only_short_lines_are_date_lines() {
        let mut d = PageDate::default();
        d.see_text(
            "The committee met on March 3, 2021 and again a week later to settle the budget.",
        );
        assert_eq!(d.best(), None);
        d.see_text("Joined: Mon Feb 03, 2020");
        assert_eq!(d.best(), None);
        d.see_text("Posted March 3, 2021");
        assert_eq!(d.best(), Some("2021-03-03"));
    }
}
