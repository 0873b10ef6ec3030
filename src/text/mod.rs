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

/// A fast, non-cryptographic hasher for short word keys (the Fx scheme:
/// multiply and rotate per 8 bytes). Word tables are built from the
/// document itself, so resistance to crafted collisions buys nothing here
/// that the default SipHash would be worth its cost for.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`WordHasher`]s.
pub type WordHash = std::hash::BuildHasherDefault<WordHasher>;
