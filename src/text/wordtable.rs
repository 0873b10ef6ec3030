//! A read-only table keyed by lowercase ASCII words, for the lexicons asked
//! about nearly every word of a text (common words, proper nouns, known
//! misspellings).
//!
//! A general hash map hashes a word byte by byte and compares keys through
//! a call to `memcmp`; here a word of up to 15 bytes is packed, with its
//! length, into two machine words, so hashing is two multiplications and a
//! comparison is two integer compares, with no pointer to follow. Longer
//! words, rare in prose, go to an ordinary map beside it.
//!
//! A large table (a frequency list, a dictionary's names) is too big for
//! the processor's caches, and most words asked of it are not in it (a
//! spelling corrector asks for hundreds of made-up candidates per word):
//! such a table keeps a bit filter of a few bits per word that answers most
//! misses from cache, without touching the slots.

use std::collections::HashMap;

use super::{WordHash, load_le};

/// The longest word kept packed; the sixteenth byte holds the length.
const PACKED_MAX: usize = 15;

/// A word packed into two little-endian machine words: bytes 0..15 hold the
/// word padded with zeros, byte 15 its length. Distinct words of up to 15
/// bytes always pack differently, NUL bytes included, and no word packs to
/// the all-zero empty slot (the empty word is kept aside).
type Packed = [u64; 2];

const EMPTY: Packed = [0, 0];

/// A word to look up, packed, after ASCII lowercasing when `lower` is set.
/// `None` when the word is too long to pack, or is not ASCII and `lower`
/// is set (lowercase keys are ASCII, so such a word is in no table).
#[inline]
fn pack(word: &[u8], lower: bool) -> Option<Packed> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = word.len();
    if n > PACKED_MAX {
        return None;
    }
    let (mut lo, mut hi) = if n <= 8 {
        (load_le(word), 0)
    } else {
        (load_le(&word[..8]), load_le(&word[8..]))
    };
    if lower {
        if (lo | hi) & HIGH != 0 {
            return None;
        }
        lo = ascii_lowercase8(lo);
        hi = ascii_lowercase8(hi);
    }
    hi |= (n as u64) << 56;
    Some([lo, hi])
}

/// Eight ASCII bytes with `A`..=`Z` turned into `a`..=`z`, all at once: a
/// byte is an uppercase letter when adding 0x3F sets its high bit (it is
/// at least `A`) and adding 0x25 does not (it is at most `Z`); no sum
/// carries into the next byte since every byte is below 0x80.
#[inline]
fn ascii_lowercase8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let from_a = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
    let past_z = x.wrapping_add(0x2525_2525_2525_2525);
    let upper = from_a & !past_z & HIGH;
    x | (upper >> 2)
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn hash_of(key: Packed) -> u64 {
    (key[0] ^ key[1].rotate_left(29).wrapping_mul(K)).wrapping_mul(K)
}

/// Tables of fewer packed words skip the filter: their slots stay in cache.
const FILTER_FROM: usize = 8192;

/// A Bloom filter of the packed words: two bits a word, taken from a second
/// mix of the word's hash, in a bit set of 8 to 16 bits per word (a false
/// "maybe" for about one word in twenty that is not there).
struct Filter {
    bits: Box<[u64]>,
    /// Bits in the set, less one (a power of two).
    mask: u64,
}

impl Filter {
    fn new(words: usize) -> Self {
        let bits = (words * 8).next_power_of_two().max(64);
        Filter {
            bits: vec![0; bits / 64].into_boxed_slice(),
            mask: bits as u64 - 1,
        }
    }

    #[inline]
    fn places(&self, h: u64) -> [u64; 2] {
        let g = (h ^ (h >> 31)).wrapping_mul(K);
        [g & self.mask, (g >> 32) & self.mask]
    }

    fn insert(&mut self, h: u64) {
        for bit in self.places(h) {
            self.bits[(bit / 64) as usize] |= 1 << (bit % 64);
        }
    }

    #[inline]
    fn may_hold(&self, h: u64) -> bool {
        self.places(h)
            .iter()
            .all(|&bit| self.bits[(bit / 64) as usize] & (1 << (bit % 64)) != 0)
    }
}

