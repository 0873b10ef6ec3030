//! The page's metadata: title, byline, date, site name, URL and language,
//! from `<meta>` tags, JSON-LD, `<link>`s and the markup itself.

use ego_tree::NodeRef;
use scraper::Node as DomNode;
use scraper::node::Element;

use super::byline::PageByline;
use super::dateline::PageDate;
use crate::document::Meta;
use crate::text::normalise::{self, Fold};

/// Facts gathered during the DOM walk, read into [`Meta`] at the end.
#[derive(Debug, Default)]
pub struct RawMeta<'a> {
    title_tag: Option<String>,
    og_title: Option<&'a str>,
    /// The page's own summary (`description`, `og:description`).
    description: Option<&'a str>,
    og_site: Option<&'a str>,
    og_url: Option<&'a str>,
    canonical: Option<&'a str>,
    author: Option<&'a str>,
    /// The page's card says "Written by" (`twitter:label1`): its
    /// `twitter:data1` is the author.
    card_written_by: bool,
    card_author: Option<&'a str>,
    rel_author: Option<String>,
    published: Option<&'a str>,
    /// When the page says it was last changed (`article:modified_time`).
    modified: Option<&'a str>,
    time: Option<&'a str>,
    lang: Option<&'a str>,
    json_ld: Vec<String>,
    /// The texts of the page's first few `<h1>`s.
    h1s: Vec<String>,
    page_byline: PageByline,
    page_date: PageDate,
}

/// Text of all text nodes under `node`, without recursion.
fn text_under(node: NodeRef<'_, DomNode>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let DomNode::Text(t) = d.value() {
            out.push_str(t);
        }
    }
    out
}

/// Most `<h1>`s looked at for the headline.
const MAX_H1S: usize = 4;

/// As [`text_under`], without the text of scripts and style sheets a
/// heading may hold.
fn visible_text_under(node: NodeRef<'_, DomNode>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let DomNode::Text(t) = d.value() {
            let hidden = d
                .parent()
                .and_then(|p| p.value().as_element().map(|e| e.name()))
                .is_some_and(|n| matches!(n, "script" | "style" | "noscript" | "template"));
            if !hidden {
                out.push_str(t);
                out.push(' ');
            }
        }
    }
    out
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = if s.contains('&') {
        decode_char_refs(&s)
    } else {
        s
    };
    (!s.is_empty()).then_some(s)
}

/// Decodes the character references left in a value escaped twice by the
/// site (`&amp;#x26;` reaches us as `&#x26;`): numeric ones and the few
/// named ones titles use. Anything else is kept as written.
fn decode_char_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "lt" => '<',
                "gt" => '>',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| !c.is_control())?
                }
            };
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

