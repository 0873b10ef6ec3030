//! English misspellings: known ones corrected from the typos-dict
//! dictionary, with the original case kept (`wiht` → `with`, `Wiht` →
//! `With`), and unknown lowercase words corrected from the English
//! dictionary (`jewerly` → `jewelry`) when one candidate clearly wins.
//!
//! typos-dict's single correction is taken; of several, the one the
//! document itself writes, or the one far more common than the others
//! (`wich` → `which`). A word the Hunspell dictionary does not know, in
//! any spelling (British or American, derived or compound), is corrected
//! to the most common English word one edit away (two typist's slips in
//! long words), when it is far more common than the runner-up.
//!
//! Left alone: words in capitals, capitalised words mid-sentence (likely
//! names) and capitalised words the document writes more than once, words
//! inside short quotations (mentions), URLs, e-mail addresses and code,
//! words the document or its folder uses on purpose (an unknown word
//! written twice, a misspelling three times and never corrected), words of
//! another language and words beside them, spoken forms (`talkin`) and
//! the dictionary entries listed in `crate::lexicon::typo_exceptions`
//! that are real words.

use std::collections::HashMap;

use crate::document::TextRole;
use crate::lexicon::dictionary::{self, WordClass};
use crate::lexicon::misspellings::{
    MIN_UNKNOWN_LEN, candidates, correction, dictionary_correction, most_common,
};
use crate::lexicon::stopwords::{self, StopwordTally};
use crate::pipeline::{Fix, Pass, PassContext};
use crate::text::{Case, Position, SentenceWords, WordHash, WordKind};

/// The pass's tables of the document's words, by lowercase form.
type Map<V> = HashMap<String, V, WordHash>;

/// Corrects known misspellings.
pub struct RepairTypos;

impl Pass for RepairTypos {
    fn name(&self) -> &str {
        "typos"
    }

    fn description(&self) -> &str {
        "correct known misspellings with one candidate, or the one the document uses (English)"
    }

