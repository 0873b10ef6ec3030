//! What an element's class, id and role say about it: main content, or
//! page chrome (navigation, sharing, comments, adverts...).
//!
//! Names are split into words at every non-alphanumeric character, so
//! `article-header` is the words `article` and `header`, and `ad` only
//! matches the word `ad`, never `head`, `shadow` or `read`.

use crate::lexicon::class_names::{
    CAMEL_JOINED, EMBED, NEGATIVE_PREFIX, NEGATIVE_WORD, POSITIVE, SCREEN_READER_ONLY,
};

/// The verdict on one element's class, id and role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hint {
    /// Some word names main content (`article`, `content`, `post`...).
    pub positive: bool,
    /// Some word names chrome; the reason logged when it is dropped.
    pub negative: Option<&'static str>,
    /// Schema.org microdata or a role that marks the article body itself.
    pub body: bool,
}

/// Reads an element's class, id and role attributes.
pub fn hint_of(
    class: Option<&str>,
    id: Option<&str>,
    role: Option<&str>,
    itemprop: Option<&str>,
) -> Hint {
    let mut hint = Hint::default();
    if let Some(p) = itemprop
        && p.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("articleBody"))
    {
        hint.body = true;
        hint.positive = true;
    }
    if let Some(r) = role {
        match r.trim().to_ascii_lowercase().as_str() {
            "main" | "article" => hint.positive = true,
            "navigation" | "menu" | "menubar" => hint.negative = Some("navigation"),
            "banner" => hint.negative = Some("banner"),
            "contentinfo" => hint.negative = Some("footer"),
            "complementary" => hint.negative = Some("sidebar"),
            "dialog" | "alertdialog" => hint.negative = Some("popup"),
            _ => {}
        }
    }
    if let Some(class) = class
        && class
            .split_ascii_whitespace()
            .any(|c| SCREEN_READER_ONLY.iter().any(|s| c.eq_ignore_ascii_case(s)))
    {
        hint.negative = Some("hidden");
        return hint;
    }
    let mut embed = false;
    for name in [class, id].into_iter().flatten() {
        if hint.negative.is_none() {
            hint.negative = camel_joined_chrome(name);
        }
        for word in name
            .split_ascii_whitespace()
            .filter(|token| !is_overflow_utility(token))
            .flat_map(|token| token.split(|c: char| !c.is_ascii_alphanumeric()))
            .flat_map(camel_words)
        {
            if word.is_empty() || word.len() > 40 {
                continue;
            }
            let mut buf = [0u8; 40];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // Words are ASCII alphanumerics, so this cannot fail.
            let w = std::str::from_utf8(lower).unwrap_or("");
            if w.len() < 2 || w.as_bytes()[0].is_ascii_digit() {
                // Grid sizes and single letters (`col-8`, `m`) say nothing.
                continue;
            }
            if POSITIVE.contains(&w) {
                hint.positive = true;
            }
            if EMBED.contains(&w) {
                embed = true;
            }
            if hint.negative.is_none() {
                hint.negative = negative(w);
            }
        }
    }
    if embed {
        hint.negative = None;
    }
    hint
}

/// True for a styling utility class that clips a box's overflow
/// (`overflow-hidden`, `overflow-x-hidden`): it says how the box's edges
/// are drawn, not that the box is hidden.
fn is_overflow_utility(token: &str) -> bool {
    token
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("overflow"))
}

/// The chrome reason a lowercase word names, if any.
fn negative(w: &str) -> Option<&'static str> {
    // Most class words name none: test the cheap first byte before the lists.
    let first = w.as_bytes()[0];
    let prefixed = NEGATIVE_PREFIX
        .iter()
        .filter(|(p, _)| p.as_bytes()[0] == first)
        .find(|(p, _)| w.starts_with(p));
    NEGATIVE_WORD
        .iter()
        .filter(|(n, _)| n.as_bytes()[0] == first)
        .find(|(n, _)| *n == w)
        .or(prefixed)
        .map(|(_, reason)| *reason)
}

