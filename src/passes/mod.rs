//! The built-in passes, one module each, and their default order.

pub mod boilerplate;
pub mod dedupe;
pub mod language;

use std::sync::Arc;

use crate::pipeline::Pass;

/// The built-in passes in their default order:
///
/// 1. `boilerplate`: drops page chrome (menus, share prompts, footers,
///    comment sections, author bios, lines a folder's pages repeat).
/// 1. `language`: detects the body's language (whatlang), so that
///    language-specific passes run only where they apply.
/// 1. `dedupe`: drops a heading repeating the previous one or the title, and
///    blocks repeated verbatim.
pub fn default_passes() -> Vec<Arc<dyn Pass>> {
    vec![
        Arc::new(boilerplate::Boilerplate),
        Arc::new(language::DetectLanguage),
        Arc::new(dedupe::Dedupe),
    ]
}
