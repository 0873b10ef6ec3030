//! The author's name as the page shows it, for pages whose `<meta>` tags
//! and JSON-LD name nobody (or name the site): an element marked
//! `itemprop="author"`, a link to an author's page, a box whose class
//! names the author, or a "By" / "Written by" label and the name after it.

use ego_tree::NodeRef;
use scraper::Node as DomNode;
use scraper::node::Element;

/// Longest text (bytes) read as a name: a byline, not a paragraph.
const MAX_NAME_BYTES: usize = 80;

/// Labels that introduce a name, lowercase, longest first.
const LABELS: &[&str] = &[
    "written by",
    "authored by",
    "reviewed by",
    "posted by",
    "words by",
    "author",
    "by",
];

/// Words that are a label or a role, never a person's name.
const NOT_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "author",
    "authors",
    "name",
    "staff",
    "editor",
    "editors",
    "guest",
    "anonymous",
    "unknown",
    "share",
    "follow",
    "contributor",
    "contributors",
    "about",
    "view",
    "posts",
    "more",
    // An account box's greeting ("Hi, …") before a signed-in name.
    "hi",
    "hello",
];

/// Lowercase words that may sit inside a name ("Ana de la Cruz").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "y", "and",
    "bin", "al", "el", "ter", "ten", "&",
];

/// Names found in the page's body, in document order.
#[derive(Debug, Default)]
pub struct PageByline {
    /// From markup that says "this is the author": `itemprop="author"`, a
    /// link to an author page.
    strong: Option<String>,
    /// From a class naming the author or a "By" label before the name.
    weak: Option<String>,
    /// The last text seen was a label alone ("Written by"): the next text
    /// is the name.
    expect_name: bool,
}

impl PageByline {
    /// Looks at one element of the body.
    pub fn see_element(&mut self, el: &Element, node: NodeRef<'_, DomNode>) {
        if self.strong.is_some() {
            return;
        }
        let itemprop = el.attr("itemprop").is_some_and(|p| {
            p.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("author"))
        });
        if itemprop {
            // The name may sit in an `itemprop="name"` inside, as text or
            // as a `<meta content>`.
            let inner = node.descendants().find(|d| {
                d.value()
                    .as_element()
                    .and_then(|e| e.attr("itemprop"))
                    .is_some_and(|p| p.trim().eq_ignore_ascii_case("name"))
            });
            let holder = inner.unwrap_or(node);
            let written = holder
                .value()
                .as_element()
                .and_then(|e| e.attr("content"))
                .map(str::to_string)
                .or_else(|| short_text(holder));
            // Markup that names the author may name them by a handle
            // (a forum's members sign so).
            if let Some(name) = written.and_then(|t| name_in(&t, true).or_else(|| handle_in(&t)))
                && !signs_elsewhere(node)
            {
                self.strong = Some(name);
                return;
            }
        }
        if el.name() == "a"
            && el.attr("href").is_some_and(|h| {
                h.contains("/author/") || h.contains("/authors/") || h.contains("/contributors/")
            })
            && let Some(name) = short_text(node).and_then(|t| name_in(&t, true))
            && !signs_elsewhere(node)
        {
            self.strong = Some(name);
            return;
        }
        if self.weak.is_none()
            && el.attr("class").is_some_and(|c| {
                c.contains("author") || c.contains("Author") || c.contains("byline")
            })
            && let Some(name) = short_text(node).and_then(|t| name_in(&t, false))
            && !signs_elsewhere(node)
        {
            self.weak = Some(name);
        }
        // A forum names a post's member by a box classed as their user
        // name (often in the member's pop-up menu); the first such box is
        // the thread's opening post.
        if self.weak.is_none()
            && el
                .attr("class")
                .is_some_and(|c| holds_ignoring_case(c, b"username"))
            && let Some(name) = short_text(node).and_then(|t| handle_in(&t))
            && !in_comments(node)
        {
            self.weak = Some(name);
        }
    }

    /// Looks at one text node of the body.
    pub fn see_text(&mut self, text: &str, node: NodeRef<'_, DomNode>) {
        self.read_text(text, || signs_elsewhere(node));
    }

    /// As [`PageByline::see_text`]; `signs_elsewhere` tells whether the text
    /// sits in the page's comments, asked only of a name about to be taken.
    fn read_text(&mut self, text: &str, signs_elsewhere: impl Fn() -> bool) {
        if self.strong.is_some() || self.weak.is_some() {
            return;
        }
        let t = text.trim();
        if t.is_empty() {
            return;
        }
        if std::mem::take(&mut self.expect_name)
            && let Some(name) = name_in(t, false)
        {
            if !signs_elsewhere() {
                self.weak = Some(name);
            }
            return;
        }
        if t.len() > MAX_NAME_BYTES {
            return;
        }
        let bare = t.trim_end_matches([':', ' ']);
        if LABELS.iter().any(|l| bare.eq_ignore_ascii_case(l)) {
            self.expect_name = true;
            return;
        }
        // "By Ana Reyes" in one text node.
        if let Some((label, _)) = strip_label(t)
            && label.is_some()
            && let Some(name) = name_in(t, false)
            && !signs_elsewhere()
        {
            self.weak = Some(name);
        }
    }

    /// The best name found.
    pub fn best(&self) -> Option<&str> {
        self.strong.as_deref().or(self.weak.as_deref())
    }
}

