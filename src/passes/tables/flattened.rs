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

use std::collections::HashSet;

use super::Found;
use super::cells::{self, CellType, Fits};
use super::tokens::{Class, Token, tokenize};
use crate::lexicon::proper_nouns::is_proper_noun;

/// Most columns searched for.
const MAX_COLUMNS: usize = 6;
/// Longest header line, in tokens.
const MAX_HEADER_TOKENS: usize = 14;
/// Longest row, in tokens: longer lines are prose, and the search stays bounded.
const MAX_ROW_TOKENS: usize = 40;
/// Most rows a table is searched with.
const MAX_TABLE_ROWS: usize = 40;
/// Most (header, last row) pairs tried in one candidate: keeps a long run of
/// short lines from costing more than a handful of real tables.
const MAX_TRIALS: usize = 48;
/// Rounds of re-cutting rows under the column profile.
const PROFILE_ROUNDS: usize = 4;
/// Score a cell loses when it does not fit its column's type.
const TYPE_MISMATCH: f32 = 2.5;
/// Score a cut loses between two words the running text writes together.
const JOINED_CUT: f32 = 1.0;
/// Score a column name loses for ending on a word that qualifies the next
/// (`Start` + `Date`).
const ATTRIBUTIVE_END: f32 = 1.0;
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
    /// Words seen in lowercase in running text (lowercased).
    pub lower: HashSet<String>,
    /// Words seen capitalised in the middle of a sentence (lowercased).
    pub proper: HashSet<String>,
    /// Pairs of words running text writes side by side (see [`pair_key`]).
    pub pairs: HashSet<u64>,
}

/// A key for two adjacent words, blind to case and to a plural `s`
/// (`text message` and `Text Messages` share it); `None` for short words
/// and anything but letters.
pub fn pair_key(first: &str, second: &str) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = crate::text::WordHasher::default();
    for w in [first, second] {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w.strip_suffix(['s', 'S']).unwrap_or(w);
        if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
            return None;
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            c.hash(&mut h);
        }
        0xffu8.hash(&mut h);
    }
    Some(h.finish())
}

impl Casing {
    /// Learns from running text (not the candidate lines themselves).
    pub fn learn(&mut self, text: &str) {
        let mut sentence_start = true;
        let mut previous: Option<&str> = None;
        for raw in text.split_whitespace() {
            // Words parted by punctuation are not written together.
            if let Some(p) = previous.filter(|p| p.ends_with(char::is_alphabetic))
                && let Some(key) = pair_key(p, raw)
            {
                self.pairs.insert(key);
            }
            previous = Some(raw);
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(first) = word.chars().next() {
                if first.is_lowercase() {
                    self.lower.insert(word.to_string());
                } else if first.is_uppercase() && !sentence_start {
                    self.proper.insert(word.to_lowercase());
                }
            }
            sentence_start = raw.ends_with(['.', '!', '?', ':']);
        }
    }
}

