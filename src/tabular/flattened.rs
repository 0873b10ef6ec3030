//! Tables whose cell separators were lost: a header line and rows of the
//! same shape, each flattened into a run of words.
//!
//! The column count is inferred and header and rows are segmented jointly.
//! For each candidate count `k`, every row is cut into `k` cells by dynamic
//! programming over typed cells ([`super::cells`]); the columns' dominant
//! types and lengths (the column profile) are then read off and the rows cut
//! again under that profile until the cuts settle, so a row whose own words
//! are ambiguous follows the shape of the others. The header is cut last, its
//! cell lengths agreeing with the columns'. A table is only reported when
//! every cell fits its column, the header reads as column names, and the
//! columns carry typed evidence (a date, quantity or sentence column): lists
//! of short capitalised lines, poems and prose stay paragraphs.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::text::WordHash;

use super::Found;
use super::cells::{self, CellType, Fits};
use super::tokens::{self, Class, Token, tokenize};
use crate::lexicon::proper_nouns::is_proper_noun;

/// Most columns searched for.
const MAX_COLUMNS: usize = 6;
/// Longest header line, in tokens.
const MAX_HEADER_TOKENS: usize = 14;
/// Longest row, in tokens: longer lines are prose, and the search stays bounded.
const MAX_ROW_TOKENS: usize = 40;
/// Most rows a table is fitted on; the rows after them join the table while
/// they fit its columns, so a table of any length costs little more than
/// this many rows.
const MAX_TABLE_ROWS: usize = 15;
/// Most (header, last row) pairs tried in one candidate: keeps a long run of
/// short lines from costing more than a handful of real tables.
const MAX_TRIALS: usize = 16;
/// Rounds of re-cutting rows under the column profile.
const PROFILE_ROUNDS: usize = 3;
/// Score a cell loses when it does not fit its column's type.
const TYPE_MISMATCH: f32 = 2.5;
/// Score a cell loses when it is running words of another kind than its
/// column's (a sentence-case name among title-case ones).
const TEXT_MISMATCH: f32 = 0.8;
/// Score two column names earn for sharing their last word over columns of
/// one type (`Undergrad Tuition`, `Graduate Tuition`).
const PARALLEL_NAMES: f32 = 0.8;
/// Weight of the agreement between a name column's cell lengths and its
/// name's length (`City` over one-word cells, not `City Public`).
const HEADER_LENGTH_WEIGHT: f32 = 0.8;
/// Score a cut loses between a figure and the lowercase word after it.
const UNIT_CUT: f32 = 1.0;
/// Score a cut loses between two words the running text writes together.
const JOINED_CUT: f32 = 1.0;
/// Score a column name loses for ending on a word that qualifies the next
/// (`Start` + `Date`).
const ATTRIBUTIVE_END: f32 = 1.0;
/// Score a column name loses for opening on a plural noun followed by
/// more words (`Cities Score`).
const PLURAL_OPENS: f32 = 0.5;
/// Score a one-word cell earns when English always capitalises the word.
const KNOWN_NAME_CELL: f32 = 0.6;
/// Score each row adds for a column of words always capitalised (countries).
const KNOWN_NAMES_BONUS: f32 = 1.2;
/// Cost of each cell: a further column must earn its place.
const CELL_COST: f32 = 1.2;

/// How the document writes words elsewhere, for telling proper names
/// (`Morocco`) from common words (`Education`) in a first column.
#[derive(Debug, Default)]
pub struct Casing {
    /// Words seen opening on a lowercase letter in running text, as
    /// written (see [`name_key`]).
    pub lower: HashSet<u64, WordHash>,
    /// Words seen capitalised in the middle of a sentence, lowercased (see
    /// [`name_key`]).
    pub proper: HashSet<u64, WordHash>,
    /// Pairs of words running text writes side by side (see [`pair_key`]).
    pub pairs: HashSet<u64, WordHash>,
}

/// A key for two adjacent words, blind to case and to a plural `s`
/// (`text message` and `Text Messages` share it); `None` for short words
/// and anything but letters.
pub fn pair_key(first: &str, second: &str) -> Option<u64> {
    Some(join_keys(word_key(first)?, word_key(second)?))
}

/// The key of two words from their [`word_key`]s, in order: running text
/// keys each word once, however many pairs it is in.
fn join_keys(first: u64, second: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    (first.rotate_left(29) ^ second).wrapping_mul(K)
}

/// One word's part of a [`pair_key`]: a hash of its lowercase letters
/// without a plural `s`; `None` for words shorter than three letters and
/// anything but letters.
fn word_key(word: &str) -> Option<u64> {
    use std::hash::Hasher;
    let mut h = crate::text::WordHasher::default();
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix(['s', 'S']).unwrap_or(w);
    // Every word of running text is keyed: ASCII words are lowercased
    // on the stack, others copied. Both hash their lowercase bytes, so
    // a word keys alike however it was written.
    let mut buf = [0u8; 32];
    if let Some(lower) = crate::text::ascii_lower(w, &mut buf) {
        if lower.len() < 3 || !lower.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        h.write(lower.as_bytes());
    } else {
        if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
            return None;
        }
        h.write(w.to_lowercase().as_bytes());
    }
    Some(h.finish())
}

/// The key a word is stored under in [`Casing::lower`] and
/// [`Casing::proper`]: a hash of its bytes. Running text repeats its words,
/// and most are never asked about: keys spare a copy of each.
pub fn name_key(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::text::WordHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// The [`name_key`] of `word` lowercased.
fn lowercase_name_key(word: &str) -> u64 {
    let mut buf = [0u8; 32];
    match crate::text::ascii_lower(word, &mut buf) {
        Some(lower) => name_key(lower),
        None => name_key(&word.to_lowercase()),
    }
}

impl Casing {
    /// Learns from running text (not the candidate lines themselves).
    pub fn learn(&mut self, text: &str) {
        let mut sentence_start = true;
        // The previous word's key, when it ends on a letter: words parted
        // by punctuation are not written together.
        let mut previous: Option<u64> = None;
        for raw in text.split_whitespace() {
            let key = word_key(raw);
            if let (Some(p), Some(k)) = (previous, key) {
                self.pairs.insert(join_keys(p, k));
            }
            previous = key.filter(|_| raw.ends_with(char::is_alphabetic));
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(first) = word.chars().next() {
                if first.is_lowercase() {
                    self.lower.insert(name_key(word));
                } else if first.is_uppercase() && !sentence_start {
                    self.proper.insert(lowercase_name_key(word));
                }
            }
            sentence_start = raw.ends_with(['.', '!', '?', ':']);
        }
    }
}

/// Finds the first table among `lines` (a header and two or more rows), or
/// `None` when no run of lines is a table with strong evidence.
///
/// `casing` gives what the document's running text says about its words;
/// it is asked for only when a run of lines is worth fitting, so documents
/// without such a run never pay for learning it.
pub fn find<'c>(lines: &[&str], casing: &dyn Fn() -> &'c Casing) -> Option<Found> {
    let counts: Vec<usize> = lines
        .iter()
        .map(|l| crate::text::count_words(l, LINE_WORDS))
        .collect();
    find_counted(lines, &counts, casing)
}

/// Words counted in a line before the rest are left uncounted: one more
/// than any header or row holds, so a count tells every line shape apart.
pub const LINE_WORDS: usize = MAX_ROW_TOKENS + 1;

