//! What an element's class, id and role say about it: main content, or
//! page chrome (navigation, sharing, comments, adverts...).
//!
//! Names are split into words at every non-alphanumeric character, so
//! `article-header` is the words `article` and `header`, and `ad` only
//! matches the word `ad`, never `head`, `shadow` or `read`.

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

/// Words whose presence marks main content.
const POSITIVE: &[&str] = &[
    "article",
    "main",
    "content",
    "post",
    "entry",
    "story",
    "body",
    "text",
    "blog",
    "prose",
    "articlebody",
    "postbody",
    "richtext",
    "storybody",
];

/// Word prefixes marking chrome, with the reason logged when dropped. A
/// prefix matches the start of a word (`comments`, `navbar`, `sharing`).
const NEGATIVE_PREFIX: &[(&str, &str)] = &[
    ("nav", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("footer", "footer"),
    ("masthead", "header"),
    ("comment", "comments"),
    ("disqus", "comments"),
    ("share", "share bar"),
    ("sharing", "share bar"),
    ("social", "share bar"),
    ("related", "related links"),
    ("recommend", "related links"),
    ("newsletter", "newsletter"),
    ("subscri", "newsletter"),
    ("signup", "newsletter"),
    ("promo", "promotion"),
    ("advert", "advert"),
    ("sponsor", "advert"),
    ("byline", "byline"),
    ("sidebar", "sidebar"),
    ("widget", "widget"),
    ("popup", "popup"),
    ("modal", "popup"),
    ("cookie", "cookie notice"),
    ("consent", "cookie notice"),
    ("gdpr", "cookie notice"),
    ("toolbar", "toolbar"),
    ("skiplink", "navigation"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("signature", "signature"),
    // A forum post's author panel: name, avatar, post count, join date.
    ("postprofile", "author panel"),
    ("userinfo", "author panel"),
    ("userdetails", "author panel"),
    ("postauthor", "author panel"),
    ("avatar", "author panel"),
    // The same chrome named in other languages' class names.
    ("kommentar", "comments"),
    ("comentario", "comments"),
    ("werbung", "advert"),
    ("anzeige", "advert"),
    ("publicit", "advert"),
    ("teilen", "share bar"),
    ("partage", "share bar"),
];

/// Whole words marking chrome (too short or too common to match as prefixes).
const NEGATIVE_WORD: &[(&str, &str)] = &[
    ("ad", "advert"),
    ("ads", "advert"),
    ("adv", "advert"),
    ("dfp", "advert"),
    ("header", "header"),
    ("author", "byline"),
    ("bio", "byline"),
    ("tags", "tags"),
    ("tag", "tags"),
    ("topics", "tags"),
    ("keywords", "tags"),
    ("meta", "metadata"),
    ("banner", "banner"),
    ("print", "toolbar"),
    ("skip", "navigation"),
    ("aside", "sidebar"),
    ("follow", "share bar"),
    ("more", "related links"),
    ("trending", "related links"),
    ("popular", "related links"),
    ("footnotes", "footnotes"),
    // Boxes hidden on some screens (`hidden-xs`, `hide-mobile`) are mostly
    // galleries and teasers that a reader of the article never needed.
    ("hidden", "hidden"),
    ("hide", "hidden"),
    ("tools", "toolbar"),
    ("login", "login"),
    ("cta", "promotion"),
    ("date", "date line"),
    ("time", "date line"),
    ("timestamp", "date line"),
    ("published", "date line"),
    ("updated", "date line"),
    ("posted", "date line"),
    ("signin", "login"),
    ("caption", "caption"),
    ("credit", "caption"),
    ("credits", "caption"),
];

/// Whole class names of text meant for screen readers only ("Skip to
/// content", "Opens in a new window"), whatever other words they hold.
const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
];

/// Words that mark embedded content (a quoted post, a video) inside the
/// article, which outweigh a chrome word beside them (`social-media-embed`).
const EMBED: &[&str] = &["embed", "embedded", "tweet", "instagram"];

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
        for word in name
            .split(|c: char| !c.is_ascii_alphanumeric())
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
    fn microdata_and_roles() {
        assert!(hint_of(None, None, None, Some("articleBody")).body);
        assert_eq!(
            hint_of(None, None, Some("navigation"), None).negative,
            Some("navigation")
        );
    }
}
