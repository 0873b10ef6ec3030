//! Cell typing: how well a run of tokens reads as a date, a quantity, a name,
//! a sentence or a short lowercase phrase.
//!
//! Scores are additive evidence (higher is better); `None` means the run
//! cannot be a cell of that type at all.

use super::tokens::{Class, Token, is_connector, paren_balance};
use crate::lexicon::proper_nouns::is_proper_noun;
use crate::lexicon::table_words::{
    ATTRIBUTIVE, CLOSING_HEADS, IRREGULAR_PARTICIPLES, NOT_PLURAL, QUANTITY_QUALIFIERS,
};

/// The kinds of cell a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellType {
    /// `October 2023`, `2021`, `12 May`, `2023-10-05`.
    Date,
    /// `5`, `5 members`, `$1.2m`, `45%`.
    Quantity,
    /// A capitalised name or title-case phrase (`Regional Leader in Security`).
    Name,
    /// A sentence-case phrase or sentence (`Joint task forces with partners`).
    Sentence,
    /// A short lowercase phrase (`yes`, `high`, `not known`).
    Lower,
    /// A lone symbol (`—`, `✓`).
    Symbol,
}

/// Every cell type, in the order of [`Fits`].
pub const TYPES: [CellType; 6] = [
    CellType::Date,
    CellType::Quantity,
    CellType::Name,
    CellType::Sentence,
    CellType::Lower,
    CellType::Symbol,
];

/// Most words of a column name, its parenthesised asides left out.
pub const MAX_NAME_WORDS: usize = 4;

/// The score of a token run for each type of [`TYPES`].
pub type Fits = [Option<f32>; 6];

/// Score of a name cell whose one lowercase word is a slip of the writer
/// (`border Security` in a title-case column).
const NAME_SLIP: f32 = 0.2;
/// Score of a sentence cell starting in lowercase: its first letter is a slip
/// (another pass fixes the case), but the run more often belongs to the cell
/// before it, so it scores below a clean sentence.
const SENTENCE_LOWER_START: f32 = 0.8;

/// True for the types of running words (names, sentences, short lowercase
/// phrases): one column may mix them (`most popular Acme Movers` over
/// `Men On The Move`), where a date or quantity column may not.
pub fn is_text(t: CellType) -> bool {
    matches!(t, CellType::Name | CellType::Sentence | CellType::Lower)
}