    fn languages(&self) -> Option<&[&str]> {
        Some(&["en"])
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        let doc = cx.doc();
        // Words the document writes the same misspelled way again and again
        // are deliberate (a name, a term of art): count the candidates and
        // their corrections first.
        // Keyed by the document's own words, looked up for nearly every
        // word: the fast word hasher, as no outside party picks the keys to
        // collide. Nothing here depends on the order of the keys.
        let mut seen: Map<(u32, u32)> = Map::default();
        let mut corrections: Map<String> = Map::default();
        // Misspellings with several candidates ("wich": which, witch), and
        // how often the document writes each candidate itself.
        let mut ambiguous: Map<&'static [&'static str]> = Map::default();
        let mut usage: Map<u32> = Map::default();
        // Words the dictionary does not know, by lowercase form: how often
        // the document writes them in any case, and whether one stands
        // beside another unknown or foreign word (a phrase of another
        // language, a name of several words, code).
        let mut unknown: Map<UnknownWord> = Map::default();
        for b in doc.blocks() {
            b.for_each_text(|role, t| {
                if role == TextRole::Code {
                    return;
                }
                // The previous word when it is a word of letters, with its
                // key when it is unknown. Two such words in a row are in
                // company when each is unknown or foreign; only an unknown
                // word is marked, so whether a word is foreign is asked only
                // beside an unknown one, not of every word.
                let mut prev: Option<(Option<String>, crate::text::Word<'_>)> = None;
                for (w, _) in SentenceWords::new(t) {
                    if w.kind != WordKind::Alpha {
                        prev = None;
                        continue;
                    }
                    let key =
                        count_unknown(&w, &mut unknown).then(|| w.stem().to_ascii_lowercase());
                    if let Some((before, pw)) = &prev {
                        let company = match (&key, before) {
                            (None, None) => false,
                            (Some(_), None) => is_foreign(pw),
                            (None, Some(_)) => is_foreign(&w),
                            (Some(_), Some(_)) => true,
                        };
                        if company {
                            for k in [&key, before].into_iter().flatten() {
                                if let Some(u) = unknown.get_mut(k) {
                                    u.in_company = true;
                                }
                            }
                        }
                    }
                    prev = Some((key, w));
                    match candidates(w.text) {
                        Some(&[fix]) => {
                            let e = seen.entry(w.text.to_lowercase()).or_insert((0, 0));
                            e.0 += 1;
                            corrections.insert(fix.to_lowercase(), w.text.to_lowercase());
                        }
                        Some(several) => {
                            for c in several {
                                usage.insert(c.to_lowercase(), 0);
                            }
                            ambiguous.insert(w.text.to_lowercase(), several);
                        }
                        None => {}
                    }
                }
            });
        }
        // A word the document writes capitalised or in capitals more than
        // once is a name or a term (`Shure`, `Teh`), even where it opens a
        // sentence.
        // A word standing beside other unknown or foreign words belongs to
        // a phrase of another language (`raison principale`, `il buono`)
        // or a name of several words, whatever typos-dict says of it.
        let names: std::collections::HashSet<String, WordHash> = unknown
            .iter()
            .filter(|(_, u)| (u.other_case >= 2 || u.in_company) && u.known != Some(true))
            .map(|(w, _)| w.clone())
            .collect();
        // An unknown word whose other form the document also writes
        // (`structs` beside `struct`, `upserted` beside `upsert`) is a term
        // of the document's subject, not a slip.
        let has_other_form = |word: &str| {
            const ENDINGS: [&str; 5] = ["s", "es", "ed", "ing", "er"];
            ENDINGS.iter().any(|e| {
                word.strip_suffix(e)
                    .is_some_and(|base| unknown.contains_key(base))
                    || unknown.contains_key(&format!("{word}{e}"))
            })
        };
        let own_terms: std::collections::HashSet<String, WordHash> = unknown
            .keys()
            .filter(|w| has_other_form(w))
            .cloned()
            .collect();
        let folder = cx.corpus().map(|c| &c.word_casing);
        // The dictionary's corrections of unknown lowercase words the
        // document writes once, that no other document of the folder
        // writes, standing among known English words.
        let mut chosen: Map<String> = unknown
            .into_iter()
            .filter(|(word, u)| {
                u.known == Some(false)
                    && !own_terms.contains(word.as_str())
                    && u.lower == 1
                    && u.other_case == 0
                    && !u.in_company
                    && looks_like_a_slip(word)
                    && folder
                        .and_then(|f| f.get(word.as_str()))
                        .is_none_or(|&(caps, lower)| caps == 0 && lower <= 1)
            })
            .filter_map(|(word, _)| Some((word.clone(), dictionary_correction(&word)?)))
            .collect();
        if seen.is_empty() && ambiguous.is_empty() && chosen.is_empty() {
            return;
        }
        for b in doc.blocks() {
            b.for_each_text(|role, t| {
                if role == TextRole::Code {
                    return;
                }
                for (w, _) in SentenceWords::new(t) {
                    if w.kind != WordKind::Alpha || w.text.len() < 2 {
                        continue;
                    }
                    // Lowercased on the stack: this runs over every word.
                    let mut buf = [0u8; 32];
                    let owned;
                    let lower = match crate::text::ascii_lower(w.text, &mut buf) {
                        Some(l) => l,
                        None => {
                            owned = w.text.to_lowercase();
                            owned.as_str()
                        }
                    };
                    if let Some(n) = usage.get_mut(lower) {
                        *n += 1;
                    }
                    if let Some(typo) = corrections.get(lower)
                        && let Some(e) = seen.get_mut(typo)
                    {
                        e.1 += 1;
                    }
                }
            });
        }
        let deliberate = |word: &str| {
            let lower = word.to_lowercase();
            seen.get(&lower)
                .is_some_and(|&(n, fixed)| n >= 3 && fixed == 0)
                || names.contains(&lower)
        };
        // The one candidate the document itself writes is the word meant;
        // with several, the word stays; with none, the one far more common
        // than the others.
        chosen.extend(ambiguous.into_iter().filter_map(|(typo, several)| {
            let mut used = several
                .iter()
                .filter(|c| usage.get(&c.to_lowercase()).is_some_and(|&n| n >= 1));
            match (used.next(), used.next()) {
                (Some(&one), None) => Some((typo, one.to_string())),
                (None, _) => most_common(several).map(|one| (typo, one.to_string())),
                _ => None,
            }
        }));
        let resolve = |word: &str| {
            if chosen.is_empty() {
                return None;
            }
            chosen.get(&word.to_lowercase()).map(String::as_str)
        };
        cx.fix_texts(|_, role, text| {
            if role == TextRole::Code {
                Vec::new()
            } else {
                typo_fixes_with(text, &deliberate, &resolve)
            }
        });
    }
}

