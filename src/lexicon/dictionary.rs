//! The English dictionary: whether a word is English, a name or unknown,
//! how common it is, and whether it is a common word of another language.
//!
//! Sources, vendored under `data/` with their licences beside them:
//! - the Hunspell en_US dictionary (SCOWL 2020.12.07 as packaged by Debian,
//!   `hunspell-en-us`), read with `spellbook`;
//! - the SymSpell frequency lists (Google Books n-gram counts intersected
//!   with Hunspell word lists, lowercase): English whole, and the 30,000
//!   most frequent words of German, French, Spanish and Italian.
//!
//! Everything is parsed once per process, on first use, and only when an
//! English text asks: a run over other languages never pays for it. What
//! is derived from the lists (names, the words in byte order) is made at
//! build time.

use std::sync::OnceLock;

use super::dictionary_lists::{self, british_in};
use crate::text::WordTable;

const AFF: &str = include_str!("../../data/hunspell/en_US.aff");
const DIC: &str = include_str!("../../data/hunspell/en_US.dic");
const ENGLISH_FREQUENCY: &str = include_str!("../../data/frequency/en.txt");
/// The lowercase forms of the words the dictionary has only capitalised,
/// one a line, and the frequency list's words in byte order, forwards and
/// spelt backwards: derived at build time (`build.rs`).
const NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/names.txt"));
const FORWARDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/forwards.txt"));
const BACKWARDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/backwards.bin"));
const OTHER_LANGUAGES: [&str; 4] = [
    include_str!("../../data/frequency/de.txt"),
    include_str!("../../data/frequency/fr.txt"),
    include_str!("../../data/frequency/es.txt"),
    include_str!("../../data/frequency/it.txt"),
];

/// What the dictionary says of a lowercase word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// An English word written in lowercase (British or American spelling).
    English,
    /// A name: the dictionary has the word only capitalised (`leeds` for
    /// `Leeds`, `christmas` for `Christmas`).
    Name,
    /// Not in the dictionary in any case.
    Unknown,
}

struct Dictionary {
    hunspell: spellbook::Dictionary,
    /// English words (and lowercased names) with their corpus counts.
    frequency: WordTable<u64>,
    /// The lowercase forms of the words the dictionary has only
    /// capitalised, and their plurals.
    names: WordTable<()>,
    /// Common words of German, French, Spanish and Italian.
    foreign: WordTable<()>,
}

fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        // The vendored files are part of the build: a parse failure is a
        // broken build, caught by the tests, not bad input.
        let hunspell = spellbook::Dictionary::new(AFF, DIC)
            .unwrap_or_else(|e| panic!("vendored en_US dictionary does not parse: {e}"));
        let frequency = WordTable::new(english_counts());
        let foreign: WordTable<()> = WordTable::new(
            OTHER_LANGUAGES
                .iter()
                .flat_map(|list| list.lines())
                .filter_map(|l| Some((dictionary_lists::split_at_space(l)?.0, ()))),
        );
        // `Les`, `Que`, `Los` open names, but lowercase they are words of
        // French and Spanish phrases quoted in English text. (Longer names
        // are in the other languages' lists as names: `louisiana`.)
        let names = WordTable::new(
            NAMES
                .lines()
                .filter(|n| n.len() > 4 || foreign.get(n).is_none())
                .map(|n| (n, ())),
        );
        Dictionary {
            hunspell,
            frequency,
            names,
            foreign,
        }
    })
}

/// Loads the dictionary now rather than on first use (for timing start-up
/// apart from the work that follows).
pub fn load() {
    dictionary();
}

/// What `word` (lowercase) is: English, a name, or unknown.
pub fn class_of(word: &str) -> WordClass {
    let d = dictionary();
    if d.names.get(word).is_some() {
        return WordClass::Name;
    }
    // Every word of the frequency list is a Hunspell word: the list answers
    // for nearly all of a text without asking Hunspell's affix rules.
    if d.frequency.get(word).is_some()
        || d.hunspell.check(word)
        || is_british_spelling(word)
        || is_derived_word(word)
    {
        return WordClass::English;
    }
    WordClass::Unknown
}

/// True when `word` (lowercase) is in the frequency list or among the
/// names: the one quick look-up that settles nearly every word of a text.
pub fn is_listed(word: &str) -> bool {
    let d = dictionary();
    d.frequency.get(word).is_some() || d.names.get(word).is_some()
}

/// True when `word` (lowercase) is in the frequency list and no name: the
/// quick test for the parts of a derived word.
fn is_listed_word(word: &str) -> bool {
    let d = dictionary();
    word.len() >= 2 && d.frequency.get(word).is_some() && d.names.get(word).is_none()
}

