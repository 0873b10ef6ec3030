//! The parsed page flattened into an arena in document order, with the
//! facts the content scoring needs summed over each subtree.
//!
//! One iterative walk over the DOM (explicit stack: pages nest deep) drops
//! what is never content (scripts, styles, hidden elements), collects the
//! page's metadata, and records every kept element and text node. Because
//! the arena is in document order, a subtree is the contiguous range
//! `i..nodes[i].end`, so later stages skip or visit whole subtrees by index.

use scraper::node::Element;
use scraper::{Html, Node as DomNode};

use super::hints::{Hint, hint_of};
use super::metadata::RawMeta;

/// The elements the extraction tells apart; anything else is `Inline`
/// (phrasing content) or `Block` (an unknown element treated as a box).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A text node.
    Text,
    /// `<body>` (or the document root when there is no body).
    Body,
    /// `<article>`.
    Article,
    /// `<main>`, or a box whose role is `main`.
    Main,
    /// `<section>`, `<div>` and other generic boxes.
    Div,
    /// `<p>`.
    P,
    /// `<h1>`..`<h6>`.
    H(u8),
    /// `<ul>` or `<ol>` (true when ordered).
    List(bool),
    /// `<li>`.
    Li,
    /// `<dl>`.
    Dl,
    /// `<dt>` or `<dd>`.
    DlItem,
    /// `<table>`.
    Table,
    /// `<caption>`.
    Caption,
    /// `<tr>`.
    Tr,
    /// `<td>` or `<th>` (true for a header cell).
    Cell(bool),
    /// `<thead>`.
    Thead,
    /// `<tbody>` / `<tfoot>`.
    TableSection,
    /// `<blockquote>`.
    Blockquote,
    /// `<pre>`.
    Pre,
    /// `<br>`.
    Br,
    /// `<hr>`.
    Hr,
    /// `<a href>`, except links to a named anchor of the same page (as
    /// headings carry them), which are `Inline`.
    Link,
    /// `<figure>`.
    Figure,
    /// `<figcaption>`.
    Figcaption,
    /// `<nav>`.
    Nav,
    /// `<header>`.
    Header,
    /// `<footer>`.
    Footer,
    /// `<aside>`.
    Aside,
    /// `<form>`.
    Form,
    /// `<address>`.
    Address,
    /// Phrasing content (`span`, `b`, `em`, `a` without href...).
    Inline,
}

impl Tag {
    /// True for elements that start a new block of text.
    pub fn is_block(self) -> bool {
        !matches!(self, Tag::Text | Tag::Inline | Tag::Link | Tag::Br)
    }
}

/// One element or text node of the page.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// What the node is.
    pub tag: Tag,
    /// A text node's text (empty for elements).
    pub text: &'a str,
    /// The element, for attributes (None for text nodes).
    pub el: Option<&'a Element>,
    /// Index of the parent (0 for the root itself).
    pub parent: u32,
    /// One past the last index of the subtree.
    pub end: u32,
    /// What class, id and role say.
    pub hint: Hint,
    /// Inside an element whose hint names chrome (and no content word).
    pub unlikely: bool,
    /// Visible characters (white space not counted) in the subtree.
    pub chars: u32,
    /// Of those, characters inside links.
    pub link_chars: u32,
    /// Commas in the subtree.
    pub commas: u32,
    /// Links in the subtree.
    pub links: u32,
    /// Child elements that are blocks.
    pub block_children: u32,
    /// Characters reached from this element through inline markup only
    /// (text not inside a child block): loose text such as `<div>text<br>text</div>`.
    pub loose_chars: u32,
    /// Commas in that loose text.
    pub loose_commas: u32,
    /// `<article>` elements in the subtree, itself included.
    pub articles: u32,
}

impl Node<'_> {
    /// Share of the subtree's characters inside links.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// The element's attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.el.and_then(|e| attr(e, name))
    }
}

/// How strictly the page is read. The extraction reads it [`Reading::Strict`]
/// first and relaxes only when that leaves little of the page's prose:
/// themes that wrap the whole article in a box named `widget` or
/// `sidebar`, or render it into a hidden box that a script reveals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reading {
    /// Hidden elements are skipped; class, id and role names are trusted.
    Strict,
    /// As strict, on a page whose structured data says it is a discussion
    /// thread: boxes named as comments are its posts, not chrome.
    Thread,
    /// Names of chrome in classes and ids are ignored (tags still count),
    /// except those that never name an article's box (comments, menus).
    NoClassHints,
    /// As above, and hidden elements, `<aside>` and `<header>` are read as
    /// plain boxes.
    Everything,
}

