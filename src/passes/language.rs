//! Language detection over the body's prose.

use crate::document::Document;
use crate::lexicon::languages::iso639_1;
use crate::pipeline::{Pass, PassContext};

/// How much prose detection reads: enough for a confident verdict, bounded
/// so a 100 MB page costs no more than a normal one.
const SAMPLE_BYTES: usize = 16 * 1024;

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

    fn run(&self, doc: &mut Document, cx: &mut PassContext<'_>) {
        if let Some(forced) = &cx.options().language {
            doc.meta.language = Some(forced.clone());
            return;
        }
        let sample = doc.prose_sample(SAMPLE_BYTES);
        let declared = doc.meta.language.take().map(|l| primary_subtag(&l));
        doc.meta.language = match detect(&sample) {
            Some(code) => Some(code),
            None => declared,
        };
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
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    let code3 = info.lang().code();
    Some(iso639_1(code3).unwrap_or(code3).to_string())
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
