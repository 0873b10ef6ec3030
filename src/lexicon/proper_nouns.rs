//! English proper nouns that are always capitalised: countries, demonyms and
//! nationality adjectives, continents and regions, languages, months and
//! days of the week, and capitals and large cities whose names are no
//! English word.
//!
//! Source: the ISO 3166 list of country short names, their usual English
//! demonyms, the names of the continents, major world languages, and the
//! English calendar, and capitals and large cities of the world, written
//! down by hand. Only single words are listed.
//! Words that are also common lowercase words ("may", "march", "august",
//! "turkey", "china", "polish", "chad", "guinea", "jersey", "sun", "wed",
//! "mon", "sat") are left out on purpose: they cannot be restored from the
//! word alone.

/// Sorted, lowercase.
const PROPER_NOUNS: &[&str] = &[
    "afghan",
    "afghanistan",
    "africa",
    "african",
    "albania",
    "albanian",
    "algeria",
    "algerian",
    "america",
    "american",
    "americas",
    "amsterdam",
    "andorra",
    "angola",
    "angolan",
    "antarctica",
    "arab",
    "arabic",
    "argentina",
    "argentine",
    "argentinian",
    "armenia",
    "armenian",
    "asia",
    "asian",
    "athens",
    "auckland",
    "australia",
    "australian",
    "austria",
    "austrian",
    "azerbaijan",
    "azerbaijani",
    "baghdad",
    "bahamas",
    "bahrain",
    "bahraini",
    "balkan",
    "balkans",
    "bangkok",
    "bangladesh",
    "bangladeshi",
    "barbados",
    "barcelona",
    "beijing",
    "beirut",
    "belarus",
    "belarusian",
    "belgian",
    "belgium",
    "belgrade",
    "belize",
    "bengali",
    "benin",
    "berlin",
    "bhutan",
    "bogota",
    "bolivia",
    "bolivian",
    "bosnia",
    "bosnian",
    "botswana",
    "bratislava",
    "brazil",
    "brazilian",
    "brisbane",
    "britain",
    "british",
    "brunei",
    "brussels",
    "bucharest",
    "budapest",
    "bulgaria",
    "bulgarian",
    "burundi",
    "cairo",
    "calgary",
    "cambodia",
    "cambodian",
    "cameroon",
    "cameroonian",
    "canada",
    "canadian",
    "canberra",
    "caracas",
    "caribbean",
    "casablanca",
    "catalan",
    "catalonia",
    "chicago",
    "chinese",
    "colombia",
    "colombian",
    "comoros",
    "congo",
    "congolese",
    "copenhagen",
    "croatia",
    "croatian",
    "cuba",
    "cuban",
    "cyprus",
    "czech",
    "czechia",
    "dakar",
    "damascus",
    "danish",
    "delhi",
    "denmark",
    "dhaka",
    "djibouti",
    "doha",
    "dubai",
    "dublin",
    "dutch",
    "ecuador",
    "ecuadorian",
    "edinburgh",
    "egypt",
    "egyptian",
    "england",
    "english",
    "eritrea",
    "eritrean",
    "estonia",
    "estonian",
    "eswatini",
    "ethiopia",
    "ethiopian",
    "eurasia",
    "europe",
    "european",
    "fiji",
    "filipino",
    "finland",
    "finnish",
    "france",
    "frankfurt",
    "french",
    "friday",
    "gabon",
    "gambia",
    "geneva",
    "georgia",
    "georgian",
    "german",
    "germany",
    "ghana",
    "ghanaian",
    "glasgow",
    "greece",
    "greek",
    "grenada",
    "guatemala",
    "guatemalan",
    "guyana",
    "haiti",
    "haitian",
    "hamburg",
    "hanoi",
    "havana",
    "helsinki",
    "hindi",
    "honduras",
    "hungarian",
    "hungary",
    "iceland",
    "icelandic",
    "india",
    "indian",
    "indonesia",
    "indonesian",
    "iran",
    "iranian",
    "iraq",
    "iraqi",
    "ireland",
    "irish",
    "israel",
    "israeli",
    "istanbul",
    "italian",
    "italy",
    "jakarta",
    "jamaica",
    "jamaican",
    "january",
    "japan",
    "japanese",
    "jerusalem",
    "johannesburg",
    "jordan",
    "jordanian",
    "july",
    "june",
    "kabul",
    "karachi",
    "kathmandu",
    "kazakhstan",
    "kenya",
    "kenyan",
    "khartoum",
    "kiev",
    "kinshasa",
    "kiribati",
    "korea",
    "korean",
    "kosovo",
    "krakow",
    "kuwait",
    "kuwaiti",
    "kyiv",
    "kyrgyzstan",
    "lagos",
    "laos",
    "latvia",
    "latvian",
    "lebanese",
    "lebanon",
    "lesotho",
    "liberia",
    "liberian",
    "libya",
    "libyan",
    "liechtenstein",
    "lisbon",
    "lithuania",
    "lithuanian",
    "ljubljana",
    "london",
    "luxembourg",
    "madagascar",
    "madrid",
    "malawi",
    "malaysia",
    "malaysian",
    "maldives",
    "mali",
    "malian",
    "malta",
    "maltese",
    "manchester",
    "manila",
    "marseille",
    "mauritania",
    "mauritanian",
    "mauritius",
    "mediterranean",
    "melbourne",
    "mexican",
    "mexico",
    "micronesia",
    "moldova",
    "monaco",
    "monday",
    "mongolia",
    "mongolian",
    "montenegro",
    "montreal",
    "moroccan",
    "morocco",
    "moscow",
    "mozambique",
    "mumbai",
    "munich",
    "myanmar",
    "nairobi",
    "namibia",
    "namibian",
    "naples",
    "nauru",
    "nepal",
    "nepalese",
    "netherlands",
    "nicaragua",
    "nigeria",
    "nigerian",
    "norway",
    "norwegian",
    "november",
    "october",
    "oman",
    "omani",
    "oslo",
    "ottawa",
    "pakistan",
    "pakistani",
    "palau",
    "palestine",
    "palestinian",
    "panama",
    "paraguay",
    "paris",
    "persian",
    "peru",
    "peruvian",
    "philippines",
    "poland",
    "portugal",
    "portuguese",
    "prague",
    "pretoria",
    "qatar",
    "qatari",
    "quebec",
    "rabat",
    "riga",
    "riyadh",
    "romania",
    "romanian",
    "rome",
    "rotterdam",
    "russia",
    "russian",
    "rwanda",
    "rwandan",
    "samoa",
    "santiago",
    "saturday",
    "saudi",
    "scandinavia",
    "scandinavian",
    "scotland",
    "scottish",
    "senegal",
    "senegalese",
    "seoul",
    "september",
    "serbia",
    "serbian",
    "seychelles",
    "shanghai",
    "singapore",
    "slovak",
    "slovakia",
    "slovenia",
    "slovenian",
    "sofia",
    "somali",
    "somalia",
    "spain",
    "spaniard",
    "spanish",
    "stockholm",
    "sudan",
    "sudanese",
    "sunday",
    "suriname",
    "swahili",
    "sweden",
    "swedish",
    "swiss",
    "switzerland",
    "sydney",
    "syria",
    "syrian",
    "taipei",
    "taiwan",
    "taiwanese",
    "tajikistan",
    "tallinn",
    "tanzania",
    "tanzanian",
    "tehran",
    "thai",
    "thailand",
    "thursday",
    "tokyo",
    "toronto",
    "tripoli",
    "tuesday",
    "tunis",
    "tunisia",
    "tunisian",
    "turkish",
    "turkmenistan",
    "tuvalu",
    "uganda",
    "ugandan",
    "ukraine",
    "ukrainian",
    "urdu",
    "uruguay",
    "uzbekistan",
    "valencia",
    "vancouver",
    "vanuatu",
    "venezuela",
    "venezuelan",
    "vienna",
    "vietnam",
    "vietnamese",
    "vilnius",
    "warsaw",
    "washington",
    "wednesday",
    "welsh",
    "yemen",
    "yemeni",
    "zagreb",
    "zambia",
    "zambian",
    "zimbabwe",
    "zimbabwean",
    "zurich",
];