/// True for chrome reasons that a relaxed reading still trusts: boxes so
/// named hold comments, menus and pointers elsewhere, never the article,
/// however much text they carry. Names such as `widget`, `header`,
/// `hidden` or `sidebar` are the ones themes also give the article's box.
fn firm_chrome(reason: &str) -> bool {
    matches!(
        reason,
        "comments"
            | "navigation"
            | "share bar"
            | "related links"
            | "newsletter"
            | "cookie notice"
            | "footer"
            | "signature"
            | "login"
    )
}

/// The page as an arena in document order; index 0 is the body.
pub struct Arena<'a> {
    /// The nodes.
    pub nodes: Vec<Node<'a>>,
    /// Runs of links are content, not chrome: the last reading of a page
    /// made only of links (a home page, a list of products or stories).
    pub keep_links: bool,
}

fn tag_of(name: &str, reading: Reading) -> Option<Tag> {
    Some(match name {
        "aside" | "header" if reading == Reading::Everything => Tag::Div,
        "body" => Tag::Body,
        "article" => Tag::Article,
        "main" => Tag::Main,
        "div" | "section" | "center" | "details" | "summary" | "fieldset" | "hgroup" => Tag::Div,
        "p" => Tag::P,
        "h1" => Tag::H(1),
        "h2" => Tag::H(2),
        "h3" => Tag::H(3),
        "h4" => Tag::H(4),
        "h5" => Tag::H(5),
        "h6" => Tag::H(6),
        "ul" | "menu" => Tag::List(false),
        "ol" => Tag::List(true),
        "li" => Tag::Li,
        "dl" => Tag::Dl,
        "dt" | "dd" => Tag::DlItem,
        "table" => Tag::Table,
        "caption" => Tag::Caption,
        "tr" => Tag::Tr,
        "td" => Tag::Cell(false),
        "th" => Tag::Cell(true),
        "thead" => Tag::Thead,
        "tbody" | "tfoot" => Tag::TableSection,
        "blockquote" => Tag::Blockquote,
        "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
        "br" => Tag::Br,
        "hr" => Tag::Hr,
        "figure" => Tag::Figure,
        "figcaption" => Tag::Figcaption,
        "nav" => Tag::Nav,
        "header" => Tag::Header,
        "footer" => Tag::Footer,
        "aside" => Tag::Aside,
        "form" => Tag::Form,
        "address" => Tag::Address,
        // Never content: code, styling, embedded media, form controls.
        "script" | "style" | "template" | "noscript" | "svg" | "math" | "iframe" | "object"
        | "embed" | "canvas" | "video" | "audio" | "select" | "option" | "textarea" | "input"
        | "button" | "head" | "title" | "meta" | "link" | "map" | "dialog" | "picture"
        | "source" | "img" | "frame" | "frameset" => return None,
        _ => Tag::Inline,
    })
}

/// An attribute by name, compared as text: scraper's own lookup interns
/// the name as an atom on every call, which costs more than a short scan.
pub fn attr<'e>(el: &'e Element, name: &str) -> Option<&'e str> {
    el.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// The attributes the walk reads, gathered in one pass.
#[derive(Default)]
struct Attrs<'e> {
    class: Option<&'e str>,
    id: Option<&'e str>,
    role: Option<&'e str>,
    itemprop: Option<&'e str>,
    style: Option<&'e str>,
    href: bool,
    hidden: bool,
}