impl<'a> RawMeta<'a> {
    /// Looks at one element for metadata.
    pub fn see_element(&mut self, el: &'a Element, node: NodeRef<'a, DomNode>) {
        self.page_byline.see_element(el, node);
        match el.name() {
            "html" if self.lang.is_none() => {
                self.lang = el.attr("lang").or_else(|| el.attr("xml:lang"));
            }
            "title" if self.title_tag.is_none() => {
                // An SVG's <title> lives inside <svg>; the page's is in <head>.
                let in_head = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name() == "head"))
                    .unwrap_or(false);
                if in_head {
                    self.title_tag = clean(&text_under(node));
                }
            }
            "meta" => {
                // Microdata writes its dates as `<meta itemprop content>`;
                // its other properties describe any item (a product, an
                // offer), not the page, and its `dateModified` is a
                // thread's last reply as often as the page's change.
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop").filter(|p| p.trim() == "datePublished"));
                let (Some(key), Some(content)) = (key, el.attr("content")) else {
                    return;
                };
                let content = content.trim();
                if content.is_empty() {
                    return;
                }
                let slot = match key.trim().to_ascii_lowercase().as_str() {
                    "og:title" | "twitter:title" => &mut self.og_title,
                    "description" | "og:description" | "twitter:description" => {
                        &mut self.description
                    }
                    "og:site_name" | "application-name" => &mut self.og_site,
                    "og:url" => &mut self.og_url,
                    "author" | "article:author" | "byl" | "dc.creator" | "dcterms.creator"
                    | "parsely-author" | "sailthru.author" => {
                        // article:author is often a profile URL, not a name.
                        if content.starts_with("http") {
                            return;
                        }
                        &mut self.author
                    }
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "og:published_time"
                    | "sailthru.date" => &mut self.published,
                    "article:modified_time" | "og:updated_time" | "datemodified" => {
                        &mut self.modified
                    }
                    "twitter:label1" => {
                        self.card_written_by = content.eq_ignore_ascii_case("written by");
                        return;
                    }
                    "twitter:data1" if self.card_written_by => &mut self.card_author,
                    _ => return,
                };
                if slot.is_none() {
                    *slot = Some(content);
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && self.canonical.is_none()
                {
                    self.canonical = el.attr("href").map(str::trim);
                }
            }
            "a" if self.rel_author.is_none()
                && el.attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("author"))
                }) =>
            {
                self.rel_author = clean(&text_under(node));
            }
            "h1" if self.h1s.len() < MAX_H1S => {
                self.h1s.push(visible_text_under(node));
            }
            "time" if self.time.is_none() => {
                self.time = el.attr("datetime").map(str::trim).filter(|s| !s.is_empty());
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                    && self.json_ld.len() < 8 =>
            {
                self.json_ld.push(text_under(node));
            }
            _ => {}
        }
    }

    /// Looks at one text node of the body (a "By" line, a date line).
    pub fn see_text(&mut self, text: &str, node: NodeRef<'a, DomNode>) {
        self.page_byline.see_text(text, node);
        self.page_date.see_text(text);
    }

    /// True when the page's structured data says it is a discussion: a
    /// thread of posts (`DiscussionForumPosting`) or a question and its
    /// answers (`QAPage`). Its replies are its content, whatever their
    /// boxes are named, where an article's comments are not.
    pub fn declares_thread(&self) -> bool {
        self.json_ld
            .iter()
            .any(|s| s.contains("\"DiscussionForumPosting\"") || s.contains("\"QAPage\""))
    }

    /// Reads the gathered facts into [`Meta`]; `h1` is the page's first
    /// top-level heading, used when nothing better names the article.
    pub fn finish(self, h1: Option<&str>) -> Meta {
        self.finish_with_script_text(h1).0
    }

    /// As [`RawMeta::finish`], with the text the page holds in its data
    /// rather than its markup: the JSON-LD `articleBody`, else the longest
    /// description its structured data or meta tags give (a shop's product
    /// or a course rendered by script has no prose in the markup at all).
    pub fn finish_with_script_text(self, h1: Option<&str>) -> (Meta, Option<String>) {
        let ld = JsonLd::read(&self.json_ld);
        let script_text = ld.body.clone().or_else(|| {
            [ld.description.as_deref(), self.description]
                .into_iter()
                .flatten()
                .max_by_key(|d| d.len())
                .map(str::to_string)
        });
        let site_name = self
            .og_site
            .map(str::to_string)
            .or(ld.publisher.clone())
            .and_then(|s| clean(&s));
        // A social title that is only the site's name says nothing of
        // this page; its `<title>` does.
        let og_title = self
            .og_title
            .filter(|t| !site_name.as_deref().is_some_and(|s| same_words(t, s)));
        let raw_title = og_title
            .map(str::to_string)
            .or(ld.headline.clone())
            .or(self.title_tag.clone())
            .or(h1.map(str::to_string))
            .and_then(|s| clean(&s));
        let title = raw_title
            .as_deref()
            .map(|t| strip_site_suffix(t, site_name.as_deref(), h1));
        // The headline shown on the page is the article's title; the tags
        // often carry a variant written for search engines. The `<h1>` is
        // taken when it shares most of its words with the tagged title (a
        // logo or a section name in an `<h1>` does not).
        let whole_title = raw_title.as_deref().unwrap_or("");
        let h1s = || h1.into_iter().chain(self.h1s.iter().map(String::as_str));
        let site = site_name.as_deref();
        // The page's first `<h1>` that does not name the site: a logo set
        // in an `<h1>` often comes before the headline's.
        // A dated page is an article or a post: a one-word `<h1>` there is
        // the site's logo or a section's name, not the headline it is on an
        // undated page (a category, a product).
        let dated = self.published.is_some()
            || ld.published.is_some()
            || self.time.is_some()
            || self.page_date.best().is_some();
        // Of several `<h1>`s that read as the headline, the one the title's
        // words match best: a blog's name may sit in the first.
        let shown_h1 = title.as_deref().and_then(|t| {
            h1s()
                .filter_map(clean)
                .map(|h| said_once(&h).to_string())
                .filter(|h| !names_site(h, whole_title, site) && headline_of(h, t, !dated))
                .enumerate()
                .max_by(|(i, a), (j, b)| {
                    let (sa, sb) = (share_in(a, t), share_in(b, t));
                    (sa.0 * sb.1).cmp(&(sb.0 * sa.1)).then(j.cmp(i))
                })
                .map(|(_, h)| h)
        });
        // An `<h1>` that the structured data's headline repeats is the
        // headline, whatever the social tags say (they are often written
        // apart, for sharing).
        let confirmed = ld
            .headline
            .as_deref()
            .and_then(clean)
            .and_then(|l| h1s().filter_map(clean).find(|h| same_words(h, &l)));
        let title = confirmed.or(shown_h1).or(title);
        // The structured data names the article's author; a `<meta>` tag
        // is more often the site's account or a house name when the two
        // differ.
        let tagged = ld
            .author
            .clone()
            .or(self.author.map(str::to_string))
            .or(self.card_author.map(str::to_string))
            .or(self.rel_author.clone())
            .and_then(|s| clean(&s))
            .map(strip_by)
            .map(|s| {
                // "Ana Reyes | Studio": the person, not the studio.
                let person = s.split(" | ").next().unwrap_or(&s);
                person.trim_start_matches([',', ';', ' ']).to_string()
            })
            .filter(|s| !s.is_empty());
        // The site or its publisher named as author says nothing of who
        // wrote this page when the page itself shows a name.
        let names_site = |a: &str| {
            [site_name.as_deref(), ld.publisher.as_deref()]
                .into_iter()
                .flatten()
                .any(|s| same_words(a, s))
        };
        let shown = self.page_byline.best().map(str::to_string);
        let byline = match tagged {
            Some(a) if names_site(&a) && shown.is_some() => shown,
            // A placeholder ("Name", "Administrator") or a number is no name.
            Some(a) if super::byline::placeholder(&a) => shown,
            Some(a) => Some(a),
            None => shown,
        };
        // The first stated date in ISO form, else the date line the page
        // shows. A date the data writes for people ("Jun 24, 2025") is
        // more often a template's than the page's own.
        let as_date = |s: &str| iso_date(s);
        let published = [self.published, ld.published.as_deref(), self.time]
            .into_iter()
            .flatten()
            .find_map(as_date)
            .or(self.page_date.best().map(str::to_string));
        let modified = self.modified.or(ld.modified.as_deref()).and_then(as_date);
        // A page that shows the day it was last changed, and not the day
        // it first came out, dates itself by the change: that is the date
        // its readers see.
        let shown_date = self.page_date.best();
        let day = |d: &str| d.get(..10).map(str::to_string);
        let published = match (published, modified, shown_date) {
            (Some(p), Some(m), Some(s))
                if day(&m).as_deref() == Some(s) && day(&p).as_deref() != Some(s) =>
            {
                Some(m)
            }
            (p, _, _) => p,
        };
        let url = self
            .canonical
            .or(self.og_url)
            .filter(|u| u.starts_with("http"))
            .map(str::to_string);
        let language = self.lang.and_then(|l| {
            let primary = l.trim().split(['-', '_']).next().unwrap_or("");
            (primary.len() == 2 || primary.len() == 3)
                .then(|| primary.to_ascii_lowercase())
                .filter(|p| p.bytes().all(|b| b.is_ascii_lowercase()))
        });
        let meta = Meta {
            source: None,
            id: None,
            url,
            title,
            byline,
            published,
            site_name,
            language,
        };
        (meta, script_text)
    }
}

