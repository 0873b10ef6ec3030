//! Page chrome as web pages word it: the lines themes, share widgets,
//! comment systems and cookie banners add around an article, in English,
//! French, Spanish, German and Italian (and a few Portuguese and Dutch
//! prompts).
//!
//! Source: the interface vocabulary of common publishing platforms and
//! widgets (WordPress themes, share buttons, comment forms, consent
//! banners), written down from their visible labels. The phrases are data,
//! one file a language under `data/chrome/` (the format is described at the
//! top of `en.txt`); this module only reads them. Phrases are lowercase and
//! compared against a line normalised by [`crate::text::normalise::key`] at `Fold::Line`
//! (case and white space folded, end punctuation trimmed), except credit
//! marks, which are matched as written.

use std::sync::LazyLock;

/// The chrome files, one a language. Every language's phrases apply to
/// every page: a boilerplate pass runs before the language is known, and a
/// page in one language often carries chrome in another.
const FILES: [(&str, &str); 7] = [
    ("en", include_str!("data/chrome/en.txt")),
    ("fr", include_str!("data/chrome/fr.txt")),
    ("es", include_str!("data/chrome/es.txt")),
    ("de", include_str!("data/chrome/de.txt")),
    ("it", include_str!("data/chrome/it.txt")),
    ("pt", include_str!("data/chrome/pt.txt")),
    ("nl", include_str!("data/chrome/nl.txt")),
];

/// A line opening with a [`Chrome::prefixes`] entry counts as chrome only up
/// to this many words: a long line that starts "Posted in" may be prose.
pub const MAX_PREFIX_LINE_WORDS: usize = 25;

/// The chrome vocabulary of every language, section by section.
#[derive(Debug, Default)]
pub struct Chrome {
    /// Whole lines that are chrome: `(phrase, reason logged)`.
    pub lines: Vec<(&'static str, &'static str)>,
    /// Openings that mark a short line as chrome: `(phrase, reason logged)`.
    pub prefixes: Vec<(&'static str, &'static str)>,
    /// Words that, as the whole of a short line or together with a number
    /// ("12 comments"), count how often a page was read, shared or discussed.
    pub counters: Vec<&'static str>,
    /// Words that, next to "cookie", show a consent banner rather than baking.
    pub cookie_context: Vec<&'static str>,
    /// Phrases that ask the reader to act for the site (subscribe, sign up,
    /// support it).
    pub calls_to_action: Vec<&'static str>,
    /// Words by which a line addresses its reader ("Sign up for our ..."):
    /// a call to action speaks to the reader, a sentence reporting that
    /// others subscribed does not.
    pub reader_address: Vec<&'static str>,
    /// Lines crediting other staff for their part in a report.
    pub contribution_credits: Vec<&'static str>,
    /// A publication's disclaimers about its contributors' views or links.
    pub disclaimers: Vec<&'static str>,
    /// Marks that a caption's credit follows ("Credit...", "(Image:"), as
    /// written (case kept).
    pub credit_marks: Vec<&'static str>,
    /// Occupations that a closing author biography names.
    pub professions: Vec<&'static str>,
    /// The occupations of people who write for a publication.
    pub media_professions: Vec<&'static str>,
}