/// True when the word at `start..end` of `text` stands alone: white space,
/// an opening quote or bracket before it, white space or closing
/// punctuation after it. A word joined to others by a hyphen, a bracket or
/// a symbol is part of a compound, a name or code (`walkie-talkie`,
/// `pillow-heif`, `you(tm)ll`), spelt more freely than running prose.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let open = before.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '\u{2018}' | '\'')
    });
    let close = after.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\u{201D}' | '\u{2019}' | '\''
            )
    });
    open && close
}

/// True when the word before or after `start..end` of `text` belongs to
/// another language: an elided article or preposition (`d'etre`,
/// `l'homme`), letters English does not use (`für`, `niño`), or a common
/// word of another language that is no English word (`el`, `und`).
fn beside_another_language(text: &str, start: usize, end: usize) -> bool {
    let foreign = |token: &str| {
        let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if t.is_empty() {
            return false;
        }
        let elided = t.len() > 2
            && (t.as_bytes()[1] == b'\'' || t.starts_with("qu'"))
            && t.starts_with(['d', 'l', 'c', 'j', 'm', 'n', 's', 't', 'q']);
        let mut buf = [0u8; 32];
        elided
            || t.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
            || crate::text::ascii_lower(t, &mut buf)
                .is_some_and(|l| dictionary::is_foreign_word(l) && !dictionary::is_spelt_word(l))
    };
    text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(foreign)
        || text[end..].split_whitespace().next().is_some_and(foreign)
}

/// True when the sentence holding `start..end` of `text` has more
/// stopwords of another language than of English, and at least two: the
/// sentence is written in that language.
fn in_other_language_sentence(text: &str, start: usize, end: usize) -> bool {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = text[..start].rfind(ends).map_or(0, |i| i + 1);
    let to = text[end..].find(ends).map_or(text.len(), |i| end + i);
    let mut tally = StopwordTally::default();
    tally.add(&text[from..to]);
    let english = tally.hits(ENGLISH);
    (0..stopwords::LANGUAGES.len())
        .any(|k| k != ENGLISH && tally.hits(k) >= 2 && tally.hits(k) > english)
}

/// English's index in [`stopwords::LANGUAGES`].
const ENGLISH: usize = 0;

/// True when an unknown lowercase word is shaped like a slip rather than a
/// word written so on purpose: it has a vowel (`sqft`, `wrk` are
/// abbreviations), no letter three times in a row (`sooo` is emphasis),
/// and is no spoken form of an English word (`talkin`, `woulda`), nor one
/// with its apostrophe left out (`wasnt`, `youre`).
fn looks_like_a_slip(word: &str) -> bool {
    let b = word.as_bytes();
    if !b.iter().any(|c| b"aeiouy".contains(c)) {
        return false;
    }
    if b.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return false;
    }
    if is_spoken_form(word) {
        return false;
    }
    !(1..word.len()).any(|k| {
        let with = format!("{}'{}", &word[..k], &word[k..]);
        dictionary::is_english(&with)
    })
}

