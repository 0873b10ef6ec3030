//! The document model every ingest produces, every pass edits and every
//! renderer reads.

use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

/// Version of the JSON shape; bumped whenever a field changes meaning or goes.
pub const SCHEMA_VERSION: u32 = 1;

/// What kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// An HTML page.
    Html,
    /// A plain-text (or Markdown-flavoured) dump.
    #[default]
    Text,
}

/// Facts about the page rather than its body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Where the document came from (a path relative to the input folder, or an id).
    pub source: Option<String>,
    /// The caller's id for the document (a JSON Lines record's `id`), kept
    /// so outputs can be joined back to their inputs.
    pub id: Option<String>,
    /// The page's canonical URL, when known.
    pub url: Option<String>,
    /// The article title, without a site-name suffix.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// The publishing site's name.
    pub site_name: Option<String>,
    /// ISO 639-1 code (ISO 639-3 where no two-letter code exists), or `None`
    /// when detection was not confident.
    pub language: Option<String>,
}

impl Meta {
    /// True when `text` (a heading, say) says the title again: the same
    /// letters and digits, whatever the case, spacing and punctuation. Every
    /// pass that keeps the title out of the body asks this.
    pub fn is_title(&self, text: &str) -> bool {
        self.title.as_deref().is_some_and(|t| {
            crate::text::normalise::same(t, text, crate::text::normalise::Fold::Letters)
        })
    }
}

/// One item of a list: an optional `Label:` and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// The bold or colon-terminated lead-in ("Intelligence Sharing"), if any.
    pub label: Option<String>,
    /// The item's text (after the label when there is one).
    pub text: String,
}

impl ListItem {
    /// An item without a label.
    pub fn plain(text: impl Into<String>) -> Self {
        ListItem {
            label: None,
            text: text.into(),
        }
    }
}

/// A table as named columns and rows of cells in column order.
///
/// Serialised with each row as a record keyed by column name, in column order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The table's caption, if it had one.
    pub caption: Option<String>,
    /// Column names, unique and non-empty (see [`unique_columns`]).
    pub columns: Vec<String>,
    /// Rows of cells; every row has exactly `columns.len()` cells.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Builds a table from a header and rows, making column names unique and
    /// padding or folding rows to the header's width so the table is rectangular.
    pub fn new(caption: Option<String>, header: Vec<String>, rows: Vec<Vec<String>>) -> Self {
        let columns = unique_columns(&header);
        let width = columns.len();
        let rows = rows
            .into_iter()
            .map(|mut row| {
                if row.len() > width && width > 0 {
                    // Extra cells are joined into the last column rather than lost.
                    let extra = row.split_off(width - 1).join(" ");
                    row.push(extra);
                }
                row.resize(width, String::new());
                row
            })
            .collect();
        Table {
            caption,
            columns,
            rows,
        }
    }

    /// The rows as `(column, cell)` pairs, in column order.
    pub fn records(&self) -> impl Iterator<Item = Vec<(&str, &str)>> + '_ {
        self.rows.iter().map(|row| {
            self.columns
                .iter()
                .map(String::as_str)
                .zip(row.iter().map(String::as_str))
                .collect()
        })
    }
}

/// Makes column names unique and non-empty: an empty name becomes
/// `Column N` (its 1-based position), a repeated one gets ` 2`, ` 3`, ...
pub fn unique_columns(header: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(header.len());
    for (i, raw) in header.iter().enumerate() {
        let name = raw.trim();
        let base = if name.is_empty() {
            format!("Column {}", i + 1)
        } else {
            name.to_string()
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while out.contains(&candidate) {
            candidate = format!("{base} {n}");
            n += 1;
        }
        out.push(candidate);
    }
    out
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Row<'a>(&'a [String], &'a [String]);
        impl Serialize for Row<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0.iter().zip(self.1) {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
        struct Rows<'a>(&'a Table);
        impl Serialize for Rows<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
                for row in &self.0.rows {
                    seq.serialize_element(&Row(&self.0.columns, row))?;
                }
                seq.end()
            }
        }
        let mut st = serializer.serialize_struct("Table", 3)?;
        st.serialize_field("caption", &self.caption)?;
        st.serialize_field("columns", &self.columns)?;
        st.serialize_field("rows", &Rows(self))?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            caption: Option<String>,
            columns: Vec<String>,
            rows: Vec<serde_json::Map<String, serde_json::Value>>,
        }
        let raw = Raw::deserialize(deserializer)?;
        let rows = raw
            .rows
            .iter()
            .map(|rec| {
                raw.columns
                    .iter()
                    .map(|c| match rec.get(c) {
                        Some(serde_json::Value::String(s)) => s.clone(),
                        Some(v) => v.to_string(),
                        None => String::new(),
                    })
                    .collect()
            })
            .collect();
        Ok(Table {
            caption: raw.caption,
            columns: raw.columns,
            rows,
        })
    }
}

