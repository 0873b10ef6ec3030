//! Puts a document's logged edits and removals back where they happened.
//!
//! An `Edit` names its pass, its block and the text before and after; the
//! text after is found again in that block (a whole-word occurrence not yet
//! claimed by another edit) and becomes a mark in the block's text. Block
//! indices can drift when a later pass drops blocks, so a text not found in
//! its block is looked for in the nearest blocks; one found nowhere is shown
//! beside its block (a rebuilt table, say), or with the document when even
//! the block is gone. Two edits of the same words (a spacing fix, then a
//! casing fix of its result) share one mark, earliest first.
//!
//! Removals carry no position; one that repeats a kept block (a dropped
//! duplicate heading) is shown beside the block it repeats, the others with
//! the document, grouped by pass and reason.

use serde::Serialize;

use crate::document::{Block, Document};

/// A document as the review page draws it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    /// The blocks, their text cut into plain runs and edit marks.
    pub blocks: Vec<BlockView>,
    /// Every edit, in the order made; marks refer to these by index.
    pub edits: Vec<EditView>,
    /// Every removal, in the order made.
    pub removed: Vec<RemovedView>,
    /// Edits whose block no longer exists, by index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub loose_edits: Vec<usize>,
    /// Removals with no known place, by index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub loose_removed: Vec<usize>,
    /// Removals that stood after the last block, by index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trailing_removed: Vec<usize>,
}

/// One edit, as logged. (Serialised with one-letter keys — `p`, `b`, `a`,
/// `tb` — because a large run embeds hundreds of thousands of them.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditView {
    /// The pass that made it.
    #[serde(rename = "p")]
    pub pass: String,
    /// The text before.
    #[serde(rename = "b")]
    pub before: String,
    /// The text after.
    #[serde(rename = "a")]
    pub after: String,
    /// True for a table rebuilt from text (kind "table" on the page).
    #[serde(rename = "tb", skip_serializing_if = "std::ops::Not::not")]
    pub table: bool,
}

/// One removal, as logged (serialised as `p`, `x`, `r`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedView {
    /// The pass (or `ingest`) that dropped it.
    #[serde(rename = "p")]
    pub pass: String,
    /// The dropped text.
    #[serde(rename = "x")]
    pub text: String,
    /// Why.
    #[serde(rename = "r")]
    pub reason: String,
}

/// A run of a block's text: plain, or changed by one or more edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Segment {
    /// Text no edit touched.
    Plain(String),
    /// Text as edits left it.
    Mark {
        /// The edits (indices into [`DocumentView::edits`]), earliest first.
        e: Vec<usize>,
        /// The text now.
        t: String,
    },
}

/// A block as the page draws it (`kind` and `texts` serialised as `k`, `x`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockView {
    /// `heading`, `paragraph`, `list`, `table`, `quote` or `code`.
    #[serde(rename = "k")]
    pub kind: &'static str,
    /// A heading's level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// A list's numbering.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ordered: bool,
    /// The texts of the block, in reading order: the text of a heading,
    /// paragraph, quote or code block; a list's items as label then text
    /// (`None` for no label); a table's caption, then its column names, then
    /// its cells row by row.
    #[serde(rename = "x")]
    pub texts: Vec<Option<Vec<Segment>>>,
    /// A table's number of columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub columns: Option<usize>,
    /// Edits of this block not found in its text, by index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<usize>,
    /// Removals with no recorded place that repeated this block, by index.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<usize>,
    /// Removals that stood just before this block, by index.
    #[serde(rename = "rb", skip_serializing_if = "Vec::is_empty")]
    pub removed_before: Vec<usize>,
}

/// A claimed stretch of one text: bytes `start..end` changed by `edits`.
#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    edits: Vec<usize>,
}

/// One text of a block, with the marks placed in it so far.
struct Slot<'a> {
    block: usize,
    text: Option<&'a str>,
    marks: Vec<Mark>,
}

