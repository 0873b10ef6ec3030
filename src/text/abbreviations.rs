//! Abbreviations written with a final period that does not end a sentence
//! ("Dr. Smith", "approx. ten").
//!
//! Source: common English abbreviations as listed in general style guides
//! (titles, Latin abbreviations, months, units, company suffixes, the
//! Associated Press's abbreviations of US states that are no words, and a
//! few other short forms that are no words either: `Penn.`, `sth.`), written
//! down by hand. Compared case-insensitively; dotted forms such as `e.g.`
//! and `U.S.` are recognised by their inner dots and single letters, not
//! listed.

/// Sorted, lowercase.
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "ala", "approx", "apr", "ariz", "assn", "assoc", "aug", "ave", "blvd", "brig",
    "bros", "ca", "calif", "capt", "cf", "cmdr", "co", "col", "colo", "conn", "corp", "cpl", "cu",
    "dec", "del", "dept", "doz", "dr", "esp", "est", "etc", "ex", "feb", "fig", "figs", "fla",
    "fri", "ft", "gal", "gen", "gov", "govt", "grad", "hon", "hr", "hrs", "hwy", "inc", "incl",
    "ind", "intl", "jan", "jr", "jul", "jun", "kan", "lb", "lbs", "lt", "ltd", "maj", "mar",
    "messrs", "mich", "min", "minn", "mins", "mo", "mon", "mont", "mos", "mr", "mrs", "ms", "mt",
    "natl", "neb", "nev", "no", "nos", "nov", "oct", "okla", "op", "oz", "penn", "pg", "pgs", "pp",
    "prof", "pt", "pts", "qt", "rd", "rep", "rev", "sat", "sec", "secs", "sen", "sep", "sept",
    "sgt", "sq", "sr", "st", "sth", "sun", "supt", "tbs", "tbsp", "tel", "tenn", "thu", "thurs",
    "tsp", "tue", "tues", "viz", "vol", "vols", "vs", "wed", "wis", "wk", "wks", "wyo", "yd", "yr",
    "yrs",
];

/// True when `word` (without its period) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    // Asked at many periods: one packed look-up rather than a binary search.
    static SET: std::sync::OnceLock<crate::text::WordTable<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::text::WordTable::new(ABBREVIATIONS.iter().map(|w| (*w, ()))))
        .get_ascii_lowercase(word)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_lookup_ignores_case() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_abbreviation("Dr"));
        assert!(is_abbreviation("etc"));
        assert!(!is_abbreviation("terrorism"));
    }
}
