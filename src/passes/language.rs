//! Language detection over the body's prose.

use crate::lexicon::languages::iso639_1;
use crate::lexicon::stopwords::{self, StopwordTally};
use crate::pipeline::{Pass, PassContext};

/// How much prose detection reads: enough for a confident verdict, bounded
/// so a 100 MB page costs no more than a normal one.
const SAMPLE_BYTES: usize = 4 * 1024;

/// Below this many letters whatlang's verdict is a guess, so none is given.
const MIN_LETTERS: usize = 40;

/// Sets `meta.language` from the body's prose (ISO 639-1 where one exists),
/// or to `None` when detection is not confident. A language forced through
/// the options wins; a page's own declaration is kept when the text is too
/// short or mixed to contradict it.
pub struct DetectLanguage;

impl Pass for DetectLanguage {
    fn name(&self) -> &str {
        "language"
    }

    fn description(&self) -> &str {
        "detect the body's language (ISO 639-1), or null when unsure"
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        if let Some(forced) = &cx.options().language {
            cx.set_language(Some(forced.clone()));
            return;
        }
        let sample = cx.doc().prose_sample(SAMPLE_BYTES);
        let declared = cx.doc().meta.language.as_deref().map(primary_subtag);
        let language = match detect(&sample) {
            Some(code) => Some(code),
            None => declared,
        };
        cx.set_language(language);
    }
}

/// The confident language of `text`, as an ISO 639-1 (else 639-3) code.
pub fn detect(text: &str) -> Option<String> {
    let letters = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count();
    if letters < MIN_LETTERS {
        return None;
    }
    // The function words are counted once: they decide alone when clear,
    // and confirm whatlang's guess otherwise.
    let mut tally = StopwordTally::default();
    tally.add(text);
    if let Some(k) = tally.clear_winner() {
        return Some(stopwords::LANGUAGES[k].to_string());
    }
    let info = whatlang::detect(text)?;
    let code3 = info.lang().code();
    let code = iso639_1(code3).unwrap_or(code3);
    if info.is_reliable() || confirmed_by_stopwords(&tally, code, info.confidence()) {
        return Some(code.to_string());
    }
    None
}

/// whatlang's confidence stays low on short texts even when its first choice
/// is right (a 150-word English article can score 0.8). Below its reliable
/// mark, a fair confidence is accepted when the text's function words
/// (counted in `tally`) point at the same language.
fn confirmed_by_stopwords(tally: &StopwordTally, code: &str, confidence: f64) -> bool {
    const FAIR_CONFIDENCE: f64 = 0.3;
    confidence >= FAIR_CONFIDENCE && tally.best().map(|k| stopwords::LANGUAGES[k]) == Some(code)
}

/// `en-GB` → `en`; lowercase.
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .trim()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        assert_eq!(
            detect("The committee met on Tuesday to discuss the new budget and the plans for the coming year.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("Le conseil municipal s'est réuni mardi pour discuter du nouveau budget et des projets pour l'année.").as_deref(),
            Some("fr")
        );
        assert_eq!(detect("Too short."), None);
    }
}
