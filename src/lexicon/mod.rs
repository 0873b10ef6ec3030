//! Word lists and tables the passes read. Each list says where its facts
//! come from.

pub mod chrome;
pub mod languages;
pub mod stopwords;