fn read_attrs(el: &Element) -> Attrs<'_> {
    let mut a = Attrs::default();
    for (name, value) in el.attrs() {
        match name {
            "class" => a.class = Some(value),
            "id" => a.id = Some(value),
            "role" => a.role = Some(value),
            "itemprop" => a.itemprop = Some(value),
            "style" => a.style = Some(value),
            "href" => {
                // `#` alone is a scripted button; `#name` an anchor on this page.
                let v = value.trim();
                a.href = !(v.starts_with('#') && v.len() > 1);
            }
            "hidden" => a.hidden = true,
            "aria-hidden" => a.hidden |= value.trim().eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    a
}

/// True when the element is not displayed: the `hidden` attribute,
/// `aria-hidden="true"`, or an inline style hiding it.
fn is_hidden(a: &Attrs<'_>) -> bool {
    if a.hidden {
        return true;
    }
    if let Some(style) = a.style {
        let mut compact = [0u8; 64];
        let mut n = 0;
        for b in style.bytes() {
            if b.is_ascii_whitespace() {
                continue;
            }
            if n == compact.len() {
                break;
            }
            compact[n] = b.to_ascii_lowercase();
            n += 1;
        }
        // Only the first properties are read; long styles rarely hide.
        let s = &compact[..n];
        return contains(s, b"display:none") || contains(s, b"visibility:hidden");
    }
    false
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Counts visible characters and commas of a text node without allocating.
fn measure(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        chars += 1;
        if matches!(c, ',' | '，' | '、' | '،') {
            commas += 1;
        }
    }
    (chars, commas)
}

enum Step<'a> {
    /// A node, its parent's index, its depth, whether it sits inside a
    /// link, inside chrome, and inside code.
    Enter(ego_tree::NodeRef<'a, DomNode>, u32, u32, bool, bool, bool),
    Exit(u32),
}

/// Flattens the parsed page. Elements deeper than `max_depth` are not
/// recorded; their text is read as the text of the deepest kept ancestor.
pub fn flatten<'a>(
    html: &'a Html,
    max_depth: usize,
    meta: &mut RawMeta<'a>,
    reading: Reading,
) -> Arena<'a> {
    let mut nodes: Vec<Node<'a>> = Vec::new();
    let root = html.tree.root();
    let body = root
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"));
    // The head (and anything before the body) only holds metadata.
    for n in root.descendants() {
        if body.is_some_and(|b| b.id() == n.id()) {
            break;
        }
        if let Some(el) = n.value().as_element() {
            meta.see_element(el, n);
        }
    }
    let start = body.unwrap_or(root);
    nodes.push(Node {
        tag: Tag::Body,
        text: "",
        el: start.value().as_element(),
        parent: 0,
        end: 0,
        hint: Hint::default(),
        unlikely: false,
        chars: 0,
        link_chars: 0,
        commas: 0,
        links: 0,
        block_children: 0,
        loose_chars: 0,
        loose_commas: 0,
        articles: 0,
    });
    // Elements whose only chrome word comes from an id spelling out their
    // own heading (see `names_own_heading`).
    let mut slug_ids: Vec<u32> = Vec::new();
    let mut stack: Vec<Step<'a>> = vec![Step::Exit(0)];
    for child in start.children().rev() {
        stack.push(Step::Enter(child, 0, 1, false, false, false));
    }
    while let Some(step) = stack.pop() {
        let (dom, parent, depth, in_link, unlikely, in_code) = match step {
            Step::Exit(i) => {
                nodes[i as usize].end = nodes.len() as u32;
                continue;
            }
            Step::Enter(d, p, depth, l, u, c) => (d, p, depth, l, u, c),
        };
        match dom.value() {
            DomNode::Text(t) => {
                meta.see_text(t, dom);
                let (chars, commas) = measure(t);
                if t.is_empty() {
                    continue;
                }
                let i = nodes.len() as u32;
                nodes.push(Node {
                    tag: Tag::Text,
                    text: t,
                    el: None,
                    parent,
                    end: i + 1,
                    hint: Hint::default(),
                    unlikely,
                    chars,
                    link_chars: if in_link { chars } else { 0 },
                    commas,
                    links: 0,
                    block_children: 0,
                    loose_chars: 0,
                    loose_commas: 0,
                    articles: 0,
                });
            }
            DomNode::Element(el) => {
                meta.see_element(el, dom);
                let Some(mut tag) = tag_of(el.name(), reading) else {
                    continue;
                };
                let attrs = read_attrs(el);
                if reading != Reading::Everything && is_hidden(&attrs) {
                    // A page that a script reveals is hidden whole, its
                    // structured data (JSON-LD, meta tags) and its
                    // `<time>` and its headline with it: they still describe
                    // the page.
                    for d in dom.descendants().skip(1) {
                        if let Some(e) = d.value().as_element()
                            && matches!(e.name(), "script" | "meta" | "time" | "h1")
                        {
                            meta.see_element(e, d);
                        }
                    }
                    continue;
                }
                if tag == Tag::Inline && attrs.href && el.name() == "a" {
                    tag = Tag::Link;
                }
                // A box given the main landmark's role is the page's main
                // region, as `<main>` is (pages older than the element, and
                // builders that draw every region as a `<div>`).
                if tag == Tag::Div
                    && attrs
                        .role
                        .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
                {
                    tag = Tag::Main;
                }
                let link = in_link || tag == Tag::Link;
                if depth as usize > max_depth {
                    for child in dom.children().rev() {
                        stack.push(Step::Enter(
                            child,
                            parent,
                            depth + 1,
                            link,
                            unlikely,
                            in_code,
                        ));
                    }
                    continue;
                }
                // Inside code, class names are a highlighter's token kinds
                // (`token comment`, `hljs-meta`), never chrome.
                let hint = if in_code {
                    Hint::default()
                } else {
                    hint_for(&attrs, reading, true)
                };
                let code = in_code || tag == Tag::Pre || el.name() == "code";
                let i = nodes.len() as u32;
                if hint.negative.is_some_and(slug_may_clear)
                    && attrs.id.is_some_and(|id| names_own_heading(id, el, dom))
                    && hint_for(&attrs, reading, false).negative.is_none()
                {
                    slug_ids.push(i);
                }
                nodes.push(Node {
                    tag,
                    text: "",
                    el: Some(el),
                    parent,
                    end: i + 1,
                    hint,
                    unlikely,
                    chars: 0,
                    link_chars: 0,
                    commas: 0,
                    links: u32::from(tag == Tag::Link),
                    block_children: 0,
                    loose_chars: 0,
                    loose_commas: 0,
                    articles: u32::from(tag == Tag::Article),
                });
                stack.push(Step::Exit(i));
                for child in dom.children().rev() {
                    stack.push(Step::Enter(child, i, depth + 1, link, false, code));
                }
            }
            _ => {}
        }
    }
    // Sum each subtree's facts into its parent, children before parents.
    for i in (1..nodes.len()).rev() {
        let p = nodes[i].parent as usize;
        let (chars, link_chars, commas, links, block, articles) = {
            let n = &nodes[i];
            (
                n.chars,
                n.link_chars,
                n.commas,
                n.links,
                n.tag.is_block(),
                n.articles,
            )
        };
        let (loose, loose_commas) = match nodes[i].tag {
            Tag::Text => (chars, commas),
            t if !t.is_block() => (nodes[i].loose_chars, nodes[i].loose_commas),
            _ => (0, 0),
        };
        let parent = &mut nodes[p];
        parent.chars += chars;
        parent.link_chars += link_chars;
        parent.commas += commas;
        parent.links += links;
        parent.block_children += u32::from(block);
        parent.articles += articles;
        parent.loose_chars += loose;
        parent.loose_commas += loose_commas;
    }
    // A section whose id is its heading's slug (`more-on-lists`, from "More
    // on Lists") says nothing about chrome through that id, unless it is
    // made of links (a "Related posts" box so named).
    for i in slug_ids {
        let n = &mut nodes[i as usize];
        if n.link_density() < 0.5
            && let Some(el) = n.el
        {
            n.hint = hint_for(&read_attrs(el), reading, false);
        }
    }
    mark_unlikely(&mut nodes);
    Arena {
        nodes,
        keep_links: false,
    }
}

