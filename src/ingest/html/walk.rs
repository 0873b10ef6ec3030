//! Turns the chosen content boxes into blocks, dropping the chrome found
//! inside them, and logs what lies outside them as removed.
//!
//! The walk goes over the arena in document order with an explicit stack
//! of open blocks; inline text is gathered into one buffer and becomes a
//! block when a block boundary (a paragraph's end, a heading, a list item)
//! is reached, so mixed content such as `<div>text<p>para</p>tail</div>`
//! yields three blocks in order.

use super::dom::{Arena, Tag};
use super::table;
use super::text::TextBuf;
use crate::document::{Block, Document, ListItem, Origin};
use crate::ingest::text::split_label;

/// Longest removed text logged; enough to recognise what went.
const REMOVED_SNIPPET: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Box,
    Heading(u8),
    Quote,
    Code,
    List,
    Item,
    /// A `<dt>`: the label of the `<dd>` items after it.
    Term,
}

struct Emitter<'d, 'a> {
    arena: &'d Arena<'a>,
    doc: &'d mut Document,
    buf: TextBuf,
    open: Vec<(usize, Ctx)>,
    /// Where each open `<p>` ends, innermost last.
    p_ends: Vec<usize>,
    list: Option<(bool, Vec<ListItem>, Origin)>,
    /// A `<dt>` waiting for its `<dd>`.
    term: Option<String>,
    origin: Origin,
    /// Blocks before this index were emitted by an earlier root.
    first_block: usize,
    /// Visible characters of the runs of links dropped for their links
    /// alone (not for their names).
    links_dropped: u32,
}

/// Why element `i` (inside a content box holding `total` characters) is
/// chrome, if it is. `in_paragraph` says it sits inside a `<p>`, where a
/// run of links is part of a sentence.
pub fn chrome_reason(
    arena: &Arena<'_>,
    i: usize,
    total: u32,
    in_paragraph: bool,
) -> Option<&'static str> {
    let n = &arena.nodes[i];
    if n.chars as f32 >= total as f32 * 0.5
        && n.chars > 0
        && !matches!(n.tag, Tag::Nav | Tag::Footer | Tag::Aside | Tag::Header)
    {
        // Most of the content: a wrapper, whatever its name says.
        return None;
    }
    match n.tag {
        Tag::Nav => return Some("navigation"),
        Tag::Aside => return Some("sidebar"),
        Tag::Footer => return Some("footer"),
        // Inside the content, a <header> holds the title, standfirst and
        // byline; one holding a paragraph of prose opens a section of a page
        // of many (a service's or a course's page), and one heading a
        // section or an article (its title, a line under it) belongs to
        // what it heads.
        Tag::Header if !holds_paragraph(arena, i) && !heads_section(arena, i) => {
            return Some("header");
        }
        Tag::Header => return None,
        Tag::Form if n.chars < 500 => return Some("form"),
        Tag::Figcaption => return Some("caption"),
        // A link's class names where it points (`tag-link`, `author-url`),
        // not what its text is.
        Tag::Text | Tag::Br | Tag::Hr | Tag::Link => return None,
        _ => {}
    }
    // A post's signature and author panel are named after the post
    // (`post-signature`, `entry-author-panel`): the post's word does not
    // make them its text.
    if !n.hint.body
        && (!n.hint.positive
            || n.hint
                .negative
                .is_some_and(|r| matches!(r, "signature" | "author panel")))
        && let Some(reason) = n.hint.negative
        && !super::dom::names_itself(n.tag, reason)
        && !(reason == "header" && holds_paragraph(arena, i))
    {
        return Some(reason);
    }
    if arena.keep_links {
        return None;
    }
    if is_teaser_grid(arena, i) {
        return Some("related links");
    }
    let ld = n.link_density();
    match n.tag {
        Tag::List(_) | Tag::Dl | Tag::Div | Tag::Table | Tag::Li if n.links >= 2 && ld > 0.5 => {
            Some("link list")
        }
        // Inside a sentence only a big run of links is a widget (a pop-up
        // card of related stories), not a phrase that links two names.
        Tag::Inline
            if n.links >= 2 && ld > 0.5 && (!in_paragraph || (n.links >= 3 && n.chars >= 150)) =>
        {
            Some("link list")
        }
        // A heading that is a link still titles what follows it (an entry
        // of a reading list, a story of an index page); a short one leading
        // a run of links goes with the run (see `drop_lead_in`).
        Tag::P | Tag::Li | Tag::DlItem | Tag::Div
            if n.links >= 1 && ld > 0.8 && n.chars < 200 && !wraps_heading(arena, i) =>
        {
            Some("link")
        }
        Tag::P | Tag::DlItem | Tag::Blockquote if n.links >= 2 && ld > 0.7 => Some("link list"),
        _ => None,
    }
}