/// One structural unit of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A section heading, level 1 to 6.
    Heading {
        /// 1 (top) to 6.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph of running text, on one line.
    Paragraph {
        /// The paragraph's text.
        text: String,
    },
    /// Lines kept together as they stood, awaiting structure: short lines of
    /// a text dump that may be a flattened table, lines an HTML page broke
    /// with `<br>`. The `tables` pass rebuilds the tables among them; in
    /// JSON they are a paragraph whose text holds the lines joined by `\n`.
    /// A document turns a paragraph of several lines into this block, and
    /// this block of one line into a paragraph, as the block is added.
    #[serde(rename(serialize = "paragraph", deserialize = "lines"))]
    Lines {
        /// The lines, joined by `\n`.
        text: String,
    },
    /// A bulleted or numbered list.
    List {
        /// True for a numbered list.
        ordered: bool,
        /// The items, in order.
        items: Vec<ListItem>,
    },
    /// A table whose rows are records keyed by column.
    Table(Table),
    /// A block quotation.
    Quote {
        /// The quoted text.
        text: String,
    },
    /// Preformatted code or text, never edited by text passes.
    Code {
        /// The code, line breaks kept.
        text: String,
    },
}

/// Which part of a block a piece of text is; passes use it to decide what
/// rules apply (a list label is title-like, code is never touched).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    /// A heading's text.
    Heading,
    /// A paragraph's text.
    Paragraph,
    /// A list item's label.
    ListLabel,
    /// A list item's text.
    ListText,
    /// A table's caption.
    Caption,
    /// A table's column name.
    ColumnName,
    /// A table cell, with its column index.
    Cell(usize),
    /// A quotation.
    Quote,
    /// Code: passes that edit prose skip it.
    Code,
}

impl TextRole {
    /// True for text in which sentences run (paragraphs, list text, quotes).
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            TextRole::Paragraph | TextRole::ListText | TextRole::Quote
        )
    }
}

impl Block {
    /// The block as a document holds it: a paragraph of several lines is
    /// [`Block::Lines`], lines that are one line are a paragraph.
    pub fn canonical(self) -> Block {
        match self {
            Block::Paragraph { text } if text.contains('\n') => Block::Lines { text },
            Block::Lines { text } if !text.contains('\n') => Block::Paragraph { text },
            other => other,
        }
    }

    /// The block's kind as its JSON `type` name.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } | Block::Lines { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Table(_) => "table",
            Block::Quote { .. } => "quote",
            Block::Code { .. } => "code",
        }
    }

    /// Calls `f` on every piece of text in the block, in reading order, with
    /// its role. Table column names are visited before cells.
    pub fn for_each_text(&self, mut f: impl FnMut(TextRole, &str)) {
        match self {
            Block::Heading { text, .. } => f(TextRole::Heading, text),
            Block::Paragraph { text } | Block::Lines { text } => f(TextRole::Paragraph, text),
            Block::Quote { text } => f(TextRole::Quote, text),
            Block::Code { text } => f(TextRole::Code, text),
            Block::List { items, .. } => {
                for item in items {
                    if let Some(label) = &item.label {
                        f(TextRole::ListLabel, label);
                    }
                    f(TextRole::ListText, &item.text);
                }
            }
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    f(TextRole::Caption, c);
                }
                for c in &t.columns {
                    f(TextRole::ColumnName, c);
                }
                for row in &t.rows {
                    for (i, cell) in row.iter().enumerate() {
                        f(TextRole::Cell(i), cell);
                    }
                }
            }
        }
    }

    /// Like [`Block::for_each_text`], with mutable access to each string.
    pub fn for_each_text_mut(&mut self, mut f: impl FnMut(TextRole, &mut String)) {
        match self {
            Block::Heading { text, .. } => f(TextRole::Heading, text),
            Block::Paragraph { text } | Block::Lines { text } => f(TextRole::Paragraph, text),
            Block::Quote { text } => f(TextRole::Quote, text),
            Block::Code { text } => f(TextRole::Code, text),
            Block::List { items, .. } => {
                for item in items {
                    if let Some(label) = &mut item.label {
                        f(TextRole::ListLabel, label);
                    }
                    f(TextRole::ListText, &mut item.text);
                }
            }
            Block::Table(t) => {
                if let Some(c) = &mut t.caption {
                    f(TextRole::Caption, c);
                }
                for c in &mut t.columns {
                    f(TextRole::ColumnName, c);
                }
                for row in &mut t.rows {
                    for (i, cell) in row.iter_mut().enumerate() {
                        f(TextRole::Cell(i), cell);
                    }
                }
            }
        }
    }

    /// The block's text as one string (list items and table rows one a line),
    /// as it appears in the document's plain `text`.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.write_plain_text(&mut out);
        out
    }

    /// Appends the block's plain text to `out` (the form the document's
    /// `text` and the plain-text output use).
    pub fn write_plain_text(&self, out: &mut String) {
        match self {
            Block::Heading { text, .. }
            | Block::Paragraph { text }
            | Block::Lines { text }
            | Block::Quote { text }
            | Block::Code { text } => out.push_str(text),
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    if let Some(label) = &item.label {
                        out.push_str(label);
                        out.push(':');
                        if !item.text.is_empty() {
                            out.push(' ');
                        }
                    }
                    out.push_str(&item.text);
                }
            }
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    out.push_str(c);
                    out.push('\n');
                }
                out.push_str(&t.columns.join("\t"));
                for row in &t.rows {
                    out.push('\n');
                    out.push_str(&row.join("\t"));
                }
            }
        }
    }

    /// True when the block holds no visible text.
    pub fn is_empty(&self) -> bool {
        let mut empty = true;
        self.for_each_text(|_, t| {
            if !t.trim().is_empty() {
                empty = false;
            }
        });
        empty
    }
}

