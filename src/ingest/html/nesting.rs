//! Guards the parser against absurd nesting.
//!
//! html5ever scans its stack of open elements on most start tags, so a page
//! nesting 100,000 `<div>`s costs time quadratic in its depth. Before parsing,
//! a light lexical scan estimates how deep the tags nest; only when the
//! estimate passes the limit are the tags beyond it left out of the text
//! handed to the parser. Their text stays, read as the text of the deepest
//! kept element (the same rule the DOM walk applies below its depth limit).

use std::borrow::Cow;

/// How a tag name affects the nesting estimate.
#[derive(PartialEq, Eq)]
enum Kind {
    /// Void elements, and those the parser closes implicitly when a sibling
    /// opens (`<p>`, `<li>`, table cells...): they never nest.
    Flat,
    /// Elements whose content is raw text, skipped by the scan.
    RawText,
    /// Everything else.
    Nests,
}

fn kind(name: &[u8]) -> Kind {
    if name.len() > 10 {
        return Kind::Nests;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"p" | b"li" | b"td" | b"th"
        | b"tr" | b"dt" | b"dd" | b"option" | b"optgroup" | b"thead" | b"tbody" | b"tfoot"
        | b"colgroup" | b"rb" | b"rt" | b"rp" | b"html" | b"head" | b"body" => Kind::Flat,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"noscript" => Kind::RawText,
        _ => Kind::Nests,
    }
}

/// Returns `html` unchanged when its tags nest at most `max` deep (by a
/// lexical estimate), else a copy without the tags nested deeper than `max`.
pub fn limit_nesting(html: &str, max: usize) -> Cow<'_, str> {
    let cuts = scan(html, max);
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end) in cuts {
        out.push_str(&html[at..start]);
        at = end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Byte ranges of the tags to leave out (empty when none is too deep).
fn scan(html: &str, max: usize) -> Vec<(usize, usize)> {
    let b = html.as_bytes();
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        i = lt + 1;
        if b[lt..].starts_with(b"<!--") {
            i = html[lt + 4..]
                .find("-->")
                .map_or(b.len(), |p| lt + 4 + p + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-' && *c != b':')
            .unwrap_or(b.len() - name_start);
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &b[name_start..name_start + name_len];
        let name_end = name_start + name_len;
        let gt = tag_end(html, name_end);
        i = gt;
        // The tokenizer checks every attribute against all earlier ones of
        // the tag: thousands of them cost time quadratic in their number.
        // Such an element stays, without its attributes.
        let flood = gt - name_end > ATTRIBUTE_BYTES_CHECKED
            && b[name_end..gt].iter().filter(|&&c| c == b'=').count() > MAX_ATTRIBUTES;
        // Cuts stay in order and never overlap: a tag goes whole or loses
        // its attributes, not both.
        let mut cut = |whole: bool| {
            if whole {
                cuts.push((lt, gt));
            } else if flood {
                cuts.push((name_end, gt - 1));
            }
        };
        let kind = kind(name);
        if kind == Kind::Flat {
            // Below the limit a list item or paragraph would still open one
            // more level (`<ul><li><ul><li>...`, where only the lists are
            // counted), and every tag the parser meets scans that deep a
            // stack: it goes too, its text staying.
            cut(depth > max);
            continue;
        }
        if closing {
            cut(depth > max);
            depth = depth.saturating_sub(1);
            continue;
        }
        if kind == Kind::RawText {
            cut(false);
            // Skip to the matching end tag; the element itself does not nest.
            let mut j = gt;
            loop {
                match html[j..].find("</") {
                    Some(p) => {
                        let s = j + p + 2;
                        if b.len() >= s + name.len()
                            && b[s..s + name.len()].eq_ignore_ascii_case(name)
                        {
                            i = tag_end(html, s);
                            break;
                        }
                        j = s;
                    }
                    None => {
                        i = b.len();
                        break;
                    }
                }
            }
            continue;
        }
        if b[..gt].ends_with(b"/>") {
            cut(false);
            continue;
        }
        depth += 1;
        cut(depth > max);
    }
    cuts
}

/// Tags shorter than this (bytes after the name) are not checked for
/// attribute floods: they cannot hold enough attributes to matter.
const ATTRIBUTE_BYTES_CHECKED: usize = 4096;

/// Most attributes (counted by their `=` signs) a tag keeps.
const MAX_ATTRIBUTES: usize = 256;

/// Index just past the `>` closing the tag whose attributes start at
/// `from`. A `>` inside a quoted attribute value ends the tag early here;
/// that only blurs the estimate, never the page the parser sees.
fn tag_end(html: &str, from: usize) -> usize {
    html[from..].find('>').map_or(html.len(), |p| from + p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>Hi <b>there</b></p><br><img src=x></div></body></html>";
        assert!(matches!(limit_nesting(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_left_out_but_text_stays() {
        let page = format!("{}deep text{}", "<div>".repeat(10), "</div>".repeat(10));
        let out = limit_nesting(&page, 4);
        assert_eq!(
            out,
            format!("{}deep text{}", "<div>".repeat(4), "</div>".repeat(4))
        );
    }

    #[test]
    fn list_items_below_the_limit_go_too() {
        let page = format!("{}deep", "<ul><li>".repeat(10));
        let out = limit_nesting(&page, 4);
        assert_eq!(out, format!("{}deep", "<ul><li>".repeat(4)));
    }

    #[test]
    fn attribute_floods_are_dropped() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}=v")).collect();
        let page = format!("<div{attrs}>text</div>");
        assert_eq!(limit_nesting(&page, 10), "<div>text</div>");
        let long_value = format!("<img src=\"data:{}=\">", "A".repeat(10_000));
        assert!(matches!(limit_nesting(&long_value, 10), Cow::Borrowed(_)));
        // Deep and flooded at once: cut whole, once.
        let deep = format!("{}<p{attrs}>x", "<div>".repeat(5));
        assert_eq!(limit_nesting(&deep, 3), "<div><div><div>x");
    }

    #[test]
    fn script_content_does_not_count() {
        let page = "<div><script>if (a<b) { x = '<div><div><div>'; }</script></div>";
        assert!(matches!(limit_nesting(page, 1), Cow::Borrowed(_)));
    }
}
