//! Finding tables in lines of text: the tokens and cell types of table
//! rows, and the segmentations that cut lines into cells (`delimited` for
//! lines still separated by tabs or aligned spaces, `flattened` for rows
//! whose separators were lost). The text ingest asks it whether numbered
//! lines are table rows rather than a list; the `tables` pass rebuilds the
//! tables it finds.

pub(crate) mod cells;
pub(crate) mod delimited;
pub(crate) mod flattened;
pub(crate) mod tokens;
pub(crate) mod words;

/// A table found among the lines of a candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the header line.
    pub start: usize,
    /// One past the last row's line.
    pub end: usize,
    /// Column names.
    pub header: Vec<String>,
    /// Cells, row by row.
    pub rows: Vec<Vec<String>>,
}