/// What an element's names say under `reading`, its id read or not.
fn hint_for(a: &Attrs<'_>, reading: Reading, with_id: bool) -> Hint {
    let id = if with_id { a.id } else { None };
    let mut hint = hint_of(a.class, id, a.role, a.itemprop);
    let relaxed = matches!(reading, Reading::NoClassHints | Reading::Everything);
    if relaxed && hint.negative.is_some_and(|r| !firm_chrome(r)) {
        hint.negative = None;
    }
    if reading == Reading::Thread && hint.negative == Some("comments") {
        hint.negative = None;
    }
    hint
}

/// True for chrome reasons that a word of a heading may spell by chance
/// ("More on Lists", "Related work", "Date and time", "Print settings"):
/// never those naming comments, menus, sharing, adverts or bylines, whose
/// headings say what the box is.
fn slug_may_clear(reason: &str) -> bool {
    matches!(
        reason,
        "related links"
            | "date line"
            | "toolbar"
            | "header"
            | "caption"
            | "tags"
            | "metadata"
            | "footnotes"
            | "hidden"
            | "banner"
    )
}

/// True when `id` is of two words or more and spells out the text of the
/// element's own heading: the element itself when it is a heading, else
/// its first child element (or that one's first), as documentation and
/// Markdown tools name sections after their headings.
fn names_own_heading(id: &str, el: &Element, node: ego_tree::NodeRef<'_, DomNode>) -> bool {
    use crate::text::normalise::{Fold, key};
    if id
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
        < 2
    {
        return false;
    }
    let is_heading = |e: &Element| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    let heading = if is_heading(el) {
        Some(node)
    } else {
        let c = first_child(node).filter(|c| c.value().as_element().is_some());
        c.filter(|c| c.value().as_element().is_some_and(is_heading))
            .or_else(|| {
                c.and_then(first_child)
                    .filter(|g| g.value().as_element().is_some_and(is_heading))
            })
    };
    let Some(heading) = heading else {
        return false;
    };
    let mut text = String::new();
    for d in heading.descendants() {
        if let DomNode::Text(t) = d.value() {
            if text.len() + t.len() > 300 {
                return false;
            }
            text.push_str(t);
        }
    }
    let (id_key, text_key) = (key(id, Fold::Letters), key(&text, Fold::Letters));
    id_key.len() >= 6 && text_key.contains(&id_key)
}