/// Shortest text taken from structured data as the page's text: a
/// sentence, not a label.
const DATA_TEXT_BYTES: usize = 40;

/// Separators between an article title and the site's name.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "];

/// Drops a ` | Site` (or `Site | `) part from a title when it is the site
/// name, or when the rest alone equals the page's `<h1>`.
pub fn strip_site_suffix(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
            let is_site = |part: &str| {
                site.is_some_and(|s| same_words(part, s))
                    || (part.split_whitespace().count() <= 4
                        && h1
                            .is_some_and(|h| same_words(h, if part == tail { head } else { tail })))
            };
            if !head.is_empty() && is_site(tail) {
                return head.to_string();
            }
        }
        if let Some(at) = title.find(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
            if !tail.is_empty() && site.is_some_and(|s| same_words(head, s)) {
                return tail.to_string();
            }
        }
    }
    title.to_string()
}

/// Lowercase words of three letters or more: the words that carry a
/// title's sense.
fn sense_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// True when `h1` reads as the page's headline for the tagged `title`:
/// two to thirty words, at least half of them (of three letters or more)
/// found in the title; or, when `one_word` allows, one capitalised word
/// the title holds (a category's or a product's name: "Kayaks", "Kayaks
/// for Touring | Shop").
fn headline_of(h1: &str, title: &str, one_word: bool) -> bool {
    let n = h1.split_whitespace().count();
    if n == 1 {
        let h = sense_words(h1);
        // The word is in the title's first part: in the part after a
        // separator, it is the site's name ("Wired" in "… | Wired.com").
        let first_part = TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| title.find(sep))
            .min()
            .map_or(title, |at| &title[..at]);
        return one_word
            && h.len() == 1
            && sense_words(first_part).contains(&h[0])
            && h1.chars().next().is_some_and(char::is_uppercase);
    }
    if !(2..=30).contains(&n) {
        return false;
    }
    let (shared, len) = share_in(h1, title);
    len > 0 && shared * 2 >= len
}