/// A block's identity within its document: given when the block is added
/// and kept through every later pass, however blocks before it are removed
/// or split, so the log can say which block a change touched.
pub type BlockId = u32;

/// One change a pass made to kept text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The pass that made it.
    pub pass: String,
    /// The block changed ([`Document::index_of`] finds it, if it is still there).
    pub block: BlockId,
    /// The text before the change.
    pub before: String,
    /// The text after it.
    pub after: String,
}

/// Where removed text stood in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// Not known (a log built by hand).
    #[default]
    Unknown,
    /// Just before the block with this id (an id never given means the end).
    Before(BlockId),
    /// Inside this block: lines cut out of it.
    Within(BlockId),
    /// It was this whole block, which stood before block `next` (`None`:
    /// it was the last).
    Block {
        /// The removed block's id.
        id: BlockId,
        /// The block that followed it when it went.
        next: Option<BlockId>,
    },
}

/// Something a pass or an ingest dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The pass (or `ingest`) that dropped it.
    pub pass: String,
    /// The text that was dropped.
    pub text: String,
    /// Why, in a few words.
    pub reason: String,
    /// Where it stood.
    pub place: Place,
}

impl Removed {
    /// A removal at an unknown place.
    pub fn new(
        pass: impl Into<String>,
        text: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Removed {
            pass: pass.into(),
            text: text.into(),
            reason: reason.into(),
            place: Place::Unknown,
        }
    }
}

/// Where a block came from in its source, for passes that judge a block by
/// its surroundings (boilerplate). Not serialised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// 1-based line number in a text dump (0 when not from a text dump).
    pub line: u32,
    /// Characters of the block's source that sat inside links.
    pub link_chars: u32,
    /// Characters of the block's source in all.
    pub chars: u32,
    /// Number of links in the block's source.
    pub links: u16,
    /// Number of images dropped from the block's source.
    pub images: u16,
    /// Nesting depth of a list item's marker (0 for top level).
    pub depth: u8,
    /// The block was marked up explicitly (a Markdown `#` heading, a `>` quote, a fence).
    pub explicit: bool,
}

impl Origin {
    /// Share of the block's characters that were link text (0.0 to 1.0).
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// What the document knows of one block besides its content.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    id: BlockId,
    origin: Origin,
}

/// A cleaned document: metadata, blocks, and the log of what was changed.
///
/// The blocks are read with [`Document::blocks`]; they are added with
/// [`Document::push`], and a pass changes them only through its
/// [`crate::PassContext`], which logs every change. Each block keeps its
/// [`BlockId`] and [`Origin`] however the blocks around it change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Facts about the page.
    pub meta: Meta,
    /// What the document was read from.
    pub input_format: InputFormat,
    /// The body, in reading order.
    blocks: Vec<Block>,
    /// The id and origin of each block, index for index.
    slots: Vec<Slot>,
    /// The id the next block added gets.
    next_id: BlockId,
    /// Every change made to kept text, in the order made.
    pub edits: Vec<Edit>,
    /// Every block or line dropped, in the order dropped.
    pub removed: Vec<Removed>,
    /// The passes that have run over the document, in order.
    passes_run: Vec<String>,
}

