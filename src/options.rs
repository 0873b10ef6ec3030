//! Settings that shape a run: limits on input size and structure.

/// Limits and switches for ingest and passes.
///
/// Every limit is an `Option`: `None` means no limit, never `0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Largest input accepted, in bytes (after gunzip). Larger inputs are an
    /// error of kind [`crate::ErrorKind::TooLarge`], not silently cut.
    pub max_input_bytes: Option<usize>,
    /// Deepest DOM nesting the HTML ingest descends into; content below it is
    /// still read, as text of its nearest kept ancestor.
    pub max_dom_depth: Option<usize>,
    /// Force a language (ISO 639-1) instead of detecting it.
    pub language: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: Some(256 * 1024 * 1024),
            max_dom_depth: Some(512),
            language: None,
        }
    }
}
