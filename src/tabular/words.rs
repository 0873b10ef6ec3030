//! Flattened tables whose cells are words only (`JSON Python` over `object
//! dict`, a specification sheet of `Driver size 106 mm` lines), which the
//! typed segmentation of [`super::flattened`] cannot accept: without a
//! column of dates, figures or sentences, cell types say nothing about
//! where one cell ends.
//!
//! The evidence has to come from the lines' shape instead, and a run of
//! short lines (a menu, a list of tags or names under a heading) has the
//! same look, so two readings only are accepted, each asking for a header
//! of exactly as many capitalised words as there are columns:
//!
//! - *aligned*: every row holds as many word units as the header (a word,
//!   with its parenthesised aside, or words joined by a comma, a trailing
//!   hyphen or `&`), a few rows may carry more words in their first cell,
//!   every row holds a lowercase word where the header holds names (a
//!   list of names or menu items is capitalised throughout), and no row
//!   holds a figure (figures and their units are the typed segmentation's);
//! - *sentence case*, two columns: each row opens on a capitalised label
//!   that goes on in lowercase (`Magnet type`), and its value opens on the
//!   next capitalised word or figure (`Neodymium N50`); most rows must show
//!   that change of case after two or more words.
//!
//! Function words, sentence ends and rows of one word never occur in
//! either, and a header ending on a plural is a heading naming the list
//! below it (`Popular Tags`): running text and lists of phrases stay
//! paragraphs.

use super::Found;
use super::cells::{is_attributive, is_closing_head, is_plural_noun};
use super::flattened::{Casing, pair_key};
use super::tokens::{self, Class, Token};

/// Fewest rows of a table of words: fewer rows are too little evidence
/// against a heading over a short list.
const MIN_ROWS: usize = 4;
/// Most columns of an aligned table.
const MAX_COLUMNS: usize = 3;
/// Longest row, in words: spec lines and word pairs are short.
const MAX_ROW_WORDS: usize = 10;
/// Most rows read after one header line, so a long list costs little.
const MAX_ROWS: usize = 40;

/// Finds the first table of words among `lines`: a header and
/// [`MIN_ROWS`] or more rows. `casing` gives the pairs of words the
/// document's running text writes side by side: a row that is one such
/// pair (`social media`) is a phrase, not two cells.
///
/// `counts[i]` is the number of words in `lines[i]`, counted up to
/// [`flattened::LINE_WORDS`](super::flattened::LINE_WORDS) (more than any
/// row here holds).
pub fn find<'c>(
    lines: &[&str],
    counts: &[usize],
    casing: &dyn Fn() -> &'c Casing,
) -> Option<Found> {
    debug_assert_eq!(lines.len(), counts.len());
    const _: () = assert!(super::flattened::LINE_WORDS > MAX_ROW_WORDS);
    let row_sized = |i: usize| (2..=MAX_ROW_WORDS).contains(&counts[i]);
    let n = lines.len();
    let mut h = 0;
    while h + MIN_ROWS < n {
        let k = counts[h];
        // Word counts first: most lines end here, before any token is read.
        if !(2..=MAX_COLUMNS).contains(&k) || !(h + 1..h + 1 + MIN_ROWS).all(row_sized) {
            h += 1;
            continue;
        }
        let header = tokens::tokenize(lines[h]);
        // A heading that ends on a plural names the list below it
        // (`Popular Tags`, `Related Posts`), not two columns.
        let heading = header.last().is_some_and(|t| is_plural_noun(t.text));
        if heading || !names_columns(&header) {
            h += 1;
            continue;
        }
        let rows: Vec<Vec<Token<'_>>> = (h + 1..n)
            .take(MAX_ROWS)
            .take_while(|&i| row_sized(i))
            .map(|i| tokens::tokenize(lines[i]))
            .take_while(|r| plain_row(r))
            .collect();
        let cut =
            aligned(k, &rows, casing).or_else(|| if k == 2 { sentence_case(&rows) } else { None });
        if let Some(cells) = cut {
            let join = |t: &[Token<'_>]| t.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            return Some(Found {
                start: h,
                end: h + 1 + cells.len(),
                header: header.iter().map(|t| t.text.to_string()).collect(),
                rows: cells
                    .iter()
                    .zip(&rows)
                    .map(|(c, r)| c.windows(2).map(|w| join(&r[w[0]..w[1]])).collect())
                    .collect(),
            });
        }
        // The lines read as rows cannot name columns either: a header
        // among them would head a tail of the same rows.
        h += 1 + rows.len().saturating_sub(MIN_ROWS);
    }
    None
}