/// True when `<header>` `i` heads the content of a section or article:
/// its parent is an `<article>` or `<section>` holding at least as much
/// text after the header as in it, or it sits inside the page's `<main>`
/// and holds a heading (the opening of one section of a service's or a
/// product's page, however deep its layout boxes nest it); and the header
/// is neither mostly links nor holds a menu. A page's own header sits
/// outside the main region, and carries its navigation.
fn heads_section(arena: &Arena<'_>, i: usize) -> bool {
    let nodes = &arena.nodes;
    let n = &nodes[i];
    let p = n.parent as usize;
    let sectioning = match nodes[p].tag {
        Tag::Article => true,
        Tag::Div => nodes[p].el.is_some_and(|e| e.name() == "section"),
        _ => false,
    };
    let heads = sectioning && nodes[p].chars >= n.chars * 2;
    (heads || (in_main(arena, i) && holds_heading(arena, i)))
        && n.link_density() < 0.5
        && nav_free(arena, i)
}

/// True when some ancestor of `i` is the page's `<main>` region.
fn in_main(arena: &Arena<'_>, i: usize) -> bool {
    let nodes = &arena.nodes;
    let mut a = nodes[i].parent as usize;
    while a != 0 {
        if nodes[a].tag == Tag::Main {
            return true;
        }
        a = nodes[a].parent as usize;
    }
    false
}

/// True when the subtree of `i` holds a heading.
fn holds_heading(arena: &Arena<'_>, i: usize) -> bool {
    let end = arena.nodes[i].end as usize;
    arena.nodes[i + 1..end]
        .iter()
        .any(|n| matches!(n.tag, Tag::H(_)))
}

/// True when the subtree of `i` holds no `<nav>`.
fn nav_free(arena: &Arena<'_>, i: usize) -> bool {
    let end = arena.nodes[i].end as usize;
    !arena.nodes[i..end].iter().any(|n| n.tag == Tag::Nav)
}

/// Characters of prose a paragraph needs to make the box holding it more
/// than a title block: two sentences, longer than a standfirst.
const HEADER_PARAGRAPH_CHARS: u32 = 200;

/// True when box `i` holds a paragraph of prose (see
/// [`HEADER_PARAGRAPH_CHARS`]) that is not mostly links.
fn holds_paragraph(arena: &Arena<'_>, i: usize) -> bool {
    let end = arena.nodes[i].end as usize;
    arena.nodes[i + 1..end]
        .iter()
        .any(|n| n.tag == Tag::P && n.chars >= HEADER_PARAGRAPH_CHARS && n.link_density() < 0.3)
}

/// True when box `i` holds nothing but one heading, down a chain of boxes
/// or links with one child each: an entry's title drawn in a box of its
/// own (the link inside the heading or around it), which is read as the
/// heading it holds (see the lone-link rule of [`chrome_reason`]).
fn wraps_heading(arena: &Arena<'_>, i: usize) -> bool {
    let nodes = &arena.nodes;
    let mut at = i;
    loop {
        let mut only = None;
        for c in arena.children(at) {
            let n = &nodes[c];
            if n.tag == Tag::Text && n.text.trim().is_empty() {
                continue;
            }
            if only.replace(c).is_some() {
                return false;
            }
        }
        match only.map(|c| (c, nodes[c].tag)) {
            Some((_, Tag::H(_))) => return true,
            Some((c, Tag::Div | Tag::Link)) => at = c,
            _ => return false,
        }
    }
}

