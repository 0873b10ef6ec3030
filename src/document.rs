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
    /// A paragraph of running text. A paragraph read from a text dump may hold
    /// several lines (joined by `\n`) when they were kept together as a
    /// possible flattened table.
    Paragraph {
        /// The paragraph's text.
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
    /// The block's kind as its JSON `type` name.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
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
            Block::Paragraph { text } => f(TextRole::Paragraph, text),
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
            Block::Paragraph { text } => f(TextRole::Paragraph, text),
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

/// One change a pass made to kept text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// The pass that made it.
    pub pass: String,
    /// Index of the block (in `blocks` as it was when the edit was made).
    pub block: usize,
    /// The text before the change.
    pub before: String,
    /// The text after it.
    pub after: String,
}

/// Something a pass or an ingest dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The pass (or `ingest`) that dropped it.
    pub pass: String,
    /// The text that was dropped.
    pub text: String,
    /// Why, in a few words.
    pub reason: String,
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

/// A cleaned document: metadata, blocks, and the log of what was changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Facts about the page.
    pub meta: Meta,
    /// What the document was read from.
    pub input_format: InputFormat,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Every change made to kept text, in the order made.
    pub edits: Vec<Edit>,
    /// Every block or line dropped, in the order dropped.
    pub removed: Vec<Removed>,
    /// Source positions of `blocks`, index for index (may be shorter when a
    /// caller pushed blocks by hand; missing entries read as default).
    pub origins: Vec<Origin>,
}

impl Document {
    /// An empty document of the given input format.
    pub fn new(input_format: InputFormat) -> Self {
        Document {
            input_format,
            ..Default::default()
        }
    }

    /// Appends a block with its origin.
    pub fn push(&mut self, block: Block, origin: Origin) {
        self.origins.resize(self.blocks.len(), Origin::default());
        self.blocks.push(block);
        self.origins.push(origin);
    }

    /// The origin of block `i` (a default one when unknown).
    pub fn origin(&self, i: usize) -> Origin {
        self.origins.get(i).cloned().unwrap_or_default()
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
        st.serialize_field("edits", &self.edits)?;
        st.serialize_field("removed", &self.removed)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
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
            #[serde(default)]
            edits: Vec<Edit>,
            #[serde(default)]
            removed: Vec<Removed>,
        }
        let r = Raw::deserialize(deserializer)?;
        let origins = vec![Origin::default(); r.blocks.len()];
        Ok(Document {
            meta: Meta {
                source: r.source,
                id: r.id,
                url: r.url,
                title: r.title,
                byline: r.byline,
                published: r.published,
                site_name: r.site_name,
                language: r.language,
            },
            input_format: r.input_format,
            blocks: r.blocks,
            edits: r.edits,
            removed: r.removed,
            origins,
        })
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