/// True when `word` is the spoken form of an English word: a dropped
/// final g (`talkin`) or a run-on `a` (`woulda`).
fn is_spoken_form(word: &str) -> bool {
    (word.ends_with("in") && dictionary::is_english(&format!("{word}g")))
        || (word.len() > 1
            && word.ends_with('a')
            && dictionary::is_english(&word[..word.len() - 1]))
}

/// What the document does with one word the dictionary does not know.
#[derive(Debug, Default)]
struct UnknownWord {
    /// Times written in lowercase.
    lower: u32,
    /// Times written in any other case (a name, an acronym).
    other_case: u32,
    /// Whether it ever stands beside another unknown or foreign word.
    in_company: bool,
    /// What the full dictionary says, once asked: known in another form.
    known: Option<bool>,
}

/// Counts `w` in `unknown` when the dictionary does not know it; true when
/// it does not.
fn count_unknown(w: &crate::text::Word<'_>, unknown: &mut Map<UnknownWord>) -> bool {
    let stem = w.stem();
    if stem.len() < MIN_UNKNOWN_LEN || stem.len() > 32 || !stem.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 32];
    let Some(lower) = crate::text::ascii_lower(stem, &mut buf) else {
        return false;
    };
    // Nearly every word is in the frequency list or the names: one look-up.
    if dictionary::is_listed(lower) {
        return false;
    }
    let u = unknown.entry(lower.to_string()).or_default();
    if w.case == Case::Lower {
        // The full dictionary (affixes, British spellings, derived words)
        // is asked once per distinct word, and only of lowercase words,
        // the ones that may be corrected.
        let known = *u
            .known
            .get_or_insert_with(|| dictionary::class_of(lower) != WordClass::Unknown);
        if known {
            return false;
        }
        u.lower += 1;
    } else {
        u.other_case += 1;
    }
    u.known != Some(true)
}

/// True when `w` is a common word of another language that English does
/// not spell (`manera`: read as English only as two words run together).
fn is_foreign(w: &crate::text::Word<'_>) -> bool {
    let mut buf = [0u8; 32];
    crate::text::ascii_lower(w.stem(), &mut buf)
        .is_some_and(|l| dictionary::is_foreign_word(l) && !dictionary::is_spelt_word(l))
}

/// `fix` written in the case of `original`.
fn in_case_of(original: &str, case: Case, fix: &str) -> String {
    match case {
        Case::Upper => fix.to_uppercase(),
        Case::Title => {
            let mut cs = fix.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        }
        _ if original.is_empty() => String::new(),
        _ => fix.to_string(),
    }
}

/// The longest quotation taken for a mention rather than quoted speech.
const MENTION_BYTES: usize = 40;

/// Byte ranges of `text` inside quotation marks.
fn quoted_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201C}' => open = Some(i),
            '\u{201D}' => {
                if let Some(s) = open.take() {
                    spans.push(s..i);
                }
            }
            '"' => match straight.take() {
                Some(s) => spans.push(s..i),
                None => straight = Some(i),
            },
            _ => {}
        }
    }
    spans
}

/// The typo fixes for `text`; `deliberate` says which words the document
/// uses on purpose. Only misspellings with one candidate are corrected.
pub fn typo_fixes(text: &str, deliberate: &dyn Fn(&str) -> bool) -> Vec<Fix> {
    typo_fixes_with(text, deliberate, &|_| None)
}

