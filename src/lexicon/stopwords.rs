//! The most frequent function words (articles, pronouns, prepositions,
//! conjunctions, auxiliaries) of a few languages, lowercase.
//!
//! Source: the closed word classes of each language's grammar, as any
//! grammar or frequency dictionary lists them; kept short on purpose (a
//! high share of these words marks running prose, not an exhaustive list).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::wordtable::WordTable;


/// Languages with a stopword list, ISO 639-1.
pub const LANGUAGES: &[&str] = &["en", "fr", "es", "de", "it", "pt", "nl"];

/// English.
pub const EN: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "my", "no", "not",
    "of", "on", "one", "or", "our", "out", "she", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we", "were",
    "what", "when", "which", "while", "who", "will", "with", "would", "you", "your",
];

/// French.
pub const FR: &[&str] = &[
    "à", "au", "aux", "avec", "ce", "ces", "cette", "comme", "dans", "de", "des", "du", "elle",
    "en", "est", "et", "été", "il", "ils", "je", "la", "le", "les", "leur", "lui", "mais", "ne",
    "nous", "on", "ont", "ou", "où", "par", "pas", "plus", "pour", "qu", "que", "qui", "sa",
    "sans", "se", "ses", "son", "sont", "sur", "un", "une", "vous", "y", "être", "fait", "aussi",
];

/// Spanish.
pub const ES: &[&str] = &[
    "a", "al", "como", "con", "de", "del", "el", "ella", "en", "entre", "era", "es", "esta",
    "este", "fue", "ha", "han", "la", "las", "le", "les", "lo", "los", "más", "me", "mi", "muy",
    "no", "nos", "o", "para", "pero", "por", "que", "se", "si", "sin", "sobre", "su", "sus",
    "también", "un", "una", "uno", "y", "ya", "son", "está", "hay", "cuando",
];

/// German.
pub const DE: &[&str] = &[
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den",
    "der", "des", "die", "durch", "ein", "eine", "einem", "einen", "einer", "es", "für", "hat",
    "haben", "ich", "im", "in", "ist", "mit", "nach", "nicht", "noch", "nur", "oder", "sich",
    "sie", "sind", "so", "um", "und", "von", "vor", "war", "wie", "wir", "wird", "werden", "zu",
    "zum", "zur", "über",
];

/// Italian.
pub const IT: &[&str] = &[
    "a", "al", "alla", "anche", "che", "chi", "come", "con", "da", "dei", "del", "della", "delle",
    "di", "e", "è", "gli", "ha", "hanno", "il", "in", "la", "le", "lo", "ma", "nei", "nel",
    "nella", "non", "per", "più", "quando", "questo", "se", "si", "sono", "su", "sua", "suo",
    "tra", "un", "una", "uno", "essere", "stato", "questa",
];

/// Portuguese.
pub const PT: &[&str] = &[
    "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "é", "ela", "ele",
    "em", "entre", "era", "essa", "esse", "está", "foi", "isso", "mais", "mas", "na", "nas", "não",
    "no", "nos", "o", "os", "ou", "para", "pela", "pelo", "por", "que", "se", "sem", "seu", "sua",
    "são", "também", "um", "uma", "já", "quando",
];

/// Dutch.
pub const NL: &[&str] = &[
    "aan", "al", "als", "bij", "dan", "dat", "de", "die", "dit", "door", "een", "en", "er", "het",
    "hij", "in", "is", "je", "maar", "met", "niet", "nog", "naar", "of", "om", "ook", "op", "over",
    "te", "tot", "uit", "van", "voor", "was", "we", "wel", "werd", "worden", "zich", "zijn", "ze",
    "zo", "wordt", "heeft", "hebben",
];

/// The stopword list of `language` (ISO 639-1), if there is one.
pub fn for_language(language: &str) -> Option<&'static [&'static str]> {
    Some(match language {
        "en" => EN,
        "fr" => FR,
        "es" => ES,
        "de" => DE,
        "it" => IT,
        "pt" => PT,
        "nl" => NL,
        _ => return None,
    })
}

/// Every stopword with the set of languages (bit `k` for
/// `LANGUAGES[k]`) it is a stopword of: one lookup a word, in a table of
/// packed words (asked about nearly every word of a page).
static STOPWORDS: LazyLock<WordTable<u8>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8> = HashMap::new();
    for (k, &l) in LANGUAGES.iter().enumerate() {
        for &w in for_language(l).unwrap_or(&[]) {
            *map.entry(w).or_insert(0u8) |= 1 << k;
        }
    }
    WordTable::new(map)
});