/// Prefixes English puts before any word (`un`cited, `re`calibrated).
const PREFIXES: &[&str] = &[
    "anti", "auto", "co", "counter", "cyber", "de", "dis", "eco", "hyper", "inter", "intra",
    "macro", "meta", "micro", "mini", "mis", "multi", "neo", "non", "out", "over", "post", "pre",
    "pseudo", "re", "semi", "sub", "super", "trans", "ultra", "un", "under",
];

/// Endings English puts after any word (`haptic`s, `influence`rs).
const SUFFIXES: &[&str] = &[
    "ability", "able", "ally", "ed", "er", "ers", "es", "ful", "ies", "ing", "ings", "ise", "ised",
    "ism", "ist", "ists", "ize", "ized", "izes", "izing", "less", "ly", "ment", "ments", "ness",
    "or", "ors", "s", "y",
];

/// Endings that take the place of a word's final letter (`sanitiz`e →
/// `sanitization`, `phenolog`y → `phenological`): only with that letter
/// restored is the rest a word, as `sum` + `ation` is no word.
const REPLACING_SUFFIXES: &[(&str, &str)] = &[
    ("ation", "e"),
    ("ations", "e"),
    ("ical", "y"),
    ("ically", "y"),
];

/// True when `word` (lowercase) is made of English words the dictionary
/// lacks in that form: a prefix and a word (`unevidenced`), a word and an
/// ending (`spectrums`, `influencers`), or two words (`courtside`,
/// `chipset`). The web writes such words freely; none is a slip.
pub fn is_derived_word(word: &str) -> bool {
    if word.len() < 5 || !word.is_ascii() {
        return false;
    }
    let known = |w: &str| is_listed_word(w) || dictionary().hunspell.check(w);
    for p in PREFIXES {
        if let Some(rest) = word.strip_prefix(p)
            && rest.len() >= 3
            && known(rest)
        {
            return true;
        }
    }
    // Greek and Latin plurals in `-a` (`polyhedra`, `criteria`).
    if let Some(stem) = word.strip_suffix('a')
        && known(&format!("{stem}on"))
    {
        return true;
    }
    for s in SUFFIXES {
        if let Some(base) = word.strip_suffix(s)
            && base.len() >= 3
            && (known(base) || known(&format!("{base}e")) || known(&format!("{base}y")))
        {
            return true;
        }
    }
    for (ending, letter) in REPLACING_SUFFIXES {
        if let Some(base) = word.strip_suffix(ending)
            && base.len() >= 3
            && known(&format!("{base}{letter}"))
        {
            return true;
        }
    }
    // Two words of three letters or more each, both common enough to be
    // in the frequency list.
    (3..=word.len() - 3).any(|k| {
        word.is_char_boundary(k) && is_listed_word(&word[..k]) && is_listed_word(&word[k..])
    })
}

/// True when `word` (lowercase) is spelt as the dictionary or the
/// frequency list has it, in British or American spelling; unlike
/// [`class_of`], not when it is only made of known parts (`untill` is
/// `un` and `till`, and still a slip).
pub fn is_spelt_word(word: &str) -> bool {
    let d = dictionary();
    d.frequency.get(word).is_some() || d.hunspell.check(word) || is_british_spelling(word)
}

/// True when `word` (lowercase) is an English word.
pub fn is_english(word: &str) -> bool {
    class_of(word) == WordClass::English
}

/// True when the dictionary has `word` (lowercase) only capitalised.
pub fn is_name(word: &str) -> bool {
    dictionary().names.get(word).is_some()
}

/// How often `word` (lowercase) occurs in the English corpus behind the
/// frequency list; 0 when it is not listed.
pub fn frequency(word: &str) -> u64 {
    dictionary().frequency.get(word).unwrap_or(0)
}

/// The English frequency list's words and their counts, as listed.
fn english_counts() -> impl Iterator<Item = (&'static str, u64)> {
    dictionary_lists::english_counts(ENGLISH_FREQUENCY)
}

/// The words of the frequency list in byte order, forwards and spelt
/// backwards: which beginnings and endings some listed word has.
struct Affixes {
    forwards: Vec<&'static [u8]>,
    backwards: Vec<&'static [u8]>,
    /// Where the words of `forwards` opening on each byte begin: those
    /// opening on `b` are `forwards_by_first[b]..forwards_by_first[b + 1]`.
    forwards_by_first: Box<[u32; 257]>,
    /// The same for `backwards`.
    backwards_by_first: Box<[u32; 257]>,
}

fn affixes() -> &'static Affixes {
    static AFFIXES: OnceLock<Affixes> = OnceLock::new();
    AFFIXES.get_or_init(|| {
        let forwards = built_lines(FORWARDS);
        let backwards = built_lines(BACKWARDS);
        Affixes {
            forwards_by_first: by_first_byte(&forwards),
            backwards_by_first: by_first_byte(&backwards),
            forwards,
            backwards,
        }
    })
}

