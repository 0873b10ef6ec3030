//! The built-in passes, one module each, and their default order.

pub mod boilerplate;
pub mod language;

use std::sync::Arc;

use crate::pipeline::Pass;

/// The built-in passes in their default order:
///
/// 1. `boilerplate`: drops page chrome (menus, share prompts, footers,
///    comment sections, author bios, lines a folder's pages repeat).
/// 1. `language`: detects the body's language (whatlang), so that
///    language-specific passes run only where they apply.
pub fn default_passes() -> Vec<Arc<dyn Pass>> {
    vec![
        Arc::new(boilerplate::Boilerplate),
        Arc::new(language::DetectLanguage),
    ]
}