impl Document {
    /// An empty document of the given input format.
    pub fn new(input_format: InputFormat) -> Self {
        Document {
            input_format,
            ..Default::default()
        }
    }

    /// The body, in reading order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Appends a block with its origin; returns its id.
    pub fn push(&mut self, block: Block, origin: Origin) -> BlockId {
        let id = self.fresh_id();
        self.blocks.push(block.canonical());
        self.slots.push(Slot { id, origin });
        id
    }

    /// Appends a block whose origin is unknown (one built by hand); returns
    /// its id.
    pub fn add(&mut self, block: Block) -> BlockId {
        self.push(block, Origin::default())
    }

    /// The origin of block `i`.
    ///
    /// # Panics
    /// When there is no block `i`.
    pub fn origin(&self, i: usize) -> &Origin {
        &self.slots[i].origin
    }

    /// The id of block `i`.
    ///
    /// # Panics
    /// When there is no block `i`.
    pub fn block_id(&self, i: usize) -> BlockId {
        self.slots[i].id
    }

    /// Where the block with id `id` is now, if it is still in the document.
    pub fn index_of(&self, id: BlockId) -> Option<usize> {
        // Ids rise with position except where a block was split: a binary
        // search finds most, a scan the rest.
        match self.slots.binary_search_by_key(&id, |s| s.id) {
            Ok(i) => Some(i),
            Err(_) => self.slots.iter().position(|s| s.id == id),
        }
    }

    /// The id the next block added will get: removals made while a
    /// document is being read stand before it.
    pub fn next_block_id(&self) -> BlockId {
        self.next_id
    }

    /// True when the pass named has already run over this document.
    pub fn has_run(&self, pass: &str) -> bool {
        self.passes_run.iter().any(|p| p == pass)
    }

    pub(crate) fn mark_run(&mut self, pass: &str) {
        if !self.has_run(pass) {
            self.passes_run.push(pass.to_string());
        }
    }