/// The words of a list built one a line.
fn built_lines(list: &'static [u8]) -> Vec<&'static [u8]> {
    let mut words: Vec<&'static [u8]> = list.split(|&b| b == b'\n').collect();
    // The last line ends the list too.
    words.pop();
    words
}

/// For a sorted list, where the words opening on each byte begin (see
/// [`Affixes::forwards_by_first`]); an empty word opens on no byte and
/// sorts before them all.
fn by_first_byte<W: AsRef<[u8]>>(sorted: &[W]) -> Box<[u32; 257]> {
    let mut starts = Box::new([0u32; 257]);
    for (b, s) in starts.iter_mut().enumerate() {
        // Words opening on a byte below `b`, and empty words, come first.
        *s = sorted
            .partition_point(|w| w.as_ref().first().is_none_or(|&x| usize::from(x) < b))
            as u32;
    }
    starts
}

/// How many of `bytes` begin some word of `sorted` (a sorted list, with
/// `by_first` from [`by_first_byte`]): the range of words sharing the
/// bytes read so far narrows byte by byte, the first byte's range read
/// from the table rather than searched for over the whole list.
fn shared_beginning<W: AsRef<[u8]>>(
    sorted: &[W],
    by_first: &[u32; 257],
    mut bytes: impl Iterator<Item = u8>,
) -> usize {
    let Some(first) = bytes.next() else {
        return 0;
    };
    let (mut lo, mut hi) = (
        by_first[usize::from(first)] as usize,
        by_first[usize::from(first) + 1] as usize,
    );
    if lo == hi {
        return 0;
    }
    let mut k = 1;
    for b in bytes {
        // Words of the range share the first `k` bytes; the ones that end
        // there sort first, then they go by their next byte.
        let range = &sorted[lo..hi];
        let first = range.partition_point(|w| w.as_ref().get(k).is_none_or(|&x| x < b));
        let last = first + range[first..].partition_point(|w| w.as_ref().get(k) == Some(&b));
        if first == last {
            break;
        }
        (lo, hi) = (lo + first, lo + last);
        k += 1;
    }
    k
}

/// The longest beginning of `word` (in bytes) that begins a word of the
/// frequency list, and the longest ending that ends one. An edit further
/// from both ends than these cannot make a listed word: the spelling
/// corrector skips it.
pub fn listed_affixes(word: &[u8]) -> (usize, usize) {
    let a = affixes();
    (
        shared_beginning(&a.forwards, &a.forwards_by_first, word.iter().copied()),
        shared_beginning(
            &a.backwards,
            &a.backwards_by_first,
            word.iter().rev().copied(),
        ),
    )
}

/// True when `word` (lowercase) is one of the common words of German,
/// French, Spanish or Italian.
pub fn is_foreign_word(word: &str) -> bool {
    dictionary().foreign.get(word).is_some()
}

/// True when `word` (lowercase) is a British spelling of a word the US
/// dictionary has: `colour`, `organise`, `centre`, `catalogued`,
/// `travelled`, `counsellor`, `organiser`, `aluminium`, `defence`,
/// `programme`, `judgement`, `ageing`, `fulfil`, `paediatric`, `grey`.
pub fn is_british_spelling(word: &str) -> bool {
    british_in(&dictionary().hunspell, word)
}

#[cfg(test)]
mod tests {
    use super::dictionary_lists::{BRITISH_RULES, capitalised_only, reversed, sorted_bytewise};
    use super::*;

    /// The lists built into the crate are the ones the vendored files give.
    #[test]
    fn built_lists_are_derived_from_the_vendored_files() {
        let h = &dictionary().hunspell;
        let names: Vec<&str> = NAMES.lines().collect();
        assert_eq!(names, capitalised_only(DIC, h));
        assert!(names.len() > 10_000, "{} names", names.len());
        let words: Vec<&[u8]> = english_counts().map(|(w, _)| w.as_bytes()).collect();
        assert_eq!(built_lines(FORWARDS), sorted_bytewise(words.clone()));
        let backwards = sorted_bytewise(reversed(&words));
        assert_eq!(built_lines(BACKWARDS), backwards);
    }

    #[test]
    fn words_names_and_unknowns() {
        for w in ["the", "which", "reason", "tilde", "bring", "ounce"] {
            assert_eq!(class_of(w), WordClass::English, "{w}");
        }
        assert_eq!(class_of("grey"), WordClass::English);
        for w in ["leeds", "tuscany", "christmas"] {
            assert_eq!(class_of(w), WordClass::Name, "{w}");
        }
        // The plural of a first name that is also a word's plural.
        assert_eq!(class_of("allies"), WordClass::English);
        for w in ["wiht", "teh", "raison", "qwertz"] {
            assert_eq!(class_of(w), WordClass::Unknown, "{w}");
        }
    }

    #[test]
    fn derived_words_and_classical_plurals_are_english() {
        for w in [
            "polyhedra",
            "tetrahedra",
            "unevidenced",
            "influencers",
            "validators",
            "sanitization",
            "phenological",
        ] {
            assert!(is_english(w), "{w}");
        }
        assert!(!is_english("wiht"));
        // An ending that replaces a final letter needs that letter back.
        assert!(!is_english("sumation"));
    }

    #[test]
    fn british_spellings_are_english() {
        for w in [
            "colour",
            "organise",
            "organisation",
            "centre",
            "uncatalogued",
            "travelled",
            "defence",
            "programme",
            "judgement",
            "analyse",
            "grey",
            "ochre",
            "sceptics",
            "focussed",
            "ploughing",
            "fulfil",
            "counsellor",
            "organiser",
            "aluminium",
            "catalogued",
            "practising",
            "practised",
        ] {
            assert!(is_english(w), "{w}");
        }
        assert!(!is_british_spelling("wiht"));
        // A slip that a British rule would turn into a word stays a slip.
        assert!(!is_spelt_word("untill"));
    }

    /// The affix search answers what reading every listed word answers:
    /// the longest beginning and ending of a word that some listed word
    /// shares, with the first byte's range taken from the table.
    #[test]
    fn listed_affixes_match_a_search_of_every_word() {
        let words: Vec<&[u8]> = english_counts().map(|(w, _)| w.as_bytes()).collect();
        let longest = |probe: &[u8], shared: &dyn Fn(&[u8], usize) -> bool| {
            (0..=probe.len())
                .rev()
                .find(|&k| k == 0 || words.iter().any(|w| shared(w, k)))
                .unwrap_or(0)
        };
        for probe in [
            "", "a", "the", "restaurant", "restuarant", "xylophone", "qzxv", "zzzz",
            "jewerly", "unbelievablenesses", "{{", "\u{e9}t\u{e9}", "ing", "tion",
        ] {
            let p = probe.as_bytes();
            let head = longest(p, &|w, k| w.starts_with(&p[..k]));
            let tail = longest(p, &|w, k| w.ends_with(&p[p.len() - k..]));
            assert_eq!(listed_affixes(p), (head, tail), "{probe}");
        }
    }

    /// The British rules sought byte by byte say what seeking each pattern
    /// with `find` says, on every entry of the dictionary and on words
    /// where a pattern overlaps itself or sits at either end.
    #[test]
    fn british_rules_sought_by_bytes_match_find() {
        let h = &dictionary().hunspell;
        let by_find = |word: &str| {
            if word.len() < 4 || !word.is_ascii() {
                return false;
            }
            let us = |w: &str| h.check(w);
            for &(gb, us_form) in BRITISH_RULES {
                if let Some(end) = gb.strip_suffix('$') {
                    if let Some(stem) = word.strip_suffix(end)
                        && us(&format!("{stem}{us_form}"))
                    {
                        return true;
                    }
                    continue;
                }
                let mut from = 0;
                while let Some(k) = word[from..].find(gb) {
                    let at = from + k;
                    let c = format!("{}{}{}", &word[..at], us_form, &word[at + gb.len()..]);
                    if us(&c) {
                        return true;
                    }
                    from = at + 1;
                }
            }
            false
        };
        let mut words: Vec<String> = DIC
            .lines()
            .skip(1)
            .map(|l| l.split_once('/').map_or(l, |p| p.0).to_lowercase())
            .collect();
        words.extend(
            ["aeae", "oeoe", "llller", "mmme", "ourour", "grey", "greys", "colour", "ae", "tre"]
                .map(String::from),
        );
        let mut british = 0;
        for w in &words {
            let found = british_in(h, w);
            assert_eq!(found, by_find(w), "{w}");
            british += usize::from(found);
        }
        assert!(british > 100, "only {british} British spellings");
    }

    /// Sorting by the leading eight bytes first gives the byte order.
    #[test]
    fn leading_bytes_keep_the_byte_order() {
        let mut words: Vec<&[u8]> = english_counts().map(|(w, _)| w.as_bytes()).collect();
        words.extend([&b""[..], b"a", b"a\0", b"abcdefgh", b"abcdefgh\0", b"abcdefghi"]);
        let mut plain = words.clone();
        plain.sort_unstable();
        assert_eq!(sorted_bytewise(words), plain);
    }

    #[test]
    fn frequencies_rank_words_and_other_languages_are_known() {
        assert!(frequency("which") > frequency("witch"));
        assert_eq!(frequency("wiht"), 0);
        assert!(is_foreign_word("raison"));
        assert!(!is_foreign_word("wiht"));
    }
}
