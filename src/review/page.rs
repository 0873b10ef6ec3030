//! The HTML file: a fixed skeleton, the run as JSON islands, one script.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{Entry, Failure, Review, Totals, is_table_rebuild, place};
use crate::document::{Block, Document};
use crate::pipeline::Pipeline;

const SKELETON: &str = include_str!("review.html");
const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// What the page loads at once: the totals and one short row per document.
#[derive(Serialize)]
struct Index<'a> {
    totals: Totals,
    /// The run's summary was given (from a file or from the run itself).
    has_summary: bool,
    summary_file: Option<String>,
    /// Pass names and descriptions, in pipeline order (`ingest` first).
    passes: Vec<(String, String)>,
    docs: Vec<Row<'a>>,
}

/// One document's row. Short keys: ten thousand of them load at once.
#[derive(Serialize)]
struct Row<'a> {
    /// Source.
    s: &'a str,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<&'a str>,
    /// Language.
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<&'a str>,
    /// Changes: edits plus removals (the default sort, most first).
    c: usize,
    /// Edits (table rebuilds included).
    e: usize,
    /// Removals.
    r: usize,
    /// Table blocks.
    tb: usize,
    /// Tables rebuilt from text.
    rb: usize,
    /// Per pass: [word edits, removals, table rebuilds].
    p: BTreeMap<&'a str, [usize; 3]>,
    /// The failure, for a failed document.
    #[serde(skip_serializing_if = "Option::is_none")]
    f: Option<&'a Failure>,
    /// The number of the document's island (`id="dN"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<usize>,
}

/// What a document's island holds: its metadata and its laid-out view.
#[derive(Serialize)]
struct Island<'a> {
    meta: IslandMeta<'a>,
    #[serde(flatten)]
    view: place::DocumentView,
}

#[derive(Serialize)]
struct IslandMeta<'a> {
    id: Option<&'a str>,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    site_name: Option<&'a str>,
    url: Option<&'a str>,
    input_format: &'static str,
}

pub(super) fn render(review: &Review) -> String {
    let mut passes: Vec<(String, String)> = vec![(
        "ingest".to_string(),
        "reading the page: HTML regions and text-dump lines dropped on the way in".to_string(),
    )];
    for (name, description, _) in Pipeline::default().describe() {
        passes.push((name, description));
    }
    let mut rows = Vec::with_capacity(review.entries.len());
    let mut islands = 0;
    for entry in &review.entries {
        let row = match entry {
            Entry::Document { document, .. } => {
                islands += 1;
                row_of(document, islands - 1)
            }
            Entry::Failed(f) => Row {
                s: &f.source,
                t: None,
                l: None,
                c: 0,
                e: 0,
                r: 0,
                tb: 0,
                rb: 0,
                p: BTreeMap::new(),
                f: Some(f),
                d: None,
            },
        };
        // Passes the pipeline does not list (a caller's own) still get a filter.
        for p in row.p.keys() {
            if !passes.iter().any(|(n, _)| n == p) {
                passes.push((p.to_string(), String::new()));
            }
        }
        rows.push(row);
    }
    let index = Index {
        totals: review.totals(),
        has_summary: review.summary.is_some(),
        summary_file: review
            .summary_file
            .as_ref()
            .map(|p| p.display().to_string()),
        passes,
        docs: rows,
    };

    let nonce = nonce();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"pristine {}\">\n\
         <title>pristine review</title>\n<style nonce=\"{nonce}\">\n{STYLE}</style>\n\
         </head><body>\n{SKELETON}",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("<script type=\"application/json\" id=\"index\">");
    push_json(&mut out, &index);
    out.push_str("</script>\n");
    let mut n = 0;
    for entry in &review.entries {
        if let Entry::Document { id, document } = entry {
            let _ = write!(out, "<script type=\"application/json\" id=\"d{n}\">");
            push_json(&mut out, &island_of(id.as_deref(), document));
            out.push_str("</script>\n");
            n += 1;
        }
    }
    let _ = write!(
        out,
        "<script nonce=\"{nonce}\">\n{SCRIPT}</script>\n</body></html>\n"
    );
    out
}

fn row_of(doc: &Document, island: usize) -> Row<'_> {
    let mut p: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut rb = 0;
    for e in &doc.edits {
        if is_table_rebuild(doc, doc.index_of(e.block), &e.pass) {
            p.entry(&e.pass).or_default()[2] += 1;
            rb += 1;
        } else {
            p.entry(&e.pass).or_default()[0] += 1;
        }
    }
    for r in &doc.removed {
        p.entry(&r.pass).or_default()[1] += 1;
    }
    Row {
        s: doc.meta.source.as_deref().unwrap_or(""),
        t: doc.meta.title.as_deref(),
        l: doc.meta.language.as_deref(),
        c: doc.edits.len() + doc.removed.len(),
        e: doc.edits.len(),
        r: doc.removed.len(),
        tb: doc
            .blocks()
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count(),
        rb,
        p,
        f: None,
        d: Some(island),
    }
}

fn island_of<'a>(id: Option<&'a str>, doc: &'a Document) -> Island<'a> {
    let m = &doc.meta;
    Island {
        meta: IslandMeta {
            id,
            title: m.title.as_deref(),
            byline: m.byline.as_deref(),
            published: m.published.as_deref(),
            language: m.language.as_deref(),
            site_name: m.site_name.as_deref(),
            url: m.url.as_deref(),
            input_format: match doc.input_format {
                crate::document::InputFormat::Html => "html",
                _ => "text",
            },
        },
        view: place::view(doc),
    }
}

/// Appends `value` as JSON that cannot end or break out of the `<script>`
/// element holding it: `<`, `>` and `&` are written as `\u003c`, `\u003e`,
/// `\u0026` (they occur only inside JSON strings, where these escapes read
/// back as the same characters).
fn push_json<T: Serialize>(out: &mut String, value: &T) {
    let json = serde_json::to_string(value).expect("review data serialises");
    out.reserve(json.len());
    let mut rest = json.as_str();
    while let Some(i) = rest.find(['<', '>', '&']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// A fresh value for the content security policy's nonce: only the page's
/// own script and style carry it, so no other script could run even if
/// data ever reached the page as markup.
fn nonce() -> String {
    use std::hash::BuildHasher;
    let a = std::collections::hash_map::RandomState::new();
    let b = std::collections::hash_map::RandomState::new();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:016x}{:016x}", a.hash_one(now), b.hash_one(now ^ 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_islands_cannot_close_their_script() {
        let mut out = String::new();
        push_json(&mut out, &"</script><script>alert(1)</script> & more");
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script> & more");
    }

    #[test]
    fn the_page_holds_no_data_as_markup() {
        let mut d = Document::default();
        d.meta.source = Some("<b>x</b>.txt".into());
        d.meta.title = Some("</title><script>alert(1)</script>".into());
        d.add(Block::Paragraph {
            text: "<img src=x onerror=alert(1)></textarea>".into(),
        });
        let review = Review {
            entries: vec![Entry::Document {
                id: None,
                document: Box::new(d),
            }],
            ..Default::default()
        };
        let html = review.to_html();
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>x"));
        assert!(!html.contains("</title><script>"));
        // The skeleton's own scripts: the index, one island, the program.
        assert_eq!(html.matches("<script").count(), 3);
        assert_eq!(html.matches("</script>").count(), 3);
    }
}