/// A fixed set of words, each with a value.
pub struct WordTable<V: Copy + Default> {
    /// Open addressing with linear probing, at most half full; a key and
    /// its value side by side so that a look-up touches one cache line.
    slots: Box<[(Packed, V)]>,
    shift: u32,
    /// Present for large tables only.
    filter: Option<Filter>,
    /// Words of more than [`PACKED_MAX`] bytes, and the empty word.
    other: HashMap<Box<str>, V, WordHash>,
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of `entries`; of two equal words the later value wins.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut packed = Vec::new();
        let mut other = HashMap::default();
        for (word, v) in entries {
            match pack(word.as_bytes(), false) {
                Some(p) if !word.is_empty() => packed.push((p, v)),
                _ => {
                    other.insert(Box::from(word), v);
                }
            }
        }
        let slots = (packed.len() * 2).next_power_of_two().max(16);
        let shift = 64 - slots.trailing_zeros();
        let mut table = vec![(EMPTY, V::default()); slots].into_boxed_slice();
        let mask = slots - 1;
        let mut filter = (packed.len() >= FILTER_FROM).then(|| Filter::new(packed.len()));
        for (p, v) in packed {
            let h = hash_of(p);
            if let Some(f) = &mut filter {
                f.insert(h);
            }
            let mut i = (h >> shift) as usize;
            while table[i].0 != EMPTY && table[i].0 != p {
                i = (i + 1) & mask;
            }
            table[i] = (p, v);
        }
        WordTable {
            slots: table,
            shift,
            filter,
            other,
        }
    }

    #[inline]
    fn find(&self, key: Packed) -> Option<V> {
        let h = hash_of(key);
        if let Some(f) = &self.filter
            && !f.may_hold(h)
        {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word`, compared exactly.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        match pack(word.as_bytes(), false) {
            Some(p) if !word.is_empty() => self.find(p),
            _ => self.other.get(word).copied(),
        }
    }

    /// The value of `word` lowercased, when `word` is ASCII (the table's
    /// keys being lowercase ASCII words); `None` for any other word.
    #[inline]
    pub fn get_ascii_lowercase(&self, word: &str) -> Option<V> {
        if word.is_empty() {
            return self.other.get("").copied();
        }
        if let Some(p) = pack(word.as_bytes(), true) {
            return self.find(p);
        }
        if word.len() <= PACKED_MAX || !word.is_ascii() || self.other.is_empty() {
            return None;
        }
        self.other.get(word.to_ascii_lowercase().as_str()).copied()
    }

    /// How many words the table holds.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|(k, _)| *k != EMPTY).count() + self.other.len()
    }

    /// True when the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_words_it_holds() {
        let words = [
            "a",
            "ab",
            "the",
            "fifteen_letters",
            "sixteen_letters_",
            "a much longer word than fits",
            "",
        ];
        let t = WordTable::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        assert_eq!(t.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w), Some(i), "{w}");
        }
        for w in [
            "b",
            "a\0",
            "th",
            "thee",
            "The",
            "sixteen_letters",
            "é",
            "\0",
        ] {
            assert_eq!(t.get(w), None, "{w}");
        }
        assert_eq!(t.get_ascii_lowercase("THE"), Some(2));
        assert_eq!(
            t.get_ascii_lowercase("A Much Longer Word Than Fits"),
            Some(5)
        );
        assert_eq!(t.get_ascii_lowercase("Thé"), None);
        assert_eq!(t.get_ascii_lowercase(""), Some(6));
    }

    #[test]
    fn lowercasing_matches_the_standard_library() {
        for b in 0u8..0x80 {
            let word = [b'x', b, b'@', b'[', b'Z', b'A', b'`', b'{', b'q'];
            let Some([lo, hi]) = pack(&word, true) else {
                panic!("{b}")
            };
            let mut expected = word;
            expected.make_ascii_lowercase();
            let mut got = lo.to_le_bytes().to_vec();
            got.push(hi.to_le_bytes()[0]);
            assert_eq!(got, expected, "{b}");
            assert_eq!(hi >> 56, 9);
        }
        assert_eq!(pack("é".as_bytes(), true), None);
    }

    #[test]
    fn many_words_all_found() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
        let t = WordTable::new(words.iter().map(|w| (w.as_str(), ())));
        assert!(t.filter.is_none());
        assert!(words.iter().all(|w| t.get(w).is_some()));
        assert!((5000..6000).all(|i| t.get(&format!("w{i}x")).is_none()));
    }

    #[test]
    fn a_filtered_table_finds_all_its_words_and_filters_most_others() {
        let words: Vec<String> = (0..50_000).map(|i| format!("w{i}x")).collect();
        let t = WordTable::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i)));
        let f = t.filter.as_ref().expect("a large table is filtered");
        assert!(words.iter().enumerate().all(|(i, w)| t.get(w) == Some(i)));
        assert!(t.get_ascii_lowercase("W49999X") == Some(49_999));
        let others: Vec<String> = (50_000..60_000).map(|i| format!("w{i}x")).collect();
        assert!(others.iter().all(|w| t.get(w).is_none()));
        let passed = others
            .iter()
            .filter(|w| f.may_hold(hash_of(pack(w.as_bytes(), false).unwrap())))
            .count();
        assert!(passed < others.len() / 10, "{passed} of {}", others.len());
    }
}