/// [`find`] with each line's words counted up to [`LINE_WORDS`]
/// (`counts[i]` for `lines[i]`), as the caller counted them for its own
/// look at the lines: long candidates are read once, not by each search.
pub fn find_counted<'c>(
    lines: &[&str],
    counts: &[usize],
    casing: &dyn Fn() -> &'c Casing,
) -> Option<Found> {
    debug_assert_eq!(lines.len(), counts.len());
    // A row number (`1.`, `2)`) is set aside while the rows are cut, so that
    // it neither reads as a column nor types the first cell; it goes back in
    // front of the first cell, where the page had it.
    let numbered: Vec<(Option<(u32, &str)>, &str)> = lines
        .iter()
        .map(|l| match row_number(l) {
            Some((n, mark, rest)) => (Some((n, mark)), rest),
            None => (None, *l),
        })
        .collect();
    let n = numbered.len();
    // Word counts reject most lines as headers or rows before any token is
    // classified; a line's tokens are read when a table is tried with it.
    let words: Vec<usize> = numbered
        .iter()
        .zip(counts)
        // Capped: a line longer than any row is no header nor row, however
        // long. A numbered line is counted again without its number.
        .map(|((number, l), &count)| match number {
            Some(_) => crate::text::count_words(l, LINE_WORDS),
            None => count,
        })
        .collect();
    let lazy_toks: Vec<OnceCell<Vec<Token<'_>>>> = (0..n).map(|_| OnceCell::new()).collect();
    let tok = |i: usize| {
        lazy_toks[i]
            .get_or_init(|| tokenize(numbered[i].1))
            .as_slice()
    };
    let number = |i: usize| numbered[i].0.map(|(n, _)| n);
    let row_sized = |i: usize| (2..=MAX_ROW_TOKENS).contains(&words[i]);
    // Each line's spans are typed once, whichever table they are tried in,
    // and only when a table is tried with it: most candidates are rejected
    // on their tokens alone.
    let spans: Vec<OnceCell<RowSpans<'_, '_>>> = (0..n).map(|_| OnceCell::new()).collect();
    let mut budget = MAX_TRIALS;
    for h in 0..n.saturating_sub(2) {
        if number(h).is_some() || !(2..=MAX_HEADER_TOKENS).contains(&words[h]) {
            continue;
        }
        let mut rows_after = (h + 1..n)
            .take(MAX_TABLE_ROWS)
            .take_while(|&i| row_sized(i))
            .count();
        if rows_after < 2 || !header_shape(numbered[h].1) {
            continue;
        }
        // A line that cannot be cut into column names is no header: most
        // candidate lines end here, before any row is cut. A word no name
        // may hold tells so before any run of words is read as a name.
        if tok(h).iter().any(cells::names_nothing) {
            continue;
        }
        // A line far longer than every row before it, written as running
        // text, is the prose that follows the table, not one more row (a
        // long name among figures is a row).
        if let Some(k) = (2..rows_after).find(|&k| {
            let longest = words[h + 1..h + 1 + k].iter().copied().max().unwrap_or(0);
            words[h + 1 + k] > 2 * longest && {
                let line = tok(h + 1 + k);
                let lowercase = line.iter().filter(|t| t.class == Class::Lower).count();
                lowercase >= 2 || line.last().is_some_and(|t| t.full_stop)
            }
        }) {
            rows_after = k;
        }
        // A last line that ends a sentence under rows that do not is the
        // remark after the table.
        if rows_after > 2 {
            let ends_sentence = |i: usize| {
                numbered[i]
                    .1
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.ends_with(['.', '!', '?']))
            };
            if let Some(k) = (2..rows_after)
                .find(|&k| ends_sentence(h + 1 + k) && !(h + 1..h + 1 + k).any(ends_sentence))
            {
                rows_after = k;
            }
        }
        let max_end = h + 1 + rows_after;
        // The longest run of rows first; a few trailing lines may be prose.
        let min_end = (h + 3).max(max_end.saturating_sub(2));
        // Every run of rows tried under this header holds its first two
        // lines: when either could be a row of no fit, only numbered lists
        // side by side are left to read, and the header's names need not be
        // weighed for the rest. Its runs count against the trials all the
        // same, as if they had been tried: left uncounted, they let a later
        // header of the same paragraph take a table that a header above it
        // would have been weighed for instead. (A header whose names cannot
        // be cut at all counted no runs before; counted now, it can only
        // end the search sooner.)
        let trials = max_end + 1 - min_end;
        let side_by_side_only = !(h + 1..h + 3).all(|i| may_be_row(tok(h), tok(i)));
        if side_by_side_only && number(h + 1).is_none() {
            if trials > budget {
                return None;
            }
            budget -= trials;
            continue;
        }
        let hf = header_fits(tok(h));
        let widths = header_widths(&hf);

        if widths.is_empty() {
            continue;
        }
        if number(h + 1).is_some() {
            let listed: Vec<&[Token<'_>]> = (h + 1..n)
                .take_while(|&i| number(i).is_some())
                .map(tok)
                .collect();
            if let Some(found) = side_by_side(tok(h), &hf, &widths, &numbered[h + 1..], &listed) {
                return Some(Found {
                    start: h,
                    end: h + 1 + found.rows.len(),
                    ..found
                });
            }
        }
        if side_by_side_only {
            if trials > budget {
                return None;
            }
            budget -= trials;
            continue;
        }
        for end in (min_end..=max_end).rev() {
            if budget == 0 {
                return None;
            }
            budget -= 1;
            if !numbered_alike((h + 1..end).map(number)) {
                continue;
            }
            let row_toks: Vec<&[Token<'_>]> = (h + 1..end).map(tok).collect();
            if !worth_fitting(tok(h), &row_toks) {
                continue;
            }
            let rows: Vec<&RowSpans<'_, '_>> = (h + 1..end)
                .map(|i| {
                    spans[i].get_or_init(|| RowSpans::new(tok(i), casing(), number(i).is_some()))
                })
                .collect();
            if let Some(mut t) = fit_table(tok(h), &hf, &widths, &rows, casing()) {
                // A table longer than the rows it was fitted on goes on
                // while the lines after it fit its columns.
                let mut end = end;
                while t.extendable
                    && end < n
                    && row_sized(end)
                    && numbered_alike([number(end - 1), number(end)].into_iter())
                {
                    let row = spans[end]
                        .get_or_init(|| RowSpans::new(tok(end), casing(), number(end).is_some()));
                    let Some(cells) = cut_to_profile(row, &t.profile) else {
                        break;
                    };
                    t.rows.push(cells);
                    end += 1;
                }
                // The candidate's last line may close the table with a note
                // where a figure stood (`Course Fees` + `View the fee
                // chart`, a link on the page).
                if t.extendable
                    && end + 1 == n
                    && t.rows.len() >= 4
                    && row_sized(end)
                    && number(end).is_none()
                    && !tok(end).last().is_some_and(|x| x.full_stop)
                {
                    let row = spans[end].get_or_init(|| RowSpans::new(tok(end), casing(), false));
                    if let Some(cells) = closing_row(row, &t.profile) {
                        t.rows.push(cells);
                        end += 1;
                    }
                }
                for (row, (mark, _)) in t.rows.iter_mut().zip(&numbered[h + 1..end]) {
                    if let (Some((_, mark)), Some(first)) = (mark, row.first_mut()) {
                        *first = format!("{mark} {first}");
                    }
                }
                return Some(Found {
                    start: h,
                    end,
                    header: t.header,
                    rows: t.rows,
                });
            }
        }
    }
    None
}

/// Numbered lists set side by side, one list a column (`1. Rajai Davis LF
/// 1. Sam Fuld LF`): every row holds its own number again, as many times
/// in each row, each time before a capitalised word, so the rows are cut
/// where the number recurs, and each cell keeps its number. The header is
/// cut into as many names. `None` unless three or more rows, numbered from
/// one up by one, recur alike, with two or more words after each number.
/// The returned table's `start` and `end` are left at zero.
fn side_by_side(
    header: &[Token<'_>],
    hf: &HeaderFits,
    widths: &[usize],
    numbered: &[(Option<(u32, &str)>, &str)],
    toks: &[&[Token<'_>]],
) -> Option<Found> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut lengths: Vec<Vec<usize>> = Vec::new();
    let join = |toks: &[Token<'_>]| toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    for (i, ((mark, _), line)) in numbered.iter().zip(toks).enumerate() {
        let Some((n, mark)) = mark else { break };
        if *n as usize != i + 1 {
            break;
        }
        // Where the row's own number opens a further cell.
        let mut cuts = vec![0];
        cuts.extend(
            (1..line.len()).filter(|&p| {
                line[p].text == *mark && line.get(p + 1).is_some_and(|t| t.capitalised)
            }),
        );
        cuts.push(line.len());
        let k = cuts.len() - 1;
        if k < 2 || (!lengths.is_empty() && lengths.len() != k) {
            break;
        }
        // Two or more words after each number: a name, not a stray count.
        let short = cuts
            .windows(2)
            .enumerate()
            .any(|(j, w)| w[1] - w[0] < if j == 0 { 2 } else { 3 });
        if short {
            break;
        }
        if lengths.is_empty() {
            lengths = vec![Vec::new(); k];
        }
        let mut row = Vec::with_capacity(k);
        for (j, w) in cuts.windows(2).enumerate() {
            let cell = &line[w[0]..w[1]];
            lengths[j].push(cells::core_len(cell));
            row.push(if j == 0 {
                format!("{mark} {}", join(cell))
            } else {
                join(cell)
            });
        }
        rows.push(row);
    }
    let k = lengths.len();
    if rows.len() < 3 || !widths.contains(&k) {
        return None;
    }
    let profile: Vec<Column> = lengths
        .into_iter()
        .map(|l| Column::new(Some(CellType::Name), l))
        .collect();
    let (_, hc) = cut_header(k, header, hf, &profile)?;
    Some(Found {
        start: 0,
        end: 0,
        header: (0..k).map(|j| join(&header[hc[j]..hc[j + 1]])).collect(),
        rows,
    })
}

/// A line opening on a row number (`12.` or `12)` and a space): the
/// number, the mark as written, and the rest of the line.
pub fn row_number(line: &str) -> Option<(u32, &str, &str)> {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let after = line.as_bytes().get(digits).copied();
    if !matches!(after, Some(b'.' | b')')) {
        return None;
    }
    let (mark, rest) = line.split_at(digits + 1);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((line[..digits].parse().ok()?, mark, rest))
}

/// A lowercase word that is neither a function word nor inside an aside
/// (`(per night)`).
fn lowercase_word(t: &Token<'_>) -> bool {
    t.class == Class::Lower && !t.text.starts_with('(') && !t.text.ends_with(')')
}

/// True for a row number as written (`12.`, `3)`).
fn is_row_mark(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && text.len() == digits + 1 && text.ends_with(['.', ')'])
}

/// Rows are numbered alike when none of them is numbered, or every one is
/// and the numbers count up by one: a numbered list run into unnumbered
/// lines is no one table.
fn numbered_alike(mut numbers: impl Iterator<Item = Option<u32>>) -> bool {
    let Some(first) = numbers.next() else {
        return true;
    };
    let mut previous = first;
    for n in numbers {
        match (previous, n) {
            (None, None) => {}
            (Some(p), Some(n)) if p + 1 == n => {}
            _ => return false,
        }
        previous = n;
    }
    true
}

/// Whether a line of a header's length may name columns by its first and
/// last words: it opens on a capital (past quotes and brackets), and ends
/// on no sentence end nor on a comma or semicolon (a colon may end a
/// header: `Amount per 100g:`). Read off the line itself: most lines of a
/// candidate paragraph fail here (lowercase starts, sentence ends), before
/// they are tokenized.
fn header_shape(line: &str) -> bool {
    let first = line.split_whitespace().next().and_then(|w| {
        w.trim_start_matches(tokens::is_trimmed_punctuation)
            .chars()
            .next()
    });
    first.is_some_and(char::is_uppercase) && !line.trim_end().ends_with(['.', '!', '?', ',', ';'])
}

/// Cheap tests on the header's and rows' tokens before any cutting: rows
/// written mostly in capitals carry no evidence in their case, so they are
/// cut only beside figures; and a table needs a date, quantity or sentence
/// column whose every cell is of its type, so every row holds a figure or
/// date, or every row a lowercase word. Without a figure in every row no
/// column can be one of figures, and [`fit_columns`] then asks for three
/// rows or more under a header of capitalised names: those are asked here,
/// before any row is typed, since most runs of short lines end here.
fn worth_fitting(header: &[Token<'_>], rows: &[&[Token<'_>]]) -> bool {
    let figures = |r: &&[Token<'_>]| {
        r.iter()
            .any(|t| matches!(t.class, Class::Number | Class::Year))
    };
    if rows.iter().any(|r| shouting(r) && !figures(r)) {
        return false;
    }
    // Rows that repeat one another or the header are no records, however
    // they are cut (as [`fit_columns`] finds).
    let same = |x: &[Token<'_>], y: &[Token<'_>]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.text == q.text)
    };
    if rows
        .iter()
        .enumerate()
        .any(|(i, r)| same(r, header) || rows[..i].iter().any(|q| same(r, q)))
    {
        return false;
    }
    let figure = |t: &Token<'_>| {
        matches!(
            t.class,
            Class::Number | Class::Year | Class::Month | Class::Weekday
        )
    };
    // Two rows are a table only beside two columns of dates or figures.
    if rows.len() < 3
        && !rows
            .iter()
            .all(|r| r.iter().filter(|t| figure(t)).count() >= 2)
    {
        return false;
    }
    let every_row =
        |wanted: fn(Class) -> bool| rows.iter().all(|r| r.iter().any(|t| wanted(t.class)));
    let figures = rows.iter().all(|r| r.iter().any(figure));
    figures
        || (rows.len() >= 3
            && !header.iter().any(lowercase_word)
            && every_row(|c| c == Class::Lower))
}

