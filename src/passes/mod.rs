//! The built-in passes, one module each, and their default order.

pub mod casing;
pub mod language;
pub mod spacing;
pub mod unicode;

use std::sync::Arc;

use crate::pipeline::Pass;

/// The built-in passes in their default order:
///
/// 1. `unicode`: repairs mojibake, drops invisible characters, makes spaces
///    plain and single, normalises to NFC.
/// 1. `language`: detects the body's language (whatlang), so that
///    language-specific passes run only where they apply.
pub fn default_passes() -> Vec<Arc<dyn Pass>> {
    vec![
        Arc::new(unicode::RepairUnicode),
        Arc::new(language::DetectLanguage),
        Arc::new(spacing::RepairSpacing),
        Arc::new(casing::RepairCasing),
    ]
}