/// How many of the words of `h1` (of three letters or more) the `title`
/// holds, and of how many.
fn share_in(h1: &str, title: &str) -> (usize, usize) {
    let (h, t) = (sense_words(h1), sense_words(title));
    (h.iter().filter(|w| t.contains(w)).count(), h.len())
}

/// A heading that says its text twice ("News News": a copy for screen
/// readers beside the one shown), said once.
fn said_once(h: &str) -> &str {
    let words: Vec<&str> = h.split(' ').collect();
    let half = words.len() / 2;
    if half > 0 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        let end = words[..half].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        return &h[..end];
    }
    h
}

/// True when the `h1` names the site rather than the page: the site's
/// name, or a part of the page's `title` after its first separator
/// ("Arch Linux" in "What happened in 2024 / Forum / Arch Linux").
fn names_site(h1: &str, title: &str, site: Option<&str>) -> bool {
    if site.is_some_and(|s| same_words(h1, s)) {
        return true;
    }
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS.iter().chain(&[" / "]) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.len() >= 2 && parts[1..].iter().any(|p| same_words(p.trim(), h1))
}

/// Equal ignoring case, white space and punctuation.
pub fn same_words(a: &str, b: &str) -> bool {
    normalise::same(a, b, Fold::Letters)
}

/// Keeps a date that starts as ISO 8601 does (`YYYY-MM-DD`, optionally with
/// a time); anything else is not trusted as a date. A space before the time
/// becomes `T` and a trailing ` GMT`/` UTC` becomes `Z`, so common near-ISO
/// forms come out as ISO 8601; placeholder years (`0001`) are refused.
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let ok = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && &s[..4] >= "1900";
    if !ok {
        return None;
    }
    let mut out = s.to_string();
    if out.len() > 11 && out.as_bytes()[10] == b' ' && out.as_bytes()[11].is_ascii_digit() {
        out.replace_range(10..11, "T");
    }
    for zone in [" GMT", " UTC", " Z"] {
        if let Some(stripped) = out.strip_suffix(zone) {
            out = format!("{stripped}Z");
        }
    }
    Some(out)
}

/// Drops a leading "By " from an author line.
fn strip_by(s: String) -> String {
    match s.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => s[3..].trim_start().to_string(),
        _ => s,
    }
}

/// What JSON-LD blocks say about the article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    /// An article's whole text, when the data carries it.
    body: Option<String>,
    /// The first description of some length, whatever the object.
    description: Option<String>,
    /// An author or publisher given only as a reference (`{"@id": …}`)
    /// to an object elsewhere in the data: resolved once every object has
    /// been seen.
    author_ref: Option<String>,
    publisher_ref: Option<String>,
    /// The `@id` and `name` of the named objects seen, for those references.
    named: Vec<(String, String)>,
}

/// Most named objects remembered for resolving `@id` references.
const MAX_NAMED_OBJECTS: usize = 64;