/// Like [`typo_fixes`], with `resolve` naming the correction of a
/// misspelling that has several candidates, where the context tells.
pub fn typo_fixes_with<'r>(
    text: &str,
    deliberate: &dyn Fn(&str) -> bool,
    resolve: &dyn Fn(&str) -> Option<&'r str>,
) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let mut quotes: Option<Vec<std::ops::Range<usize>>> = None;
    for (w, pos) in SentenceWords::new(text) {
        if w.kind != WordKind::Alpha || w.text.len() < 2 {
            continue;
        }
        let ok_case = match w.case {
            Case::Lower => true,
            _ if w.text.len() < 3 => false,
            // Words in capitals are acronyms, codes and shouted names
            // (`BRIN`) far more often than slips.
            Case::Upper => false,
            Case::Title => pos == Position::Start,
            _ => false,
        };
        if !ok_case {
            continue;
        }
        // A capitalised word with several readings may be a name ("Tre").
        let resolved = || (w.case == Case::Lower).then(|| resolve(w.text)).flatten();
        let listed: Option<&str> = correction(w.text);
        let Some(fix) = listed.or_else(resolved) else {
            continue;
        };
        // typos-dict lists some British spellings and words of the web
        // (`mouldings`, `structs`): the dictionary and the shape of the word
        // have the last say.
        let mut buf = [0u8; 32];
        let plausible = crate::text::ascii_lower(w.text, &mut buf).is_some_and(|l| {
            stands_alone(text, w.start, w.end())
                && !is_spoken_form(l)
                && !dictionary::is_spelt_word(l)
                && !dictionary::is_name(l)
        });
        if !plausible {
            continue;
        }
        if deliberate(w.text) {
            continue;
        }
        // A capitalised word before another (`Oru Kayak`, `Christiaan
        // Lous`) is part of a name; a word before a version number
        // (`groff 1.24.0`) names a program.
        let next = text[w.end()..].strip_prefix(' ').unwrap_or("");
        if (w.case == Case::Title && next.starts_with(char::is_uppercase))
            || (next.starts_with(|c: char| c.is_ascii_digit())
                && next
                    .split(char::is_whitespace)
                    .next()
                    .is_some_and(|v| v.trim_end_matches(['.', ',', ';']).contains('.')))
        {
            continue;
        }
        // A word of another language beside another (`raison d'etre`,
        // `para el precio`) is that language's, not a slip of English.
        if dictionary::is_foreign_word(&w.text.to_ascii_lowercase())
            && beside_another_language(text, w.start, w.end())
        {
            continue;
        }
        // A sentence of another language inside English text (a reader's
        // comment in Spanish) is that language's: its words are not slips
        // of English, even beside words English also writes (`de los`).
        if in_other_language_sentence(text, w.start, w.end()) {
            continue;
        }
        // The name in a comment's byline (`kalio — July 26th, 2012`) is
        // written as its owner pleases.
        if crate::text::bylines::is_comment_byline(text)
            && text[..w.start].split_whitespace().count() < 3
        {
            continue;
        }
        let quotes = quotes.get_or_insert_with(|| quoted_spans(text));
        // A word or short phrase in quotation marks is being mentioned, not
        // used ("the tag “wiht” is ..."): leave it. Long quotations are prose.
        if quotes
            .iter()
            .any(|q| q.contains(&w.start) && q.len() <= MENTION_BYTES)
        {
            continue;
        }
        fixes.push(Fix::new(w.start..w.end(), in_case_of(w.text, w.case, fix)));
    }
    fixes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for f in typo_fixes(text, &|_| false) {
            out.push_str(&text[last..f.range.start]);
            out.push_str(&f.replacement);
            last = f.range.end;
        }
        out.push_str(&text[last..]);
        out
    }

    #[test]
    fn single_candidates_are_applied_in_case() {
        assert_eq!(
            fixed("Wiht care, wiht love, WIHT ALL."),
            "With care, with love, WIHT ALL."
        );
        assert_eq!(fixed("for exmaple this"), "for example this");
    }

    #[test]
    fn names_quotes_and_urls_stay() {
        for s in [
            "We met Wiht yesterday.",
            "He wrote “wiht” on the board.",
            "see https://x.org/wiht and wiht.com",
        ] {
            assert_eq!(fixed(s), s, "{s}");
        }
    }

    #[test]
    fn british_and_variant_spellings_stay() {
        let corrected: Vec<_> = [
            "colour",
            "favour",
            "organise",
            "centre",
            "analyse",
            "travelled",
            "grey",
            "programme",
            "licence",
            "defence",
            "behaviour",
            "realise",
            "catalogue",
            "judgement",
            "learnt",
            "whilst",
            "amongst",
            "dialogue",
            "cancelled",
            "fulfil",
            "enrol",
            "dialog",
            "spelt",
            "towards",
            "acknowledgement",
            "ageing",
            "cheque",
        ]
        .into_iter()
        .filter_map(|w| correction(w).map(|c| (w, c)))
        .collect();
        assert!(corrected.is_empty(), "{corrected:?}");
    }

    /// The paragraph `text` once the pass has run over it, as English.
    fn typos_in_english(text: &str) -> crate::document::Block {
        use crate::document::{Block, Document};
        use crate::pipeline::Pipeline;
        let mut doc = Document::default();
        doc.meta.language = Some("en".into());
        doc.add(Block::Paragraph { text: text.into() });
        Pipeline::empty().with_pass(RepairTypos).run(&mut doc);
        doc.blocks()[0].clone()
    }

    #[test]
    fn a_misspelling_with_several_candidates_takes_the_one_the_document_uses() {
        use crate::document::Block;
        let run = typos_in_english;
        assert_eq!(
            run("The plan, which starts in May, has a budget wich the council set. The part which matters is the budget."),
            Block::Paragraph {
                text: "The plan, which starts in May, has a budget which the council set. The part which matters is the budget.".into()
            }
        );
        // No candidate in the document: the far more common one.
        assert_eq!(
            run("The budget wich the council set is small."),
            Block::Paragraph {
                text: "The budget which the council set is small.".into()
            }
        );
    }

    /// Whether a word is foreign is asked only beside an unknown word: an
    /// unknown word beside a foreign one, on either side, is still taken
    /// for part of a phrase of another language, and one among English
    /// words is still corrected.
    #[test]
    fn an_unknown_word_beside_a_foreign_one_stays() {
        use crate::document::Block;
        assert!(dictionary::is_foreign_word("und") && !dictionary::is_english("und"));
        let run = typos_in_english;
        let paragraph = |text: &str| Block::Paragraph { text: text.into() };
        assert_eq!(
            run("The shop sold jewerly at the market."),
            paragraph("The shop sold jewelry at the market.")
        );
        for s in [
            "The shop sold und jewerly at the market.",
            "The shop sold jewerly und the market.",
        ] {
            assert_eq!(run(s), paragraph(s), "{s}");
        }
    }

    /// A sentence of another language is left as written, even where its
    /// neighbouring words are ones English writes too; the same slip in an
    /// English sentence of the same paragraph is corrected.
    #[test]
    fn a_sentence_in_another_language_stays() {
        use crate::document::Block;
        let s = "We liked the recipe a lot. Pero no tengo manera de encontrar los ingredientes que usas en mi ciudad. The shop sold jewerly too.";
        assert_eq!(
            typos_in_english(s),
            Block::Paragraph {
                text: s.replace("jewerly", "jewelry")
            }
        );
    }

    /// A short unknown word that only a far-fetched slip makes a common
    /// word (a letter struck for one across the keyboard, a letter struck
    /// beside none it could be) is not corrected; a likely slip of the
    /// same length is.
    #[test]
    fn short_words_need_a_likely_slip() {
        use crate::lexicon::misspellings::dictionary_correction;
        assert_eq!(dictionary_correction("gmail"), None);
        assert_eq!(dictionary_correction("altho"), None);
        assert_eq!(dictionary_correction("wrold").as_deref(), Some("world"));
        assert_eq!(dictionary_correction("becuse").as_deref(), Some("because"));
    }

    #[test]
    fn deliberate_words_stay() {
        let s = "wiht";
        assert!(typo_fixes(s, &|w| w == "wiht").is_empty());
    }
}
