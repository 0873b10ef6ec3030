//! The built-in passes, one module each, and their default order.

pub mod language;
pub mod tables;

use std::sync::Arc;

use crate::pipeline::Pass;

/// The built-in passes in their default order:
///
/// 1. `language`: detects the body's language (whatlang), so that
///    language-specific passes run only where they apply.
/// 2. `tables`: rebuilds tables from text dumps (tabs, aligned spaces, or
///    flattened rows whose separators were lost) as records keyed by column.
pub fn default_passes() -> Vec<Arc<dyn Pass>> {
    vec![
        Arc::new(language::DetectLanguage),
        Arc::new(tables::RebuildTables),
    ]
}
