//! Turning bytes into a [`crate::Document`]: decoding, then one walk of the
//! HTML DOM or one pass of the text-dump line classifier.

pub mod decode;
pub mod html;
pub(crate) mod inline;
pub mod text;