impl Chrome {
    /// Reads chrome files, each given with its name for errors (the format
    /// is described at the top of `data/chrome/en.txt`).
    pub fn parse<'a>(
        files: impl IntoIterator<Item = (&'a str, &'static str)>,
    ) -> Result<Chrome, String> {
        let mut chrome = Chrome::default();
        for (name, text) in files {
            let mut section: Option<&str> = None;
            for (n, raw) in text.lines().enumerate() {
                let line = raw.trim_end();
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let at = || format!("{name}.txt line {}", n + 1);
                if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    section = Some(s);
                    continue;
                }
                let section =
                    section.ok_or_else(|| format!("{}: entry before any section", at()))?;
                if line != line.trim_start() {
                    return Err(format!("{}: leading white space", at()));
                }
                let paired = |list: &mut Vec<(&'static str, &'static str)>| {
                    let (reason, phrase) = line
                        .split_once('\t')
                        .filter(|(r, p)| !r.is_empty() && !p.is_empty())
                        .ok_or_else(|| format!("{}: expected reason<TAB>phrase", at()))?;
                    list.push((phrase, reason));
                    Ok::<(), String>(())
                };
                if section != "line" && section != "prefix" && line.contains('\t') {
                    return Err(format!("{}: a tab in a [{section}] entry", at()));
                }
                match section {
                    "line" => paired(&mut chrome.lines)?,
                    "prefix" => paired(&mut chrome.prefixes)?,
                    "counter" => chrome.counters.push(line),
                    "cookie context" => chrome.cookie_context.push(line),
                    "call to action" => chrome.calls_to_action.push(line),
                    "reader address" => chrome.reader_address.push(line),
                    "contribution credit" => chrome.contribution_credits.push(line),
                    "disclaimer" => chrome.disclaimers.push(line),
                    "credit mark" => chrome.credit_marks.push(line),
                    "profession" => chrome.professions.push(line),
                    "media profession" => chrome.media_professions.push(line),
                    other => return Err(format!("{}: unknown section [{other}]", at())),
                }
            }
        }
        Ok(chrome)
    }
}

/// The shipped vocabulary, read once per process.
pub static CHROME: LazyLock<Chrome> = LazyLock::new(|| {
    // The files are part of the crate and checked by a test: a parse
    // failure is a build defect, not bad input.
    Chrome::parse(FILES).unwrap_or_else(|e| panic!("chrome data: {e}"))
});

/// True when the line key `key` (see [`crate::text::normalise::Fold::Line`])
/// reads as a consent banner: it speaks of cookies together with one of
/// the words that put them on a site or in a browser (`cookie_context`,
/// also inside a word: `websites`); an article about baking cookies has
/// none of them.
fn is_consent_key(key: &str) -> bool {
    key.contains("cookie") && CHROME.cookie_context.iter().any(|phrase| key.contains(phrase))
}

/// True when `text` reads as a consent banner (see [`is_consent_key`]).
/// Most text never speaks of cookies, and is not keyed.
pub fn is_consent_notice(text: &str) -> bool {
    (text.contains("ookie") || text.contains("OOKIE"))
        && is_consent_key(&crate::text::normalise::key(
            text,
            crate::text::normalise::Fold::Line,
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::{Fold, key};

    #[test]
    fn consent_notices_speak_of_cookies_and_the_site() {
        assert!(is_consent_notice(
            "By using this site, you agree to our privacy policy, including our cookie policy."
        ));
        assert!(is_consent_notice("COOKIES help our WEBSITES work."));
        assert!(!is_consent_notice("Bake the cookies until golden, then cool them on a rack."));
        assert!(!is_consent_notice("Our site sells jars for biscuits."));
    }

    #[test]
    fn the_shipped_files_parse_and_are_normalised() {
        let c = Chrome::parse(FILES).expect("chrome files parse");
        assert!(c.lines.len() > 500 && c.prefixes.len() > 150);
        assert!(!c.credit_marks.is_empty() && !c.media_professions.is_empty());
        // Lines are looked up by their normalised form: an entry written
        // otherwise could never match.
        for (phrase, _) in &c.lines {
            assert_eq!(&key(phrase, Fold::Line), phrase, "[line] entry {phrase:?}");
        }
        for list in [
            &c.counters,
            &c.calls_to_action,
            &c.reader_address,
            &c.cookie_context,
        ] {
            for p in list {
                assert_eq!(&p.to_lowercase(), p, "entry {p:?} is not lowercase");
            }
        }
        for (p, _) in &c.prefixes {
            assert_eq!(&p.to_lowercase(), p, "prefix {p:?} is not lowercase");
        }
    }

    #[test]
    fn malformed_files_are_refused() {
        assert!(Chrome::parse([("x", "share\n")]).is_err());
        assert!(Chrome::parse([("x", "[line]\nshare\n")]).is_err());
        assert!(Chrome::parse([("x", "[nonsense]\nshare\n")]).is_err());
        assert!(Chrome::parse([("x", "[counter]\nviews\tx\n")]).is_err());
        let c = Chrome::parse([("x", "# c\n[line]\nshare prompt\tshare\n")]).expect("parses");
        assert_eq!(c.lines, vec![("share", "share prompt")]);
    }
}