/// Lays `doc` out for the page (see the module's documentation).
pub fn view<'a>(doc: &'a Document) -> DocumentView {
    let mut slots: Vec<Slot> = Vec::new();
    for (i, b) in doc.blocks().iter().enumerate() {
        let mut push = |text: Option<&'a str>| {
            slots.push(Slot {
                block: i,
                text,
                marks: Vec::new(),
            })
        };
        match b {
            Block::Heading { text, .. }
            | Block::Paragraph { text }
            | Block::Lines { text }
            | Block::Quote { text }
            | Block::Code { text } => push(Some(text)),
            Block::List { items, .. } => {
                for item in items {
                    push(item.label.as_deref());
                    push(Some(&item.text));
                }
            }
            Block::Table(t) => {
                push(t.caption.as_deref());
                for c in &t.columns {
                    push(Some(c));
                }
                for row in &t.rows {
                    for cell in row {
                        push(Some(cell));
                    }
                }
            }
        }
    }

    let edits: Vec<EditView> = doc
        .edits
        .iter()
        .map(|e| EditView {
            pass: e.pass.clone(),
            before: e.before.clone(),
            after: e.after.clone(),
            table: super::is_table_rebuild(doc, doc.index_of(e.block), &e.pass),
        })
        .collect();
    let mut notes: Vec<Vec<usize>> = vec![Vec::new(); doc.blocks().len()];
    let mut loose_edits = Vec::new();
    // Latest first: a later edit's text is what the document now holds, so
    // it claims its place before an earlier edit of the same words does.
    for (i, e) in doc.edits.iter().enumerate().rev() {
        let block = doc.index_of(e.block);
        let placed = !edits[i].table
            && block.is_some_and(|b| place_edit(&mut slots, i, b, &e.after, doc.blocks().len()));
        if !placed {
            match block.and_then(|b| notes.get_mut(b)) {
                Some(n) => n.push(i),
                None => loose_edits.push(i),
            }
        }
    }
    loose_edits.reverse();

    let removed: Vec<RemovedView> = doc
        .removed
        .iter()
        .map(|r| RemovedView {
            pass: r.pass.clone(),
            text: r.text.clone(),
            reason: r.reason.clone(),
        })
        .collect();
    let mut repeats: Vec<Vec<usize>> = vec![Vec::new(); doc.blocks().len()];
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); doc.blocks().len()];
    let mut loose_removed = Vec::new();
    let mut trailing_removed = Vec::new();
    let keys: Vec<Option<String>> = doc.blocks().iter().map(block_key).collect();
    let positions = doc.removal_positions();
    for (i, r) in doc.removed.iter().enumerate() {
        // Where the log says it stood; a log without places (an older
        // output) is matched to the block it repeats, if any.
        match positions[i] {
            Some(p) if p < before.len() => {
                before[p].push(i);
                continue;
            }
            Some(_) => {
                trailing_removed.push(i);
                continue;
            }
            None => {}
        }
        let key = comparison_key(&r.text);
        match keys
            .iter()
            .position(|k| !key.is_empty() && k.as_deref() == Some(key.as_str()))
        {
            Some(b) => repeats[b].push(i),
            None => loose_removed.push(i),
        }
    }

    let mut blocks: Vec<BlockView> = doc
        .blocks()
        .iter()
        .map(|b| {
            let (kind, level, ordered, columns) = match b {
                Block::Heading { level, .. } => ("heading", Some(*level), false, None),
                Block::Paragraph { .. } | Block::Lines { .. } => ("paragraph", None, false, None),
                Block::List { ordered, .. } => ("list", None, *ordered, None),
                Block::Table(t) => ("table", None, false, Some(t.columns.len())),
                Block::Quote { .. } => ("quote", None, false, None),
                Block::Code { .. } => ("code", None, false, None),
            };
            BlockView {
                kind,
                level,
                ordered,
                texts: Vec::new(),
                columns,
                notes: Vec::new(),
                removed: Vec::new(),
                removed_before: Vec::new(),
            }
        })
        .collect();
    for slot in slots {
        let segments = slot.text.map(|t| segments(t, slot.marks));
        blocks[slot.block].texts.push(segments);
    }
    for (((b, mut n), r), rb) in blocks.iter_mut().zip(notes).zip(repeats).zip(before) {
        n.sort_unstable();
        b.notes = n;
        b.removed = r;
        b.removed_before = rb;
    }
    DocumentView {
        blocks,
        edits,
        removed,
        loose_edits,
        loose_removed,
        trailing_removed,
    }
}

