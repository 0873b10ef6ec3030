//! The most frequent function words (articles, pronouns, prepositions,
//! conjunctions, auxiliaries) of a few languages, lowercase.
//!
//! Source: the closed word classes of each language's grammar, as any
//! grammar or frequency dictionary lists them; kept short on purpose (a
//! high share of these words marks running prose, not an exhaustive list).

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
