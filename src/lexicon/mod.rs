//! Word lists and tables the passes read. Each list says where its facts
//! come from.

pub mod chrome;
pub mod class_names;
pub mod common_words;
pub mod dictionary;
mod dictionary_lists;
pub mod frequent_words;
pub mod languages;
pub mod misspellings;
pub mod months;
pub mod proper_nouns;
pub mod slips;
pub mod stopwords;
pub mod table_words;
pub mod typo_exceptions;