/// True when box `i` is a grid of teasers: three or more child boxes of
/// one class, each short and led by a link (cards pointing to other pages).
/// Headings among them title the grid ("Read more") and go with it.
fn is_teaser_grid(arena: &Arena<'_>, i: usize) -> bool {
    let nodes = &arena.nodes;
    if !matches!(nodes[i].tag, Tag::Div | Tag::List(_) | Tag::Inline) || nodes[i].links < 3 {
        return false;
    }
    let mut class = None;
    let mut cards = 0;
    for c in arena.children(i) {
        let n = &nodes[c];
        if n.tag == Tag::Text {
            if n.text.trim().is_empty() {
                continue;
            }
            return false;
        }
        if matches!(n.tag, Tag::H(_)) && n.chars < 80 {
            continue;
        }
        let Some(cl) = n.attr("class").filter(|c| !c.trim().is_empty()) else {
            return false;
        };
        if *class.get_or_insert(cl) != cl
            || n.links == 0
            || n.chars >= 300
            || (n.link_chars as f32) < n.chars as f32 * 0.15
        {
            return false;
        }
        cards += 1;
    }
    cards >= 3
}

/// Short text outside any `<p>` that does not end as a sentence: the label
/// of a button or widget ("Close", "Comments", "Image 2 of 5").
fn is_ui_label(text: &str) -> bool {
    text.split_whitespace().count() <= 3
        && text.chars().count() <= 30
        && !text.ends_with(['.', '!', '?', '"', '\u{201d}', '。'])
}

impl Emitter<'_, '_> {
    fn note_removed(&mut self, i: usize, reason: &str) {
        let text = self.arena.snippet(i, REMOVED_SNIPPET);
        if !text.is_empty() {
            self.doc.note_dropped("ingest", text, reason);
        }
    }

    /// Drops the block just emitted when it is a short lead-in ("Read
    /// more", "Related:", "Don't miss") to the links being dropped after it.
    fn drop_lead_in(&mut self) {
        if !self.buf.is_empty() {
            return;
        }
        let lead_in = match self.doc.blocks().last() {
            Some(Block::Paragraph { text })
            | Some(Block::Lines { text })
            | Some(Block::Heading { text, .. }) => {
                text.split_whitespace().count() <= 4
                    && !text.ends_with(['.', '!', '?', '"', '\u{201d}'])
            }
            _ => false,
        };
        if lead_in && self.doc.blocks().len() > self.first_block {
            let last = self.doc.blocks().len() - 1;
            self.doc.drop_block(last, "ingest", "link list heading");
        }
    }

    fn innermost(&self) -> Ctx {
        self.open
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .find(|c| *c != Ctx::Box)
            .unwrap_or(Ctx::Box)
    }

    /// Ends the pending inline text as a block of the innermost kind.
    fn flush(&mut self) {
        let ctx = self.innermost();
        if self.buf.is_empty() {
            self.buf.take();
            return;
        }
        let text = if ctx == Ctx::Code {
            self.buf.take_raw()
        } else {
            self.buf.take()
        };
        let origin = std::mem::take(&mut self.origin);
        let block = match ctx {
            Ctx::Heading(level) => {
                // A heading inside a list item (an entry's title) comes
                // after the items read before it, not ahead of the list;
                // so do a quote or a code block inside one (a step's
                // command).
                self.push_items_so_far();
                Block::Heading {
                    level,
                    text: text.replace('\n', " "),
                }
            }
            Ctx::Quote => {
                self.push_items_so_far();
                Block::Quote { text }
            }
            Ctx::Code => {
                self.push_items_so_far();
                Block::Code { text }
            }
            Ctx::Term if self.list.is_some() => {
                if let (Some(prev), Some((_, items, _))) = (self.term.take(), &mut self.list) {
                    items.push(ListItem::plain(prev));
                }
                self.term = Some(text.replace('\n', " "));
                return;
            }
            Ctx::List | Ctx::Item | Ctx::Term => {
                if let Some((_, items, o)) = &mut self.list {
                    let text = text.replace('\n', " ");
                    items.push(match self.term.take() {
                        Some(label) => ListItem {
                            label: Some(label),
                            text,
                        },
                        None => split_label(&text),
                    });
                    o.chars += origin.chars;
                    o.link_chars += origin.link_chars;
                    o.links = o.links.saturating_add(origin.links);
                    return;
                }
                Block::Paragraph { text }
            }
            Ctx::Box if self.p_ends.is_empty() && is_ui_label(&text) => {
                self.doc.note_dropped("ingest", text, "label");
                return;
            }
            Ctx::Box => Block::Paragraph { text },
        };
        self.doc.push(block, origin);
    }

