//! Lines that name who wrote a comment and when (`tim — July 17th, 2012`,
//! `john: 6:28 AM`): commenters write their names as they please, so the
//! repairs leave these names as written.

/// True when `text` reads as the byline of a comment: a name of one to
/// three words, a dash or a colon, then a date or a time (`tim — July 17th,
/// 2012`, `john: 6:28 AM`). Commenters write their names as they please.
pub fn is_comment_byline(text: &str) -> bool {
    if text.split_whitespace().nth(12).is_some() {
        return false;
    }
    const SEPARATORS: [&str; 4] = [" \u{2014} ", " \u{2013} ", " - ", ": "];
    let Some((at, sep)) = SEPARATORS
        .iter()
        .filter_map(|sep| text.find(sep).map(|at| (at, sep.len())))
        .min()
    else {
        return false;
    };
    let name_words = text[..at].split_whitespace().count();
    let rest = &text[at + sep..];
    (1..=3).contains(&name_words)
        && rest
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()))
        && rest.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_bylines_are_told_from_sentences() {
        for s in ["tim — July 17th, 2012, 8:35 pm", "john: 6:28 AM", "Jane Doe - 3 May 2011"] {
            assert!(is_comment_byline(s), "{s}");
        }
        for s in [
            "the plan: we leave at 6 and return late in the evening, weather allowing",
            "note: see below",
            "we met — it was fine",
        ] {
            assert!(!is_comment_byline(s), "{s}");
        }
    }
}