/// The first child of `n` holding visible text (an empty anchor before a
/// heading is passed over).
fn first_child<'a>(n: ego_tree::NodeRef<'a, DomNode>) -> Option<ego_tree::NodeRef<'a, DomNode>> {
    n.children().find(|c| {
        c.descendants()
            .any(|d| matches!(d.value(), DomNode::Text(t) if !t.trim().is_empty()))
    })
}

/// Share of the page's text above which a box is never taken for chrome,
/// whatever its class says: a wrapper named `page-with-rail` holds the article.
const CHROME_MAX_SHARE: f32 = 0.5;

/// True when node `n` reads as chrome by its tag or its class, id and role
/// alone, given the page's total text `total`.
pub fn looks_like_chrome(n: &Node<'_>, total: u32) -> bool {
    if n.hint.positive || n.hint.body || matches!(n.tag, Tag::Article | Tag::Main | Tag::Body) {
        return false;
    }
    let named = n.hint.negative.is_some_and(|r| !names_itself(n.tag, r))
        || matches!(n.tag, Tag::Nav | Tag::Aside | Tag::Footer);
    named && (n.chars as f32) < total as f32 * CHROME_MAX_SHARE
}

/// True when a chrome `reason` read from the class of a `tag` element only
/// names the element's own role: a heading classed `section-header` or
/// `group-header` is a heading, not the page's header.
pub fn names_itself(tag: Tag, reason: &str) -> bool {
    matches!(tag, Tag::H(_)) && reason == "header"
}

/// Marks the subtrees of chrome boxes as unlikely content, parents first.
fn mark_unlikely(nodes: &mut [Node<'_>]) {
    let total = nodes.first().map_or(0, |n| n.chars);
    for i in 1..nodes.len() {
        let inherited = nodes[nodes[i].parent as usize].unlikely;
        nodes[i].unlikely = inherited || looks_like_chrome(&nodes[i], total);
    }
}

impl<'a> Arena<'a> {
    /// Indices of the direct children of `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[i].end as usize;
        let mut j = i + 1;
        std::iter::from_fn(move || {
            if j >= end {
                return None;
            }
            let k = j;
            j = (self.nodes[k].end as usize).max(k + 1);
            Some(k)
        })
    }

    /// Up to `max` bytes of the subtree's text, white space collapsed.
    pub fn snippet(&self, i: usize, max: usize) -> String {
        let mut out = String::new();
        let end = self.nodes[i].end as usize;
        for n in &self.nodes[i..end] {
            if n.tag != Tag::Text && !n.tag.is_block() {
                continue;
            }
            let words: &str = if n.tag == Tag::Text { n.text } else { " " };
            for w in words.split_whitespace() {
                if out.len() + w.len() + 1 > max {
                    if out.is_empty() {
                        out.push_str(truncate(w, max));
                    }
                    out.push('…');
                    return out;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
        }
        out
    }
}

/// `s` cut to at most `max` bytes on a character boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_with_the_main_role_is_the_main_region() {
        let html = Html::parse_document(
            r#"<html><body><div role="main"><p>Lantern night on the quay.</p></div><div role="navigation"><a href="/">Home</a></div></body></html>"#,
        );
        let arena = flatten(&html, 100, &mut RawMeta::default(), Reading::Strict);
        let mains = arena.nodes.iter().filter(|n| n.tag == Tag::Main).count();
        assert_eq!(mains, 1);
    }

    #[test]
    fn a_heading_classed_header_is_a_heading() {
        assert!(names_itself(Tag::H(3), "header"));
        assert!(!names_itself(Tag::Div, "header"));
        assert!(!names_itself(Tag::H(3), "navigation"));
    }
}