/// Most ancestors looked at for a comment section: a comment sits a few
/// boxes deep in its list, not dozens.
const MAX_COMMENT_DEPTH: usize = 12;

/// Most ancestors looked at for a menu: an item sits just inside its menu,
/// while a box far up named for a menu may wrap the whole page.
const MAX_MENU_DEPTH: usize = 8;

/// True when `node` sits in the page's comments or its navigation (an
/// ancestor `<nav>`, or one whose class or id names comments or a menu): a
/// commenter's name signs a reply, not the page, and a menu's "By …" item
/// names a topic.
fn signs_elsewhere(node: NodeRef<'_, DomNode>) -> bool {
    in_comments(node)
        || in_boxes(node, MAX_MENU_DEPTH, |e| {
            e.name() == "nav" || names_box(e, b"menu")
        })
}

/// True when `node` sits in the page's comments.
fn in_comments(node: NodeRef<'_, DomNode>) -> bool {
    in_boxes(node, MAX_COMMENT_DEPTH, |e| names_box(e, b"comment"))
}

/// True when one of the `depth` boxes around `node`, up to the page's body
/// (whose class names its template, not a part of it), is `what`.
fn in_boxes(node: NodeRef<'_, DomNode>, depth: usize, what: impl Fn(&Element) -> bool) -> bool {
    node.ancestors()
        .take(depth)
        .filter_map(|a| a.value().as_element())
        .take_while(|e| !matches!(e.name(), "body" | "html"))
        .any(what)
}

/// True when the element's class or id holds `word`.
fn names_box(e: &Element, word: &[u8]) -> bool {
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| holds_ignoring_case(v, word))
}

/// True when `v` holds `word` in any case, without allocating.
fn holds_ignoring_case(v: &str, word: &[u8]) -> bool {
    v.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A member's handle ("drat", "Ejp55230", "mod_jane"): one word of
/// letters, digits, `_`, `.` or `-`, with a letter, and no label or role.
fn handle_in(text: &str) -> Option<String> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.len() <= MAX_HANDLE_BYTES
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && t.chars().any(char::is_alphabetic)
        && !NOT_NAMES.contains(&t.to_lowercase().as_str());
    ok.then(|| t.to_string())
}

/// Longest handle (bytes) taken as a name.
const MAX_HANDLE_BYTES: usize = 40;

