//! The `tables` pass: rebuilds tables from text dumps as records keyed by
//! column.
//!
//! The text ingest keeps runs of three or more short plain lines together as
//! one multi-line paragraph. This pass reads each such paragraph and, when
//! the evidence is strong, replaces the lines that form a table by a
//! [`Block::Table`]: lines still separated by tabs or aligned spaces
//! (`delimited`), or a header and rows whose separators were lost
//! (`flattened`, typed by `cells` over `tokens`). Lines around the
//! table (a lead-in, a closing remark) stay paragraphs. A candidate that is
//! not a table is left untouched. Cell typing reads English function words
//! and month names; elsewhere it only demands consistent shapes, so other
//! languages are left alone unless their tables are as clear.

use std::cell::OnceCell;

use crate::document::{Block, Document, Origin, Table};
use crate::pipeline::{Pass, PassContext};

use crate::tabular::delimited;
use crate::tabular::flattened::{self, Casing};
use crate::tabular::words;
use crate::text::count_words;

/// Most words in a line that may name the columns of a flattened table.
const MAX_HEADER_WORDS: usize = 14;
/// Most words in a row of a flattened table.
const MAX_ROW_WORDS: usize = 40;

/// Rebuilds tables from multi-line paragraphs of text dumps.
pub struct RebuildTables;

impl Pass for RebuildTables {
    fn name(&self) -> &str {
        "tables"
    }

    fn description(&self) -> &str {
        "rebuild tables from tab, space-aligned or flattened lines as records keyed by column"
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        // Most documents hold no candidate worth a search: they cost one
        // scan of their multi-line paragraphs, and nothing is learned.
        let candidates: Vec<(usize, Vec<usize>)> = cx
            .doc()
            .blocks()
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b {
                Block::Lines { text } => might_hold_table(text).map(|counts| (i, counts)),
                _ => None,
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        // Learned from the document once, when a candidate first needs it.
        let casing = OnceCell::new();
        // Backwards, so splitting a block never moves one not yet visited.
        for (i, counts) in candidates.into_iter().rev() {
            let Block::Lines { text } = &cx.doc().blocks()[i] else {
                continue;
            };
            let text = text.clone();
            let lines: Vec<&str> = text.split('\n').collect();
            let pieces = {
                let whole: &Document = cx.doc();
                split_pieces(&lines, &counts, &|| {
                    casing.get_or_init(|| learn_casing(whole))
                })
            };
            if !pieces.iter().any(|p| matches!(p, Piece::Table { .. })) {
                continue;
            }
            apply(cx, i, &lines, pieces);
        }
    }
}

/// A cheap look at a paragraph's lines, before any tokenizing: a table needs
/// three or more lines, and either cell separators (a tab, a run of
/// spaces) or a line that may name columns followed by two lines that may
/// be rows. Running prose, menus of one or two words a line, and single
/// lines are rejected here. A candidate comes back with each line's words
/// counted up to [`flattened::LINE_WORDS`], which every search of it reads.
fn might_hold_table(text: &str) -> Option<Vec<usize>> {
    if text.bytes().filter(|&b| b == b'\n').count() < 2 {
        return None;
    }
    let count = |l: &str| count_words(l, flattened::LINE_WORDS);
    if text.contains('\t') || text.contains("  ") {
        return Some(text.split('\n').map(count).collect());
    }
    let row = |words: usize| (2..=MAX_ROW_WORDS).contains(&words);
    // The shapes of the last three lines read: a header candidate, then
    // two row candidates. The counts are kept only once a candidate shows.
    let mut counts = Vec::new();
    let mut window = [(0, false); 3];
    let mut lines = text.split('\n');
    for (i, l) in lines.by_ref().enumerate() {
        let capital = l
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let words = count(l);
        counts.push(words);
        window = [window[1], window[2], (words, capital)];
        let [h, a, b] = window;
        if i >= 2 && (2..=MAX_HEADER_WORDS).contains(&h.0) && h.1 && row(a.0) && row(b.0) {
            counts.extend(lines.map(count));
            return Some(counts);
        }
    }
    None
}

/// A stretch of a candidate's lines: plain text, or a table.
#[derive(Debug)]
enum Piece {
    Text {
        start: usize,
        end: usize,
    },
    Table {
        start: usize,
        end: usize,
        table: Table,
    },
}

/// Cuts a candidate's lines into text and tables, tables taken greedily
/// from the top.
///
/// `counts[i]` holds the words of `lines[i]`, counted up to
/// [`flattened::LINE_WORDS`].
fn split_pieces<'c>(
    lines: &[&str],
    counts: &[usize],
    casing: &dyn Fn() -> &'c Casing,
) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut pos = 0;
    while pos < lines.len() {
        let rest = &lines[pos..];
        // Separators survive in few dumps: lines without them are not split.
        let separated = rest.iter().any(|l| l.contains('\t') || l.contains("  "));
        let delimited = separated
            .then(|| delimited::find(rest))
            .flatten()
            .map(|f| (f.start, f.end, f.header, f.rows));
        let flattened = flattened::find_counted(rest, &counts[pos..], casing)
            .map(|f| (f.start, f.end, f.header, f.rows));
        let typed = match (delimited, flattened) {
            (Some(d), Some(f)) => Some(if f.0 < d.0 { f } else { d }),
            (d, f) => d.or(f),
        };
        // Tables of words only are looked for above a typed table, or
        // where none was found: a typed table's rows are no word table.
        let above = typed.as_ref().map_or(rest.len(), |t| t.0);
        let words = words::find(&rest[..above], &counts[pos..pos + above], casing)
            .map(|f| (f.start, f.end, f.header, f.rows));
        let found = words.or(typed);
        let Some((start, end, header, rows)) = found else {
            pieces.push(Piece::Text {
                start: pos,
                end: lines.len(),
            });
            break;
        };
        if start > 0 {
            pieces.push(Piece::Text {
                start: pos,
                end: pos + start,
            });
        }
        pieces.push(Piece::Table {
            start: pos + start,
            end: pos + end,
            table: Table::new(None, header, rows),
        });
        pos += end;
    }
    pieces
}