impl JsonLd {
    fn read(scripts: &[String]) -> JsonLd {
        let mut out = JsonLd::default();
        for s in scripts {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(s.trim()) else {
                continue;
            };
            // Objects may sit in an array or an @graph; visit them without recursion.
            let mut queue = vec![&value];
            let mut seen = 0;
            while let Some(v) = queue.pop() {
                seen += 1;
                if seen > 200 {
                    break;
                }
                match v {
                    serde_json::Value::Array(a) => queue.extend(a.iter()),
                    serde_json::Value::Object(o) => {
                        if let Some(g) = o.get("@graph") {
                            queue.push(g);
                        }
                        // A question page's or a thread's post sits in its
                        // page's `mainEntity`.
                        if let Some(m) = o.get("mainEntity") {
                            queue.push(m);
                        }
                        if is_article_type(o.get("@type")) {
                            out.take(o);
                        }
                        if out.named.len() < MAX_NAMED_OBJECTS
                            && let (Some(id), Some(name)) = (
                                o.get("@id").and_then(|v| v.as_str()),
                                o.get("name").and_then(|v| v.as_str()),
                            )
                        {
                            out.named.push((id.to_string(), name.to_string()));
                        }
                        let text = |k: &str| {
                            o.get(k)
                                .and_then(|v| v.as_str())
                                .filter(|t| t.len() >= DATA_TEXT_BYTES)
                                .map(str::to_string)
                        };
                        if out.body.is_none() {
                            out.body = text("articleBody");
                        }
                        if out.description.is_none() {
                            out.description = text("description");
                        }
                    }
                    _ => {}
                }
            }
        }
        let lookup = |id: &Option<String>| {
            let id = id.as_deref()?;
            out.named
                .iter()
                .find(|(k, _)| k == id)
                .map(|(_, name)| name.clone())
        };
        let (author, publisher) = (lookup(&out.author_ref), lookup(&out.publisher_ref));
        if out.author.is_none() {
            out.author = author;
        }
        if out.publisher.is_none() {
            out.publisher = publisher;
        }
        out
    }

    fn take(&mut self, o: &serde_json::Map<String, serde_json::Value>) {
        let s = |k: &str| o.get(k).and_then(|v| v.as_str()).map(str::to_string);
        if self.headline.is_none() {
            self.headline = s("headline");
        }
        if self.published.is_none() {
            self.published = s("datePublished").or_else(|| s("dateCreated"));
        }
        if self.modified.is_none() {
            self.modified = s("dateModified");
        }
        if self.author.is_none() {
            self.author = o.get("author").and_then(names);
            if self.author_ref.is_none() {
                self.author_ref = o.get("author").and_then(reference);
            }
        }
        if self.publisher.is_none() {
            self.publisher = o.get("publisher").and_then(names);
            if self.publisher_ref.is_none() {
                self.publisher_ref = o.get("publisher").and_then(reference);
            }
        }
    }
}

fn is_article_type(t: Option<&serde_json::Value>) -> bool {
    // A thread's opening post and a question are the page's article: their
    // author and date are the thread's.
    let is = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting"
                    | "Report"
                    | "WebPage"
                    | "DiscussionForumPosting"
                    | "SocialMediaPosting"
                    | "Question"
            )
    };
    match t {
        Some(serde_json::Value::String(s)) => is(s),
        Some(serde_json::Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(is)),
        _ => false,
    }
}

/// The `@id` a nameless object (or the first of a list) points to.
fn reference(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Object(o) if !o.contains_key("name") => {
            o.get("@id").and_then(|i| i.as_str()).map(str::to_string)
        }
        serde_json::Value::Array(a) => a.first().and_then(reference),
        _ => None,
    }
}