/// Names of two words whose second word alone is a common word (`union`,
/// `sea`, `states`): both words are capitalised only together. Sorted.
const TWO_WORD_NAMES: &[(&str, &str)] = &[
    ("central", "asia"),
    ("east", "africa"),
    ("east", "asia"),
    ("european", "commission"),
    ("european", "parliament"),
    ("european", "union"),
    ("latin", "america"),
    ("middle", "east"),
    ("new", "zealand"),
    ("north", "africa"),
    ("north", "america"),
    ("north", "korea"),
    ("north", "sea"),
    ("saudi", "arabia"),
    ("south", "africa"),
    ("south", "america"),
    ("south", "asia"),
    ("south", "korea"),
    ("southeast", "asia"),
    ("sri", "lanka"),
    ("united", "kingdom"),
    ("united", "nations"),
    ("united", "states"),
    ("west", "africa"),
];

/// True when `first` and `second` (any case) together name a place or body
/// that English capitalises (`european union`, `north sea`).
pub fn is_two_word_name(first: &str, second: &str) -> bool {
    // Asked for every pair of neighbouring words: one packed look-up of the
    // first word turns nearly all of them away.
    static FIRSTS: std::sync::OnceLock<crate::text::WordTable<()>> = std::sync::OnceLock::new();
    if first.len() > 12 || second.len() > 12 {
        return false;
    }
    let firsts = FIRSTS
        .get_or_init(|| crate::text::WordTable::new(TWO_WORD_NAMES.iter().map(|(f, _)| (*f, ()))));
    if firsts.get_ascii_lowercase(first).is_none() {
        return false;
    }
    let (mut a, mut b) = ([0u8; 12], [0u8; 12]);
    match (
        crate::text::ascii_lower(first, &mut a),
        crate::text::ascii_lower(second, &mut b),
    ) {
        (Some(f), Some(s)) => TWO_WORD_NAMES.binary_search(&(f, s)).is_ok(),
        _ => false,
    }
}