/// Finds the first table among `lines` (a header and two or more rows), or
/// `None` when no run of lines is a table with strong evidence.
pub fn find(lines: &[&str], casing: &Casing) -> Option<Found> {
    let toks: Vec<Vec<Token<'_>>> = lines.iter().map(|l| tokenize(l)).collect();
    // Each line's spans are typed once, whichever table they are tried in.
    let spans: Vec<Option<RowSpans<'_, '_>>> = toks
        .iter()
        .map(|t| {
            (2..=MAX_ROW_TOKENS)
                .contains(&t.len())
                .then(|| RowSpans::new(t, casing))
        })
        .collect();
    let n = toks.len();
    let mut budget = MAX_TRIALS;
    for h in 0..n.saturating_sub(2) {
        if !header_candidate(&toks[h]) {
            continue;
        }
        let mut rows_after = spans[h + 1..]
            .iter()
            .take(MAX_TABLE_ROWS)
            .take_while(|r| r.is_some())
            .count();
        // A line far longer than every row before it is the prose that
        // follows the table, not one more row.
        if let Some(k) = (2..rows_after).find(|&k| {
            let longest = toks[h + 1..h + 1 + k]
                .iter()
                .map(Vec::len)
                .max()
                .unwrap_or(0);
            toks[h + 1 + k].len() > 2 * longest
        }) {
            rows_after = k;
        }
        let max_end = h + 1 + rows_after;
        // The longest run of rows first; a few trailing lines may be prose.
        let min_end = (h + 3).max(max_end.saturating_sub(3));
        for end in (min_end..=max_end).rev() {
            if budget == 0 {
                return None;
            }
            budget -= 1;
            let rows: Vec<&RowSpans<'_, '_>> = spans[h + 1..end].iter().flatten().collect();
            if let Some(t) = fit_table(&toks[h], &rows, casing) {
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

fn header_candidate(line: &[Token<'_>]) -> bool {
    (2..=MAX_HEADER_TOKENS).contains(&line.len())
        && line[0].capitalised
        && !line[line.len() - 1].open_end
        && !line[line.len() - 1].full_stop
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
}

/// Every span's fits for one row: `spans[a][len - 1]` for tokens `a..a+len`.
struct RowSpans<'t, 'a> {
    toks: &'t [Token<'a>],
    spans: Vec<Vec<Fits>>,
    /// `joined[i]`: tokens `i` and `i + 1` are a pair the document's running
    /// text writes side by side (`text message`), so rarely two cells.
    joined: Vec<bool>,
}

impl<'t, 'a> RowSpans<'t, 'a> {
    fn new(toks: &'t [Token<'a>], casing: &Casing) -> Self {
        let n = toks.len();
        let spans = (0..n)
            .map(|a| (a + 1..=n).map(|b| cells::fits(&toks[a..b])).collect())
            .collect();
        let joined = toks
            .windows(2)
            .map(|w| pair_key(w[0].text, w[1].text).is_some_and(|k| casing.pairs.contains(&k)))
            .collect();
        RowSpans {
            toks,
            spans,
            joined,
        }
    }
    fn fits(&self, a: usize, b: usize) -> &Fits {
        &self.spans[a][b - a - 1]
    }
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
}

impl Column {
    fn new(kind: Option<CellType>, lengths: Vec<usize>) -> Self {
        let mut sorted = lengths.clone();
        sorted.sort_unstable();
        Column {
            kind,
            lengths,
            sorted,
        }
    }
}

/// Cut positions of a row: `k + 1` token offsets from 0 to the row's length.
type Cuts = Vec<usize>;

fn fit_table(header: &[Token<'_>], rows: &[&RowSpans<'_, '_>], casing: &Casing) -> Option<Fitted> {
    // Cuts between words follow their case; rows written mostly in capitals
    // carry no such evidence, so they are not cut at all.
    if rows.iter().any(|r| shouting(r.toks)) {
        return None;
    }
    // A date, quantity or sentence column needs numbers, dates or lowercase
    // words somewhere in the rows; without them no table is reported, so
    // none is searched for.
    let typed = rows.iter().any(|r| {
        r.toks.iter().any(|t| {
            matches!(
                t.class,
                Class::Number | Class::Year | Class::Month | Class::Weekday | Class::Lower
            )
        })
    });
    if !typed {
        return None;
    }
    let min_row = rows.iter().map(|r| r.toks.len()).min()?;
    let kmax = MAX_COLUMNS.min(header.len()).min(min_row);
    let mut best: Option<Fitted> = None;
    for k in 2..=kmax {
        // Two starting points: the rows' own best cuts, and the guess that
        // the first column holds one-word keys (a country, a surname). The
        // cuts settle under the column profile from either; the better
        // table wins.
        for seed in [Seed::Free, Seed::KeyColumn] {
            if let Some(f) = fit_columns(k, header, rows, casing, seed)
                && best.as_ref().is_none_or(|b| f.score > b.score)
            {
                best = Some(f);
            }
        }
    }
    best
}

fn fit_columns(
    k: usize,
    header: &[Token<'_>],
    rows: &[&RowSpans<'_, '_>],
    casing: &Casing,
    seed: Seed,
) -> Option<Fitted> {
    let mut profile: Vec<Column> = vec![Column::new(None, Vec::new()); k];
    if seed == Seed::KeyColumn {
        profile[0] = Column::new(Some(CellType::Name), vec![1; rows.len() + 1]);
    }
    let mut cuts: Vec<Cuts> = Vec::with_capacity(rows.len());
    for _ in 0..PROFILE_ROUNDS {
        let mut next = Vec::with_capacity(rows.len());
        for (r, row) in rows.iter().enumerate() {
            next.push(cut_row(k, row, r, &profile)?.1);
        }
        if next == cuts {
            break;
        }
        cuts = next;
        profile = read_profile(k, rows, &cuts);
        // The header's cut counts as one more observation of a name
        // column's length: between two equally good cuts of a run of
        // capitalised words, the one matching the column names wins. Beside
        // a sentence or a number the boundary is no such run, and a column
        // name (`Method`) says nothing of its cells' length (`Foot Patrols`).
        if let Some((_, hc)) = cut_header(k, header, &profile) {
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
                    *col = Column::new(col.kind, {
                        let mut l = std::mem::take(&mut col.lengths);
                        l.push(hc[j + 1] - hc[j]);
                        l
                    });
                }
            }
        }
    }
    // Every cell must fit its column's type.
    let mut score = 0.0;
    let mut slips = 0;
    let mut final_cuts = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let (s, c) = cut_row(k, row, r, &profile)?;
        score += s;
        final_cuts.push(c.clone());
        let mut slipped = false;
        for (j, col) in profile.iter().enumerate() {
            let kind = col.kind?;
            let (a, b) = (c[j], c[j + 1]);
            row.fits(a, b)[cells::index(kind)]?;
            slipped |= cells::is_slip(&row.toks[a..b], kind);
        }
        slips += usize::from(slipped);
    }
    let cuts = final_cuts;
    if slips * 3 > rows.len() {
        return None;
    }
    let kinds: Vec<CellType> = profile.iter().filter_map(|c| c.kind).collect();
    if !plausible_columns(&kinds) {
        return None;
    }
    let (header_score, header_cuts) = cut_header(k, header, &profile)?;
    // A "header" whose typed cells have the columns' own types is a row of a
    // table without a header: not rebuilt, since inventing names is worse.
    let typed_header = profile.iter().enumerate().any(|(j, col)| {
        matches!(col.kind, Some(CellType::Date | CellType::Quantity))
            && cells::fits(&header[header_cuts[j]..header_cuts[j + 1]])
                [cells::index(col.kind.unwrap_or(CellType::Name))]
            .is_some()
    });
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
    Some(Fitted {
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
/// least one date, quantity or sentence column, and a sentence column only
/// last (two running-text columns side by side are prose, not a table).
fn plausible_columns(kinds: &[CellType]) -> bool {
    let typed = kinds
        .iter()
        .any(|k| matches!(k, CellType::Date | CellType::Quantity | CellType::Sentence));
    let sentence_inside = kinds[..kinds.len() - 1].contains(&CellType::Sentence);
    typed && !sentence_inside
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
        cuts.iter().any(|c| c[j + 1] - c[j] == h) || known_names(rows, cuts, j + 1)
    })
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
            let mut lengths = Vec::with_capacity(rows.len());
            for (row, c) in rows.iter().zip(cuts) {
                let (a, b) = (c[j], c[j + 1]);
                lengths.push(b - a);
                // A cell votes for every type it fits, so a column of names
                // with one lowercase slip still reads as names.
                for (t, f) in row.fits(a, b).iter().enumerate() {
                    if f.is_some() {
                        votes[t] += 1;
                    }
                }
            }
            // Most votes wins; ties go to the more specific type.
            let order = cells::TYPES;
            let top = votes.iter().copied().max().unwrap_or(0);
            let kind = order
                .iter()
                .copied()
                .find(|t| top > 0 && votes[cells::index(*t)] == top);
            Column::new(kind, lengths)
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
    let f = row.fits(a, b);
    let (_, top) = cells::best(f)?;
    let col = &profile[j];
    let mut s = match col.kind {
        Some(kind) => f[cells::index(kind)].unwrap_or(top - TYPE_MISMATCH),
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
        s -= w * ((b - a) as f32 / median as f32).ln().abs();
    }
    // A month is not cut from its day or year, before or after it.
    if a > 0
        && row.toks[a - 1].class == Class::Month
        && matches!(row.toks[a].class, Class::Year | Class::Number)
    {
        s -= 3.0;
    }
    if b < row.toks.len() && row.toks[b].class == Class::Month && cells::is_day(&row.toks[b - 1]) {
        s -= 3.0;
    }
    // A country or nationality standing alone is a cell of its own.
    if b - a == 1
        && matches!(col.kind, None | Some(CellType::Name))
        && is_proper_noun(
            row.toks[a]
                .text
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    {
        s += KNOWN_NAME_CELL;
    }
    // Nor is a number cut from the unit symbol after it (`42 MW`).
    if b < row.toks.len()
        && row.toks[b - 1].class == Class::Number
        && cells::is_unit_symbol(row.toks[b].text)
    {
        s -= 3.0;
    }
    // Words the running text writes together belong to one cell.
    if b < row.toks.len() && row.joined[b - 1] {
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
fn cut_header(k: usize, header: &[Token<'_>], profile: &[Column]) -> Option<(f32, Cuts)> {
    let n = header.len();
    const NONE: f32 = f32::NEG_INFINITY;
    let mut best = vec![vec![NONE; n + 1]; k + 1];
    let mut back = vec![vec![0usize; n + 1]; k + 1];
    best[0][0] = 0.0;
    for j in 0..k {
        for a in j..n {
            if best[j][a] == NONE {
                continue;
            }
            for b in a + 1..=n {
                if j + 1 == k && b != n {
                    continue;
                }
                let Some(mut s) = cells::header_fit(&header[a..b]) else {
                    continue;
                };
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
                // Rent` holds the end of the column before.
                if b - a >= 3
                    && header[a + 1..b - 1]
                        .iter()
                        .any(|t| cells::is_attributive(t.text))
                {
                    s -= ATTRIBUTIVE_END / 2.0;
                }
                let names_date = cells::names_a_date(header[b - 1].text);
                match profile[j].kind {
                    Some(CellType::Date) if names_date => s += 0.3,
                    Some(_) if names_date => s -= 0.3,
                    _ => {}
                }
                let len = (b - a) as f32;
                let col = &profile[j];
                match col.kind {
                    Some(CellType::Name | CellType::Lower) => {
                        let mean = col.lengths.iter().sum::<usize>() as f32
                            / col.lengths.len().max(1) as f32;
                        s -= 0.8 * (len / mean.max(1.0)).ln().abs();
                    }
                    Some(CellType::Sentence) if len > 2.0 => s -= 0.5,
                    _ => {}
                }
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
        let word = t
            .text
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
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

    fn table(text: &str) -> Option<(Vec<String>, Vec<Vec<String>>)> {
        let lines: Vec<&str> = text.lines().collect();
        find(&lines, &Casing::default()).map(|f| (f.header, f.rows))
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
        let f = find(&lines, &Casing::default()).unwrap();
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
        let f = find(&lines, &casing).unwrap();
        assert_eq!(f.rows[1], ["Wind Vane", "shows where the wind blows."]);
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
}
