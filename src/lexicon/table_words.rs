//! English words that tell how the cells and column names of a flattened
//! table are cut: function words that glue a cell together, words that
//! qualify or close a column name, plurals and participles, weekdays.

/// Words that qualify the noun after them in a column name (`Start Date`,
/// `Key Message`, `Current Tariff`) and so rarely end one when more words
/// follow. Lowercase.
pub const ATTRIBUTIVE: &[&str] = &[
    "actual", "annual", "average", "closing", "current", "daily", "due", "end", "final", "first",
    "gross", "initial", "key", "last", "main", "max", "maximum", "mean", "median", "min",
    "minimum", "monthly", "national", "natl", "net", "opening", "peak", "previous", "primary",
    "regional", "start", "target", "total", "weekly",
];

/// Header nouns that close a column name, naming what kind of value the
/// words before them hold (`Fee Type`, `Access Method`, `Price Range`).
pub const CLOSING_HEADS: &[&str] = &[
    "category", "code", "kind", "level", "method", "model", "name", "range", "size", "status",
    "type",
];

/// Nouns in `s` that name one thing or a mass, and so may qualify the noun
/// after them (`Sales Tax`, `Savings Rate`).
pub const NOT_PLURAL: &[&str] = &["goods", "news", "sales", "savings", "series", "species"];

/// Past participles that do not end in `-ed` and that follow the noun they
/// qualify in a column name (`Boats Seen`, `Taxes Paid`).
pub const IRREGULAR_PARTICIPLES: &[&str] = &[
    "bought", "brought", "built", "caught", "done", "driven", "found", "given", "grown", "held",
    "kept", "known", "left", "lost", "made", "paid", "seen", "sent", "sold", "spent", "taken",
    "taught", "won", "written",
];

/// Words set before a figure to say it is approximate or a bound (`Under 2
/// minutes`, `Approx. 1.5 minutes`, `Up to 25 percent`), lowercase, without
/// a trailing full stop: the cell is still a quantity.
pub const QUANTITY_QUALIFIERS: &[&str] = &[
    "about",
    "above",
    "almost",
    "approx",
    "approximately",
    "around",
    "below",
    "from",
    "nearly",
    "over",
    "roughly",
    "under",
    "up to",
    "less than",
    "more than",
    "at least",
    "at most",
];

/// Lowercase English function words: they glue words inside a cell and so
/// never start a row cell nor start or end a header cell.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "per", "than", "the", "to", "under", "via", "vs", "with", "without",
];

/// Weekday names and their short forms, lowercase: a cell holding one is a date.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