/// One capitalised word a column, none a function word, a figure or a
/// repeat, and no punctuation closing a clause: `Title Description`.
fn names_columns(header: &[Token<'_>]) -> bool {
    header.iter().enumerate().all(|(i, t)| {
        t.class == Class::Cap
            && !t.open_end
            && !t.full_stop
            && !t.text.contains(['(', ')'])
            && !header[..i].iter().any(|p| p.text == t.text)
    })
}

/// A row of words: no function word (running text), no sentence end, no
/// clause left open at its end.
fn plain_row(row: &[Token<'_>]) -> bool {
    row.iter().all(|t| t.class != Class::Function)
        && row.last().is_some_and(|t| !t.full_stop && !t.open_end)
}

/// Cut positions of each row, `k + 1` token offsets from 0 to its length.
type Cuts = Vec<usize>;

/// Where each word unit of `row` starts: a token opens a unit unless it is
/// inside or opens a parenthesised aside, follows a comma, a trailing
/// hyphen (`int-`) or a connector (`&`, `/`), or is itself a connector.
fn unit_starts(row: &[Token<'_>]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(row.len());
    let mut depth = 0;
    for (i, t) in row.iter().enumerate() {
        let joined = i > 0
            && (depth > 0
                || t.text.starts_with('(')
                || tokens::is_connector(t.text)
                || row[i - 1].text.ends_with([',', '-'])
                || tokens::is_connector(row[i - 1].text));
        if !joined {
            starts.push(i);
        }
        depth = (depth + tokens::paren_balance(t.text)).max(0);
    }
    starts
}

/// The aligned reading: rows of `k` units, one unit a cell. A row of more
/// units puts the extra ones in its first cell (`int, float, … Enums` |
/// `number`), in a quarter of the rows at most.
fn aligned<'c>(
    k: usize,
    rows: &[Vec<Token<'_>>],
    casing: &dyn Fn() -> &'c Casing,
) -> Option<Vec<Cuts>> {
    let mut cuts = Vec::with_capacity(rows.len());
    // Whether each row holds more units than the header.
    let mut longer = Vec::with_capacity(rows.len());
    for row in rows {
        // Figures are read by the typed segmentation, which knows their
        // units (`2.5 mm` is one value, not two cells).
        if row
            .iter()
            .any(|t| matches!(t.class, Class::Number | Class::Year))
        {
            break;
        }
        let starts = unit_starts(row);
        if starts.len() < k {
            break;
        }
        longer.push(starts.len() > k);
        let mut c = vec![0];
        c.extend_from_slice(&starts[starts.len() - k + 1..]);
        c.push(row.len());
        cuts.push(c);
    }
    // Trailing rows of more units are the lines after the table.
    while longer.last() == Some(&true) {
        longer.pop();
        cuts.pop();
    }
    let longer = longer.iter().filter(|&&l| l).count();
    let rows = &rows[..cuts.len()];
    if rows.len() < MIN_ROWS || longer * 4 > rows.len() {
        return None;
    }
    // Every row holds a lowercase word opening a cell: the header's names
    // stand over values, not over more names.
    let lowercase = rows.iter().zip(&cuts).all(|(r, c)| {
        c[..k]
            .iter()
            .any(|&a| r[a].class == Class::Lower && !r[a].capitalised)
    });
    if !lowercase || !distinct_keys(rows, &cuts) {
        return None;
    }
    // A row of two words the running text writes together is a phrase.
    let pairs = &casing().pairs;
    let phrase = rows.iter().any(|r| {
        r.len() == 2 && pair_key(r[0].text, r[1].text).is_some_and(|p| pairs.contains(&p))
    });
    (!phrase).then_some(cuts)
}

/// The sentence-case reading of two columns: a label of a capitalised word
/// and the lowercase words after it (a closing head noun such as `Type`,
/// or a word after a qualifying one such as `Maximum`, stays in it too),
/// then a value opening on a capitalised word or a figure.
fn sentence_case(rows: &[Vec<Token<'_>>]) -> Option<Vec<Cuts>> {
    let mut cuts = Vec::with_capacity(rows.len());
    // Rows whose label runs on in lowercase before the value: the change
    // of case that places the cut.
    let mut changes = 0;
    for row in rows {
        if row[0].class != Class::Cap {
            break;
        }
        let mut end = 1;
        while end < row.len()
            && (row[end].class == Class::Lower
                || (end == 1 && is_closing_head(row[end].text))
                || (end == 1 && is_attributive(row[0].text)))
        {
            end += 1;
        }
        let value = row
            .get(end)
            .is_some_and(|t| t.capitalised || matches!(t.class, Class::Number | Class::Year));
        if !value {
            break;
        }
        changes += usize::from(end >= 2 && row[end - 1].class == Class::Lower);
        cuts.push(vec![0, end, row.len()]);
    }
    let rows = &rows[..cuts.len()];
    if rows.len() < MIN_ROWS || changes * 2 < rows.len() || !distinct_keys(rows, &cuts) {
        return None;
    }
    Some(cuts)
}

/// No two rows open on the same first cell: records, not a repeated label.
fn distinct_keys(rows: &[Vec<Token<'_>>], cuts: &[Cuts]) -> bool {
    let key = |i: usize| &rows[i][..cuts[i][1]];
    (0..rows.len()).all(|i| {
        (0..i).all(|j| {
            let (a, b) = (key(i), key(j));
            a.len() != b.len() || a.iter().zip(b).any(|(p, q)| p.text != q.text)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(lines: &[&str]) -> Vec<usize> {
        lines
            .iter()
            .map(|l| crate::text::count_words(l, crate::tabular::flattened::LINE_WORDS))
            .collect()
    }

    fn find_in(text: &str) -> Option<Found> {
        let casing = Casing::default();
        let lines: Vec<&str> = text.lines().collect();
        find(&lines, &counts(&lines), &|| &casing)
    }

    #[test]
    fn aligned_words_under_names() {
        let t = find_in(
            "Rust Haskell\nvec list\nstring text\nnumber (u32) int\nbool (true, false) bool\noption maybe",
        )
        .unwrap();
        assert_eq!(t.header, ["Rust", "Haskell"]);
        assert_eq!(t.rows[2], ["number (u32)", "int"]);
        assert_eq!(t.rows[3], ["bool (true, false)", "bool"]);
        assert_eq!(t.end, 6);
    }

    #[test]
    fn figures_and_their_units_are_no_aligned_words() {
        let text = "Hex Key\n2.5 mm\n3.0 mm\n4.0 mm\n5.0 mm\n6.0 mm";
        assert_eq!(find_in(text), None);
    }

    #[test]
    fn a_longer_first_cell_takes_the_extra_words() {
        let t = find_in("Shell Meaning\nls list\ncd change\ncp, mv copy\nrm, rmdir, unlink Posix remove\npwd where")
            .unwrap();
        assert_eq!(t.rows[3], ["rm, rmdir, unlink Posix", "remove"]);
    }

    #[test]
    fn a_spec_sheet_in_sentence_case() {
        let t = find_in(
            "Part Detail\nFrame Steel tube\nWheel size 29 inch\nBrake Type Hydraulic disc\nSaddle rail Chromoly\nMaximum load 120 kg",
        )
        .unwrap();
        assert_eq!(t.rows[1], ["Wheel size", "29 inch"]);
        assert_eq!(t.rows[2], ["Brake Type", "Hydraulic disc"]);
        assert_eq!(t.rows[4], ["Maximum load", "120 kg"]);
    }

    #[test]
    fn names_menus_and_phrases_are_no_tables() {
        for text in [
            // Names under a heading: capitalised throughout.
            "Our Team\nAda Quill\nBen Moss\nCara Lind\nDan Roe\nEve Hart",
            // A menu.
            "Quick Links\nAbout Us\nContact Us\nPrivacy Policy\nTerms Apply\nSite Map",
            // Verse, with function words.
            "Winter Song\nsnow on the hill\nwind in the pines\nsmoke from a chimney\nstars over the lake",
            // Tags of one word a line, and of two.
            "Popular Tags\ngardening\nroses\ncompost\nbees",
            "Popular Tags\ncompost bins\nraised beds\nseed saving\nrain barrels",
            // Fewer rows than a table needs.
            "Rust Haskell\nvec list\nstring text\noption maybe",
        ] {
            assert_eq!(find_in(text), None, "{text}");
        }
    }

    #[test]
    fn phrases_the_text_writes_together_are_no_rows() {
        let mut casing = Casing::default();
        casing.learn("We grow sweet peas and broad beans, and water the cut flowers daily.");
        let lines = [
            "Garden Notes",
            "sweet peas",
            "broad beans",
            "cut flowers",
            "water daily",
        ];
        assert_eq!(find(&lines, &counts(&lines), &|| &casing), None);
    }
}
