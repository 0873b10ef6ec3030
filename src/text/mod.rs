//! Text analysis shared by the repair passes: a tokenizer that borrows from
//! the input and knows which stretches are not prose (URLs, e-mail
//! addresses, domains and file names, numbers, code, hashes), and a sentence
//! walker that says where sentences start. Every pass skips the same things
//! because they all see text through this module.

pub mod sentences;
pub mod words;

pub use sentences::{Position, SentenceWords};
pub use words::{Case, ChunkKind, Word, WordKind, chunk_kind, chunks, words};

/// `word` lowercased into `buf` when it is ASCII and fits, for lexicon
/// look-ups without allocating; `None` otherwise.
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}