    fn fresh_id(&mut self) -> BlockId {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// Mutable blocks with their ids, for in-place text changes (the
    /// number and order of blocks cannot change through them).
    pub(crate) fn blocks_with_ids_mut(&mut self) -> impl Iterator<Item = (BlockId, &mut Block)> {
        self.slots.iter().map(|s| s.id).zip(self.blocks.iter_mut())
    }

    /// Block `i`, mutable in place.
    pub(crate) fn block_mut(&mut self, i: usize) -> Option<&mut Block> {
        self.blocks.get_mut(i)
    }

    /// Removes block `i`, returning it with its id.
    pub(crate) fn remove(&mut self, i: usize) -> (Block, BlockId) {
        let slot = self.slots.remove(i);
        (self.blocks.remove(i), slot.id)
    }

    /// Removes block `i` while the document is being read, logging it
    /// under `pass` with `reason` where it stood.
    pub(crate) fn drop_block(&mut self, i: usize, pass: &str, reason: &str) {
        let next = self.slots.get(i + 1).map(|s| s.id);
        let (block, id) = self.remove(i);
        self.removed.push(Removed {
            pass: pass.into(),
            text: block.plain_text(),
            reason: reason.into(),
            place: Place::Block { id, next },
        });
    }

    /// Logs text dropped while the document is being read (never a
    /// block): it stood before the next block to be added.
    pub(crate) fn note_dropped(&mut self, pass: &str, text: String, reason: &str) {
        self.removed.push(Removed {
            pass: pass.into(),
            text,
            reason: reason.into(),
            place: Place::Before(self.next_id),
        });
    }

    /// Keeps the blocks for which `keep` is true, handing each dropped one
    /// (with its id and the id of the block that followed it) to `dropped`.
    pub(crate) fn retain(
        &mut self,
        mut keep: impl FnMut(usize) -> bool,
        mut dropped: impl FnMut(Block, BlockId, Option<BlockId>),
    ) {
        let n = self.blocks.len();
        let verdicts: Vec<bool> = (0..n).map(&mut keep).collect();
        if verdicts.iter().all(|k| *k) {
            return;
        }
        // The block that follows a dropped one is the next kept one; found
        // from the end so each drop knows it.
        let mut next_kept = vec![None; n];
        let mut after = None;
        for i in (0..n).rev() {
            next_kept[i] = after;
            if verdicts[i] {
                after = Some(self.slots[i].id);
            }
        }
        let blocks = std::mem::take(&mut self.blocks);
        let slots = std::mem::take(&mut self.slots);
        for (i, (block, slot)) in blocks.into_iter().zip(slots).enumerate() {
            if verdicts[i] {
                self.blocks.push(block);
                self.slots.push(slot);
            } else {
                dropped(block, slot.id, next_kept[i]);
            }
        }
    }

    /// Replaces block `i` by `pieces` (each with its origin): the first
    /// keeps the block's id, the others get new ones. Returns the ids.
    pub(crate) fn split(&mut self, i: usize, pieces: Vec<(Block, Origin)>) -> Vec<BlockId> {
        let mut ids = Vec::with_capacity(pieces.len());
        let mut blocks = Vec::with_capacity(pieces.len());
        let mut slots = Vec::with_capacity(pieces.len());
        for (k, (block, origin)) in pieces.into_iter().enumerate() {
            let id = if k == 0 {
                self.slots[i].id
            } else {
                self.fresh_id()
            };
            ids.push(id);
            blocks.push(block.canonical());
            slots.push(Slot { id, origin });
        }
        self.blocks.splice(i..=i, blocks);
        self.slots.splice(i..=i, slots);
        ids
    }

    /// Where removed text stood, as an index into [`Document::blocks`]:
    /// it stood just before that block (the number of blocks: at the end).
    /// `None` when the log does not say.
    pub fn position_of(&self, removed: &Removed) -> Option<usize> {
        Positions::new(self).of(removed)
    }

    /// [`Document::position_of`] for every entry of `removed`, in order.
    pub fn removal_positions(&self) -> Vec<Option<usize>> {
        let positions = Positions::new(self);
        self.removed.iter().map(|r| positions.of(r)).collect()
    }

    /// The body as plain text: blocks separated by a blank line, list items one
    /// a line, table rows one a line with tab-separated cells, header first.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if b.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            b.write_plain_text(&mut out);
        }
        out
    }

    /// All words of the body's prose, for statistics (language, vocabulary).
    pub fn prose_sample(&self, max_bytes: usize) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            b.for_each_text(|role, t| {
                if role != TextRole::Code && out.len() < max_bytes {
                    out.push_str(t);
                    out.push('\n');
                }
            });
            if out.len() >= max_bytes {
                break;
            }
        }
        out
    }
}

/// Resolves block ids to where they are now, and removed blocks to the
/// block that followed them.
struct Positions<'a> {
    doc: &'a Document,
    index: std::collections::HashMap<BlockId, usize>,
    next: std::collections::HashMap<BlockId, Option<BlockId>>,
}

impl<'a> Positions<'a> {
    fn new(doc: &'a Document) -> Self {
        let index = doc
            .slots
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let next = doc
            .removed
            .iter()
            .filter_map(|r| match r.place {
                Place::Block { id, next } => Some((id, next)),
                _ => None,
            })
            .collect();
        Positions { doc, index, next }
    }

    fn index(&self, id: BlockId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    fn of(&self, removed: &Removed) -> Option<usize> {
        let end = self.doc.blocks.len();
        let mut id = match removed.place {
            Place::Unknown => return None,
            Place::Before(id) | Place::Within(id) => id,
            Place::Block { next: None, .. } => return Some(end),
            Place::Block { next: Some(id), .. } => id,
        };
        // Each step moves to a block that followed the last: a chain no
        // longer than the log.
        for _ in 0..=self.next.len() {
            if let Some(i) = self.index(id) {
                return Some(i);
            }
            match self.next.get(&id) {
                Some(Some(next)) => id = *next,
                _ => return Some(end),
            }
        }
        Some(end)
    }
}

/// An edit as JSON shows it: `block` is the changed block's index in
/// `blocks`, or null when a later pass removed that block.
#[derive(Serialize, Deserialize)]
struct EditRecord<'a> {
    #[serde(borrow)]
    pass: std::borrow::Cow<'a, str>,
    block: Option<usize>,
    #[serde(borrow)]
    before: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    after: std::borrow::Cow<'a, str>,
}