/// True when `cell` stands for a value without being one (`Free`, `N/A`,
/// `Unlimited`, `—`, `✓`): it fits a date or quantity column without
/// counting as evidence of its type.
pub fn is_placeholder(cell: &[Token<'_>]) -> bool {
    let [t] = cell else {
        return false;
    };
    if t.class == Class::Symbol {
        return true;
    }
    let mut buf = [0u8; 16];
    crate::text::ascii_lower(t.text.trim_end_matches(['.', '*']), &mut buf).is_some_and(|w| {
        matches!(
            w,
            "free"
                | "n/a"
                | "na"
                | "none"
                | "nil"
                | "unlimited"
                | "varies"
                | "tbd"
                | "tba"
                | "unknown"
                | "included"
                | "yes"
                | "no"
        )
    })
}

/// True when `cell` may stand in a column of `kind` without being of its
/// type: a placeholder in a column of dates or figures, and a lone mark
/// (`—`, `❌`) in a column of words, where a page marks a missing entry.
pub fn stands_in(cell: &[Token<'_>], kind: CellType) -> bool {
    if is_text(kind) {
        matches!(cell, [t] if is_pictograph(t.text) || matches!(t.text, "-" | "–" | "—"))
    } else {
        is_placeholder(cell)
    }
}

/// One lowercase word, which may stand where a column of dates or figures
/// has a value (`never`, `session` among `1 day`, `6 months`): the weakest
/// stand-in, so a column holds at most a few, and only where the word
/// starts no phrase of the cell before.
pub fn is_word_stand_in(cell: &[Token<'_>]) -> bool {
    matches!(cell, [t] if t.class == Class::Lower)
}

/// True for a token made only of pictographs (`✅`, `❌`, `🥇`, `★`): a
/// mark set before a cell's words, which says nothing of their type.
pub fn is_pictograph(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(c as u32,
                0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
        })
}

/// True for a one-word answer in a column of answers: `Yes`, `No`, `N/A`.
fn is_answer(text: &str) -> bool {
    let w = text.trim_end_matches(['.', '*']);
    ["yes", "no", "n/a"]
        .iter()
        .any(|a| w.eq_ignore_ascii_case(a))
}

/// True when the cell's parentheses pair up and it does not open with one:
/// a parenthesis belongs to the words before it (`Housing (Off Campus)`,
/// `$50 (deferred)`), so no cut falls inside or just before it.
fn parens_closed(cell: &[Token<'_>]) -> bool {
    if cell[0].text.starts_with('(') || cell[0].text == ")" {
        return false;
    }
    let mut depth = 0;
    for t in cell {
        depth += paren_balance(t.text);
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// The cell without its parenthesised asides, which say nothing of its type
/// (`Salesforce ( NYSE:CRM )` is a name, `3 hours (with a break)` a
/// quantity); `None` when it has none (a parenthesis inside a word,
/// `f(x)`, sets nothing apart).
fn without_asides<'a>(cell: &[Token<'a>]) -> Option<Vec<Token<'a>>> {
    if !cell.iter().any(|t| t.text.contains(['(', ')'])) {
        return None;
    }
    let mut depth = 0;
    let mut core = Vec::with_capacity(cell.len());
    for t in cell {
        let inside = depth > 0 || t.text.starts_with('(');
        depth += paren_balance(t.text);
        if !inside && depth == 0 {
            core.push(*t);
        }
    }
    // `f(x)` is no aside: nothing is set apart.
    (core.len() < cell.len()).then_some(core)
}

/// Number of tokens of `cell` outside its parenthesised asides: its length
/// as a name or a figure.
pub fn core_len(cell: &[Token<'_>]) -> usize {
    let mut depth = 0;
    let mut n = 0;
    for t in cell {
        let inside = depth > 0 || t.text.starts_with('(');
        depth += paren_balance(t.text);
        n += usize::from(!inside && depth <= 0);
    }
    n
}

/// True when a cell of several tokens starts or ends on a connector (`–`,
/// `&`, `×`), or ends on a comparison sign: the range, pair or comparison
/// it belongs to was cut apart.
fn cut_at_connector(cell: &[Token<'_>]) -> bool {
    let last = cell[cell.len() - 1].text;
    cell.len() >= 2 && (is_connector(cell[0].text) || is_connector(last) || is_comparison(last))
}

/// True for a sign written before a figure it qualifies (`< $10k`, `~ 5`).
pub fn is_comparison(text: &str) -> bool {
    matches!(text, "<" | ">" | "≤" | "≥" | "<=" | ">=" | "≈" | "~" | "±")
}

/// Index of `t` in [`TYPES`].
pub fn index(t: CellType) -> usize {
    TYPES.iter().position(|x| *x == t).unwrap_or(0)
}

/// True for a cell that was read with a slip (a lowercase word in a name,
/// a sentence starting in lowercase).
pub fn is_slip(cell: &[Token<'_>], t: CellType) -> bool {
    if let Some(core) = without_asides(cell) {
        return !core.is_empty() && is_slip(&core, t);
    }
    match t {
        CellType::Name => cell.iter().any(|x| {
            x.class == Class::Lower
                && !is_proper_noun(x.text.trim_matches(|c: char| !c.is_alphanumeric()))
        }),
        CellType::Sentence => cell.first().is_some_and(|x| !x.capitalised),
        _ => false,
    }
}

/// How well `cell` fits each type.
pub fn fits(cell: &[Token<'_>]) -> Fits {
    if cell.is_empty() || !parens_closed(cell) {
        return [None; 6];
    }
    match without_asides(cell) {
        Some(core) if core.is_empty() => [None; 6],
        Some(core) => fits_flat(&core),
        None => fits_flat(cell),
    }
}

/// [`fits`] for a cell known to hold no parenthesis.
pub fn fits_flat(cell: &[Token<'_>]) -> Fits {
    let mut out: Fits = [None; 6];
    // A pictograph after the first token opens the next cell (`✅` `✅`).
    if cell.len() >= 2 && cell[1..].iter().any(|t| is_pictograph(t.text)) {
        return out;
    }
    // `Yes`, `No` and `N/A` after words are the next cell's answer (`Gemini
    // CLI` + `Yes`).
    if cell.len() >= 2 && is_answer(cell[cell.len() - 1].text) {
        return out;
    }
    // A pictograph before words (`✅ Mass Emails`, `🥇 Budget`) marks the
    // cell; its words type it.
    if let [mark, rest @ ..] = cell
        && !rest.is_empty()
        && is_pictograph(mark.text)
    {
        return fits_flat(rest);
    }
    // A colon ends a label or a lead-in (`Pros:`), not a cell.
    if cell.is_empty() || cut_at_connector(cell) || cell[cell.len() - 1].text.ends_with(':') {
        return out;
    }
    // A cell ending on a comma or colon is cut mid-clause.
    let open = if cell[cell.len() - 1].open_end {
        -1.0
    } else {
        0.0
    };
    out[0] = date(cell).map(|s| s + open);
    out[1] = quantity(cell).map(|s| s + open);
    out[2] = name(cell).map(|s| s + open);
    out[3] = sentence(cell).map(|s| s + open);
    out[4] = lower(cell).map(|s| s + open);
    out[5] = symbol(cell);
    out
}

/// The best type of `cell` and its score.
pub fn best(f: &Fits) -> Option<(CellType, f32)> {
    let mut best: Option<(CellType, f32)> = None;
    for (t, s) in TYPES.iter().zip(f) {
        if let Some(s) = *s
            && best.is_none_or(|(_, b)| s > b)
        {
            best = Some((*t, s));
        }
    }
    best
}

/// True for a number that can be a day of the month (`4`, `21st`).
pub fn is_day(t: &Token<'_>) -> bool {
    t.class == Class::Number && {
        let d = t.text.trim_end_matches([',', '.']);
        let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        d.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
    }
}

fn is_numeric_date(t: &Token<'_>) -> bool {
    t.class == Class::Number
        && t.text
            .chars()
            .filter(|c| matches!(c, '-' | '/' | '.'))
            .count()
            == 2
        && t.text.chars().filter(char::is_ascii_digit).count() >= 6
}

/// A part of a year written before it: a quarter, a half, a season.
fn is_period(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    matches!(
        w,
        "Q1" | "Q2"
            | "Q3"
            | "Q4"
            | "H1"
            | "H2"
            | "FY"
            | "Spring"
            | "Summer"
            | "Autumn"
            | "Fall"
            | "Winter"
    )
}

fn date(cell: &[Token<'_>]) -> Option<f32> {
    use Class::{Month, Year};
    // `Monday`, `Friday 3 May`: a weekday alone or before a date.
    if cell[0].class == Class::Weekday {
        return if cell.len() == 1 {
            Some(2.0)
        } else {
            date(&cell[1..])
        };
    }
    let c: Vec<Class> = cell.iter().map(|t| t.class).collect();
    let ok = match c.as_slice() {
        [Year] | [Month] | [Month, Year] => true,
        [Month, _] | [Month, _, Year] => is_day(&cell[1]),
        [_, Month] | [_, Month, Year] => is_day(&cell[0]),
        [_] => is_numeric_date(&cell[0]),
        // `Q3 2024`, `H1 2023`, `FY 2022`, `Spring 2022`.
        [_, Year] => is_period(cell[0].text),
        _ => false,
    };
    ok.then_some(2.0)
}

/// Number of tokens opening `cell` that qualify the figure after them
/// (`Under`, `Up to`, `Approx.`), or 0.
pub fn qualifier_len(cell: &[Token<'_>]) -> usize {
    // Most spans open on no word before a figure: they are not looked up.
    let is_number = |i: usize| cell.get(i).is_some_and(|t| t.class == Class::Number);
    if !cell
        .first()
        .is_some_and(|t| matches!(t.class, Class::Function | Class::Cap | Class::Lower))
        || !(is_number(1) || is_number(2))
    {
        return 0;
    }
    QUANTITY_QUALIFIERS
        .iter()
        .map(|q| (q, q.split(' ').count()))
        .find(|&(q, n)| {
            cell.get(n).is_some_and(|t| t.class == Class::Number)
                && q.split(' ')
                    .zip(cell)
                    .all(|(w, t)| t.text.trim_end_matches('.').eq_ignore_ascii_case(w))
        })
        .map_or(0, |(_, n)| n)
}

fn quantity(cell: &[Token<'_>]) -> Option<f32> {
    if cell.is_empty() {
        return None;
    }
    // `Under 2 minutes` is a quantity, a little less plainly than `2 minutes`.
    let q = qualifier_len(cell);
    if q > 0 {
        return quantity(&cell[q..]).map(|s| s - 0.2);
    }
    let cell = match cell {
        [sign, rest @ ..] if !rest.is_empty() && is_comparison(sign.text) => rest,
        _ => cell,
    };
    if cell[0].class != Class::Number || is_numeric_date(&cell[0]) {
        return None;
    }
    // A percentage takes no unit of its own: `0.64%` + `IT Services` is two
    // cells, `5% a year` one.
    let percent = cell[0].text.ends_with('%');
    // A range is one figure: `$785 – $1,047`, `$225 to $300`, `10Hz - 50kHz`.
    let mut units = &cell[1..];
    if let [join, end, rest @ ..] = units
        && (is_connector(join.text) || join.text == "to")
        && end.class == Class::Number
    {
        units = rest;
    }
    if units.is_empty() {
        return Some(2.0);
    }
    // A number and its unit: `5 members`, `12 km`, `3 per cent`,
    // `€38,000 a year`, `€8 per square metre`.
    let unit_ok = units.iter().all(|t| {
        t.class == Class::Lower
            || (is_unit_symbol(t.text) && !percent)
            || (t.class == Class::Function && matches!(t.text, "per" | "a" | "an"))
    });
    let last = &units[units.len() - 1];
    if units.len() <= 3
        && unit_ok
        && (last.class == Class::Lower || (is_unit_symbol(last.text) && !percent))
    {
        return Some(1.8);
    }
    // Two figures with their units joined by `and` are one amount (`3 hours
    // and 50 minutes`, `1 hour and 45 minutes`).
    if let Some(and) = units.iter().position(|t| t.text == "and")
        && and > 0
        && quantity(&cell[..cell.len() - units.len() + and]).is_some_and(|s| s >= 1.8)
        && quantity(&units[and + 1..]).is_some_and(|s| s >= 1.8)
    {
        return Some(1.8);
    }
    // A figure with more words (`4 × Nvidia RTX 5090`) reads as a quantity
    // only weakly, and never a figure followed by a capitalised word, which
    // is the next cell (`0.64%` + `Software`), nor a capitalised word after
    // its unit (`45 minutes` + `Industry-leading`).
    let next_cell = |t: &Token<'_>| t.class == Class::Cap && !is_unit_symbol(t.text);
    let after_unit = units
        .windows(2)
        .any(|w| w[0].class == Class::Lower && next_cell(&w[1]));
    let ok = units.len() <= 6
        && !percent
        && !after_unit
        && !next_cell(&units[0])
        && last.class != Class::Function
        && !last.open_end
        && units.iter().all(|t| t.class != Class::Year);
    ok.then_some(0.9)
}

/// A unit written with capitals (`MW`, `kWh`, `GB`, `USD`): up to four
/// letters, some of them capitals, and not a capitalised word (`Ltd`).
pub fn is_unit_symbol(word: &str) -> bool {
    let n = word.chars().count();
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = chars.clone().all(char::is_lowercase);
    (1..=4).contains(&n)
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.chars().any(|c| c.is_ascii_uppercase())
        && !(first_upper && rest_lower && n >= 2)
}

fn name(cell: &[Token<'_>]) -> Option<f32> {
    let first = cell[0];
    let last = cell[cell.len() - 1];
    // `The Home Depot` is a name; `of the harbour` is not.
    let the_name = first.class == Class::Function
        && first.capitalised
        && cell
            .get(1)
            .is_some_and(|t| t.capitalised && t.class != Class::Function);
    if (first.class == Class::Function && !the_name) || last.class == Class::Function {
        return None;
    }
    if first.class == Class::Symbol {
        return None;
    }
    let mut slips = 0;
    for t in cell {
        match t.class {
            // A lowercased country (`kenya`) is still a name.
            Class::Lower if is_proper_noun(t.text.trim_matches(|c: char| !c.is_alphanumeric())) => {
            }
            Class::Lower => slips += 1,
            Class::Cap | Class::Function | Class::Month | Class::Weekday | Class::Symbol => {}
            Class::Number | Class::Year => {}
        }
    }
    if cell
        .iter()
        .all(|t| matches!(t.class, Class::Number | Class::Year))
    {
        return None;
    }
    // Names are short; a long title-case run is more likely two cells.
    let len = cell.len() as f32;
    let base = match cell.len() {
        1 => 1.2,
        2 | 3 => 1.5,
        4 => 1.3,
        _ => 1.3 - 0.4 * (len - 4.0),
    };
    match slips {
        0 => Some(base),
        1 if cell.len() >= 2 => Some(NAME_SLIP + base - 1.5),
        _ => None,
    }
}

fn sentence(cell: &[Token<'_>]) -> Option<f32> {
    if cell.len() < 2 {
        return None;
    }
    let first = cell[0];
    let mut score = match first.class {
        Class::Cap | Class::Month | Class::Weekday => 1.5,
        Class::Number | Class::Year => 1.0,
        Class::Lower => SENTENCE_LOWER_START,
        // `The ...` may open a sentence cell; a lowercase `in ...` may not.
        Class::Function if first.capitalised => 0.8,
        _ => return None,
    };
    // A sentence needs lowercase words after its first.
    let first_lower = cell[1..]
        .iter()
        .position(|t| matches!(t.class, Class::Lower))?
        + 1;
    if first.capitalised {
        // Capitalised words before the first lowercase one (other than function
        // words) mean the cell probably began too early: `Security Collaborative
        // policing` holds the end of the previous cell.
        let caps = cell[1..first_lower]
            .iter()
            .filter(|t| t.class != Class::Function)
            .count();
        score -= 1.2 * caps as f32;
    }
    let last = cell[cell.len() - 1];
    if last.class == Class::Function && !last.full_stop {
        score -= 1.5;
    }
    if last.full_stop {
        score += 0.2;
    }
    Some(score)
}

fn lower(cell: &[Token<'_>]) -> Option<f32> {
    let last = cell[cell.len() - 1];
    if cell.len() > 3 || last.class == Class::Function {
        return None;
    }
    // `of which sugars` under `Fat` is a row name of its own; it scores low
    // so that a function word stays with the words before it elsewhere.
    let score = match cell[0].class {
        Class::Lower => 0.8,
        Class::Function if cell.len() >= 2 && !cell[0].capitalised => 0.3,
        _ => return None,
    };
    cell.iter()
        .all(|t| matches!(t.class, Class::Lower | Class::Function))
        .then_some(score)
}

fn symbol(cell: &[Token<'_>]) -> Option<f32> {
    (cell.len() == 1 && cell[0].class == Class::Symbol).then_some(1.0)
}

/// True when the header word `word` closes the name it ends (`Type` in
/// `Fee Type`): a name of several words rarely opens on it.
pub fn is_closing_head(word: &str) -> bool {
    let mut buf = [0u8; 16];
    crate::text::ascii_lower(word, &mut buf).is_some_and(|w| CLOSING_HEADS.contains(&w))
}

/// True when the header word `word` reads as a plural noun (`Cities`,
/// `Towns`): a capitalised word of letters ending in `s`, not in `ss`, `us`
/// or `is`, nor in capitals.
pub fn is_plural_noun(word: &str) -> bool {
    let mut buf = [0u8; 16];
    word.chars().next().is_some_and(char::is_uppercase)
        && word.len() > 3
        && word.chars().all(char::is_alphabetic)
        && !word.chars().skip(1).all(char::is_uppercase)
        && crate::text::ascii_lower(word, &mut buf).is_some_and(|w| {
            w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !NOT_PLURAL.contains(&w)
        })
}

/// True when the header word `word` is a participle that may follow its
/// noun (`Opened`, `Seen`).
pub fn is_any_participle(word: &str) -> bool {
    let mut buf = [0u8; 16];
    is_participle(word)
        || crate::text::ascii_lower(word, &mut buf)
            .is_some_and(|w| IRREGULAR_PARTICIPLES.contains(&w))
}

/// True when header words `noun` and `word` read as a noun and the participle
/// qualifying it (`Homes Planned`, `Clinics Opened`): one column name.
pub fn is_postpositive(noun: &str, word: &str) -> bool {
    noun.len() > 3 && noun.ends_with('s') && is_participle(word)
}

/// True for a header word read as a past participle (`Proposed`, `Opened`).
/// A word with capitals inside (`SimplyHired`) is a brand, not a
/// participle.
pub fn is_participle(word: &str) -> bool {
    let brand = || {
        let inner = word.chars().skip(1);
        inner.clone().any(char::is_uppercase) && inner.clone().any(char::is_lowercase)
    };
    word.len() > 4 && (word.ends_with("ed") || word.ends_with("ED")) && !brand()
}

/// True when the header word `word` qualifies the word after it.
pub fn is_attributive(word: &str) -> bool {
    let mut buf = [0u8; 16];
    crate::text::ascii_lower(word, &mut buf).is_some_and(|w| ATTRIBUTIVE.contains(&w))
}

/// True when the header word `word` names a date (`Date`, `Year`, `Deadline`).
pub fn names_a_date(word: &str) -> bool {
    let mut buf = [0u8; 16];
    crate::text::ascii_lower(word, &mut buf).is_some_and(|w| {
        matches!(
            w,
            "date"
                | "dates"
                | "year"
                | "month"
                | "day"
                | "deadline"
                | "period"
                | "quarter"
                | "when"
        )
    })
}

/// True for a token no column name holds, wherever it stands in the name
/// (a rule of [`header_fit`]): brackets, angle brackets and bars, the
/// syntax of commands and code (`Boot lan[.<addr>]`); money and
/// percentages, which are values; a semicolon, which runs a clause on; a
/// long word closing a sentence. A header holding one cannot be cut into
/// names at all, so its runs need not be read.
pub fn names_nothing(t: &Token<'_>) -> bool {
    t.text.contains(['[', ']', '<', '>', '{', '}', '|'])
        || t.text.ends_with(';')
        || (t.full_stop && !t.text.ends_with('?') && t.text.chars().count() > 5)
        || (t.class == Class::Number
            && (t.text.starts_with(['$', '€', '£', '¥', '₹']) || t.text.ends_with('%')))
}

/// True for a token no column name opens, in a header without
/// parentheses ([`header_fit`] is `None` for every run of tokens starting
/// on it): a connector, a lowercase function word, a word neither
/// capitalised nor a figure or symbol.
pub fn opens_no_name(t: &Token<'_>) -> bool {
    is_connector(t.text) || no_name_opens_on(t)
}

/// True for a word no column name's core (its words outside asides) opens
/// on: a lowercase function word, a word neither capitalised nor a figure
/// or symbol (a rule of [`header_fit`]).
fn no_name_opens_on(t: &Token<'_>) -> bool {
    // A lowercase function word is neither capitalised nor a figure.
    !t.capitalised && !matches!(t.class, Class::Number | Class::Year | Class::Symbol)
}

/// How well `cell` reads as a column name, or `None` when it cannot be one:
/// a header cell never starts or ends with a function word, starts with a
/// capital or a digit, holds at most one lowercase word and no sentence
/// punctuation.
pub fn header_fit(cell: &[Token<'_>]) -> Option<f32> {
    let raw_last = *cell.last()?;
    if cell.iter().any(names_nothing) || !parens_closed(cell) || cut_at_connector(cell) {
        return None;
    }
    // A lone `/` or `–` joins two names; it names nothing.
    if let [t] = cell
        && (is_connector(t.text) || is_comparison(t.text))
    {
        return None;
    }
    // A parenthesised aside closes a column name (`Salary (May 2024)`).
    if cell[..cell.len() - 1].iter().any(|t| t.text.ends_with(')')) {
        return None;
    }
    let asides = without_asides(cell);
    let core = asides.as_deref().unwrap_or(cell);
    let first = *core.first()?;
    let last = core[core.len() - 1];
    if core.len() > MAX_NAME_WORDS {
        return None;
    }
    // In a header written in capitals every word is capitalised, so a
    // function word there is read as lowercase.
    let shouted = core.iter().all(|t| t.acronym || t.class != Class::Function)
        && core.iter().any(|t| t.class == Class::Function && t.acronym);
    let shouted_function = first.class == Class::Function && shouted;
    let last_is_function = last.class == Class::Function && !raw_last.text.ends_with(')');
    if no_name_opens_on(&first) || shouted_function || last_is_function {
        return None;
    }
    // A column name may hold a comma (`Public, in-state`) and end on a
    // colon, but not run on past one or hold a sentence; it may be named
    // by a question (`Concise logic?`), which ends it (other sentence ends
    // name nothing anywhere).
    let (body, end) = cell.split_at(cell.len() - 1);
    if body
        .iter()
        .any(|t| t.text.ends_with(':') || (t.text.ends_with('?') && t.text.chars().count() > 5))
        || end[0].text.ends_with(',')
    {
        return None;
    }
    // Decimals and thousands are values (`0.0.0.0:80`, `1,250`), not
    // names; a year or `100g` may name a column.
    let grouped = |t: &Token<'_>| {
        let b = t.text.as_bytes();
        b.windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b',') && w[2].is_ascii_digit())
    };
    if core.iter().any(|t| t.class == Class::Number && grouped(t)) {
        return None;
    }
    let lowers = core.iter().filter(|t| t.class == Class::Lower).count();
    if lowers > 2 {
        return None;
    }
    Some(match core.len() {
        1 | 2 => 1.0,
        3 => 0.6,
        _ => 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn best_type(s: &str) -> Option<CellType> {
        best(&fits(&tokenize(s))).map(|(t, _)| t)
    }

    #[test]
    fn typical_cells_are_typed() {
        assert_eq!(best_type("March 2021"), Some(CellType::Date));
        assert_eq!(best_type("14 June"), Some(CellType::Date));
        assert_eq!(best_type("12 vessels"), Some(CellType::Quantity));
        assert_eq!(best_type("€38,000 a year"), Some(CellType::Quantity));
        assert_eq!(best_type("42 MW"), Some(CellType::Quantity));
        assert_eq!(best_type("12 kWh"), Some(CellType::Quantity));
        assert_eq!(best_type("€8 per square metre"), Some(CellType::Quantity));
        assert_eq!(best_type("€4.5bn"), Some(CellType::Quantity));
        assert_eq!(best_type("Harbour Master of Leith"), Some(CellType::Name));
        assert_eq!(
            best_type("Weekly checks of the sea wall"),
            Some(CellType::Sentence)
        );
        assert_eq!(best_type("pending"), Some(CellType::Lower));
        assert_eq!(best_type("—"), Some(CellType::Symbol));
    }

    #[test]
    fn qualified_and_compound_figures_are_quantities() {
        let q = |s: &str| fits(&tokenize(s))[index(CellType::Quantity)];
        assert_eq!(q("2 hours and 15 minutes"), Some(1.8));
        assert!(q("Under 4 minutes").is_some());
        assert!(q("Up to 12 percent").is_some());
        assert_eq!(q("Beyond 4 minutes"), None);
        assert_eq!(q("45 minutes Regional"), None);
        assert_eq!(q("2 hours and"), None);
    }

    #[test]
    fn pictographs_and_answers() {
        assert_eq!(best_type("✅ Weekly reports"), Some(CellType::Sentence));
        assert_eq!(best_type("✅ ❌"), None);
        assert_eq!(best_type("Garden Tool Yes"), None);
        assert!(stands_in(&tokenize("❌"), CellType::Name));
        assert!(!stands_in(&tokenize("."), CellType::Name));
        assert!(!is_participle("ShopRated"));
        assert!(is_participle("Rated"));
    }

    #[test]
    fn parentheses_inside_a_word_are_no_aside() {
        assert_eq!(best_type("f(x) grows"), Some(CellType::Sentence));
        assert_eq!(
            best_type("3 hours (with a break)"),
            Some(CellType::Quantity)
        );
        assert_eq!(best_type("(deferred)"), None);
    }

    #[test]
    fn cells_rarely_start_with_a_lowercase_function_word() {
        // Only as a row's label (`of which sugars`), and weakly.
        let f = fits(&tokenize("of the harbour"));
        assert!(f[index(CellType::Name)].is_none() && f[index(CellType::Sentence)].is_none());
        assert!(f[index(CellType::Lower)].is_some_and(|s| s < 0.5));
        assert_eq!(header_fit(&tokenize("Role in")), None);
        assert!(header_fit(&tokenize("Start date")).is_some());
    }

    proptest::proptest! {
        /// A word that names nothing leaves every run of words holding it
        /// without a name, wherever it stands: a header holding one is
        /// rejected before its runs are read.
        #[test]
        fn a_word_naming_nothing_ends_every_name_holding_it(
            before in proptest::sample::subsequence(vec!["Fee", "Type", "of", "(Net)", "2024"], 0..3),
            word in "[A-Za-z0-9$€%;:,.?!<>|\\[\\](){}]{1,9}",
            after in proptest::sample::subsequence(vec!["Rate", "Cost", "and", "(est.)", "UK"], 0..3),
        ) {
            let line = [before.join(" "), word.clone(), after.join(" ")].join(" ");
            let toks = tokenize(&line);
            let at = before.len();
            proptest::prop_assume!(toks.get(at).is_some_and(|t| t.text == word));
            if names_nothing(&toks[at]) {
                for a in 0..=at {
                    for b in at + 1..=toks.len() {
                        proptest::prop_assert_eq!(header_fit(&toks[a..b]), None, "{}", line);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// In a header without parentheses, a word that opens no name
        /// opens no run read as a name.
        #[test]
        fn a_word_opening_no_name_opens_no_run_read_as_one(
            word in "[A-Za-z0-9$€%;:,.?!&/–—-]{1,6}",
            after in proptest::sample::subsequence(vec!["Rate", "of", "cost", "&", "2024", "UK"], 0..4),
        ) {
            let line = std::iter::once(word.as_str()).chain(after).collect::<Vec<_>>().join(" ");
            let toks = tokenize(&line);
            proptest::prop_assume!(toks.first().is_some_and(|t| t.text == word));
            if opens_no_name(&toks[0]) {
                for b in 1..=toks.len() {
                    proptest::prop_assert_eq!(header_fit(&toks[..b]), None, "{}", line);
                }
            }
        }
    }

    #[test]
    fn words_that_name_nothing() {
        for w in ["$40", "12%", "a|b", "x;", "[beta]", "finished."] {
            assert!(names_nothing(&tokenize(w)[0]), "{w}");
        }
        for w in ["Price", "Why?", "No.", "2024", "Rate:", "(est.)"] {
            assert!(!names_nothing(&tokenize(w)[0]), "{w}");
        }
    }
}