/// Finds `after` in block `block`'s texts, then in its neighbours nearest
/// first, and marks it for edit `edit`. True when placed.
fn place_edit(slots: &mut [Slot], edit: usize, block: usize, after: &str, blocks: usize) -> bool {
    if after.trim().is_empty() {
        return false;
    }
    // Blocks by distance from the logged one: block, block-1, block+1, ...
    let order = (0..blocks.max(block + 1) * 2)
        .filter_map(|k| {
            let d = k.div_ceil(2);
            if k % 2 == 1 {
                block.checked_sub(d)
            } else {
                Some(block + d)
            }
        })
        .filter(|&b| b < blocks);
    for b in order {
        let mut overlapping: Option<(usize, usize, usize)> = None;
        for (s, slot) in slots.iter().enumerate().filter(|(_, s)| s.block == b) {
            let Some(text) = slot.text else { continue };
            for (start, _) in text.match_indices(after) {
                let end = start + after.len();
                if !whole_words(text, start, end) {
                    continue;
                }
                let hits: Vec<usize> = (0..slot.marks.len())
                    .filter(|&m| slot.marks[m].start < end && start < slot.marks[m].end)
                    .collect();
                match hits.as_slice() {
                    [] => {
                        slots[s].marks.push(Mark {
                            start,
                            end,
                            edits: vec![edit],
                        });
                        return true;
                    }
                    [m] if overlapping.is_none() => overlapping = Some((s, *m, start)),
                    _ => {}
                }
            }
        }
        // Only in the logged block may an edit join a later edit's mark:
        // there the overlap is the same words edited twice.
        if b == block
            && let Some((s, m, start)) = overlapping
        {
            let mark = &mut slots[s].marks[m];
            mark.start = mark.start.min(start);
            mark.end = mark.end.max(start + after.len());
            mark.edits.insert(0, edit);
            return true;
        }
    }
    false
}

/// True when `start..end` of `text` neither starts nor ends inside a word.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let inner = &text[start..end];
    let glued_before = inner.chars().next().is_some_and(char::is_alphanumeric)
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    let glued_after = inner.chars().next_back().is_some_and(char::is_alphanumeric)
        && text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    !glued_before && !glued_after
}

/// Cuts `text` into plain runs and marks (marks never overlap).
fn segments(text: &str, mut marks: Vec<Mark>) -> Vec<Segment> {
    marks.sort_by_key(|m| m.start);
    let mut out = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for m in marks {
        if m.start < at {
            continue;
        }
        if m.start > at {
            out.push(Segment::Plain(text[at..m.start].to_string()));
        }
        out.push(Segment::Mark {
            e: m.edits,
            t: text[m.start..m.end].to_string(),
        });
        at = m.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment::Plain(text[at..].to_string()));
    }
    out
}

/// The key a removed text is compared by when looking for the block it
/// repeated: headings, paragraphs and quotes only.
fn block_key(b: &Block) -> Option<String> {
    match b {
        Block::Heading { text, .. }
        | Block::Paragraph { text }
        | Block::Lines { text }
        | Block::Quote { text } => Some(comparison_key(text)),
        _ => None,
    }
}