/// Whether `row` may be a row of some run [`worth_fitting`] lets through
/// under `header`: each of its tests asks something of every row, and
/// this asks it of one. A run holding a row that fails here fails there.
fn may_be_row(header: &[Token<'_>], row: &[Token<'_>]) -> bool {
    let has = |wanted: fn(Class) -> bool| row.iter().any(|t| wanted(t.class));
    if shouting(row) && !has(|c| matches!(c, Class::Number | Class::Year)) {
        return false;
    }
    has(|c| {
        matches!(
            c,
            Class::Number | Class::Year | Class::Month | Class::Weekday
        )
    }) || (has(|c| c == Class::Lower) && !header.iter().any(lowercase_word))
}

/// Three or more words in capitals, and more of them than other words.
fn shouting(row: &[Token<'_>]) -> bool {
    let words = row
        .iter()
        .filter(|t| !matches!(t.class, Class::Number | Class::Year | Class::Symbol))
        .count();
    let caps = row.iter().filter(|t| t.acronym).count();
    caps >= 3 && caps * 2 > words
}

struct Fitted {
    score: f32,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The columns the rows were cut under.
    profile: Vec<Column>,
    /// A date or quantity column holds only its own type: later lines may
    /// join the table (a sentence column alone would take in any prose).
    extendable: bool,
}

/// The cells of `row` cut under a fitted table's columns, when every cell
/// is of its column's type (or running words in a column of words).
/// True when tokens `a..b` of `row` are one lowercase word standing where
/// a column of `kind` (dates or figures) has a value: `never` after a
/// name, not the last word of a phrase running on from the cell before
/// (`the course fees` + `chart`).
fn word_stands_in(row: &RowSpans<'_, '_>, a: usize, b: usize, kind: CellType) -> bool {
    !cells::is_text(kind)
        && cells::is_word_stand_in(&row.toks[a..b])
        && (a == 0 || !matches!(row.toks[a - 1].class, Class::Lower | Class::Function))
}

fn cut_to_profile(row: &RowSpans<'_, '_>, profile: &[Column]) -> Option<Vec<String>> {
    let k = profile.len();
    let (_, c) = cut_row(k, row, usize::MAX, profile)?;
    let mut cells = Vec::with_capacity(k);
    for (j, col) in profile.iter().enumerate() {
        let kind = col.kind?;
        let f = row.fits(c[j], c[j + 1]);
        let cell = &row.toks[c[j]..c[j + 1]];
        let fits = f[cells::index(kind)].is_some()
            || (cells::is_text(kind)
                && cells::TYPES
                    .iter()
                    .any(|t| cells::is_text(*t) && f[cells::index(*t)].is_some()))
            || cells::stands_in(cell, kind)
            || word_stands_in(row, c[j], c[j + 1], kind);
        if !fits {
            return None;
        }
        cells.push(cell.iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
    }
    Some(cells)
}

/// The cells of a table's closing `row` under its columns: every cell of
/// its column's type (running words of any kind in a column of words) but
/// the last, which, in a column of figures, may hold
/// a capitalised phrase instead (a note or a link standing for the value).
fn closing_row(row: &RowSpans<'_, '_>, profile: &[Column]) -> Option<Vec<String>> {
    let k = profile.len();
    let (_, c) = cut_row(k, row, usize::MAX, profile)?;
    let last = profile[k - 1].kind?;
    if cells::is_text(last) {
        return None;
    }
    let note = &row.toks[c[k - 1]..c[k]];
    let phrase = row.fits(c[k - 1], c[k]);
    let capitalised_phrase = note.len() >= 2
        && note[0].capitalised
        && (phrase[cells::index(CellType::Sentence)].is_some()
            || phrase[cells::index(CellType::Name)].is_some());
    if !capitalised_phrase {
        return None;
    }
    let mut cells = Vec::with_capacity(k);
    for (j, col) in profile.iter().enumerate() {
        let cell = &row.toks[c[j]..c[j + 1]];
        if j + 1 < k {
            // Running words of any kind fit a column of words, as in
            // [`cut_to_profile`].
            let kind = col.kind?;
            let f = row.fits(c[j], c[j + 1]);
            let fits = f[cells::index(kind)].is_some()
                || (cells::is_text(kind)
                    && cells::TYPES
                        .iter()
                        .any(|t| cells::is_text(*t) && f[cells::index(*t)].is_some()));
            if !fits {
                return None;
            }
        }
        cells.push(cell.iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
    }
    Some(cells)
}

/// Every span's fits for one row, typed on demand.
struct RowSpans<'t, 'a> {
    toks: &'t [Token<'a>],
    /// The fits of tokens `a..b` at [`span_index`], typed when a cut
    /// first asks for it (one allocation per row): a row of
    /// `n` tokens has `n (n + 1) / 2` spans, but a two-column cut asks only
    /// for those that start or end the row, and most candidate rows are
    /// rejected after a few cuts.
    spans: Vec<OnceCell<Span>>,
    /// Whether the row holds a parenthesis: its spans then take the asides'
    /// checks.
    asides: bool,
    /// `joined[i]`: tokens `i` and `i + 1` are a pair the document's running
    /// text writes side by side (`text message`), so rarely two cells.
    joined: Vec<bool>,
    /// `known[i]`: token `i` is a word English always capitalises
    /// (looked up once, not at every cut tried).
    known: Vec<bool>,
    /// `qualifies[i]`: token `i` is one word qualifying the figure after it
    /// (`Approx.` + `1.5`), so no cut falls between them.
    qualifies: Vec<bool>,
    /// Words set aside before the row's first cell (its row number), which
    /// go back into that cell: they count in its length.
    lead: usize,
    /// The row's first cut into `k` cells from each [`Seed`], at
    /// [`seed_slot`]: a seed's profile holds nothing of the other rows, so
    /// the cut is the same in every table the row is tried in (a line is
    /// tried under several headers, and with several last rows).
    seeded: [OnceCell<Option<(f32, Cuts)>>; 2 * (MAX_COLUMNS + 1)],
}

impl<'t, 'a> RowSpans<'t, 'a> {
    fn new(toks: &'t [Token<'a>], casing: &Casing, numbered: bool) -> Self {
        let n = toks.len();
        // Most rows hold no parenthesis: their spans skip the asides' checks.
        let asides = toks.iter().any(|t| t.text.contains(['(', ')']));
        let spans = std::iter::repeat_with(OnceCell::new)
            .take(n * (n + 1) / 2)
            .collect();
        let keys: Vec<Option<u64>> = if casing.pairs.is_empty() {
            vec![None; n]
        } else {
            toks.iter().map(|t| word_key(t.text)).collect()
        };
        let joined = keys
            .windows(2)
            .map(|w| match (w[0], w[1]) {
                (Some(a), Some(b)) => casing.pairs.contains(&join_keys(a, b)),
                _ => false,
            })
            .collect();
        let known = toks
            .iter()
            .map(|t| is_proper_noun(t.text.trim_matches(|c: char| !c.is_alphanumeric())))
            .collect();
        let qualifies = (0..n)
            .map(|i| cells::qualifier_len(&toks[i..]) == 1)
            .collect();
        RowSpans {
            seeded: Default::default(),
            lead: usize::from(numbered),
            qualifies,
            toks,
            spans,
            asides,
            joined,
            known,
        }
    }
    fn fits(&self, a: usize, b: usize) -> &Fits {
        &self.span(a, b).fits
    }

    /// Tokens `a..b` as a cell, typed and read once however many cuts
    /// and profiles try them.
    fn span(&self, a: usize, b: usize) -> &Span {
        self.spans[span_index(self.toks.len(), a, b)].get_or_init(|| {
            let cell = &self.toks[a..b];
            let fits = if self.asides {
                cells::fits(cell)
            } else {
                cells::fits_flat(cell)
            };
            Span {
                fits,
                top: cells::best(&fits),
                may_cut: self.may_cut(a, b),
                core_len: cells::core_len(cell),
                marks: self.cut_marks(a, b),
            }
        })
    }

    /// Whether a cell may be tokens `a..b` at all, whatever its column.
    fn may_cut(&self, a: usize, b: usize) -> bool {
        let toks = self.toks;
        // A dash between two figures joins a range (`$785 – $1,047`), and a
        // comparison sign belongs to the figure after it (`< $10k`): neither
        // is a cell of its own there.
        let number_at = |i: usize| toks.get(i).is_some_and(|t| t.class == Class::Number);
        // Only a row's first cell, its label, may open on a lowercase
        // function word (`of which sugars`); further on, such a cell splits
        // a phrase.
        let first = toks[a];
        if a > 0 && first.class == Class::Function && !first.capitalised {
            return false;
        }
        if b - a == 1 {
            let t = toks[a].text;
            let joins = tokens::is_connector(t) && a > 0 && number_at(a - 1) && number_at(b);
            if joins || (cells::is_comparison(t) && number_at(b)) {
                return false;
            }
        }
        // A row number inside a row (`1. Sam Fuld` after the first team's
        // player) opens the cell of a second numbered list side by side: a
        // cell starts on it and holds more than it.
        let opens_numbered =
            |i: usize| toks.get(i + 1).is_some_and(|n| n.capitalised) && is_row_mark(toks[i].text);
        if (a + 1..b).any(opens_numbered) || (b - a == 1 && a > 0 && opens_numbered(a)) {
            return false;
        }
        // A word qualifying the figure after the cut (`Approx.` + `1.5
        // minutes`) belongs to the figure's cell.
        !(b < toks.len() && self.qualifies[b - 1])
    }

    /// What cutting a cell at `a..b` breaks apart, read off the tokens
    /// around the cuts (see [`CutMarks`]).
    fn cut_marks(&self, a: usize, b: usize) -> CutMarks {
        let toks = self.toks;
        let mut marks = CutMarks::empty();
        if a > 0
            && toks[a - 1].class == Class::Month
            && matches!(toks[a].class, Class::Year | Class::Number)
        {
            marks |= CutMarks::MONTH_BEFORE;
        }
        if b < toks.len() && toks[b].class == Class::Month && cells::is_day(&toks[b - 1]) {
            marks |= CutMarks::MONTH_AFTER;
        }
        if b - a == 1 && self.known[a] {
            marks |= CutMarks::KNOWN_NAME;
        }
        if b < toks.len()
            && toks[b - 1].class == Class::Number
            && !toks[b - 1].text.ends_with('%')
            && cells::is_unit_symbol(toks[b].text)
            && !toks
                .get(b + 1)
                .is_some_and(|t| t.class == Class::Cap && !t.acronym)
        {
            marks |= CutMarks::UNIT_SYMBOL;
        }
        if a > 0 && toks[a - 1].class == Class::Number && toks[a].class == Class::Lower {
            marks |= CutMarks::UNIT_WORD;
        }
        if b < toks.len() && self.joined[b - 1] {
            marks |= CutMarks::JOINED;
        }
        marks
    }
}

/// Tokens `a..b` of a row read as a cell, apart from any column.
struct Span {
    /// How well the cell fits each type.
    fits: Fits,
    /// Its best type and that type's score.
    top: Option<(CellType, f32)>,
    /// False where no cell may start or end (see [`RowSpans::may_cut`]).
    may_cut: bool,
    /// Its length without asides ([`cells::core_len`]).
    core_len: usize,
    /// What the cuts around it break apart.
    marks: CutMarks,
}

/// What a cell's cuts break apart, each costing the cut a part of its
/// score in [`cell_score`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CutMarks(u8);

impl CutMarks {
    /// A day or year is cut from the month before it.
    const MONTH_BEFORE: Self = Self(1);
    /// A month is cut from the day before it.
    const MONTH_AFTER: Self = Self(2);
    /// The cell is one word English always capitalises (a country).
    const KNOWN_NAME: Self = Self(4);
    /// A figure is cut from the unit symbol after it (`42` + `MW`).
    const UNIT_SYMBOL: Self = Self(8);
    /// The cell opens on a lowercase word after a figure, its unit.
    const UNIT_WORD: Self = Self(16);
    /// The cell ends between two words running text writes together.
    const JOINED: Self = Self(32);

    fn empty() -> Self {
        Self(0)
    }

    fn has(self, mark: Self) -> bool {
        self.0 & mark.0 != 0
    }
}

impl std::ops::BitOrAssign for CutMarks {
    fn bitor_assign(&mut self, other: Self) {
        self.0 |= other.0;
    }
}

/// Where the fits of tokens `a..b` of a row of `n` tokens are kept: the
/// spans starting at `a` follow those starting before it, of which there
/// are `n + (n - 1) + … + (n - a + 1)`, so no slot is left unused.
fn span_index(n: usize, a: usize, b: usize) -> usize {
    a * n - a * a.saturating_sub(1) / 2 + (b - a - 1)
}

/// Where a row's cut into `k` cells from `seed` is kept in
/// [`RowSpans::seeded`].
fn seed_slot(k: usize, seed: Seed) -> usize {
    k * 2 + usize::from(seed == Seed::KeyColumn)
}

/// Where the search for a column profile starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seed {
    /// From each row's best cut on its own.
    Free,
    /// From a first column of one-word names.
    KeyColumn,
}

