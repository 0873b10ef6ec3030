//! Word tokens of a table candidate line, with the classes cell typing reads.

use crate::lexicon::table_words::{FUNCTION_WORDS, WEEKDAYS};

/// What a token looks like, as far as cell typing cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A month name (`October`, `Sept`).
    Month,
    /// A day of the week (`Monday`, `Tue`).
    Weekday,
    /// A four-digit year (1000–2199).
    Year,
    /// A number, money (`$1.2m`, `€5`), percentage or numeric date.
    Number,
    /// A capitalised word or acronym (not a function word).
    Cap,
    /// A lowercase word (not a function word).
    Lower,
    /// A function word (`in`, `and`, `of`, `The`), in either case.
    Function,
    /// Punctuation or a symbol standing alone (`-`, `—`, `✓`).
    Symbol,
}

/// One white-space-delimited token of a line.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Its class.
    pub class: Class,
    /// Starts with an uppercase letter (a capitalised function word has this set).
    pub capitalised: bool,
    /// Two or more letters, all uppercase (`USA`).
    pub acronym: bool,
    /// Ends with a comma, colon or semicolon: a clause goes on after it.
    pub open_end: bool,
    /// Ends with `.`, `!` or `?`.
    pub full_stop: bool,
}

/// Splits `line` on white space into classified tokens.
pub fn tokenize(line: &str) -> Vec<Token<'_>> {
    line.split_whitespace().map(classify).collect()
}

/// Punctuation around a token that its class does not read (`"Sales,"`
/// is read as `Sales`).
pub fn is_trimmed_punctuation(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '\'' | '\u{201c}' | '\u{201d}'
    )
}

fn classify(text: &str) -> Token<'_> {
    let core = text.trim_matches(is_trimmed_punctuation);
    let open_end = text.ends_with([',', ';', ':']);
    let full_stop = text.ends_with(['.', '!', '?']);
    let first = core.chars().next();
    let capitalised = first.is_some_and(char::is_uppercase);
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2
        && core
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let class = if first.is_none() {
        Class::Symbol
    } else if is_identifier(core) {
        // A name from code (`_ga`, `session_id`, `MAX_AGE`) names one thing,
        // as a capitalised word does, whatever its case.
        Class::Cap
    } else if is_number(core) {
        if core.len() == 4
            && core.bytes().all(|b| b.is_ascii_digit())
            && (core.starts_with('1') || core.starts_with("20") || core.starts_with("21"))
        {
            Class::Year
        } else {
            Class::Number
        }
    } else if letters == 0 {
        Class::Symbol
    } else if is_month(core) {
        Class::Month
    } else if capitalised && in_list(WEEKDAYS, core) {
        Class::Weekday
    } else if is_function_word(core) {
        Class::Function
    } else if capitalised {
        Class::Cap
    } else if first.is_some_and(char::is_lowercase) {
        Class::Lower
    } else {
        Class::Symbol
    };
    Token {
        text,
        class,
        capitalised,
        acronym,
        open_end,
        full_stop,
    }
}

/// A number, possibly signed or compared, with a currency sign, grouping, a
/// decimal part, a percent sign, date separators or a unit written onto it:
/// anything that starts with a digit (`$1.2m`, `45%`, `3–4`, `1600W`,
/// `2410kj/581kcal`, `64-core`, `4+`). A word that merely starts with a
/// digit still reads as a figure in a table cell, which is what typing asks.
fn is_number(core: &str) -> bool {
    let body = core.trim_start_matches([
        '$', '€', '£', '¥', '₹', '+', '-', '−', '~', '≈', '<', '>', '≤', '≥',
    ]);
    let body = body.strip_prefix("US$").unwrap_or(body);
    body.chars().next().is_some_and(|c| c.is_ascii_digit()) || is_price_tier(core)
}

/// A name from code: letters joined or opened by underscores (`_ga`,
/// `cookie_consent`, `_hjSession_123`), which running text never writes.
fn is_identifier(core: &str) -> bool {
    core.contains('_')
        && core.bytes().any(|b| b.is_ascii_alphabetic())
        && core
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// A price tier written in currency signs (`$`, `$$–$$$`, `€€`): a value
/// like a figure.
fn is_price_tier(core: &str) -> bool {
    core.starts_with(['$', '€', '£', '¥'])
        && core
            .chars()
            .all(|c| matches!(c, '$' | '€' | '£' | '¥' | '-' | '–' | '—'))
}

/// True for a token that only joins the tokens around it: a dash between
/// the ends of a range (`$785 – $1,047`), `×`, `&`, `+`, `/`. A cell of
/// several tokens never starts or ends with one.
pub fn is_connector(text: &str) -> bool {
    matches!(
        text,
        "-" | "–" | "—" | "−" | "×" | "x" | "&" | "+" | "/" | "|" | "~"
    )
}

/// Change in parenthesis depth over `text` (`(` opens, `)` closes).
pub fn paren_balance(text: &str) -> i32 {
    text.bytes().fold(0, |d, b| match b {
        b'(' => d + 1,
        b')' => d - 1,
        _ => d,
    })
}

/// Asks `test` about `core` lowercased, when it is at most `max` bytes
/// long: on the stack when it is ASCII (every word of the lists asked is),
/// so that typing the tokens of every candidate row allocates nothing.
fn lowercase_is(core: &str, max: usize, test: impl Fn(&str) -> bool) -> bool {
    if core.len() > max {
        return false;
    }
    let mut buf = [0u8; 16];
    match crate::text::ascii_lower(core, &mut buf) {
        Some(lower) => test(lower),
        None => test(&core.to_lowercase()),
    }
}

fn in_list(list: &[&str], core: &str) -> bool {
    lowercase_is(core, 9, |lower| list.contains(&lower))
}

fn is_month(core: &str) -> bool {
    lowercase_is(core, 9, crate::lexicon::months::is_month)
}

/// True for an English function word, in any case.
pub fn is_function_word(core: &str) -> bool {
    lowercase_is(core, 7, |lower| FUNCTION_WORDS.contains(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(line: &str) -> Vec<Class> {
        tokenize(line).iter().map(|t| t.class).collect()
    }

    #[test]
    fn classes_of_typical_cells() {
        use Class::*;
        assert_eq!(
            classes("March 2024 $1.2m 45% 3rd in The Harbour rates —"),
            [
                Month, Year, Number, Number, Number, Function, Function, Cap, Lower, Symbol
            ]
        );
        assert!(tokenize("NATO")[0].acronym);
        assert!(!tokenize("Nato")[0].acronym);
        assert!(tokenize("stop,")[0].open_end);
        assert_eq!(classes("$$–$$$ $ €€ $-"), [Number, Number, Number, Number]);
        assert_eq!(classes("_ga.id user_id 2_000 a_"), [Cap, Cap, Number, Cap]);
        assert!(!tokenize("_ga")[0].capitalised);
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        for s in ["", "$", "€", "…", "1e9999", "é", "%%", "US$"] {
            let _ = tokenize(s);
        }
    }
}