/// The subtree's text, white space collapsed, when it is short enough to be
/// a byline.
fn short_text(node: NodeRef<'_, DomNode>) -> Option<String> {
    let mut out = String::new();
    for d in node.descendants() {
        if let DomNode::Text(t) = d.value() {
            if out.len() + t.len() > MAX_NAME_BYTES * 2 {
                return None;
            }
            out.push_str(t);
            out.push(' ');
        }
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Splits a leading label ("By", "Written by:") from `text`: the label
/// found, if any, and the rest.
fn strip_label(text: &str) -> Option<(Option<&'static str>, &str)> {
    let t = text.trim();
    for label in LABELS {
        let Some(head) = t.get(..label.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(label) {
            let rest = &t[label.len()..];
            if rest.starts_with([' ', ':']) {
                return Some((Some(label), rest.trim_start_matches([' ', ':'])));
            }
        }
    }
    Some((None, t))
}

/// The person's name `text` holds ("By Ana Reyes", "Ana Reyes, MD"), if
/// it reads as one: one to six words, capitalised (name particles
/// aside), no digits, no addresses. A single word is taken only when
/// `single_ok` (a handle is a name only where the markup says so).
pub fn name_in(text: &str, single_ok: bool) -> Option<String> {
    if text.len() > MAX_NAME_BYTES * 2 {
        return None;
    }
    let (_, rest) = strip_label(text)?;
    // "Ana Reyes | Studio", "Ana Reyes - Staff Writer": the name comes first.
    let rest = rest.split(['|', '•', '·', '—', '–']).next()?.trim();
    let rest =
        rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '.' | ';'));
    if rest.is_empty()
        || rest.len() > MAX_NAME_BYTES
        || rest.contains(['@', '/', '?', '!', '(', ')', '#', '"'])
        || rest.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || (words.len() == 1 && !single_ok) {
        return None;
    }
    let first = words[0].chars().next()?;
    if !first.is_alphabetic() || !first.is_uppercase() {
        return None;
    }
    // Credentials after a comma ("MS, RD") are part of the line, not the name.
    let name_words = rest.split(',').next().unwrap_or(rest).split_whitespace();
    for w in name_words {
        let lower = w.to_lowercase();
        if PARTICLES.contains(&lower.as_str()) {
            continue;
        }
        let c = w.chars().next()?;
        if !(c.is_uppercase() || !c.is_alphabetic() && c != '-') {
            return None;
        }
    }
    let plain = |w: &&str| w.to_lowercase().trim_matches([',', '.', ':']).to_string();
    // "Topic Author", "Guest Author": a role, whoever holds it.
    if words
        .iter()
        .map(plain)
        .any(|w| w == "author" || w == "authors")
        || words
            .iter()
            .map(plain)
            .all(|w| NOT_NAMES.contains(&w.as_str()))
    {
        return None;
    }
    Some(rest.to_string())
}

/// True when an author named by the page's tags is a placeholder rather
/// than someone ("Name", "Administrator", "Topic Author", a number).
/// Handles and addresses are kept: sites do sign pages with them.
pub fn placeholder(author: &str) -> bool {
    let words: Vec<String> = author
        .split_whitespace()
        .map(|w| w.to_lowercase().trim_matches([',', '.', ':']).to_string())
        .collect();
    !author.chars().any(char::is_alphabetic)
        || words.iter().any(|w| w == "author" || w == "authors")
        || words.iter().all(|w| NOT_NAMES.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_from_other_short_lines() {
        assert_eq!(name_in("By Ana Reyes", false).as_deref(), Some("Ana Reyes"));
        assert_eq!(
            name_in("Written by: Luis de la Vega", false).as_deref(),
            Some("Luis de la Vega")
        );
        assert_eq!(
            name_in("Mara Lind, MS, RD", false).as_deref(),
            Some("Mara Lind, MS, RD")
        );
        assert_eq!(
            name_in("Tove Berg | Harbour Studio", false).as_deref(),
            Some("Tove Berg")
        );
        assert_eq!(name_in("Published March 3, 2024", false), None);
        assert_eq!(name_in("by the river at dawn", false), None);
        assert_eq!(name_in("Administrator", true), None);
        assert_eq!(name_in("Author", true), None);
        assert_eq!(name_in("Topic Author", false), None);
        assert_eq!(name_in("Reyes", false), None);
        assert_eq!(name_in("Reyes", true).as_deref(), Some("Reyes"));
        assert_eq!(name_in("mail@example.org", true), None);
    }

    #[test]
    fn placeholders_are_not_authors() {
        assert!(placeholder("Name"));
        assert!(placeholder("262588213843476"));
        assert!(placeholder("Topic Author"));
        assert!(!placeholder("q_editor"));
        assert!(!placeholder("Ines Alvar"));
    }

    /// The name the walk finds in a page's body, every element and text
    /// seen in document order.
    fn byline_of(html: &str) -> Option<String> {
        let dom = scraper::Html::parse_document(html);
        let mut b = PageByline::default();
        for n in dom.tree.root().descendants() {
            match n.value() {
                DomNode::Element(el) => b.see_element(el, n),
                DomNode::Text(t) => b.see_text(t, n),
                _ => {}
            }
        }
        b.best().map(str::to_string)
    }

    #[test]
    fn marked_authors_may_be_handles_given_as_meta() {
        let html = r#"<div itemprop="author" itemscope><a href="/u/7">quill_7</a>
            <meta itemprop="name" content="quill_7"></div><p>How do I oil a hinge?</p>"#;
        assert_eq!(byline_of(html).as_deref(), Some("quill_7"));
        // Member boxes of a forum name the opening post's member.
        let forum = r#"<dl><dt><a class="username" href="/m/3">tinker42</a></dt></dl>
            <p>My hinge squeaks.</p>"#;
        assert_eq!(byline_of(forum).as_deref(), Some("tinker42"));
        let greeting = r#"<div class="username">Hi&nbsp;<span></span></div>"#;
        assert_eq!(byline_of(greeting), None);
    }

    #[test]
    fn commenters_and_menus_sign_nothing() {
        let comment = r#"<article><p>Oil the hinge twice a year.</p></article>
            <ol class="comment-list"><li><span class="comment-author">
            <span itemprop="author">Petra Olsen</span></span> Thanks!</li></ol>"#;
        assert_eq!(byline_of(comment), None);
        let menu = r#"<ul class="sub-menu"><li>By Company Size</li></ul>
            <p>Oil the hinge twice a year.</p>"#;
        assert_eq!(byline_of(menu), None);
        let replied = r#"<p class="comments-post">Posted by: <a>Jonas Ek</a></p>"#;
        assert_eq!(byline_of(replied), None);
        let shown = r#"<ul class="sub-menu"><li>Home</li></ul>
            <p class="byline">By Ana Reyes</p>"#;
        assert_eq!(byline_of(shown).as_deref(), Some("Ana Reyes"));
    }

    #[test]
    fn a_label_introduces_the_next_text() {
        let mut b = PageByline::default();
        b.read_text("Written by", || false);
        b.read_text("  Petra Olsen ", || false);
        assert_eq!(b.best(), Some("Petra Olsen"));
        let mut b = PageByline::default();
        b.read_text("by Jonas Ek", || false);
        assert_eq!(b.best(), Some("Jonas Ek"));
        let mut b = PageByline::default();
        b.read_text("Jonas Ek", || false);
        assert_eq!(b.best(), None);
    }
}