/// One column's shape as read from the current cuts.
#[derive(Debug, Clone)]
struct Column {
    kind: Option<CellType>,
    /// Each row's cell length, then the header's when it was observed.
    lengths: Vec<usize>,
    /// `lengths`, sorted.
    sorted: Vec<usize>,
    /// The cells count the rows (`1`, `2`, `3`, ...): a rank or index,
    /// whose column name is one word (`Rank`, `No.`, `#`).
    ordinal: bool,
}

impl Column {
    fn new(kind: Option<CellType>, lengths: Vec<usize>) -> Self {
        let mut sorted = lengths.clone();
        sorted.sort_unstable();
        Column {
            kind,
            lengths,
            sorted,
            ordinal: false,
        }
    }
}

/// True when the cells of column `j` are one-token integers counting up by
/// one from row to row.
fn counts_rows(rows: &[&RowSpans<'_, '_>], cuts: &[Cuts], j: usize) -> bool {
    let mut previous: Option<u32> = None;
    for (row, c) in rows.iter().zip(cuts) {
        if c[j + 1] - c[j] != 1 {
            return false;
        }
        let Ok(n) = row.toks[c[j]]
            .text
            .trim_end_matches(['.', ')'])
            .parse::<u32>()
        else {
            return false;
        };
        if previous.is_some_and(|p| p + 1 != n) {
            return false;
        }
        previous = Some(n);
    }
    rows.len() >= 2
}

/// Cut positions of a row: `k + 1` token offsets from 0 to the row's length.
type Cuts = Vec<usize>;

/// How well each run of header tokens reads as a column name:
/// `[a][b - a - 1]` for tokens `a..b` (see [`cells::header_fit`]).
type HeaderFits = Vec<Vec<Option<f32>>>;

