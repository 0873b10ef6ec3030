//! English misspellings corrected from the typos-dict dictionary, only when
//! it offers exactly one correction, with the original case kept
//! (`wiht` → `with`, `Wiht` → `With`, `WIHT` → `WITH`).
//!
//! Left alone: capitalised words mid-sentence (likely names), words inside
//! quotation marks, URLs, e-mail addresses and code, words the document
//! uses on purpose (three times or more and never in the corrected form),
//! and the dictionary entries listed in [`crate::lexicon::typo_exceptions`]
//! that are real words.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicase::UniCase;

use crate::document::{Document, TextRole};
use crate::lexicon::typo_exceptions::is_real_word;
use crate::pipeline::{Fix, Pass, PassContext};
use crate::text::{Case, Position, SentenceWords, WordKind, WordTable};

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

    fn run(&self, doc: &mut Document, cx: &mut PassContext<'_>) {
        // Words the document writes the same misspelled way again and again
        // are deliberate (a name, a term of art): count the candidates and
        // their corrections first.
        let mut seen: HashMap<String, (u32, u32)> = HashMap::new();
        let mut corrections: HashMap<String, String> = HashMap::new();
        // Misspellings with several candidates ("wich": which, witch), and
        // how often the document writes each candidate itself.
        let mut ambiguous: HashMap<String, &'static [&'static str]> = HashMap::new();
        let mut usage: HashMap<String, u32> = HashMap::new();
        for b in &doc.blocks {
            b.for_each_text(|role, t| {
                if role == TextRole::Code {
                    return;
                }
                for (w, _) in SentenceWords::new(t) {
                    if w.kind != WordKind::Alpha {
                        continue;
                    }
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
        if seen.is_empty() && ambiguous.is_empty() {
            return;
        }
        for b in &doc.blocks {
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
            seen.get(&word.to_lowercase())
                .is_some_and(|&(n, fixed)| n >= 3 && fixed == 0)
        };
        // The one candidate the document itself writes is the word meant;
        // with none or several, the word stays.
        let chosen: HashMap<String, &'static str> = ambiguous
            .into_iter()
            .filter_map(|(typo, several)| {
                let mut used = several
                    .iter()
                    .filter(|c| usage.get(&c.to_lowercase()).is_some_and(|&n| n >= 1));
                match (used.next(), used.next()) {
                    (Some(&one), None) => Some((typo, one)),
                    _ => None,
                }
            })
            .collect();
        let resolve = |word: &str| {
            if chosen.is_empty() {
                return None;
            }
            chosen.get(&word.to_lowercase()).copied()
        };
        for (i, block) in doc.blocks.iter_mut().enumerate() {
            block.for_each_text_mut(|role, text| {
                if role != TextRole::Code {
                    let fixes = typo_fixes_with(text, &deliberate, &resolve);
                    cx.apply_fixes(i, text, fixes);
                }
            });
        }
    }
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

/// The words typos-dict corrects misspellings to that are all lowercase
/// ASCII letters.
fn common_words() -> &'static WordTable<()> {
    static WORDS: OnceLock<WordTable<()>> = OnceLock::new();
    WORDS.get_or_init(|| {
        WordTable::new(
            typos_dict::WORD
                .map
                .values()
                .flat_map(|v| v.iter().copied())
                .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
                .map(|w| (w, ())),
        )
    })
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

/// True when `word` (lowercase) is a word typos-dict corrects misspellings
/// to: a common English word rather than a name.
pub fn is_common_word(word: &str) -> bool {
    common_words().get(word).is_some()
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
pub fn typo_fixes_with(
    text: &str,
    deliberate: &dyn Fn(&str) -> bool,
    resolve: &dyn Fn(&str) -> Option<&'static str>,
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
            Case::Upper => w.text.len() >= 4,
            Case::Title => pos == Position::Start,
            _ => false,
        };
        if !ok_case {
            continue;
        }
        // A capitalised word with several readings may be a name ("Tre").
        let resolved = || (w.case == Case::Lower).then(|| resolve(w.text)).flatten();
        let Some(fix) = correction(w.text).or_else(resolved) else {
            continue;
        };
        if deliberate(w.text) {
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
            "With care, with love, WITH ALL."
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

    #[test]
    fn a_misspelling_with_several_candidates_takes_the_one_the_document_uses() {
        use crate::document::{Block, Document};
        use crate::pipeline::Pipeline;
        let run = |text: &str| {
            let mut doc = Document::default();
            doc.meta.language = Some("en".into());
            doc.blocks.push(Block::Paragraph { text: text.into() });
            Pipeline::empty().with_pass(RepairTypos).run(&mut doc);
            doc.blocks[0].clone()
        };
        assert_eq!(
            run("The plan, which starts in May, has a budget wich the council set. The part which matters is the budget."),
            Block::Paragraph {
                text: "The plan, which starts in May, has a budget which the council set. The part which matters is the budget.".into()
            }
        );
        // No candidate in the document: the word stays.
        let alone = "The budget wich the council set is small.";
        assert_eq!(run(alone), Block::Paragraph { text: alone.into() });
    }

    #[test]
    fn deliberate_words_stay() {
        let s = "wiht";
        assert!(typo_fixes(s, &|w| w == "wiht").is_empty());
    }
}
