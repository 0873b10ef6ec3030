//! A per-thread memory of what the pass found for recent short texts:
//! menus, buttons, footers and share rows recur on every page of a site
//! and often within a page, and what the pass finds in a text depends on
//! the text alone.

use std::collections::HashMap;

/// Texts kept in each of the two generations; when the newer is full, it
/// becomes the older and the older is dropped, so the memory stays flat
/// however large the folder.
const GENERATION: usize = 1 << 14;

/// What texts gave, hashed with a seed per process, so crafted input
/// cannot pile its texts into one bucket.
type Generation<V> = HashMap<Box<str>, V, foldhash::fast::RandomState>;

/// Recent texts and what they gave, in two generations. A text found in
/// the older generation moves to the newer: the texts a folder's pages all
/// repeat stay remembered, where a memory starting over when full would
/// forget them with the rest.
pub(crate) struct Memory<V> {
    newer: Generation<V>,
    older: Generation<V>,
}

impl<V: Clone> Memory<V> {
    /// An empty memory.
    pub(crate) fn new() -> Self {
        Memory {
            newer: HashMap::with_capacity_and_hasher(GENERATION, Default::default()),
            older: HashMap::with_capacity_and_hasher(GENERATION, Default::default()),
        }
    }

    /// What `text` gives: remembered, or found by `find` and remembered.
    /// The key is the whole text, so a remembered value is always the one
    /// `find` gives when `find` depends on the text alone.
    pub(crate) fn get_or_find(&mut self, text: &str, find: impl FnOnce(&str) -> V) -> V {
        if let Some(v) = self.newer.get(text) {
            return v.clone();
        }
        let (key, v) = match self.older.remove_entry(text) {
            Some(entry) => entry,
            None => (Box::from(text), find(text)),
        };
        if self.newer.len() >= GENERATION {
            std::mem::swap(&mut self.newer, &mut self.older);
            self.newer.clear();
        }
        self.newer.insert(key, v.clone());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_text_gives_what_it_gave() {
        let mut m: Memory<usize> = Memory::new();
        let mut found: Vec<String> = Vec::new();
        // A text asked again within each generation stays remembered,
        // however many other texts pass.
        for i in 0..3 * GENERATION {
            for t in ["recurring".to_string(), i.to_string()] {
                let v = m.get_or_find(&t, |t| {
                    found.push(t.to_string());
                    t.len()
                });
                assert_eq!(v, t.len());
            }
        }
        assert_eq!(found.iter().filter(|t| *t == "recurring").count(), 1);
        assert_eq!(found.len(), 1 + 3 * GENERATION);
        assert!(m.newer.len() <= GENERATION && m.older.len() <= GENERATION);
    }
}
