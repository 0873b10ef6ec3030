//! Misspellings and their corrections: the known misspellings typos-dict
//! lists (one correction, or several ranked by how common each is), and the
//! dictionary's correction of a word it does not know, a typist's slip or
//! two away from a far commoner word. The typos pass applies them; casing
//! asks them whether a lowercase word is a slip before trusting it.

use std::sync::OnceLock;

use unicase::UniCase;

use crate::lexicon::common_words::common_words;
use crate::lexicon::dictionary;
use crate::lexicon::slips::{LETTER_DROPPED, edits, edits_within};
use crate::lexicon::typo_exceptions::is_real_word;
use crate::text::WordTable;

/// The shortest unknown word the dictionary corrects: shorter ones are
/// abbreviations, units and commands more often than slips.
pub const MIN_UNKNOWN_LEN: usize = 5;

/// The shortest unknown word corrected by an unlikely slip (see
/// [`correction_among`]).
const MIN_UNLIKELY_SLIP_LEN: usize = 7;

/// The shortest unknown word corrected by two slips.
const MIN_TWO_SLIPS_LEN: usize = 9;

/// How much more common the best correction must be than the next one to
/// be taken: below that, the slip could be either.
const CLEAR_WIN: f64 = 60.0;

/// The least corpus count a correction needs: rarer words are more often
/// a coincidence of spelling than the word meant.
const MIN_CORRECTION_COUNT: u64 = 100_000;

/// The one of `several` (typos-dict's candidates for one misspelling) that
/// is far more common in English than the others.
pub fn most_common(several: &[&'static str]) -> Option<&'static str> {
    let mut ranked: Vec<(u64, &'static str)> = several
        .iter()
        .map(|c| (dictionary::frequency(&c.to_lowercase()), *c))
        .collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let (best, word) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    (best >= MIN_CORRECTION_COUNT && best as f64 >= CLEAR_WIN * second as f64).then_some(word)
}

/// The best-ranked candidate correction seen so far and the count of the
/// runner-up.
struct Ranking<'w> {
    /// The misspelt word.
    word: &'w [u8],
    /// The best candidate, its score and the likelihood of the slip that
    /// makes it.
    best: Option<(String, f64, f64)>,
    second: f64,
    /// A word too rare to be taken was among the candidates.
    rare_seen: bool,
}

impl<'w> Ranking<'w> {
    fn new(word: &'w [u8]) -> Self {
        Ranking {
            word,
            best: None,
            second: 0.0,
            rare_seen: false,
        }
    }

    fn offer(&mut self, candidate: &[u8], likelihood: f64) {
        // A typist rarely misses the first letter (`ebook` is no `book`),
        // short of swapping the first two.
        let swapped_first = candidate.len() >= 2
            && self.word.len() >= 2
            && candidate[0] == self.word[1]
            && candidate[1] == self.word[0];
        if candidate.first() != self.word.first() && !swapped_first {
            return;
        }
        let Ok(c) = std::str::from_utf8(candidate) else {
            return;
        };
        let count = dictionary::frequency(c);
        // Most candidates are no word at all: the frequency list says so
        // first, and the names are asked only about words it lists.
        if count == 0 || dictionary::is_name(c) {
            return;
        }
        let score = count as f64 * likelihood;
        // A rare word is never taken, but it may be the word meant
        // (`innvoated` is `innovated` as much as anything commoner):
        // it stands as a runner-up, and bars a reading two slips away.
        if count < MIN_CORRECTION_COUNT {
            if count > 0 {
                self.rare_seen = true;
                self.second = self.second.max(score);
            }
            return;
        }
        match &mut self.best {
            // The same word reached by another edit: keep its likeliest.
            Some((b, bs, bl)) if b == c => {
                *bs = bs.max(score);
                *bl = bl.max(likelihood);
            }
            Some((_, bs, _)) if *bs >= score => self.second = self.second.max(score),
            _ => {
                self.second = self.best.as_ref().map_or(0.0, |b| b.1).max(self.second);
                self.best = Some((c.to_string(), score, likelihood));
            }
        }
    }

    /// The best candidate when it wins clearly, with the likelihood of its
    /// slip.
    fn winner(self) -> Option<(String, f64)> {
        let (word, score, likelihood) = self.best?;
        (score >= CLEAR_WIN * self.second).then_some((word, likelihood))
    }
}

/// The dictionary's correction of `word`, a lowercase word it does not
/// know: the most common English word one edit away, or, when there is
/// none, two typist's slips away; only when it is far more common than
/// any other candidate at that distance.
pub fn dictionary_correction(word: &str) -> Option<String> {
    correction_among(word, true)
}

/// [`dictionary_correction`], trying only the edits that can make a word of
/// the frequency list when `prune` is set (the others are no word, and the
/// ranking passes over them), or every edit.
fn correction_among(word: &str, prune: bool) -> Option<String> {
    let b = word.as_bytes();
    if b.len() < MIN_UNKNOWN_LEN || b.len() > 30 || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let reach = |w: &[u8]| {
        if prune {
            dictionary::listed_affixes(w)
        } else {
            (usize::MAX, usize::MAX)
        }
    };
    let mut one = Ranking::new(b);
    edits_within(b, false, reach(b), &mut |c, p| one.offer(c, p));
    if one.best.is_some() || one.rare_seen {
        // A short word one unlikely slip away from a common word (a letter
        // struck for one far from it on the keyboard, a letter beside none
        // it could have been struck with) is as often a brand, a coinage or
        // a word of another language (`gmail`, `altho`, `nooch`).
        let short = b.len() < MIN_UNLIKELY_SLIP_LEN;
        return one
            .winner()
            .filter(|&(_, likelihood)| !short || likelihood >= LETTER_DROPPED)
            .map(|(word, _)| word);
    }
    // Two slips are rarer: only in longer words, where a coincidence of
    // spelling is unlikely.
    if b.len() < MIN_TWO_SLIPS_LEN {
        return None;
    }
    let mut two = Ranking::new(b);
    edits(b, true, &mut |c, p| {
        edits_within(c, true, reach(c), &mut |cc, q| two.offer(cc, p * q))
    });
    two.winner().map(|(word, _)| word)
}

/// The single correction typos-dict offers for `word`, unless it is a real
/// word the dictionary lists as a typo.
pub fn correction(word: &str) -> Option<&'static str> {
    match candidates(word)? {
        [one] => Some(one),
        _ => None,
    }
}

/// Every correction typos-dict offers for `word` (one or several), unless
/// it is a real word the dictionary lists as a typo.
pub fn candidates(word: &str) -> Option<&'static [&'static str]> {
    if word.len() > 32 || !word.is_ascii() {
        return None;
    }
    // A word typos-dict corrects other words to is a word, whatever else
    // the dictionary says about it; and asking this first is cheaper.
    if common_words().get_ascii_lowercase(word).is_some() || is_real_word(word) {
        return None;
    }
    // Most words left are names and rare words the dictionary does not
    // list: a packed table of its keys answers that without hashing the
    // word the dictionary's own (slower) way.
    misspellings().get_ascii_lowercase(word)?;
    typos_dict::WORD.find(&UniCase::new(word)).copied()
}