/// Replaces block `i` by `pieces`.
///
/// The block is first split into one paragraph per piece, holding the
/// piece's lines as they were: that split changes no text, so it is not an
/// edit. Each table piece then replaces its paragraph through the context,
/// which logs the rebuild with both texts.
fn apply(cx: &mut PassContext<'_>, i: usize, lines: &[&str], pieces: Vec<Piece>) {
    let origin = cx.doc().origin(i).clone();
    let total_chars = origin.chars.max(1);
    let mut split = Vec::with_capacity(pieces.len());
    let mut tables = Vec::new();
    for (k, piece) in pieces.into_iter().enumerate() {
        let (start, end) = match &piece {
            Piece::Text { start, end } | Piece::Table { start, end, .. } => (*start, *end),
        };
        let text = lines[start..end].join("\n");
        let chars = crate::text::count_visible_chars(&text) as u32;
        let piece_origin = Origin {
            line: origin.line + start as u32,
            chars,
            // Link characters are known for the whole block only: shared out
            // by size so link density stays what it was.
            link_chars: (u64::from(origin.link_chars) * u64::from(chars) / u64::from(total_chars))
                as u32,
            links: if k == 0 { origin.links } else { 0 },
            images: if k == 0 { origin.images } else { 0 },
            ..origin.clone()
        };
        split.push((Block::Paragraph { text }, piece_origin));
        if let Piece::Table { table, .. } = piece {
            tables.push((i + k, table));
        }
    }
    if cx.split_block(i, split).is_empty() {
        return;
    }
    for (at, table) in tables {
        cx.replace_block(at, Block::Table(table));
    }
}

/// What the document's running text says about how words are written,
/// read from every block but the multi-line candidates themselves.
fn learn_casing(doc: &Document) -> Casing {
    let mut casing = Casing::default();
    for b in doc.blocks() {
        if matches!(b, Block::Lines { .. }) {
            continue;
        }
        b.for_each_text(|role, t| {
            if role.is_prose() {
                casing.learn(t);
            }
        });
    }
    casing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;

    fn clean(text: &str) -> Document {
        let mut p = Pipeline::empty().with_pass(RebuildTables);
        p.enable("tables").unwrap();
        p.clean_text(text).unwrap()
    }

    #[test]
    fn lead_in_stays_a_paragraph_and_origins_stay_aligned() {
        let doc = clean(
            "Figures for the two ports are below:\nPort Opened Berths\nDover 1606 12 berths\nHull 1778 9 berths\n",
        );
        assert_eq!(doc.blocks().len(), 2, "{:?}", doc.blocks());
        assert_eq!(
            doc.blocks()[0],
            Block::Paragraph {
                text: "Figures for the two ports are below:".into()
            }
        );
        let Block::Table(t) = &doc.blocks()[1] else {
            panic!("{:?}", &doc.blocks()[1])
        };
        assert_eq!(t.columns, ["Port", "Opened", "Berths"]);
        assert_eq!(t.rows[0], ["Dover", "1606", "12 berths"]);
        assert_eq!(doc.origin(1).line, 2);
        assert_eq!(doc.edits.len(), 1);
        assert_eq!(doc.index_of(doc.edits[0].block), Some(1));
    }

    #[test]
    fn a_paragraph_that_is_not_a_table_is_untouched() {
        let text = "Roses climb the old wall\nand bees work the lavender\nwhile the kettle sings";
        let doc = clean(text);
        assert_eq!(doc.blocks(), [Block::Lines { text: text.into() }]);
        assert!(doc.edits.is_empty());
    }
}