/// A removal as JSON shows it: `at` is the index in `blocks` it stood
/// before (the number of blocks: at the end), null when unknown.
#[derive(Serialize, Deserialize)]
struct RemovedRecord<'a> {
    #[serde(borrow)]
    pass: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    reason: std::borrow::Cow<'a, str>,
    #[serde(default)]
    at: Option<usize>,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = &self.meta;
        let mut st = serializer.serialize_struct("Document", 14)?;
        st.serialize_field("schema", &SCHEMA_VERSION)?;
        st.serialize_field("source", &m.source)?;
        if m.id.is_some() {
            st.serialize_field("id", &m.id)?;
        }
        st.serialize_field("input_format", &self.input_format)?;
        st.serialize_field("url", &m.url)?;
        st.serialize_field("title", &m.title)?;
        st.serialize_field("byline", &m.byline)?;
        st.serialize_field("published", &m.published)?;
        st.serialize_field("site_name", &m.site_name)?;
        st.serialize_field("language", &m.language)?;
        st.serialize_field("blocks", &self.blocks)?;
        st.serialize_field("text", &self.text())?;
        let positions = Positions::new(self);
        let edits: Vec<EditRecord<'_>> = self
            .edits
            .iter()
            .map(|e| EditRecord {
                pass: e.pass.as_str().into(),
                block: positions.index(e.block),
                before: e.before.as_str().into(),
                after: e.after.as_str().into(),
            })
            .collect();
        st.serialize_field("edits", &edits)?;
        let removed: Vec<RemovedRecord<'_>> = self
            .removed
            .iter()
            .map(|r| RemovedRecord {
                pass: r.pass.as_str().into(),
                text: r.text.as_str().into(),
                reason: r.reason.as_str().into(),
                at: positions.of(r),
            })
            .collect();
        st.serialize_field("removed", &removed)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw<'a> {
            source: Option<String>,
            #[serde(default)]
            id: Option<String>,
            #[serde(default)]
            input_format: InputFormat,
            url: Option<String>,
            title: Option<String>,
            byline: Option<String>,
            published: Option<String>,
            site_name: Option<String>,
            language: Option<String>,
            #[serde(default)]
            blocks: Vec<Block>,
            #[serde(default, borrow)]
            edits: Vec<EditRecord<'a>>,
            #[serde(default, borrow)]
            removed: Vec<RemovedRecord<'a>>,
        }
        let r = Raw::deserialize(deserializer)?;
        let mut doc = Document::new(r.input_format);
        doc.meta = Meta {
            source: r.source,
            id: r.id,
            url: r.url,
            title: r.title,
            byline: r.byline,
            published: r.published,
            site_name: r.site_name,
            language: r.language,
        };
        // Read back, the blocks' ids are their indexes.
        for b in r.blocks {
            doc.push(b, Origin::default());
        }
        doc.edits = r
            .edits
            .into_iter()
            .map(|e| Edit {
                pass: e.pass.into_owned(),
                block: e
                    .block
                    .and_then(|i| BlockId::try_from(i).ok())
                    .unwrap_or(BlockId::MAX),
                before: e.before.into_owned(),
                after: e.after.into_owned(),
            })
            .collect();
        doc.removed = r
            .removed
            .into_iter()
            .map(|x| Removed {
                pass: x.pass.into_owned(),
                text: x.text.into_owned(),
                reason: x.reason.into_owned(),
                place: match x.at.and_then(|i| BlockId::try_from(i).ok()) {
                    Some(at) => Place::Before(at),
                    None => Place::Unknown,
                },
            })
            .collect();
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_made_unique_and_named() {
        let cols = unique_columns(&["Col".into(), "Col".into(), "".into(), " ".into()]);
        assert_eq!(cols, ["Col", "Col 2", "Column 3", "Column 4"]);
    }

    #[test]
    fn table_rows_serialise_as_records_in_column_order() {
        let t = Table::new(
            None,
            vec!["B".into(), "A".into()],
            vec![vec!["1".into(), "2".into()]],
        );
        let json = serde_json::to_string(&Block::Table(t.clone())).unwrap();
        assert_eq!(
            json,
            r#"{"type":"table","caption":null,"columns":["B","A"],"rows":[{"B":"1","A":"2"}]}"#
        );
        let back: Block = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Block::Table(t));
    }

    #[test]
    fn ragged_rows_are_made_rectangular_without_losing_cells() {
        let t = Table::new(
            None,
            vec!["A".into(), "B".into()],
            vec![vec!["1".into(), "2".into(), "3".into()], vec!["x".into()]],
        );
        assert_eq!(t.rows, vec![vec!["1", "2 3"], vec!["x", ""]]);
    }
}
