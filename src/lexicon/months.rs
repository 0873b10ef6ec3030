//! English month names and their common abbreviations, lowercase.
//!
//! Source: the Gregorian calendar's month names; the abbreviations are the
//! three-letter forms plus `sept`, as dates on English pages write them.

/// The twelve month names, January first.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviated month names (`may` is written out in full).
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// True when `lower` (lowercase) is a month name or its abbreviation.
pub fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower) || MONTH_ABBREVIATIONS.contains(&lower)
}
