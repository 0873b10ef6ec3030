//! The built-in passes, one module each, and their default order.

pub mod boilerplate;
pub mod casing;
pub mod dedupe;
pub mod language;
pub mod spacing;
pub mod tables;
pub mod typos;
pub mod unicode;

use std::sync::Arc;

use crate::pipeline::{Pass, Pipeline};

/// The built-in passes in their default order:
///
/// 1. `unicode`: repairs mojibake, drops invisible characters, makes spaces
///    plain and single, normalises to NFC.
/// 1. `boilerplate`: drops page chrome (menus, share prompts, footers,
///    comment sections, author bios, lines a folder's pages repeat).
/// 1. `language`: detects the body's language (whatlang), so that
///    language-specific passes run only where they apply.
/// 1. `dedupe`: drops a heading repeating the previous one or the title, and
///    blocks repeated verbatim.
/// 1. `tables`: rebuilds tables from text dumps (tabs, aligned spaces, or
///    flattened rows whose separators were lost) as records keyed by column.
/// 1. `spacing`: adds the space lost after punctuation, drops the one before it.
/// 1. `casing` (English): capitalises sentence starts, headings, labels, cells
///    and proper nouns.
/// 1. `typos` (English): corrects known misspellings with one candidate.
pub fn default_passes() -> Vec<Arc<dyn Pass>> {
    vec![
        Arc::new(unicode::RepairUnicode),
        Arc::new(boilerplate::Boilerplate),
        Arc::new(language::DetectLanguage),
        Arc::new(dedupe::Dedupe),
        Arc::new(tables::RebuildTables),
        Arc::new(spacing::RepairSpacing),
        Arc::new(casing::RepairCasing),
        Arc::new(typos::RepairTypos),
    ]
}

impl Default for Pipeline {
    /// The default passes in their default order (see [`default_passes`]).
    /// Built here, beside the passes, so the pipeline itself knows none of
    /// them.
    fn default() -> Self {
        default_passes()
            .into_iter()
            .fold(Pipeline::empty(), Pipeline::with_shared_pass)
    }
}