/// A name, or the names of a list of people/organisations joined by ", ".
fn names(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        serde_json::Value::Array(a) => {
            let all: Vec<String> = a.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_dropped_only_when_it_is_the_site() {
        assert_eq!(
            strip_site_suffix(
                "Rain Returns | The Valley Post",
                Some("The Valley Post"),
                None
            ),
            "Rain Returns"
        );
        assert_eq!(
            strip_site_suffix("Cats - Dogs", Some("The Valley Post"), None),
            "Cats - Dogs"
        );
        assert_eq!(
            strip_site_suffix("Rain Returns - Valley", None, Some("Rain Returns")),
            "Rain Returns"
        );
    }

    #[test]
    fn headlines_are_told_from_site_names() {
        assert!(names_site(
            "Lantern Forum",
            "Which wick burns longest? - Lantern Forum",
            None
        ));
        assert!(names_site(
            "Arch Notes",
            "A year of kernels / Board / Arch Notes",
            None
        ));
        assert!(!names_site(
            "Which wick burns longest?",
            "Which wick burns longest? - Lantern Forum",
            None
        ));
    }

    #[test]
    fn json_ld_authors_given_by_reference_are_resolved() {
        let graph = r##"{"@context": "https://schema.org", "@graph": [
            {"@type": "BlogPosting", "headline": "Pruning pear trees",
             "author": [{"@id": "https://orchard.example/#/person/7"}],
             "publisher": {"@id": "https://orchard.example/#org"}},
            {"@type": "Person", "@id": "https://orchard.example/#/person/7",
             "name": "Wilma Quast"},
            {"@type": "Organization", "@id": "https://orchard.example/#org",
             "name": "Orchard Notes"}]}"##;
        let ld = JsonLd::read(&[graph.to_string()]);
        assert_eq!(ld.author.as_deref(), Some("Wilma Quast"));
        assert_eq!(ld.publisher.as_deref(), Some("Orchard Notes"));
        // A named author is taken as written, a dangling reference not at all.
        let named = r##"{"@type": "NewsArticle", "author": {"@id": "#a", "name": "Olle Brandt"}}"##;
        let dangling = r##"{"@type": "NewsArticle", "author": {"@id": "#nobody"}}"##;
        assert_eq!(
            JsonLd::read(&[named.to_string()]).author.as_deref(),
            Some("Olle Brandt")
        );
        assert_eq!(JsonLd::read(&[dangling.to_string()]).author, None);
    }

    #[test]
    fn the_structured_author_wins_over_the_meta_tag() {
        let html = r#"<html><head><meta name="author" content="pearsite_admin2">
            <script type="application/ld+json">{"@type": "Article",
              "author": {"@type": "Person", "name": "Wilma Quast"}}</script>
            </head><body><p>Text.</p></body></html>"#;
        assert_eq!(meta_of(html).byline.as_deref(), Some("Wilma Quast"));
    }

    /// The metadata of a page, every element seen as the walk sees it,
    /// the first `<h1>` given as the ingest gives it.
    fn meta_of(html: &str) -> Meta {
        let dom = scraper::Html::parse_document(html);
        let mut raw = RawMeta::default();
        let mut h1 = None;
        for n in dom.tree.root().descendants() {
            match n.value() {
                DomNode::Element(el) => {
                    if el.name() == "h1" && h1.is_none() {
                        h1 = clean(&text_under(n));
                    }
                    raw.see_element(el, n);
                }
                DomNode::Text(t) => raw.see_text(t, n),
                _ => {}
            }
        }
        raw.finish(h1.as_deref())
    }

    #[test]
    fn the_headline_the_structured_data_repeats_is_the_title() {
        // The sharing title differs; the `<h1>` and the JSON-LD agree.
        let html = r#"<html><head><title>Pear pruning guide | Orchard Notes</title>
            <meta property="og:title" content="You have been pruning pears wrong">
            <script type="application/ld+json">{"@type": "Article",
              "headline": "When and How to Prune a Pear Tree"}</script></head>
            <body><h1>When and how to prune a pear tree</h1><p>Text.</p></body></html>"#;
        assert_eq!(
            meta_of(html).title.as_deref(),
            Some("When and how to prune a pear tree")
        );
    }

    #[test]
    fn a_site_name_in_the_first_h1_gives_way_to_the_next() {
        let html = r#"<html><head><meta property="og:site_name" content="Orchard Notes">
            <meta property="og:title" content="Pruning pears in the winter months">
            </head><body><h1>Orchard Notes</h1>
            <h1>Pruning pear trees in winter<style>.x{color:red}</style></h1>
            <p>Text.</p></body></html>"#;
        assert_eq!(
            meta_of(html).title.as_deref(),
            Some("Pruning pear trees in winter")
        );
    }

    #[test]
    fn a_category_named_in_one_word_is_the_title() {
        let page = |date: &str| {
            format!(
                r#"<html><head><title>Kettles for Camp and Home | Pine Outfitters</title>
                {date}</head><body><h1>Kettles</h1><p>Text.</p></body></html>"#
            )
        };
        assert_eq!(meta_of(&page("")).title.as_deref(), Some("Kettles"));
        // On a dated page a one-word `<h1>` is a logo or a section.
        let dated = page(r#"<meta property="article:published_time" content="2024-05-01">"#);
        assert_eq!(
            meta_of(&dated).title.as_deref(),
            Some("Kettles for Camp and Home | Pine Outfitters")
        );
        // A word of the site's part of the title names the site.
        let logo = r#"<html><head><title>Boiling water at altitude | Kettles Weekly</title>
            </head><body><h1>Kettles</h1><p>Text.</p></body></html>"#;
        assert_eq!(
            meta_of(logo).title.as_deref(),
            Some("Boiling water at altitude | Kettles Weekly")
        );
    }

    #[test]
    fn the_heading_the_title_matches_best_is_the_headline() {
        let html = r#"<html><head><title>Boiling water at altitude - Camp Notes</title></head>
            <body><h1>The Camp Blog</h1><h1>Boiling water at altitude</h1>
            <p>Text.</p></body></html>"#;
        assert_eq!(
            meta_of(html).title.as_deref(),
            Some("Boiling water at altitude")
        );
        assert_eq!(said_once("News News"), "News");
        assert_eq!(said_once("Boiling water"), "Boiling water");
    }

    #[test]
    fn microdata_dates_are_read() {
        let html = r#"<html><head></head><body><div itemscope>
            <meta itemprop="dateModified" content="2024-06-02T08:00:00+00:00">
            <meta itemprop="datePublished" content="2023-11-20T10:15:00+00:00">
            <meta itemprop="name" content="A kettle, boxed"></div></body></html>"#;
        let meta = meta_of(html);
        assert_eq!(meta.published.as_deref(), Some("2023-11-20T10:15:00+00:00"));
        assert_eq!(meta.title, None);
    }

    #[test]
    fn a_date_that_does_not_read_as_iso_does_not_hide_the_next() {
        let html = r#"<html><head><meta name="date" content="last Tuesday">
            <script type="application/ld+json">{"@type": "BlogPosting",
              "datePublished": "2022-02-14"}</script></head><body></body></html>"#;
        assert_eq!(meta_of(html).published.as_deref(), Some("2022-02-14"));
    }

    #[test]
    fn the_shown_date_of_a_change_dates_the_page() {
        let page = |line: &str| {
            format!(
                r#"<html><head>
                <meta property="article:published_time" content="2021-04-09T07:00:00Z">
                <meta property="article:modified_time" content="2023-01-30T12:00:00Z">
                </head><body><h1>Lentil soup</h1><p>{line}</p>
                <p>Soak the lentils overnight.</p></body></html>"#
            )
        };
        let shown_change = page("Updated January 30, 2023");
        let shown_first = page("Posted April 9, 2021");
        assert_eq!(
            meta_of(&shown_change).published.as_deref(),
            Some("2023-01-30T12:00:00Z")
        );
        assert_eq!(
            meta_of(&shown_first).published.as_deref(),
            Some("2021-04-09T07:00:00Z")
        );
    }

    #[test]
    fn a_page_a_script_reveals_keeps_its_time() {
        let html = r#"<html><head><title>Lentil soup</title></head><body>
            <div hidden><article><h1>Lentil soup</h1>
            <time datetime="2023-01-30T12:00:00Z">30 Jan</time>
            <p>Soak the lentils overnight, then simmer them with an onion,
            two carrots and a bay leaf until they fall apart.</p>
            </article></div></body></html>"#;
        let doc = super::super::ingest_str(html, &crate::options::Options::default()).unwrap();
        assert_eq!(doc.meta.published.as_deref(), Some("2023-01-30T12:00:00Z"));
    }

    #[test]
    fn character_references_left_in_values_are_decoded() {
        assert_eq!(decode_char_refs("Tea &#x26; Cake"), "Tea & Cake");
        assert_eq!(
            decode_char_refs("Tea &amp; Cake &#8211; Home"),
            "Tea & Cake – Home"
        );
        assert_eq!(decode_char_refs("R&D & more &bogus;"), "R&D & more &bogus;");
    }

    #[test]
    fn dates_must_look_iso() {
        assert_eq!(
            iso_date("2024-03-01T10:00:00Z").as_deref(),
            Some("2024-03-01T10:00:00Z")
        );
        assert_eq!(iso_date("March 1, 2024"), None);
        assert_eq!(iso_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(
            iso_date("2024-03-01 10:00:00 GMT").as_deref(),
            Some("2024-03-01T10:00:00Z")
        );
        assert_eq!(strip_by("By Ines Alvar".into()), "Ines Alvar");
        assert_eq!(strip_by("Byron Hale".into()), "Byron Hale");
    }
}
