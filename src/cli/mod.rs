//! The command line's machinery: the streamed run, its outputs, its summary.

pub mod output;
pub mod run;
pub mod summary;
