//! Lists derived from the vendored dictionary and frequency list: the
//! lowercase forms of words the dictionary has only capitalised, and the
//! frequency list's words in byte order, forwards and spelt backwards.
//!
//! Deriving them asks Hunspell about thousands of entries and sorts 80,000
//! words twice, which every process would otherwise pay on its first
//! English text; the build script includes this file and writes the lists
//! into the build (see `build.rs`), so this module must not reach outside
//! itself. The crate keeps the British spelling rules for its own look-ups,
//! and its tests derive the lists again to check the built ones.

// The crate itself calls only `british_in`; the rest serves the build
// script and the tests.
#![cfg_attr(not(test), allow(dead_code))]

/// The English frequency list's words and their counts, as listed: a line
/// is a word, a space and its count; a line that is not is skipped.
pub fn english_counts(list: &str) -> impl Iterator<Item = (&str, u64)> {
    list.lines().filter_map(|l| {
        let (w, n) = split_at_space(l)?;
        Some((w, n.trim().parse().ok()?))
    })
}

/// A line cut at its first space. The lines are short: a byte loop finds
/// the space sooner than a searcher is set up for each line.
pub fn split_at_space(line: &str) -> Option<(&str, &str)> {
    let at = line.bytes().position(|b| b == b' ')?;
    Some((&line[..at], &line[at + 1..]))
}

/// The lowercase forms of the entries of the Hunspell word list `dic` that
/// are written only capitalised (`Leeds`, `Christmas`), with their plurals
/// where the entry takes one: names, unless the lowercase form is itself a
/// word of `h`, in American or British spelling (`grey` beside `Grey`).
pub fn capitalised_only(dic: &str, h: &spellbook::Dictionary) -> Vec<String> {
    let mut names = Vec::new();
    for line in dic.lines().skip(1) {
        let (stem, flags) = line.split_once('/').unwrap_or((line, ""));
        let mut chars = stem.chars();
        let title = chars.next().is_some_and(char::is_uppercase)
            && stem.len() >= 3
            && chars.all(char::is_lowercase);
        if !title {
            continue;
        }
        let lower = stem.to_lowercase();
        if h.check(&lower) || british_in(h, &lower) {
            continue;
        }
        // The plural of a name that is also a lowercase word (`Allies` of
        // `Allie`, and `allies` of `ally`) is as a rule that word.
        if flags.contains('S') {
            let plural = format!("{lower}s");
            if !h.check(&plural) {
                names.push(plural);
            }
        }
        names.push(lower);
    }
    names
}

/// The words of a list spelt backwards, byte by byte (a word's end read as
/// a beginning).
pub fn reversed(words: &[&[u8]]) -> Vec<Vec<u8>> {
    words
        .iter()
        .map(|w| w.iter().rev().copied().collect())
        .collect()
}

/// `words` in byte order. Comparing two byte strings costs a call and a
/// loop; most pairs of words already differ in their first eight bytes, so
/// those are compared first as one number (zero-padded, which orders a
/// word before the longer words it begins), and only words that share
/// them are compared whole. The order is the same as sorting the byte
/// strings themselves.
pub fn sorted_bytewise<W: AsRef<[u8]>>(words: Vec<W>) -> Vec<W> {
    let mut keyed: Vec<(u64, W)> = words
        .into_iter()
        .map(|w| (leading_bytes(w.as_ref()), w))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.as_ref().cmp(b.1.as_ref())));
    keyed.into_iter().map(|(_, w)| w).collect()
}

/// The first eight bytes of `w` as a big-endian number, zero-padded.
fn leading_bytes(w: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    let n = w.len().min(8);
    k[..n].copy_from_slice(&w[..n]);
    u64::from_be_bytes(k)
}

/// The British spelling patterns and the American forms they stand for;
/// `$` marks a pattern for the end of the word only.
pub const BRITISH_RULES: &[(&str, &str)] = &[
    ("our", "or"),
    ("ise", "ize"),
    ("isi", "izi"),
    ("isa", "iza"),
    ("yse", "yze"),
    ("ysi", "yzi"),
    ("tre", "ter"),
    ("re$", "er"),
    ("res$", "ers"),
    ("ogue", "og"),
    ("ogued", "oged"),
    ("oguing", "oging"),
    ("tise", "tice"),
    ("tising", "ticing"),
    ("tised", "ticed"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llor", "lor"),
    ("iser", "izer"),
    ("ium$", "um"),
    ("lment", "llment"),
    ("lful", "llful"),
    ("il$", "ill"),
    ("ol$", "oll"),
    ("ssed", "sed"),
    ("ssing", "sing"),
    ("ence", "ense"),
    ("ae", "e"),
    ("oe", "e"),
    ("mme", "m"),
    ("gement", "gment"),
    ("eing", "ing"),
    ("que", "ck"),
    ("sce", "ske"),
    ("ough", "ow"),
    ("ould", "old"),
    ("grey", "gray"),
];

/// True when `word` is a British spelling of a word of the US dictionary
/// `h`: one of [`BRITISH_RULES`] rewrites it into a word `h` knows.
pub fn british_in(h: &spellbook::Dictionary, word: &str) -> bool {
    if word.len() < 4 || !word.is_ascii() {
        return false;
    }
    let us = |w: &str| h.check(w);
    // Each rule rewrites one occurrence of a British pattern into the
    // American one and asks the US dictionary.
    // The dictionary's load asks this of every capitalised entry: the
    // patterns are short and the word is ASCII, so they are sought byte by
    // byte rather than with a substring searcher that costs more to set up
    // than the search, and each rewriting reuses one buffer.
    let bytes = word.as_bytes();
    let mut candidate = String::with_capacity(word.len() + 4);
    let mut rewritten = |before: &str, us_form: &str, after: &str| {
        candidate.clear();
        candidate.push_str(before);
        candidate.push_str(us_form);
        candidate.push_str(after);
        us(&candidate)
    };
    for &(gb, us_form) in BRITISH_RULES {
        if let Some(end) = gb.strip_suffix('$') {
            if let Some(stem) = word.strip_suffix(end)
                && rewritten(stem, us_form, "")
            {
                return true;
            }
            continue;
        }
        let pattern = gb.as_bytes();
        if pattern.len() > bytes.len() {
            continue;
        }
        // Every occurrence, overlapping ones included, as `find` from one
        // byte past the last would give.
        for at in 0..=bytes.len() - pattern.len() {
            if bytes[at..].starts_with(pattern)
                && rewritten(&word[..at], us_form, &word[at + pattern.len()..])
            {
                return true;
            }
        }
    }
    false
}