    /// Ends the innermost open block: its pending text is flushed while it
    /// is still open (so the text takes its kind), then it is popped.
    fn close(&mut self) {
        self.flush();
        let Some((end, ctx)) = self.open.pop() else {
            return;
        };
        while self.p_ends.last().is_some_and(|&e| e <= end) {
            self.p_ends.pop();
        }
        let outermost_list = ctx == Ctx::List && !self.open.iter().any(|&(_, c)| c == Ctx::List);
        if outermost_list
            && let (Some(term), Some((_, items, _))) = (self.term.take(), &mut self.list)
        {
            items.push(ListItem::plain(term));
        }
        if outermost_list
            && let Some((ordered, items, origin)) = self.list.take()
            && !items.is_empty()
        {
            self.doc.push(Block::List { ordered, items }, origin);
        }
    }

    /// Pushes the items of the open list read so far as a list block,
    /// leaving the list open and empty for the items after them.
    fn push_items_so_far(&mut self) {
        let Some((ordered, items, origin)) = &mut self.list else {
            return;
        };
        if let Some(term) = self.term.take() {
            items.push(ListItem::plain(term));
        }
        if items.is_empty() {
            return;
        }
        let block = Block::List {
            ordered: *ordered,
            items: std::mem::take(items),
        };
        let origin = std::mem::take(origin);
        self.doc.push(block, origin);
    }

    fn close_until(&mut self, i: usize) {
        while let Some(&(end, _)) = self.open.last() {
            if end > i {
                break;
            }
            self.close();
        }
    }

    fn open_block(&mut self, end: usize, ctx: Ctx) {
        self.flush();
        self.open.push((end, ctx));
    }