fn header_fits(header: &[Token<'_>]) -> HeaderFits {
    let n = header.len();
    // Without asides a run longer than a column name is none, so it is not
    // read at all: most header lines try none of their long runs.
    let asides = header.iter().any(|t| t.text.contains(['(', ')']));
    (0..n)
        .map(|a| {
            // Nor is a run opening on a word that opens no name.
            let opens = asides || !cells::opens_no_name(&header[a]);
            (a + 1..=n)
                .map(|b| {
                    if !opens || (!asides && b - a > cells::MAX_NAME_WORDS) {
                        None
                    } else {
                        cells::header_fit(&header[a..b])
                    }
                })
                .collect()
        })
        .collect()
}

/// The column counts the header can be cut into, every part a column name.
fn header_widths(hf: &HeaderFits) -> Vec<usize> {
    let n = hf.len();
    // reach[t]: the column counts that cover the first `t` tokens.
    let mut reach = vec![0u64; n + 1];
    reach[0] = 1;
    for a in 0..n {
        if reach[a] == 0 {
            continue;
        }
        for b in a + 1..=n {
            if hf[a][b - a - 1].is_some() {
                reach[b] |= reach[a] << 1;
            }
        }
    }
    (2..=MAX_COLUMNS.min(n))
        .filter(|k| reach[n] & (1 << k) != 0)
        .collect()
}

fn fit_table(
    header: &[Token<'_>],
    hf: &HeaderFits,
    widths: &[usize],
    rows: &[&RowSpans<'_, '_>],
    casing: &Casing,
) -> Option<Fitted> {
    let min_row = rows.iter().map(|r| r.toks.len()).min()?;
    let mut best: Option<Fitted> = None;
    for &k in widths.iter().filter(|&&k| k <= min_row) {
        // Two starting points: the rows' own best cuts, and the guess that
        // the first column holds one-word keys (a country, a surname). The
        // cuts settle under the column profile from either; the better
        // table wins.
        let free = fit_columns(k, header, hf, rows, casing, Seed::Free);
        // From one-word keys the cuts settle where the rows' own cuts did
        // when those already keep one word in the first column.
        let keys_already = free
            .as_ref()
            .is_some_and(|f| f.rows.iter().all(|r| !r[0].contains(' ')));
        let keyed = if keys_already {
            None
        } else {
            fit_columns(k, header, hf, rows, casing, Seed::KeyColumn)
        };

        for f in [free, keyed].into_iter().flatten() {
            if best.as_ref().is_none_or(|b| f.score > b.score) {
                best = Some(f);
            }
        }
    }
    best
}

fn fit_columns(
    k: usize,
    header: &[Token<'_>],
    hf: &HeaderFits,
    rows: &[&RowSpans<'_, '_>],
    casing: &Casing,
    seed: Seed,
) -> Option<Fitted> {
    let mut profile: Vec<Column> = vec![Column::new(None, Vec::new()); k];
    if seed == Seed::KeyColumn {
        profile[0] = Column::new(Some(CellType::Name), vec![1; rows.len() + 1]);
    }
    let mut cuts: Vec<Cuts> = Vec::with_capacity(rows.len());
    // The cuts made under the current profile, with their scores, once the
    // cuts have settled: the final reading needs them again.
    let mut settled: Option<Vec<(f32, Cuts)>> = None;
    for round in 0..PROFILE_ROUNDS {
        let mut scored = Vec::with_capacity(rows.len());
        for (r, row) in rows.iter().enumerate() {
            // The seed's profile reads the same for every row and any
            // number of rows (no lengths, or one-word keys throughout), so
            // the first cuts are the row's own, kept across tables.
            let cut = if round == 0 {
                row.seeded[seed_slot(k, seed)]
                    .get_or_init(|| cut_row(k, row, r, &profile))
                    .clone()
            } else {
                cut_row(k, row, r, &profile)
            };
            scored.push(cut?);
        }
        if scored.iter().map(|(_, c)| c).eq(cuts.iter()) {
            settled = Some(scored);
            break;
        }
        cuts = scored.into_iter().map(|(_, c)| c).collect();
        profile = read_profile(k, rows, &cuts);
        // Without a date, quantity or sentence column the cuts are no
        // table, and re-cutting rarely makes one: stop here.
        if !profile.iter().any(|c| {
            matches!(
                c.kind,
                Some(CellType::Date | CellType::Quantity | CellType::Sentence)
            )
        }) {
            return None;
        }
        // The header's cut counts as one more observation of a name
        // column's length: between two equally good cuts of a run of
        // capitalised words, the one matching the column names wins. Beside
        // a sentence or a number the boundary is no such run, and a column
        // name (`Method`) says nothing of its cells' length (`Foot Patrols`).
        if let Some((_, hc)) = cut_header(k, header, hf, &profile) {
            let names = |c: Option<&Column>| {
                c.is_some_and(|c| matches!(c.kind, Some(CellType::Name | CellType::Lower)))
            };
            let beside_names: Vec<bool> = (0..k)
                .map(|j| {
                    names(j.checked_sub(1).and_then(|p| profile.get(p)))
                        || names(profile.get(j + 1))
                })
                .collect();
            for (j, col) in profile.iter_mut().enumerate() {
                // A column name longer or shorter than every cell
                // (`Role in the Initiative`) is no observation of them.
                let h = hc[j + 1] - hc[j];
                let within = col.sorted.first().is_some_and(|&lo| lo <= h)
                    && col.sorted.last().is_some_and(|&hi| h <= hi);
                if beside_names[j]
                    && within
                    && matches!(col.kind, Some(CellType::Name | CellType::Lower))
                {
                    let ordinal = col.ordinal;
                    *col = Column::new(col.kind, {
                        let mut l = std::mem::take(&mut col.lengths);
                        l.push(hc[j + 1] - hc[j]);
                        l
                    });
                    col.ordinal = ordinal;
                }
            }
        }
    }
    // Every cell must fit its column's type.
    let mut score = 0.0;
    let mut slips = 0;
    // Cells of running words of another kind than their column's.
    let mut mixed = 0;
    // Columns whose every cell is of the column's own type: only those are
    // evidence that the lines are a table.
    let mut native = vec![true; k];
    // Lone lowercase words standing in a column of figures, per column.
    let mut word_stand_ins = vec![0usize; k];
    let mut final_cuts = Vec::with_capacity(rows.len());
    let mut settled = settled.map(Vec::into_iter);
    for (r, row) in rows.iter().enumerate() {
        let (s, c) = match settled.as_mut().and_then(Iterator::next) {
            Some(done) => done,
            None => cut_row(k, row, r, &profile)?,
        };
        score += s;
        final_cuts.push(c.clone());
        let mut slipped = false;
        for (j, col) in profile.iter().enumerate() {
            let kind = col.kind?;
            let (a, b) = (c[j], c[j + 1]);
            let f = row.fits(a, b);
            let cell = &row.toks[a..b];
            if f[cells::index(kind)].is_none() {
                let fits_text = cells::is_text(kind)
                    && cells::TYPES
                        .iter()
                        .any(|t| cells::is_text(*t) && f[cells::index(*t)].is_some());
                let stands_in = cells::stands_in(cell, kind);
                let word = !(fits_text || stands_in) && word_stands_in(row, a, b, kind);
                if !(fits_text || stands_in || word) {
                    return None;
                }
                mixed += usize::from(fits_text);
                word_stand_ins[j] += usize::from(word);
                native[j] = false;
            } else {
                slipped |= cells::is_slip(cell, kind);
            }
        }
        slips += usize::from(slipped);
    }
    let cuts = final_cuts;
    // A column of figures takes a few words in their place (`never`,
    // `session`); more, and it is no column of figures.
    if slips * 3 > rows.len()
        || mixed * 2 > rows.len()
        || word_stand_ins.iter().any(|&w| w * 3 > rows.len())
    {
        return None;
    }
    // Two rows of two columns are too little to tell a table from a
    // heading over two lines that happen to share a shape.
    if rows.len() < 3 && k < 3 {
        return None;
    }
    if !records_vary(rows, &cuts, k) || units_cut_off(rows, &cuts, k) {
        return None;
    }
    let kinds: Vec<CellType> = profile.iter().filter_map(|c| c.kind).collect();
    // Columns of marks only (`Yes`, `No`, `✅`, `—`) bound a sentence
    // column as figures do.
    let marks: Vec<bool> = (0..k)
        .map(|j| {
            rows.iter()
                .zip(&cuts)
                .all(|(r, c)| cells::is_placeholder(&r.toks[c[j]..c[j + 1]]))
        })
        .collect();
    if !plausible_columns(&kinds, &native, &marks) {
        return None;
    }
    let (header_score, header_cuts) = cut_header(k, header, hf, &profile)?;
    // A "header" whose typed cells have the columns' own types is a row of a
    // table without a header: not rebuilt, since inventing names is worse.
    let typed_header = profile.iter().enumerate().any(|(j, col)| {
        matches!(col.kind, Some(CellType::Date | CellType::Quantity))
            && cells::fits(&header[header_cuts[j]..header_cuts[j + 1]])
                [cells::index(col.kind.unwrap_or(CellType::Name))]
            .is_some()
    });
    // A label and its value (`MFR: 7343C002`) end the label on a colon;
    // column names end on one all together (`Nutrient:` `Amount:`) or not
    // at all.
    let colons = (0..k)
        .filter(|&j| header[header_cuts[j + 1] - 1].text.ends_with(':'))
        .count();
    if colons > 0 && colons < k {
        return None;
    }
    if typed_header || !name_boundaries_agree(&profile, rows, &cuts, &header_cuts) {
        return None;
    }
    score += header_score + key_column_bonus(rows, &cuts, &profile, casing);
    // A column of countries or nationalities is evidence of its own.
    for (j, col) in profile.iter().enumerate().skip(1) {
        if col.kind == Some(CellType::Name) && known_names(rows, &cuts, j) {
            score += KNOWN_NAMES_BONUS * rows.len() as f32;
        }
    }
    score -= CELL_COST * (k * (rows.len() + 1)) as f32;
    let join = |toks: &[Token<'_>]| toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    // Rows that repeat one another, or repeat the header's words in its
    // columns, are a list of teasers under a heading, not records.
    let same = |x: &RowSpans<'_, '_>, y: &[Token<'_>]| {
        x.toks.len() == y.len() && x.toks.iter().zip(y).all(|(p, q)| p.text == q.text)
    };
    if rows
        .iter()
        .enumerate()
        .any(|(i, r)| same(r, header) || rows[..i].iter().any(|q| same(r, q.toks)))
    {
        return None;
    }
    let echoes = (0..k).any(|j| {
        let name = &header[header_cuts[j]..header_cuts[j + 1]];
        let repeated = rows
            .iter()
            .zip(&cuts)
            .filter(|(r, c)| {
                let cell = &r.toks[c[j]..c[j + 1]];
                cell.len() == name.len() && cell.iter().zip(name).all(|(p, q)| p.text == q.text)
            })
            .count();
        repeated * 2 >= rows.len()
    });
    if echoes {
        return None;
    }
    let figures = profile
        .iter()
        .zip(&native)
        .filter(|(c, n)| **n && matches!(c.kind, Some(CellType::Date | CellType::Quantity)))
        .count();
    // Two rows are a table only beside two columns of dates or figures
    // (`2024 42 MW 30,000 homes`): two lines of a teaser or an address
    // share a shape by chance.
    if rows.len() < 3 && figures < 2 {
        return None;
    }
    // Beside running words only, a header is told from one more row by its
    // words: column names are capitalised (`Main Use`, `Role in the
    // Project`), where a line of a list goes on in lowercase (`HR
    // outsourcing and fractional HR support`).
    if figures == 0 && header.iter().any(lowercase_word) {
        return None;
    }
    let extendable = figures > 0;
    Some(Fitted {
        extendable,
        profile,
        score,
        header: (0..k)
            .map(|j| join(&header[header_cuts[j]..header_cuts[j + 1]]))
            .collect(),
        rows: rows
            .iter()
            .zip(&cuts)
            .map(|(row, c)| (0..k).map(|j| join(&row.toks[c[j]..c[j + 1]])).collect())
            .collect(),
    })
}

/// Column types that make a table rather than a list of short lines: at
/// least one date, quantity or sentence column whose every cell is of that
/// type (`native`), and a sentence column only last or before a date or
/// quantity column (two running-text columns side by side are prose, not a
/// table), or before a column of marks (`Yes`, `✅`).
fn plausible_columns(kinds: &[CellType], native: &[bool], marks: &[bool]) -> bool {
    let typed = kinds
        .iter()
        .zip(native)
        .any(|(k, n)| *n && matches!(k, CellType::Date | CellType::Quantity | CellType::Sentence));
    // A sentence column followed by a date or a figure (`Private passenger
    // auto` | `$260.7 bn`) is bounded by it; followed by more words, it is
    // running text.
    let sentence_runs_on = kinds.windows(2).zip(&marks[1..]).any(|(w, marked)| {
        w[0] == CellType::Sentence
            && !matches!(w[1], CellType::Date | CellType::Quantity)
            && !marked
    });
    typed && !sentence_runs_on
}

/// Where two name columns meet, only lengths place the boundary between
/// them; it is trusted only when the first column's name is as long as at
/// least one of its cells (a one-word `Ticker` over cells of two and three
/// words means the capitalised run was cut in the wrong place).
fn name_boundaries_agree(
    profile: &[Column],
    rows: &[&RowSpans<'_, '_>],
    cuts: &[Cuts],
    header_cuts: &Cuts,
) -> bool {
    (0..profile.len().saturating_sub(1)).all(|j| {
        let names = |c: &Column| c.kind == Some(CellType::Name);
        if !(names(&profile[j]) && names(&profile[j + 1])) {
            return true;
        }
        let h = header_cuts[j + 1] - header_cuts[j];
        cuts.iter().any(|c| c[j + 1] - c[j] == h)
            || known_names(rows, cuts, j + 1)
            || constant(rows, cuts, j)
            || constant(rows, cuts, j + 1)
    })
}

/// Records differ in more than one field, and a column of marks is a
/// column of values, not of bullets: lines that differ in one place only
/// (`2 Week California Road Trip`, `2 Week Alaska Road Trip`; `2.5 mm`,
/// `3.0 mm`) are a list of like items, and a first "column" of distinct
/// pictographs (`⏩`, `✅`, `🚚`) is the list's bullets.
fn records_vary(rows: &[&RowSpans<'_, '_>], cuts: &[Cuts], k: usize) -> bool {
    if rows.len() < 3 {
        return true;
    }
    let varying = (0..k).filter(|&j| !constant(rows, cuts, j)).count();
    let bullets = (0..k).any(|j| {
        let marks: Vec<&str> = rows
            .iter()
            .zip(cuts)
            .filter(|(_, c)| c[j + 1] - c[j] == 1)
            .map(|(r, c)| r.toks[c[j]].text)
            .filter(|t| !t.chars().any(char::is_alphanumeric))
            .collect();
        marks.len() == rows.len()
            && marks
                .iter()
                .enumerate()
                .all(|(i, m)| !marks[..i].contains(m))
    });
    varying >= 2 && !bullets
}

/// True when some boundary falls, in every row, between a figure and the
/// lowercase word after it (`0 to 19` + `degrees`, `2.5` + `mm`): the
/// figure's unit was cut off, so the cuts are not those of a table.
fn units_cut_off(rows: &[&RowSpans<'_, '_>], cuts: &[Cuts], k: usize) -> bool {
    (1..k).any(|j| {
        rows.iter().zip(cuts).all(|(r, c)| {
            let at = c[j];
            r.toks[at - 1].class == Class::Number && r.toks[at].class == Class::Lower
        })
    })
}

/// True when column `j` holds one text in every row (`Get a quote`): such a
/// column places the boundaries on both of its sides.
fn constant(rows: &[&RowSpans<'_, '_>], cuts: &[Cuts], j: usize) -> bool {
    let cell = |r: usize| {
        let c = &cuts[r];
        rows[r].toks[c[j]..c[j + 1]].iter().map(|t| t.text)
    };
    rows.len() >= 3 && (1..rows.len()).all(|r| cell(r).eq(cell(0)))
}

/// True when every cell of column `j` is one word English always
/// capitalises (a country, a nationality): such a column is its own,
/// whatever the lengths around it.
fn known_names(rows: &[&RowSpans<'_, '_>], cuts: &[Cuts], j: usize) -> bool {
    rows.iter().zip(cuts).all(|(row, c)| {
        c[j + 1] - c[j] == 1
            && is_proper_noun(
                row.toks[c[j]]
                    .text
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
    })
}

/// The dominant type and the lengths of each column under `cuts`.
fn read_profile(k: usize, rows: &[&RowSpans<'_, '_>], cuts: &[Cuts]) -> Vec<Column> {
    (0..k)
        .map(|j| {
            let mut votes = [0usize; 6];
            // Placeholders (`Unlimited`, `—`) vote apart: they stand in
            // for a value of the column's type, so they decide it only
            // when nothing else does.
            let mut stand_in_votes = [0usize; 6];
            let mut lengths = Vec::with_capacity(rows.len());
            for (row, c) in rows.iter().zip(cuts) {
                let (a, b) = (c[j], c[j + 1]);
                lengths.push(cells::core_len(&row.toks[a..b]) + if j == 0 { row.lead } else { 0 });
                let to = if cells::is_placeholder(&row.toks[a..b]) {
                    &mut stand_in_votes
                } else {
                    &mut votes
                };
                // A cell votes for every type it fits, so a column of names
                // with one lowercase slip still reads as names.
                for (t, f) in row.fits(a, b).iter().enumerate() {
                    if f.is_some() {
                        to[t] += 1;
                    }
                }
            }
            if votes.iter().all(|v| *v == 0) {
                votes = stand_in_votes;
            }
            // Most votes wins; ties go to the more specific type.
            let order = cells::TYPES;
            let top = votes.iter().copied().max().unwrap_or(0);
            let kind = order
                .iter()
                .copied()
                .find(|t| top > 0 && votes[cells::index(*t)] == top);
            let mut col = Column::new(kind, lengths);
            col.ordinal = counts_rows(rows, cuts, j);
            col
        })
        .collect()
}

/// Best cut of row `r` into `k` cells under `profile`, with its score.
fn cut_row(k: usize, row: &RowSpans<'_, '_>, r: usize, profile: &[Column]) -> Option<(f32, Cuts)> {
    let n = row.toks.len();
    if n < k {
        return None;
    }
    const NONE: f32 = f32::NEG_INFINITY;
    // best[j][t]: best score of `j` cells covering the first `t` tokens.
    let mut best = vec![vec![NONE; n + 1]; k + 1];
    let mut back = vec![vec![0usize; n + 1]; k + 1];
    best[0][0] = 0.0;
    for j in 0..k {
        for a in j..n {
            if best[j][a] == NONE {
                continue;
            }
            // Leave at least one token for each later cell.
            let last_b = n - (k - j - 1);
            let (lo, hi) = if j + 1 == k { (n, n) } else { (a + 1, last_b) };
            for b in lo..=hi {
                let Some(s) = cell_score(row, r, j, a, b, profile) else {
                    continue;
                };
                let v = best[j][a] + s;
                if v > best[j + 1][b] {
                    best[j + 1][b] = v;
                    back[j + 1][b] = a;
                }
            }
        }
    }
    trace_cuts(&best, &back, k, n)
}

fn cell_score(
    row: &RowSpans<'_, '_>,
    r: usize,
    j: usize,
    a: usize,
    b: usize,
    profile: &[Column],
) -> Option<f32> {
    let span = row.span(a, b);
    if !span.may_cut {
        return None;
    }
    let f = &span.fits;
    let (top_kind, top) = span.top?;
    let col = &profile[j];
    let mut s = match col.kind {
        Some(kind) => match f[cells::index(kind)] {
            Some(s) => s,
            // A value standing in for a figure (`Free`, `—`) fits any
            // figure column; running words of another kind fit a column of
            // running words at a smaller cost than a figure would.
            None if cells::stands_in(&row.toks[a..b], kind) => 1.0,
            None if word_stands_in(row, a, b, kind) => 0.5,
            None if cells::is_text(kind) && cells::is_text(top_kind) => top - TEXT_MISMATCH,
            None => top - TYPE_MISMATCH,
        },
        None => top,
    };
    // Short cells of one column have like lengths: measured against the
    // other rows, strongly when those all agree.
    let short = matches!(
        col.kind,
        Some(CellType::Name | CellType::Lower | CellType::Date | CellType::Quantity)
    );
    if short && let Some((median, agree)) = others_median(&col.sorted, col.lengths.get(r).copied())
    {
        let w = if agree { 1.5 } else { 0.5 };
        let lead = if j == 0 { row.lead } else { 0 };
        let len = (span.core_len + lead).max(1);
        s -= w * (len as f32 / median as f32).ln().abs();
    }
    let marks = span.marks;
    // A month is not cut from its day or year, before or after it.
    if marks.has(CutMarks::MONTH_BEFORE) {
        s -= 3.0;
    }
    if marks.has(CutMarks::MONTH_AFTER) {
        s -= 3.0;
    }
    // A country or nationality standing alone is a cell of its own.
    if marks.has(CutMarks::KNOWN_NAME) && matches!(col.kind, None | Some(CellType::Name)) {
        s += KNOWN_NAME_CELL;
    }
    // Nor is a number cut from the unit symbol after it (`42 MW`), unless
    // the capitals open a name (`5` + `CVS Health`).
    if marks.has(CutMarks::UNIT_SYMBOL) {
        s -= 3.0;
    }
    // A lowercase word after a figure is its unit (`3` + `hours and 50
    // minutes`): a cell rarely starts there.
    if marks.has(CutMarks::UNIT_WORD) {
        s -= UNIT_CUT;
    }
    // Words the running text writes together belong to one cell.
    if marks.has(CutMarks::JOINED) {
        s -= JOINED_CUT;
    }
    Some(s)
}

/// The (upper) median of `sorted` without one occurrence of `own`, and
/// whether the remaining lengths all agree; `None` when nothing remains.
fn others_median(sorted: &[usize], own: Option<usize>) -> Option<(usize, bool)> {
    let skip = own.and_then(|l| sorted.iter().position(|x| *x == l));
    let len = sorted.len() - usize::from(skip.is_some());
    if len == 0 {
        return None;
    }
    let at = |i: usize| match skip {
        Some(p) if i >= p => sorted[i + 1],
        _ => sorted[i],
    };
    Some((at(len / 2).max(1), at(0) == at(len - 1)))
}

/// Best cut of the header into `k` column names agreeing with the columns.
///
/// Every cut of the header is weighed (a header has at most
/// `MAX_HEADER_TOKENS` words and six columns, so there are at most a few
/// thousand): besides each name's own fit, columns of one type whose names
/// share their last word (`Undergrad Tuition`, `Graduate Tuition`) agree.
fn cut_header(
    k: usize,
    header: &[Token<'_>],
    hf: &HeaderFits,
    profile: &[Column],
) -> Option<(f32, Cuts)> {
    let n = header.len();
    if n < k {
        return None;
    }
    // scores[j][a][b - a - 1]: tokens `a..b` as the name of column `j`.
    let mut scores: Vec<Vec<Vec<Option<f32>>>> = vec![vec![Vec::new(); n]; k];
    for (j, per_start) in scores.iter_mut().enumerate() {
        for (a, per_end) in per_start.iter_mut().enumerate() {
            *per_end = (a + 1..=n)
                .map(|b| header_cell_score(header, hf, j, a, b, profile))
                .collect();
        }
    }
    let mut search = HeaderSearch {
        header,
        profile,
        scores: &scores,
        cuts: vec![0; k + 1],
        best: None,
    };
    search.cut(0, 0.0);
    search.best
}

/// The exhaustive search of [`cut_header`].
struct HeaderSearch<'s, 't, 'a> {
    header: &'t [Token<'a>],
    profile: &'s [Column],
    scores: &'s [Vec<Vec<Option<f32>>>],
    cuts: Cuts,
    best: Option<(f32, Cuts)>,
}

impl HeaderSearch<'_, '_, '_> {
    /// Places the name of column `j` from `cuts[j]` on, `sum` scored so far.
    fn cut(&mut self, j: usize, sum: f32) {
        let k = self.profile.len();
        let n = self.header.len();
        let a = self.cuts[j];
        if j == k {
            if a == n {
                let total = sum + self.parallel_names();

                if self.best.as_ref().is_none_or(|(b, _)| total > *b) {
                    self.best = Some((total, self.cuts.clone()));
                }
            }
            return;
        }
        // Leave a word for each later column; the last takes the rest.
        let ends = if j + 1 == k {
            n..=n
        } else {
            a + 1..=n - (k - j - 1)
        };
        for b in ends {
            let Some(s) = self.scores[j][a][b - a - 1] else {
                continue;
            };
            self.cuts[j + 1] = b;
            self.cut(j + 1, sum + s);
        }
    }

    /// Bonus for pairs of columns of one type whose names end on one word.
    fn parallel_names(&self) -> f32 {
        let k = self.profile.len();
        let last = |j: usize| {
            let (a, b) = (self.cuts[j], self.cuts[j + 1]);
            (b - a >= 2).then(|| self.header[b - 1].text)
        };
        let mut bonus = 0.0;
        for j in 0..k {
            for m in j + 1..k {
                if self.profile[j].kind.is_some()
                    && self.profile[j].kind == self.profile[m].kind
                    && let (Some(x), Some(y)) = (last(j), last(m))
                    && x.eq_ignore_ascii_case(y)
                {
                    bonus += PARALLEL_NAMES;
                }
            }
        }
        bonus
    }
}

/// Score of header tokens `a..b` as the name of column `j`, or `None`.
fn header_cell_score(
    header: &[Token<'_>],
    hf: &HeaderFits,
    j: usize,
    a: usize,
    b: usize,
    profile: &[Column],
) -> Option<f32> {
    let n = header.len();
    let mut s = hf[a][b - a - 1]?;
    // A column name ends on its head noun: `Start Date`, not
    // `Start` + `Date`; and a date column is the one named a date.
    if b < n && cells::is_attributive(header[b - 1].text) {
        s -= ATTRIBUTIVE_END;
    }
    if a > 0 && cells::is_postpositive(header[a - 1].text, header[a].text) {
        s -= ATTRIBUTIVE_END;
    }
    // A participle after a singular noun qualifies the next
    // noun instead: `Challenge` + `Proposed Solution`.
    if b < n
        && b - a >= 2
        && cells::is_participle(header[b - 1].text)
        && !cells::is_postpositive(header[b - 2].text, header[b - 1].text)
    {
        s -= ATTRIBUTIVE_END;
    }
    // ... and starts on the word qualifying it: `Share Average
    // Rent` holds the end of the column before. A chain of qualifiers
    // (`Median Annual Salary`) is one name.
    if b - a >= 3
        && (a + 1..b - 1).any(|i| {
            cells::is_attributive(header[i].text) && !cells::is_attributive(header[i - 1].text)
        })
    {
        s -= ATTRIBUTIVE_END / 2.0;
    }
    // A closing head noun opening a longer name (`Type Cost`) ends the
    // name before it instead (`Fee Type` + `Cost`); `Number of Seats` is
    // read on through its function word.
    if a > 0
        && b - a >= 2
        && cells::is_closing_head(header[a].text)
        && header[a + 1].class != Class::Function
    {
        s -= ATTRIBUTIVE_END;
    }
    // A plural noun qualifies no noun after it (`Cities` + `Score`): it
    // ends the name before, a name of figures opening on it (`Large` +
    // `Cities Score`) is cut a word late. `Sales Tax` and `Savings Rate`
    // read on.
    if a > 0
        && b - a >= 2
        && cells::is_plural_noun(header[a].text)
        && !cells::is_any_participle(header[a + 1].text)
    {
        s -= PLURAL_OPENS;
    }
    // A sign standing alone after a word is that word's unit (`Change %`,
    // `NY %`), not a column of its own.
    if a > 0
        && b - a == 1
        && header[a].class == Class::Symbol
        && !cells::is_pictograph(header[a].text)
    {
        s -= 2.0 * ATTRIBUTIVE_END;
    }
    // A plural noun heads the name it ends (`LinkedIn Jobs`, `NY Movers`):
    // it stands alone only when the word before cannot qualify it.
    if a > 0
        && b - a == 1
        && cells::is_plural_noun(header[a].text)
        && header[a - 1].class == Class::Cap
        && !cells::is_plural_noun(header[a - 1].text)
        && !cells::is_closing_head(header[a - 1].text)
        && !cells::is_any_participle(header[a - 1].text)
    {
        s -= PLURAL_OPENS;
    }
    let names_date = cells::names_a_date(header[b - 1].text);
    match profile[j].kind {
        Some(CellType::Date) if names_date => s += 0.3,
        Some(_) if names_date => s -= 0.3,
        _ => {}
    }
    let len = cells::core_len(&header[a..b]).max(1) as f32;
    let col = &profile[j];
    match col.kind {
        Some(CellType::Name | CellType::Lower) => {
            // The median, not the mean: a few long names (`SAP Certified
            // Application Associate`) among short ones (`CAPM`) say little
            // of the column name's length.
            let n = col.sorted.len();
            let median = if n == 0 {
                1.0
            } else {
                (col.sorted[(n - 1) / 2] + col.sorted[n / 2]) as f32 / 2.0
            };
            s -= HEADER_LENGTH_WEIGHT * (len / median.max(1.0)).ln().abs();
        }
        Some(CellType::Sentence) if len > 2.0 => s -= 0.5,
        _ => {}
    }
    // A rank or index column is named in one word.
    if profile[j].ordinal && b - a > 1 {
        s -= ATTRIBUTIVE_END;
    }
    // A closing head noun standing alone over words, after a word that is
    // none, closes that word's name (`Fee Type`), not a column of its own;
    // over figures (`Garden Plot` + `Size`) or after one (`Name Type Size`)
    // it stands alone.
    if a > 0
        && b - a == 1
        && profile[j].kind.is_some_and(cells::is_text)
        && cells::is_closing_head(header[a].text)
        && header[a - 1].class == Class::Cap
        && !cells::is_closing_head(header[a - 1].text)
    {
        s -= ATTRIBUTIVE_END;
    }
    // A participle standing alone after a noun qualifies that noun
    // (`Education Required`), so it ends the name before it.
    if a > 0 && b - a == 1 && cells::is_participle(header[a].text) {
        s -= ATTRIBUTIVE_END;
    }
    // A participle inside a name qualifies the word after it, so it starts
    // the name: `Service` + `Suggested Tip Amount`.
    if b - a >= 3
        && header[a + 1..b - 1].iter().enumerate().any(|(i, t)| {
            cells::is_participle(t.text) && !cells::is_postpositive(header[a + i].text, t.text)
        })
    {
        s -= ATTRIBUTIVE_END;
    }
    Some(s)
}

/// Evidence that the first column holds single proper names (countries,
/// people, places): every cell one word, none of them seen in lowercase in
/// the document, and some of them acronyms or seen capitalised mid-sentence.
/// Such a column is its own column even where the next one is title case.
fn key_column_bonus(
    rows: &[&RowSpans<'_, '_>],
    cuts: &[Cuts],
    profile: &[Column],
    casing: &Casing,
) -> f32 {
    if profile.len() < 3 || profile[0].kind != Some(CellType::Name) {
        return 0.0;
    }
    let mut proper = 0;
    for (row, c) in rows.iter().zip(cuts) {
        if c[1] != 1 {
            return 0.0;
        }
        let t = row.toks[0];
        // A key the row names again (`SAP CRM SAP`: a product, then its
        // maker) opens a longer first cell.
        if row.toks[1..].iter().any(|x| x.text == t.text) {
            return 0.0;
        }
        let word = lowercase_name_key(t.text.trim_matches(|c: char| !c.is_alphanumeric()));
        if casing.lower.contains(&word) {
            return 0.0;
        }
        if t.acronym || casing.proper.contains(&word) {
            proper += 1;
        }
    }
    if proper * 2 >= rows.len() {
        0.8 * rows.len() as f32
    } else {
        0.0
    }
}

/// Follows the back pointers of a cutting table (`best[j][t]`: best score
/// of `j` cells over the first `t` tokens; `back[j][t]`: where the `j`-th
/// cell starts) from `k` cells over all `n` tokens to the cuts, with the
/// score; `None` when no cut was possible.
fn trace_cuts(best: &[Vec<f32>], back: &[Vec<usize>], k: usize, n: usize) -> Option<(f32, Cuts)> {
    if best[k][n] == f32::NEG_INFINITY {
        return None;
    }
    let mut cuts = vec![0; k + 1];
    cuts[k] = n;
    let mut t = n;
    for j in (1..=k).rev() {
        t = back[j][t];
        cuts[j - 1] = t;
    }
    Some((best[k][n], cuts))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The shape read off a line is what the line's tokens say: a
        /// capitalised first token, a last one ending no sentence and no
        /// clause but on a colon.
        #[test]
        fn a_header_shape_is_what_its_tokens_say(
            line in "[ \t]{0,2}[A-Za-z(\"'“.,;:!?]{1,4}[a-z]{0,3}( [A-Za-z0-9.,;:!?()\"']{1,5}){1,4}[ ]?",
        ) {
            let toks = tokenize(&line);
            let by_tokens = toks.first().is_some_and(|t| t.capitalised)
                && toks.last().is_some_and(|t| {
                    (!t.open_end || t.text.ends_with(':')) && !t.full_stop
                });
            if by_tokens {
                proptest::prop_assert!(header_shape(&line), "{}", line);
            }
            proptest::prop_assert_eq!(header_shape(&line), by_tokens, "{}", line);
        }
    }

    #[test]
    fn header_shapes() {
        assert!(header_shape("(Net) Price Rate:"));
        assert!(header_shape("\"Name\" Role"));
        assert!(!header_shape("name Role"));
        assert!(!header_shape("Name Role."));
        assert!(!header_shape("Name Role,"));
        assert!(!header_shape(".. ..."));
    }

    fn table(text: &str) -> Option<(Vec<String>, Vec<Vec<String>>)> {
        let lines: Vec<&str> = text.lines().collect();
        let casing = Casing::default();
        find(&lines, &|| &casing).map(|f| (f.header, f.rows))
    }

    #[test]
    fn every_span_has_a_slot_of_its_own() {
        for n in 1..12 {
            let slots: Vec<usize> = (0..n)
                .flat_map(|a| (a + 1..=n).map(move |b| span_index(n, a, b)))
                .collect();
            assert_eq!(slots, (0..n * (n + 1) / 2).collect::<Vec<_>>(), "{n}");
        }
    }

    #[test]
    fn dates_names_and_quantities() {
        let (h, rows) = table(
            "Survey date Harbour Boats Seen Catch Landed\nMarch 2022 Whitby 14 boats 3 tonnes\nApril 2022 Scarborough 9 boats 2 tonnes",
        )
        .unwrap();
        assert_eq!(h, ["Survey date", "Harbour", "Boats Seen", "Catch Landed"]);
        assert_eq!(
            rows[1],
            ["April 2022", "Scarborough", "9 boats", "2 tonnes"]
        );
    }

    #[test]
    fn names_then_sentences() {
        let (h, rows) = table(
            "Tool Name Main Use\nRain Gauge Measures how much rain fell in a day.\nWind Direction Vane Shows which way the wind blows.\nBarometer Tracks air pressure before storms.",
        )
        .unwrap();
        assert_eq!(h, ["Tool Name", "Main Use"]);
        assert_eq!(
            rows[0],
            ["Rain Gauge", "Measures how much rain fell in a day."]
        );
        assert_eq!(rows[2], ["Barometer", "Tracks air pressure before storms."]);
    }

    #[test]
    fn day_month_year_dates_and_head_nouns() {
        let (h, rows) = table(
            "Stage Start Date Host Town\nStage One 4 May 2024 Ghent\nStage Two 18 May 2024 Bruges\nStage Three 1 June 2024 Ypres",
        )
        .unwrap();
        assert_eq!(h, ["Stage", "Start Date", "Host Town"]);
        assert_eq!(rows[0], ["Stage One", "4 May 2024", "Ghent"]);
    }

    #[test]
    fn a_column_of_countries_stands_alone() {
        let (h, rows) = table(
            "Partner Country Role\nRiver Trust Belgium Water sampling along the canals.\nHill College Austria Soil tests on slopes.\nCoast Lab Portugal mapping of dunes over time.",
        )
        .unwrap();
        assert_eq!(h, ["Partner", "Country", "Role"]);
        assert_eq!(
            rows[2],
            ["Coast Lab", "Portugal", "mapping of dunes over time."]
        );
    }

    #[test]
    fn prose_right_after_the_rows_is_not_a_row() {
        let text = "Port Country Ships Checked Fines Issued\nLeith Scotland 140 ships €0.2 million\nCobh Ireland 95 ships €0.1 million\nBrest France 120 ships €0.3 million\nInspectors said most problems were missing papers rather than safety faults, and that fines stayed low.";
        let lines: Vec<&str> = text.lines().collect();
        let casing = Casing::default();
        let f = find(&lines, &|| &casing).unwrap();
        assert_eq!(f.end, 4);
        assert_eq!(
            f.header,
            ["Port", "Country", "Ships Checked", "Fines Issued"]
        );
        assert_eq!(f.rows[2], ["Brest", "France", "120 ships", "€0.3 million"]);
    }

    #[test]
    fn lowercased_countries_in_a_key_column() {
        let (h, rows) = table(
            "Country Role in the Project Current Work\nghana Regional Lead Training for nurses in rural clinics\nPeru Technical Partner water testing in mountain villages\nnepal Research Hub Joint studies on glacier melt",
        )
        .unwrap();
        assert_eq!(h, ["Country", "Role in the Project", "Current Work"]);
        assert_eq!(
            rows[1],
            [
                "Peru",
                "Technical Partner",
                "water testing in mountain villages"
            ]
        );
        assert_eq!(rows[2][0], "nepal");
    }

    #[test]
    fn words_written_together_stay_together() {
        let text = "Tool Purpose\nRain Gauge Measures the rain of a day.\nWind Vane shows where the wind blows.\nSun Dial Tells the time by shadow.";
        let lines: Vec<&str> = text.lines().collect();
        let mut casing = Casing::default();
        casing.learn("We mounted a wind vane on the roof.");
        let f = find(&lines, &|| &casing).unwrap();
        assert_eq!(f.rows[1], ["Wind Vane", "shows where the wind blows."]);
    }

    #[test]
    fn numbered_lists_side_by_side() {
        let (h, rows) = table(
            "North Rovers Harbour Owls\n1. Ada Quill (L) GK 1. Ben Moss (R) GK\n2. Cy Dorn (R) CB 2. Di Fenn (L) LB\n3. Ed Marsh (L) ST 3. Flo Gant (R) CM",
        )
        .unwrap();
        assert_eq!(h, ["North Rovers", "Harbour Owls"]);
        assert_eq!(rows[1], ["2. Cy Dorn (R) CB", "2. Di Fenn (L) LB"]);
        // A numbered list that names its own number once more is one list.
        assert_eq!(
            table(
                "Reading Order\n1. Part 1. Early Years\n2. Part 2. Middle Years\n3. Part 3. Late Years"
            ),
            None
        );
    }

    #[test]
    fn a_note_may_close_a_column_of_figures() {
        let (h, rows) = table(
            "Charge Type Amount\nParking fee $5 per day\nLocker rental $20\nLate return charge $15 per item\nKey replacement fee $40\nOther Charges See the full price list",
        )
        .unwrap();
        assert_eq!(h, ["Charge Type", "Amount"]);
        assert_eq!(rows[0], ["Parking fee", "$5 per day"]);
        assert_eq!(rows[4], ["Other Charges", "See the full price list"]);
        // Prose after the rows is no closing row.
        let (_, rows) = table(
            "Charge Type Amount\nParking fee $5 per day\nLocker rental $20\nLate return charge $15 per item\nKey replacement fee $40\nPrices include tax and are paid at the desk.",
        )
        .unwrap();
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn prose_and_headlines_are_not_tables() {
        assert_eq!(
            table(
                "The river rose at dawn.\nNobody in the town had seen it coming.\nBy noon the bridge was closed."
            ),
            None
        );
        assert_eq!(
            table(
                "Storm Hits Coast Towns\nMarkets Rally After Rate Cut\nLocal Team Wins Cup Final"
            ),
            None
        );
    }

    #[test]
    fn a_line_no_row_may_be_leaves_every_run_holding_it_unfitted() {
        // Lines of every kind a row test looks at: figures, dates, lowercase
        // words, capitals, shouting, a repeat of the header.
        let lines = [
            "Plan Price Seats",
            "Basic plan 12 dollars",
            "Team Plan Ten Seats",
            "BIG SALE NOW ON TODAY",
            "BIG SALE 2024 NOW ON",
            "Spring March 2024 opens",
            "Open on Monday mornings",
            "only on weekdays",
            "Gold Tier Unlimited",
            "Silver (annual) 40",
        ];
        let toks: Vec<Vec<Token<'_>>> = lines.iter().map(|l| tokenize(l)).collect();
        for header in &toks {
            for (i, row) in toks.iter().enumerate() {
                if may_be_row(header, row) {
                    continue;
                }
                for x in &toks {
                    for y in &toks {
                        for run in [
                            vec![row.as_slice(), x.as_slice()],
                            vec![x.as_slice(), row.as_slice()],
                            vec![row.as_slice(), x.as_slice(), y.as_slice()],
                            vec![x.as_slice(), y.as_slice(), row.as_slice()],
                        ] {
                            assert!(!worth_fitting(header, &run), "row {i}: {}", lines[i]);
                        }
                    }
                }
            }
        }
    }
}