/// The value of `word`, lowercased, in `table` (whose keys are lowercase):
/// an ASCII word is looked up as it is, lowercased as it is packed; any
/// other is lowercased into the scratch buffer `lower` first.
pub(crate) fn lookup_lowercase<V: Copy + Default>(
    table: &WordTable<V>,
    word: &str,
    lower: &mut String,
) -> Option<V> {
    if let Some(v) = table.get_ascii_lowercase(word) {
        return Some(v);
    }
    if word.is_ascii() {
        return None;
    }
    lower.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    table.get(lower)
}

/// The languages `word` is a stopword of, as a bit set (0 for none).
/// `lower` is a scratch buffer.
pub fn stopword_mask(word: &str, lower: &mut String) -> u8 {
    // No stopword is longer than this: long words need no lookup.
    const MAX_STOPWORD_BYTES: usize = 10;
    if word.len() > MAX_STOPWORD_BYTES {
        return 0;
    }
    lookup_lowercase(&STOPWORDS, word, lower).unwrap_or(0)
}

/// Calls `f` on each word of `text` (letters and digits, apostrophes split).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    if text.is_ascii() {
        // Byte by byte, nothing decoded: most text of most pages is ASCII,
        // and every block's words are read while it is measured.
        let mut start = None;
        for (i, b) in text.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                f(&text[s..i]);
            }
        }
        if let Some(s) = start {
            f(&text[s..]);
        }
        return;
    }
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            f(w);
        }
    }
}


/// Counts, over some text, the words that are stopwords of each language.
#[derive(Debug, Default)]
pub struct StopwordTally {
    hits: [usize; 8],
    words: usize,
    lower: String,
}

impl StopwordTally {
    /// The number of words counted so far.
    pub fn words(&self) -> usize {
        self.words
    }

    /// Counts the words of `text`.
    pub fn add(&mut self, text: &str) {
        let mut lower = std::mem::take(&mut self.lower);
        for_each_word(text, |w| self.add_word(stopword_mask(w, &mut lower)));
        self.lower = lower;
    }

    /// Counts one word, a stopword of the languages of `mask` (see
    /// [`stopword_mask`]).
    #[inline]
    pub fn add_word(&mut self, mask: u8) {
        self.words += 1;
        let mut m = mask;
        while m != 0 {
            self.hits[m.trailing_zeros() as usize] += 1;
            m &= m - 1;
        }
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &StopwordTally) {
        self.words += other.words;
        for (h, o) in self.hits.iter_mut().zip(&other.hits) {
            *h += o;
        }
    }

    /// How many of the words counted are stopwords of `language` (an index
    /// into [`LANGUAGES`]).
    pub fn hits(&self, language: usize) -> usize {
        self.hits.get(language).copied().unwrap_or(0)
    }

    /// The language (an index into [`LANGUAGES`]) whose stopwords are the
    /// most frequent, if they make at least a tenth of the words; `None`
    /// for other languages.
    pub fn best(&self) -> Option<usize> {
        let (best, &n) = self
            .hits
            .iter()
            .enumerate()
            .take(LANGUAGES.len())
            .max_by_key(|&(k, n)| (n, usize::MAX - k))?;
        (self.words > 0 && n * 10 >= self.words).then_some(best)
    }

    /// The language whose stopwords leave no doubt: many of them, a fifth
    /// of the words or more, and every other language's stopwords far
    /// fewer. Such a verdict needs no trigram model; a text in a language
    /// without a stopword list here (or mixing two) gets `None`.
    pub fn clear_winner(&self) -> Option<usize> {
        const MIN_HITS: usize = 30;
        let best = self.best()?;
        let n = self.hits[best];
        let runner_up = (0..LANGUAGES.len())
            .filter(|&k| k != best)
            .map(|k| self.hits[k])
            .max()
            .unwrap_or(0);
        (n >= MIN_HITS && n * 5 >= self.words && runner_up * 4 <= n).then_some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_any_script() {
        assert_eq!(words("Don't stop-2 now!"), ["Don", "t", "stop", "2", "now"]);
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words("über Straße, déjà"), ["über", "Straße", "déjà"]);
        assert_eq!(words("end"), ["end"]);
    }
}