    fn emit(&mut self, root: usize) {
        let nodes = &self.arena.nodes;
        let end = nodes[root].end as usize;
        // Where the root's last paragraph of prose starts: a list of links
        // before it sits inside the article (sources or tools, each with a
        // word on it), not after it as pointers elsewhere. Its items made of
        // a link alone still go: inside news they are other stories.
        let last_prose = (root..end)
            .rev()
            .find(|&j| {
                let n = &nodes[j];
                n.tag == Tag::P && n.chars >= 80 && n.link_density() < 0.3
            })
            .unwrap_or(root);
        let mut i = root;
        while i < end {
            self.close_until(i);
            let n = &nodes[i];
            let next = n.end as usize;
            if n.tag == Tag::Text {
                if self.innermost() == Ctx::Code {
                    self.buf.push_raw(n.text);
                } else {
                    self.buf.push(n.text);
                }
                self.origin.chars += n.chars;
                self.origin.link_chars += n.link_chars;
                i += 1;
                continue;
            }
            if i != root
                && let Some(reason) =
                    chrome_reason(self.arena, i, nodes[root].chars, !self.p_ends.is_empty())
                && !(reason == "link list" && matches!(n.tag, Tag::List(_)) && next <= last_prose)
            {
                if matches!(reason, "link list" | "link" | "related links") {
                    // A link opening a quote ("Name said:") names its
                    // author; the line before the quote (a post's author)
                    // leads the post, not a run of links.
                    if !self.open.iter().any(|&(_, c)| c == Ctx::Quote) {
                        self.drop_lead_in();
                    }
                    if n.hint.negative.is_none() {
                        self.links_dropped = self.links_dropped.saturating_add(n.chars);
                    }
                }
                self.note_removed(i, reason);
                i = next;
                continue;
            }
            match n.tag {
                Tag::Br => {
                    if self.innermost() == Ctx::Code {
                        self.buf.push_raw("\n");
                    } else if self.buf.ends_with_line_break() {
                        // `<br><br>` separates paragraphs.
                        self.flush();
                    } else {
                        self.buf.line_break();
                    }
                }
                Tag::Hr => self.flush(),
                Tag::Link => {
                    self.origin.links = self.origin.links.saturating_add(1);
                }
                Tag::Inline => {}
                Tag::H(level) => self.open_block(next, Ctx::Heading(level)),
                Tag::Blockquote => self.open_block(next, Ctx::Quote),
                Tag::Pre => self.open_block(next, Ctx::Code),
                Tag::List(ordered) => {
                    self.open_block(next, Ctx::List);
                    if self.list.is_none() {
                        self.list = Some((ordered, Vec::new(), Origin::default()));
                    }
                }
                Tag::Dl => {
                    self.open_block(next, Ctx::List);
                    if self.list.is_none() {
                        self.list = Some((false, Vec::new(), Origin::default()));
                    }
                }
                Tag::DlItem => {
                    let ctx = match (&self.list, n.el.map(|e| e.name())) {
                        (Some(_), Some("dt")) => Ctx::Term,
                        (Some(_), _) => Ctx::Item,
                        _ => Ctx::Box,
                    };
                    self.open_block(next, ctx);
                }
                Tag::Li => {
                    let ctx = if self.list.is_some() {
                        Ctx::Item
                    } else {
                        Ctx::Box
                    };
                    self.open_block(next, ctx);
                }
                Tag::Table if self.list.is_none() && !table::is_layout(self.arena, i) => {
                    self.flush();
                    if let Some(t) = table::build(self.arena, i) {
                        let origin = Origin {
                            chars: n.chars,
                            link_chars: n.link_chars,
                            links: n.links.min(u16::MAX as u32) as u16,
                            ..Origin::default()
                        };
                        self.doc.push(Block::Table(t), origin);
                    }
                    i = next;
                    continue;
                }
                Tag::P => {
                    self.open_block(next, Ctx::Box);
                    self.p_ends.push(next);
                }
                _ => self.open_block(next, Ctx::Box),
            }
            i += 1;
        }
        self.close_until(usize::MAX);
    }
}

/// Emits the blocks of the content roots into `doc`, and logs the page's
/// other regions as removed. Returns the visible characters of the runs
/// of links dropped inside the roots for being links (see
/// [`Arena::keep_links`]).
pub fn emit(arena: &Arena<'_>, roots: &[usize], doc: &mut Document) -> u32 {
    log_outside(arena, roots, doc);
    let mut em = Emitter {
        arena,
        doc,
        buf: TextBuf::default(),
        open: Vec::new(),
        p_ends: Vec::new(),
        list: None,
        term: None,
        origin: Origin::default(),
        first_block: 0,
        links_dropped: 0,
    };
    for &r in roots {
        em.first_block = em.doc.blocks().len();
        em.emit(r);
    }
    em.links_dropped
}

/// Logs every maximal region of the page outside the content roots.
fn log_outside(arena: &Arena<'_>, roots: &[usize], doc: &mut Document) {
    let nodes = &arena.nodes;
    if roots == [0] {
        return;
    }
    let holds_root = |i: usize| roots.iter().any(|&r| r > i && r < nodes[i].end as usize);
    let mut i = 1;
    while i < nodes.len() {
        let n = &nodes[i];
        if roots.contains(&i) {
            i = n.end as usize;
            continue;
        }
        if n.tag != Tag::Text && holds_root(i) {
            i += 1;
            continue;
        }
        if n.chars > 0 {
            let reason = match n.tag {
                Tag::Text => "outside main content",
                _ => {
                    chrome_reason(arena, i, nodes[0].chars, false).unwrap_or("outside main content")
                }
            };
            let text = arena.snippet(i, REMOVED_SNIPPET);
            let text = if n.tag == Tag::Text {
                super::dom::truncate(n.text.trim(), REMOVED_SNIPPET).to_string()
            } else {
                text
            };
            if !text.is_empty() {
                doc.note_dropped("ingest", text, reason);
            }
        }
        i = (n.end as usize).max(i + 1);
    }
}