/// The misspellings typos-dict lists that are ASCII, lowercased. Its other
/// keys hold a non-ASCII letter that no case folding turns into ASCII, so
/// an ASCII word can only ever match one of these.
fn misspellings() -> &'static WordTable<()> {
    static KEYS: OnceLock<WordTable<()>> = OnceLock::new();
    KEYS.get_or_init(|| {
        // The keys are stored lowercase: borrowed, not copied, unless one
        // is not.
        let keys: Vec<std::borrow::Cow<'static, str>> = typos_dict::WORD
            .map
            .keys()
            .map(|k| k.into_inner())
            .filter(|k| k.is_ascii())
            .map(|k| {
                if k.bytes().any(|b| b.is_ascii_uppercase()) {
                    k.to_ascii_lowercase().into()
                } else {
                    k.into()
                }
            })
            .collect();
        WordTable::new(keys.iter().map(|k| (k.as_ref(), ())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::slips::edits;

    /// Trying only the edits that can make a listed word finds what trying
    /// every edit finds: on slips of listed words (one and two away, so
    /// both searches run) and on words of no language.
    #[test]
    fn pruned_edits_find_the_same_corrections() {
        let mut words: Vec<String> = Vec::new();
        for w in [
            "restaurant",
            "government",
            "information",
            "necessary",
            "beautiful",
            "environment",
            "because",
            "separate",
            "definitely",
            "accommodate",
        ] {
            edits(w.as_bytes(), true, &mut |c, _| {
                words.push(String::from_utf8_lossy(c).into_owned());
                edits(c, true, &mut |cc, _| {
                    if cc.len() % 7 == 0 {
                        words.push(String::from_utf8_lossy(cc).into_owned());
                    }
                });
            });
        }
        words.extend(
            ["qzxvbnmlk", "zorbified", "plinthwarp", "xylomancer", "snorkvelt"].map(String::from),
        );
        words.sort();
        words.dedup();
        assert!(words.len() > 500, "{} words", words.len());
        let mut corrected = 0;
        for w in &words {
            let pruned = correction_among(w, true);
            assert_eq!(pruned, correction_among(w, false), "{w}");
            corrected += usize::from(pruned.is_some());
        }
        assert!(corrected > 50, "only {corrected} corrected");
    }
}