/// True when `word` (lowercase) is one of the acronyms English writes in
/// capitals only.
///
/// These are acronyms of places and bodies that are never English words
/// when written in lowercase (`the uk`, `eu rules`).
pub fn is_lowercase_acronym(word: &str) -> bool {
    matches!(
        word,
        "eu" | "nato" | "uae" | "uk" | "unesco" | "unicef" | "usa"
    )
}

/// True for lowercase words written capitalised as names in some senses
/// and lowercase in others (the West and west of the city, Earth and the
/// face of the earth, Turkey and turkey): the words this lexicon leaves out,
/// and no count of either usage says which one a sentence means.
pub fn is_sometimes_a_name(word: &str) -> bool {
    matches!(
        word,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "earth"
            | "sun"
            | "moon"
            | "internet"
            | "web"
            | "may"
            | "march"
            | "august"
            | "turkey"
            | "china"
            | "polish"
            | "chad"
            | "guinea"
            | "jersey"
            | "chile"
            | "wed"
            | "mon"
            | "sat"
    )
}

/// True when `word` (any case, no possessive) is a proper noun that English
/// always capitalises.
pub fn is_proper_noun(word: &str) -> bool {
    // Asked for nearly every lowercase word of English text: one packed
    // look-up rather than a binary search of eight comparisons.
    static SET: std::sync::OnceLock<crate::text::WordTable<()>> = std::sync::OnceLock::new();
    if !(4..=16).contains(&word.len()) {
        return false;
    }
    SET.get_or_init(|| crate::text::WordTable::new(PROPER_NOUNS.iter().map(|w| (*w, ()))))
        .get_ascii_lowercase(word)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_leaves_out_ambiguous_words() {
        assert!(PROPER_NOUNS.windows(2).all(|w| w[0] < w[1]), "unsorted");
        assert!(is_proper_noun("moroccan"));
        assert!(is_proper_noun("Europe"));
        assert!(TWO_WORD_NAMES.windows(2).all(|w| w[0] < w[1]), "unsorted");
        assert!(is_two_word_name("european", "Union"));
        assert!(!is_two_word_name("north", "wind"));
        assert!(is_lowercase_acronym("uk") && !is_lowercase_acronym("us"));
        for w in [
            "may", "march", "turkey", "china", "polish", "august", "sun", "wed",
        ] {
            assert!(!is_proper_noun(w), "{w}");
            assert!(is_sometimes_a_name(w), "{w}");
        }
    }
}
