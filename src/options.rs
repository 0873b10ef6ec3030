//! Settings that shape a run: limits on input size and structure.

use std::time::Duration;

/// Limits and switches for ingest and passes.
///
/// Every limit is an `Option`: `None` means no limit, never `0`. Each limit
/// is checked before the work it bounds (a file's size before it is read, a
/// page's tag count before it is parsed), and going over one is an error of
/// its own kind for that document, never a crash or a silently cut text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Largest input accepted, in bytes (after gunzip; for JSON Lines, per
    /// record). Larger inputs are an error of kind
    /// [`crate::ErrorKind::TooLarge`], not silently cut.
    pub max_input_bytes: Option<usize>,
    /// Deepest DOM nesting the HTML ingest descends into; content below it is
    /// still read, as text of its nearest kept ancestor.
    pub max_dom_depth: Option<usize>,
    /// Most elements an HTML page may hold, counted before it is parsed
    /// ([`crate::ErrorKind::TooManyNodes`]): a parsed tree costs far more
    /// memory than its source.
    pub max_nodes: Option<usize>,
    /// Most cells one HTML table may expand to once its spans are laid out
    /// ([`crate::ErrorKind::TooManyCells`]).
    pub max_table_cells: Option<usize>,
    /// Longest time one document may take through ingest and the passes
    /// ([`crate::ErrorKind::TimeBudget`]); checked between passes.
    pub time_budget: Option<Duration>,
    /// Force a language (ISO 639-1) instead of detecting it.
    pub language: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: Some(64 * 1024 * 1024),
            max_dom_depth: Some(512),
            max_nodes: Some(1_000_000),
            max_table_cells: Some(1_000_000),
            time_budget: Some(Duration::from_secs(60)),
            language: None,
        }
    }
}