/// Lowercase words separated by single spaces: what a repeat is judged by
/// (case, spacing and punctuation differ between a title and its repeat).
fn comparison_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Edit, ListItem, Place, Removed, Table};

    fn edit(pass: &str, block: u32, before: &str, after: &str) -> Edit {
        Edit {
            pass: pass.into(),
            block,
            before: before.into(),
            after: after.into(),
        }
    }

    fn plain(s: &str) -> Segment {
        Segment::Plain(s.into())
    }

    fn mark(e: &[usize], t: &str) -> Segment {
        Segment::Mark {
            e: e.to_vec(),
            t: t.into(),
        }
    }

    #[test]
    fn an_edit_is_marked_at_a_whole_word_in_its_block() {
        let mut d = Document::default();
        d.add(Block::Paragraph {
            text: "Within the garden, with care.".into(),
        });
        d.edits.push(edit("typos", 0, "wiht", "with"));
        let v = view(&d);
        assert_eq!(
            v.blocks[0].texts[0].as_ref().unwrap(),
            &[
                plain("Within the garden, "),
                mark(&[0], "with"),
                plain(" care.")
            ]
        );
        assert!(v.loose_edits.is_empty() && v.blocks[0].notes.is_empty());
    }

    #[test]
    fn two_edits_of_the_same_words_share_a_mark() {
        let mut d = Document::default();
        d.add(Block::Paragraph {
            text: "It rained. The end.".into(),
        });
        d.edits
            .push(edit("spacing", 0, "rained.the", "rained. the"));
        d.edits.push(edit("casing", 0, "the", "The"));
        let v = view(&d);
        // The spacing edit's result is no longer in the text: it is a note.
        assert_eq!(v.blocks[0].notes, [0]);
        assert_eq!(v.blocks[0].texts[0].as_ref().unwrap()[1], mark(&[1], "The"));

        let mut d = Document::default();
        d.add(Block::Paragraph {
            text: "Go to Paris, then home.".into(),
        });
        d.edits
            .push(edit("spacing", 0, "Paris,then", "Paris, then"));
        d.edits.push(edit("typos", 0, "thn", "then"));
        let v = view(&d);
        assert_eq!(
            v.blocks[0].texts[0].as_ref().unwrap(),
            &[
                plain("Go to "),
                mark(&[0, 1], "Paris, then"),
                plain(" home.")
            ]
        );
    }

    #[test]
    fn drifted_block_indices_fall_back_to_neighbours_then_notes() {
        let mut d = Document::default();
        d.add(Block::Heading {
            level: 2,
            text: "Results".into(),
        });
        d.add(Block::List {
            ordered: false,
            items: vec![ListItem {
                label: Some("Speed".into()),
                text: "Doubled since spring.".into(),
            }],
        });
        d.add(Block::Table(Table::new(
            None,
            vec!["A".into(), "B".into()],
            vec![vec!["1".into(), "2".into()]],
        )));
        d.edits.push(edit("casing", 2, "speed", "Speed"));
        d.edits.push(edit("tables", 2, "A B\n1 2", "A\tB\n1\t2"));
        d.edits.push(edit("typos", 9, "teh", "the"));
        let v = view(&d);
        assert_eq!(
            v.blocks[1].texts[0].as_ref().unwrap(),
            &[mark(&[0], "Speed")]
        );
        assert_eq!(v.blocks[2].notes, [1]);
        assert!(v.edits[1].table);
        assert_eq!(v.loose_edits, [2]);
        // Caption absent, two column names, two cells.
        assert_eq!(v.blocks[2].texts.len(), 5);
        assert_eq!(v.blocks[2].texts[0], None);
    }

    #[test]
    fn a_removed_repeat_sits_beside_the_block_it_repeats() {
        let mut d = Document::default();
        d.add(Block::Heading {
            level: 2,
            text: "Why the Gardens Flourished".into(),
        });
        d.removed.push(Removed {
            pass: "dedupe".into(),
            text: "Why the gardens flourished:".into(),
            reason: "repeated heading".into(),
            place: Place::Unknown,
        });
        d.removed.push(Removed {
            pass: "boilerplate".into(),
            text: "Share this article".into(),
            reason: "share prompt".into(),
            place: Place::Unknown,
        });
        let v = view(&d);
        assert_eq!(v.blocks[0].removed, [0]);
        assert_eq!(v.loose_removed, [1]);
    }

    #[test]
    fn a_removal_with_a_place_sits_where_it_stood() {
        let mut d = Document::default();
        let first = d.add(Block::Heading {
            level: 2,
            text: "Why the Gardens Flourished".into(),
        });
        let second = d.add(Block::Paragraph {
            text: "Rain came early.".into(),
        });
        let gone = |text: &str, place| Removed {
            place,
            ..Removed::new("boilerplate", text, "share prompt")
        };
        d.removed
            .push(gone("Share this article", Place::Before(second)));
        d.removed.push(gone("Menu", Place::Within(first)));
        d.removed.push(gone("Footer", Place::Before(99)));
        let v = view(&d);
        assert_eq!(v.blocks[1].removed_before, [0]);
        assert_eq!(v.blocks[0].removed_before, [1]);
        assert_eq!(v.trailing_removed, [2]);
        assert!(v.loose_removed.is_empty());
    }
}
