//! Word casing statistics: how a text writes each word, capitalised
//! standing alone mid-sentence or lowercase. The casing pass reads them for
//! one document, and folder learning sums them over a folder.

use std::collections::HashMap;

use crate::lexicon::common_words::is_common_word;
use crate::lexicon::dictionary;
use crate::text::{Case, Position, SentenceWords, Word, WordKind};

/// How often a word is written capitalised standing alone mid-sentence
/// (`Morocco` in "the forces of Morocco said") against lowercase
/// mid-sentence, keyed by its lowercase form.
pub type CasingCounts = HashMap<String, (u32, u32), crate::text::WordHash>;

/// True when `word` (lowercase), a common word, is one the dictionary has
/// only capitalised (`facebook`): a name the casing pass restores unless the
/// document writes it lowercase, so its uses are counted. Names of four
/// letters or fewer are never restored from the dictionary, and most common
/// words are short: the look-up is asked of few.
fn common_name(word: &str) -> bool {
    word.len() >= 5 && dictionary::is_name(word)
}

/// Counts, in `text`, each capitalised word standing alone mid-sentence and
/// each lowercase word mid-sentence (see [`CasingCounts`]).
pub fn count_word_casing(text: &str, counts: &mut CasingCounts) {
    count_word_casing_and_pairs(text, counts, None);
}

/// [`count_word_casing`], and with `pairs`, how `text` writes pairs of
/// words side by side (see [`CapitalPairs`]) in the same walk.
pub fn count_word_casing_and_pairs(
    text: &str,
    counts: &mut CasingCounts,
    mut pairs: Option<&mut CapitalPairs>,
) {
    let mut words = SentenceWords::new(text).peekable();
    let mut prev: Option<Word<'_>> = None;
    let mut prev_pos = Position::Unknown;
    while let Some((w, pos)) = words.next() {
        let before = prev.replace(w);
        let before_pos = std::mem::replace(&mut prev_pos, pos);
        if pos != Position::Mid || w.kind != WordKind::Alpha {
            continue;
        }
        if let (Some(pairs), Some(b)) = (pairs.as_deref_mut(), before)
            && before_pos == Position::Mid
            && b.kind == WordKind::Alpha
            && text.get(b.end()..w.start) == Some(" ")
        {
            pairs.count(b, w);
        }
        let stem = w.stem();
        if stem.len() < 3 {
            continue;
        }
        match w.case {
            Case::Title => {
                let capital_neighbour = |n: Option<&(Word<'_>, Position)>| {
                    n.is_some_and(|(x, p)| {
                        *p == Position::Mid
                            && matches!(x.case, Case::Title | Case::Upper | Case::Mixed)
                    })
                };
                // The word before is in the same sentence (this one is
                // mid-sentence), whatever its own position: "Islamic State".
                let prev_capital = before
                    .is_some_and(|p| matches!(p.case, Case::Title | Case::Upper | Case::Mixed));
                let next_capital = capital_neighbour(words.peek());
                let mut buf = [0u8; 32];
                let lower = crate::text::ascii_lower(stem, &mut buf);
                // Beside another capital, a listed word is part of a title
                // ("the Force Awakens"); a word the lists lack is part of a
                // name ("Johann Neumann") all the same.
                if (prev_capital || next_capital) && lower.is_none_or(dictionary::is_listed) {
                    continue;
                }
                // Common words are never taken for names (see
                // `Evidence::capitalises`): not counting them keeps the table
                // small. Those the dictionary has only as names are counted:
                // the casing pass asks how the document writes them.
                if lower.is_some_and(|l| is_common_word(l) && !common_name(l)) {
                    continue;
                }
                let key = lower.map_or_else(|| stem.to_lowercase(), str::to_string);
                counts.entry(key).or_insert((0, 0)).0 += 1;
            }
            Case::Lower if !is_common_word(stem) || common_name(stem) => match counts.get_mut(stem) {
                Some(e) => e.1 += 1,
                None => {
                    counts.insert(stem.to_string(), (0, 1));
                }
            },
            _ => {}
        }
    }
}

/// How a document writes two words side by side mid-sentence, one space
/// apart: both capitalised (`Football League`), or only one of them
/// (`Retina display`, `happy Birthday`). A lowercase word beside a
/// capitalised one, in a pair the document writes capitalised on both
/// sides as a rule, is half of a name (`the football League`, `Joey
/// barton`).
#[derive(Debug, Default, PartialEq)]
pub struct CapitalPairs {
    uses: HashMap<u64, PairUses, crate::text::WordHash>,
}

/// The uses of one pair of words: both capitalised, the first only, the
/// second only.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct PairUses {
    both: u32,
    first: u32,
    second: u32,
}

impl CapitalPairs {
    /// Counts the pair `first second` (adjacent mid-sentence words); pairs
    /// with no capitalised word are not counted, which keeps the table small.
    fn count(&mut self, first: Word<'_>, second: Word<'_>) {
        let (a, b) = (first.case == Case::Title, second.case == Case::Title);
        let (al, bl) = (first.case == Case::Lower, second.case == Case::Lower);
        if !((a && (b || bl)) || (al && b)) {
            return;
        }
        let e = self
            .uses
            .entry(pair_key(first.stem(), second.stem()))
            .or_default();
        match (a, b) {
            (true, true) => e.both += 1,
            (true, false) => e.first += 1,
            _ => e.second += 1,
        }
    }

    /// Adds the uses `other` counted.
    pub fn add(&mut self, other: &CapitalPairs) {
        for (&key, u) in &other.uses {
            let e = self.uses.entry(key).or_default();
            e.both += u.both;
            e.first += u.first;
            e.second += u.second;
        }
    }

    /// Takes away the uses `other` counted, which these hold (a text
    /// counted again once changed): pairs left with no use are dropped, as
    /// a new count would not hold them.
    pub fn remove(&mut self, other: &CapitalPairs) {
        for (key, u) in &other.uses {
            if let Some(e) = self.uses.get_mut(key) {
                e.both = e.both.saturating_sub(u.both);
                e.first = e.first.saturating_sub(u.first);
                e.second = e.second.saturating_sub(u.second);
                if e.both == 0 && e.first == 0 && e.second == 0 {
                    self.uses.remove(key);
                }
            }
        }
    }

    /// True when `first second`, written with only the other word of the
    /// two capitalised (`first_lower`: the first is the lowercase one), is
    /// a pair the document writes capitalised on both sides twice or more,
    /// and at least twice as often as so: a writer who spells a term both
    /// ways (`Slow Carb`, `Slow carb`) leaves it open.
    pub fn both_capitalised(&self, first: &str, second: &str, first_lower: bool) -> bool {
        self.uses.get(&pair_key(first, second)).is_some_and(|u| {
            let mixed = if first_lower { u.second } else { u.first };
            u.both >= 2 && u.both >= 2 * mixed
        })
    }
}

/// A key for the pair `first second` in any case: FNV-1a over both words'
/// lowercase letters, a separator between them.
fn pair_key(first: &str, second: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for (i, word) in [first, second].into_iter().enumerate() {
        if i == 1 {
            add(b' ');
        }
        if word.is_ascii() {
            word.bytes().for_each(|b| add(b.to_ascii_lowercase()));
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                let mut buf = [0u8; 4];
                c.encode_utf8(&mut buf).bytes().for_each(&mut add);
            }
        }
    }
    h
}