/// The chrome reason a camel-case token of a name names read whole: the
/// rank, join date and post counts beside a forum post (`userTitle`,
/// `userExtras`) or its edit note (`lastEdit`). Split into words, `user`
/// or `extras` say nothing, and the token is not matched whole against the
/// chrome lists, where `userDetails` would take the author's name along.
fn camel_joined_chrome(name: &str) -> Option<&'static str> {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|token| {
            token
                .as_bytes()
                .windows(2)
                .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        })
        .find_map(|token| {
            CAMEL_JOINED
                .iter()
                .find(|(p, _)| {
                    token
                        .get(..p.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(p))
                })
                .map(|&(_, reason)| reason)
        })
}

/// Splits `newsCaption` into `news` and `Caption` (and leaves `caption`,
/// `CAPTION` and `h2` whole): class names are often camel case.
fn camel_words(word: &str) -> impl Iterator<Item = &str> {
    let b = word.as_bytes();
    let mut start = 0;
    let mut k = 1;
    std::iter::from_fn(move || {
        if start >= b.len() {
            return None;
        }
        while k < b.len() {
            if b[k].is_ascii_uppercase() && b[k - 1].is_ascii_lowercase() {
                let part = &word[start..k];
                start = k;
                k += 1;
                return Some(part);
            }
            k += 1;
        }
        let part = &word[start..];
        start = b.len();
        Some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_not_substrings() {
        assert_eq!(
            hint_of(Some("thread shadow"), None, None, None).negative,
            None
        );
        assert_eq!(
            hint_of(Some("ad-slot"), None, None, None).negative,
            Some("advert")
        );
        let h = hint_of(Some("article-header"), None, None, None);
        assert!(h.positive);
        assert_eq!(h.negative, Some("header"));
        assert_eq!(
            hint_of(None, Some("main-nav"), None, None).negative,
            Some("navigation")
        );
        assert_eq!(hint_of(Some("headline"), None, None, None).negative, None);
        assert_eq!(
            hint_of(Some("newsCaption"), None, None, None).negative,
            Some("caption")
        );
        assert_eq!(
            hint_of(Some("faq-area overflow-hidden px-4"), None, None, None).negative,
            None
        );
        assert_eq!(
            hint_of(Some("hidden-xs"), None, None, None).negative,
            Some("hidden")
        );
        assert_eq!(
            hint_of(Some("SHARE"), None, None, None).negative,
            Some("share bar")
        );
    }

    #[test]
    fn chrome_named_in_other_languages() {
        for (class, reason) in [
            ("kommentare", "comments"),
            ("bloc-commentaires", "comments"),
            ("werbung-oben", "advert"),
            ("artikel-teilen", "share bar"),
            ("post-signature", "signature"),
        ] {
            assert_eq!(
                hint_of(Some(class), None, None, None).negative,
                Some(reason),
                "{class}"
            );
        }
    }

    #[test]
    fn a_posts_author_panel_named_in_camel_case() {
        for class in [
            "message-userExtras",
            "userTitle message-userTitle",
            "userStats",
        ] {
            assert_eq!(
                hint_of(Some(class), None, None, None).negative,
                Some("author panel"),
                "{class}"
            );
        }
        assert_eq!(
            hint_of(Some("message-lastEdit"), None, None, None).negative,
            Some("edit note")
        );
        // The author's name stays: its box is not matched whole.
        for class in ["message-userDetails", "user-title-bar", "usertitle"] {
            assert_eq!(
                hint_of(Some(class), None, None, None).negative,
                None,
                "{class}"
            );
        }
    }

    #[test]
    fn microdata_and_roles() {
        assert!(hint_of(None, None, None, Some("articleBody")).body);
        assert_eq!(
            hint_of(None, None, Some("navigation"), None).negative,
            Some("navigation")
        );
    }
}
