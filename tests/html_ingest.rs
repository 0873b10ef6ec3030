//! The HTML ingest on hand-written pages: main content, metadata, tables,
//! encodings, and inputs that must not break it.

use pristine::ingest::html::{ingest_bytes, ingest_str};
use pristine::{Block, ErrorKind, Options};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/html/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture exists")
}

#[test]
fn article_body_is_kept_and_chrome_dropped() {
    let doc = ingest_str(&fixture("article.html"), &Options::default()).unwrap();
    let text = doc.text();
    assert!(
        text.starts_with("Every spring, the fishing families"),
        "{text}"
    );
    assert!(text.contains("A tradition that changes slowly"));
    assert!(text.contains("beyond the breakwater"));
    for chrome in [
        "Share on a network",
        "Most read",
        "First! Great story",
        "All rights reserved",
        "Weather",
        "hidden notice",
        "Another hidden line",
        "never content",
        "color: red",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} leaked into {text}");
    }
    assert!(doc.removed.iter().all(|r| r.pass == "ingest"));
    assert!(doc.removed.iter().any(|r| r.reason == "share bar"));
    assert!(doc.removed.iter().any(|r| r.reason == "title"));
    assert!(doc.removed.iter().all(|r| r.text.len() <= 204));
}

#[test]
fn metadata_is_read() {
    let doc = ingest_str(&fixture("article.html"), &Options::default()).unwrap();
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("Lanterns Over the Harbour"));
    assert_eq!(m.site_name.as_deref(), Some("The Quayside Gazette"));
    assert_eq!(m.byline.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(m.published.as_deref(), Some("2024-05-17T08:30:00Z"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://gazette.example/2024/lanterns")
    );
    assert_eq!(m.language.as_deref(), Some("en"));
    // The title is metadata, not the body's first heading.
    assert!(!matches!(&doc.blocks()[0], Block::Heading { text, .. } if text.contains("Lanterns")));
}

#[test]
fn blocks_are_typed() {
    let doc = ingest_str(&fixture("article.html"), &Options::default()).unwrap();
    let list = doc
        .blocks()
        .iter()
        .find_map(|b| match b {
            Block::List { items, .. } => Some(items),
            _ => None,
        })
        .expect("a list");
    assert_eq!(list[0].label.as_deref(), Some("Start"));
    assert_eq!(list[0].text, "the lighthouse steps, at dusk.");
    assert_eq!(list[2].label, None);
    assert!(
        doc.blocks()
            .iter()
            .any(|b| matches!(b, Block::Quote { text } if text.starts_with("We light them")))
    );
    assert!(
        doc.blocks()
            .iter()
            .any(|b| matches!(b, Block::Heading { level: 2, .. }))
    );
}

#[test]
fn tables_become_records_with_spans_expanded() {
    let doc = ingest_str(&fixture("article.html"), &Options::default()).unwrap();
    let t = doc
        .blocks()
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("a table");
    assert_eq!(t.caption.as_deref(), Some("Visitors by year"));
    assert_eq!(t.columns, ["Year", "Visitors", "Boats"]);
    assert_eq!(t.rows[0], ["2022", "4,100", "60"]);
    assert_eq!(t.rows[1], ["2023", "5,300", "60"]);
    assert_eq!(t.rows[2], ["Total, two years", "Total, two years", "120"]);
}

#[test]
fn layout_tables_are_read_as_boxes() {
    let page = "<html><body><table><tr><td><p>A long paragraph of prose that sits in a layout table, as old pages did, with commas, clauses, and more words.</p><p>Another paragraph follows it, written in the same plain way, so that the page reads as an article.</p></td></tr></table></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert!(doc.blocks().iter().all(|b| !matches!(b, Block::Table(_))));
    assert_eq!(doc.blocks().len(), 2, "{:?}", doc.blocks());
}

#[test]
fn legacy_encodings_are_decoded() {
    let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>".to_vec();
    page.extend_from_slice(b"Le caf\xE9 du port ouvre t\xF4t, et la cr\xE8me est fra\xEEche chaque matin, dit le patron.");
    page.extend_from_slice(b"</p></body></html>");
    let doc = ingest_bytes(&page, &Options::default()).unwrap();
    assert!(
        doc.text().contains("café du port ouvre tôt"),
        "{}",
        doc.text()
    );
}

#[test]
fn gzip_is_inflated() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(fixture("article.html").as_bytes()).unwrap();
    let doc = ingest_bytes(&enc.finish().unwrap(), &Options::default()).unwrap();
    assert!(doc.text().contains("paper lanterns"));
}

#[test]
fn entities_are_decoded() {
    let page = "<html><body><p>Fish &amp; chips cost &pound;5 &mdash; a bargain, &quot;they&quot; said, at the pier.</p></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert_eq!(
        doc.text(),
        "Fish & chips cost £5 — a bargain, \"they\" said, at the pier."
    );
}

#[test]
fn very_deep_nesting_does_not_overflow() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>Deep inside, a sentence survives the nesting.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    assert!(doc.text().contains("a sentence survives"), "{}", doc.text());
    let unlimited = Options {
        max_dom_depth: None,
        ..Options::default()
    };
    let doc = ingest_str(&page, &unlimited).unwrap();
    assert!(doc.text().contains("a sentence survives"));
}

#[test]
fn bad_inputs_give_a_document_or_a_clear_error() {
    let o = Options::default();
    assert_eq!(ingest_bytes(b"", &o).unwrap_err().kind(), ErrorKind::Empty);
    assert_eq!(
        ingest_str("  \n ", &o).unwrap_err().kind(),
        ErrorKind::Empty
    );
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    assert_eq!(
        ingest_bytes(&junk, &o).unwrap_err().kind(),
        ErrorKind::Binary
    );
    for page in [
        "<html><body></body></html>",
        "<p>unclosed <b>bold <i>both</p></b> tail",
        "<table><tr><td colspan=99999 rowspan=0>x</td></tr></table>",
        "<<<>>> </div></div> <!-- never closed",
        "<ul><li><ul><li><ul><li>deep item</ul></ul></ul>",
        "<pre>\n  code\n</pre>",
    ] {
        ingest_str(page, &o).unwrap();
    }
    let doc = ingest_str(&fixture("navigation-only.html"), &o).unwrap();
    assert!(doc.text().is_empty(), "{}", doc.text());
}

#[test]
fn max_dom_depth_reads_deeper_text_into_the_ancestor() {
    let page = format!(
        "<html><body><div>{}<p>Words far below the limit still count as text here.</p>{}</div></body></html>",
        "<section>".repeat(40),
        "</section>".repeat(40)
    );
    let o = Options {
        max_dom_depth: Some(8),
        ..Options::default()
    };
    let doc = ingest_str(&page, &o).unwrap();
    assert!(doc.text().contains("Words far below"));
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_bytes_give_a_document_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = ingest_bytes(&bytes, &Options::default());
        }

        #[test]
        fn any_tag_soup_gives_a_document(parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>"), Just("</div>"), Just("<p>"), Just("</p>"), Just("<table>"),
                Just("<tr>"), Just("<td colspan=3>"), Just("<th rowspan=2>"), Just("</table>"),
                Just("<ul>"), Just("<li>"), Just("</ul>"), Just("<pre>"), Just("</pre>"),
                Just("<blockquote>"), Just("<h2>"), Just("</h2>"), Just("<br>"), Just("<a href=x>"),
                Just("</a>"), Just("<nav>"), Just("<script>"), Just("</script>"), Just("<!--"),
                Just("text, words "), Just("é ü ñ "), Just("&amp; &lt; "), Just("<caption>"),
            ],
            0..80,
        )) {
            let page = parts.concat();
            if let Ok(doc) = ingest_str(&page, &Options::default()) {
                for b in doc.blocks() {
                    prop_assert!(!b.is_empty());
                }
            }
        }
    }
}

#[test]
fn double_line_breaks_split_paragraphs() {
    let page = "<html><body><div>First line of a note<br>its second line<br><br>A new paragraph after the gap.</div></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert_eq!(
        doc.blocks(),
        vec![
            Block::Lines {
                text: "First line of a note\nits second line".into()
            },
            Block::Paragraph {
                text: "A new paragraph after the gap.".into()
            },
        ]
    );
}

#[test]
fn definition_lists_become_labelled_items() {
    let page = "<html><body><p>The crew of the last boat, as listed by the harbour office this spring:</p><dl><dt>Skipper</dt><dd>Ines Alvar</dd><dt>Deckhand</dt><dd>Tomas Berg</dd><dt>Cook</dt></dl></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    let Some(Block::List { items, .. }) = doc.blocks().last() else {
        panic!("{:?}", doc.blocks());
    };
    assert_eq!(items[0].label.as_deref(), Some("Skipper"));
    assert_eq!(items[0].text, "Ines Alvar");
    assert_eq!(items[1].label.as_deref(), Some("Deckhand"));
    assert_eq!(items[2], pristine::ListItem::plain("Cook"));
}

#[test]
fn anchor_links_in_headings_are_not_link_lists() {
    let page = "<html><body><article><h2 id=\"a\"><a href=\"#a\">How the tide turns</a></h2><p>The tide turns twice a day, and the boats wait for it, as they always have, at the mouth of the river.</p><p>Nobody in the town remembers a year when the lanterns were not lit, though some say the custom is young.</p></article></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert!(
        matches!(&doc.blocks()[0], Block::Heading { text, .. } if text == "How the tide turns"),
        "{:?}",
        doc.blocks()
    );
}

/// A heading that links to the page it titles (an entry of a reading
/// list, a story on an index page) is the title of what follows it.
#[test]
fn headings_that_link_elsewhere_are_kept() {
    let page = "<html><body><article><p>Three books for a winter of learning the sea, chosen by the readers of the harbour library this year.</p>\
        <h3><a href=\"/books/knots\">The Book of Knots</a></h3><p>Every knot a sailor needs, drawn step by step, with the reasons each one holds.</p>\
        <h3><a href=\"/books/tides\">Reading the Tides</a></h3><p>How the moon and the shape of the coast decide when the boats can leave the river.</p>\
        <h3><a href=\"/books/weather\">Weather at Sea</a></h3><p>Clouds, wind shifts and the falling glass, and what a skipper should do about each.</p>\
        </article></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    let headings: Vec<&str> = doc
        .blocks()
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        ["The Book of Knots", "Reading the Tides", "Weather at Sea"],
        "{:?}",
        doc.blocks()
    );
}

/// A box holding more text in runs of links than in anything else (an
/// index of entries, each a linked name with a line on it) is read links
/// and all: the links are the entries.
#[test]
fn an_index_of_linked_entries_keeps_its_links() {
    let names: Vec<String> = (1..=80).map(|k| format!("Heron {k}")).collect();
    let entries: String = names
        .iter()
        .map(|name| {
            format!(
                "<li><a href=\"/boats/{name}\">{name}</a> <a href=\"/yards/{name}\">Old river yard</a> 1962</li>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Boats of the harbour</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>\
         <div class=\"listing\">\
         <p>Every boat that has worked out of the harbour since the pier was built, with the yard that built her and the year she was launched. The list is kept by the harbour society, whose members check each entry against the old registers.</p>\
         <p>Boats still afloat are marked, and the society welcomes photographs of any of them, old or new, for the archive in the harbour office, which opens on Saturday mornings through the summer.</p>\
         <p>Names changed often when a boat was sold, so each entry gives the name she carried longest, and the others can be found in the register, which lists every name a boat has carried, with the years she carried it.</p>\
         <p>Entries are added each spring after the society's meeting, when members bring what they have found in the winter: letters, logbooks, and the memories of those who sailed in the boats.</p>\
         <ol>{entries}</ol></div>\
         <footer>Harbour society</footer></body></html>"
    );
    let text = ingest_str(&page, &Options::default()).unwrap().text();
    for name in &names {
        assert!(text.contains(name.as_str()), "{name:?} missing from {text}");
    }
    assert!(text.contains("opens on Saturday"), "{text}");
    assert!(!text.contains("Harbour society"), "{text}");
}

#[test]
fn short_labels_outside_paragraphs_are_dropped() {
    let page = "<html><body><article><div>Gallery 2/5</div><p>The harbour office counted more boats this year than in any year since records began, it said.</p><p>Short.</p><div>Close</div></article></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert_eq!(
        doc.text(),
        "The harbour office counted more boats this year than in any year since records began, it said.\n\nShort."
    );
    assert!(
        doc.removed
            .iter()
            .any(|r| r.reason == "label" && r.text == "Close")
    );
}

#[test]
fn headings_between_article_parts_are_kept() {
    let para = "<p>The lanterns drift out past the breakwater, and the families watch from the wall, talking quietly, until the last light is gone.</p>";
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav><div class=\"wrap\"><div>{p}{p}{p}</div><h2>After the festival</h2><div>{p}{p}</div></div><footer>Contact</footer></body></html>",
        p = para
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    let kinds: Vec<&str> = doc.blocks().iter().map(Block::kind).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "paragraph",
            "paragraph",
            "heading",
            "paragraph",
            "paragraph"
        ]
    );
}

#[test]
fn links_inside_a_sentence_are_kept() {
    let page = "<html><body><article><p>The festival was founded by <span><a href=\"/p/1\">Ines Alvar</a> and <a href=\"/p/2\">Tomas Berg</a></span> in the spring of a wet year, with borrowed boats.</p><p>It has grown every year since, and the town now plans for crowds, buses and extra ferries.</p></article></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert!(
        doc.text()
            .contains("founded by Ines Alvar and Tomas Berg in the spring"),
        "{}",
        doc.text()
    );
}

/// Hand-written pages in the shapes of common site templates, each with the
/// main text a reader would call the article. Every page must keep its
/// precision and recall (word 4-gram shingles, as the benchmark scores) at
/// or above the floor, so a rule tuned on one kind of page cannot quietly
/// break another kind.
const TEMPLATE_PAGES: &[&str] = &[
    "wordpress-sidebar",
    "news-teasers",
    "cookie-newsletter",
    "blog-toc-code",
    "forum-thread",
    "docs-leftnav",
    "recipe",
    "split-ads",
    "amp-page",
    "main-no-article",
    "short-article",
    "german-news",
    "legacy-br",
    "listicle",
    "widget-wrapped",
    "hidden-until-script",
    "noscript-thread",
];

/// Lowest precision and recall accepted on a template page.
const TEMPLATE_FLOOR: f64 = 0.95;

/// Pages where the extraction is known to keep some chrome, with the lower
/// precision floor they are held to, and why.
const KNOWN_WEAK: &[(&str, f64)] = &[
    // The board's "Who is online" box after the thread stays.
    ("forum-thread", 0.93),
    // The recipe card's time and nutrition rows stay.
    ("recipe", 0.92),
    // A "Read also: <link>" line stays: real articles keep such lines too.
    ("german-news", 0.90),
];

#[test]
fn template_pages_keep_the_article_and_only_it() {
    let pipeline = pristine::Pipeline::default();
    let mut failures = Vec::new();
    let mut scores = Vec::new();
    for name in TEMPLATE_PAGES {
        let html = fixture(&format!("{name}.html"));
        let expected = fixture(&format!("{name}.expected.txt"));
        let got = pipeline
            .clean_html(&html)
            .map(|d| d.text())
            .unwrap_or_default();
        let s = pristine::eval::score_page(&expected, &got);
        println!("{name:20} P {:.3}  R {:.3}", s.precision, s.recall);
        let floor = KNOWN_WEAK
            .iter()
            .find(|(n, _)| n == name)
            .map_or(TEMPLATE_FLOOR, |&(_, f)| f);
        if s.precision < floor || s.recall < TEMPLATE_FLOOR {
            failures.push(format!(
                "{name}: precision {:.3}, recall {:.3}\n--- extracted ---\n{got}\n",
                s.precision, s.recall
            ));
        }
        scores.push(s);
    }
    let (p, r, f1) = pristine::eval::aggregate(&scores);
    println!("all template pages: F1 {f1:.4}  P {p:.4}  R {r:.4}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_twenty_megabyte_page_is_read_whole() {
    let para = "<p>The committee met again on Thursday and, after a long debate about the budget, agreed to publish the full report next spring.</p>\n";
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>{}</article><footer>Contact us</footer></body></html>",
        para.repeat(20_000_000 / para.len())
    );
    assert!(page.len() >= 20_000_000);
    let doc = ingest_str(&page, &Options::default()).unwrap();
    assert_eq!(doc.blocks().len(), 20_000_000 / para.len());
    assert!(!doc.text().contains("Contact us"));
    // Past the configured limit the answer is a clear error, before any parsing.
    let small = Options {
        max_input_bytes: Some(1 << 20),
        ..Options::default()
    };
    let err = ingest_str(&page, &small).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge);
    assert_eq!(
        ingest_bytes(page.as_bytes(), &small).unwrap_err().kind(),
        ErrorKind::TooLarge
    );
}

#[test]
fn deep_lists_tables_and_formatting_do_not_stall_the_parser() {
    let tail = "<p>The sentence at the bottom of it all survives the nesting.</p>";
    for unit in [
        "<ul><li>",
        "<dl><dt>",
        "<table><tr><td>",
        "<b><i>",
        "<div><section><ul><li><blockquote><span>",
    ] {
        let page = format!("<html><body>{}{tail}</body></html>", unit.repeat(100_000));
        let doc = ingest_str(&page, &Options::default()).unwrap();
        assert!(
            doc.text().contains("survives the nesting"),
            "{unit}: {}",
            doc.text()
        );
    }
}

#[test]
fn a_tag_with_a_flood_of_attributes_is_read() {
    let attrs: String = (0..100_000)
        .map(|i| format!(" data-x{i}=\"{i}\""))
        .collect();
    let page = format!(
        "<html><body><article{attrs}><p>One plain sentence sits inside the flooded element, with a comma.</p></article></body></html>"
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    assert!(doc.text().contains("One plain sentence"), "{}", doc.text());
}

#[test]
fn binary_bytes_inside_a_page_give_a_document_or_a_clear_error() {
    let mut page = b"<html><body><p>".to_vec();
    page.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    page.extend_from_slice(b"</p></body></html>");
    match ingest_bytes(&page, &Options::default()) {
        Ok(doc) => assert!(doc.blocks().iter().all(|b| !b.is_empty())),
        Err(e) => assert!(matches!(
            e.kind(),
            ErrorKind::Binary | ErrorKind::InvalidUtf8
        )),
    }
    // NUL bytes and lone control characters in otherwise good text.
    let page = "<html><body><p>Text with a \u{0} NUL and a \u{7} bell, then more words after them.</p></body></html>";
    ingest_str(page, &Options::default()).unwrap();
}

#[test]
fn byline_and_date_are_read_from_the_page_when_tags_are_silent() {
    let doc = ingest_str(&fixture("widget-wrapped.html"), &Options::default()).unwrap();
    assert_eq!(doc.meta.byline.as_deref(), Some("Orla Penrose"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-11-04"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Keeping a Winter Compost Heap Warm")
    );
    // A thread served to readers without scripts names its first poster.
    let doc = ingest_str(&fixture("noscript-thread.html"), &Options::default()).unwrap();
    assert_eq!(doc.meta.byline.as_deref(), Some("Hal Brookfield"));
    // A member's join date is not the thread's date.
    let doc = ingest_str(&fixture("forum-thread.html"), &Options::default()).unwrap();
    assert_ne!(doc.meta.published.as_deref(), Some("2020-02-03"));
}

#[test]
fn an_article_in_a_box_named_like_chrome_is_never_dropped_whole() {
    // The strict reading finds nothing but the sidebar; the relaxed one
    // finds the article whatever its boxes are called.
    let para = "The river rose through the night and the ferry stayed moored, \
                so the market traders crossed by the old bridge instead.";
    for wrapper in [
        "<div class=\"widget\">",
        "<div class=\"hidden-xs\">",
        "<div class=\"sidebar-layout\">",
        "<div hidden>",
    ] {
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a></nav>{wrapper}<p>{para}</p><p>{para}</p>\
             <p>{para}</p><p>{para}</p></div><footer>Contact us</footer></body></html>"
        );
        let doc = ingest_str(&page, &Options::default()).unwrap();
        assert!(
            doc.text().matches("ferry stayed moored").count() == 4,
            "{wrapper}: {}",
            doc.text()
        );
    }
    // Comments stay out even when the fallback reads the page again.
    let page = format!(
        "<html><body><div class=\"widget\"><p>{para}</p><p>{para}</p><p>{para}</p></div>\
         <div class=\"comments\"><p>{para} Two.</p><p>{para} Three.</p></div></body></html>"
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    assert!(!doc.text().contains("Three."), "{}", doc.text());
}

#[test]
fn a_page_made_of_links_keeps_its_links() {
    // A home page of story links: every run of links reads as chrome, yet
    // the links are all the page has to say.
    let items: String = [
        "Night ferry returns to the island after a winter away",
        "Market hall reopens with forty new stalls and a bakery",
        "Harbour wall repairs finish two months ahead of plan",
        "Library extends its evening hours through the summer",
        "Cycle lane on the coast road opens to riders this week",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| format!("<li><a href=\"/story/{i}\">{t}</a></li>"))
    .collect();
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>\
         <div class=\"stories\"><ul>{items}</ul></div></body></html>"
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    assert!(doc.text().contains("Market hall reopens"), "{}", doc.text());
}

#[test]
fn the_card_names_the_author_when_other_tags_do_not() {
    let page = "<html><head><meta name=\"twitter:label1\" content=\"Written by\">\
        <meta name=\"twitter:data1\" content=\"Wren Adeyemi\"></head><body><article>\
        <p>The orchard was planted in rows of twelve, with pears on the windward side.</p>\
        </article></body></html>";
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert_eq!(doc.meta.byline.as_deref(), Some("Wren Adeyemi"));
}

/// A page of several sections, none holding most of the text (a service
/// page): every section is content, not only the longest one.
#[test]
fn sections_of_a_service_page_are_all_kept() {
    let section = |name: &str, body: &str| {
        format!(
            "<section class=\"block\"><h2>{name}</h2><div class=\"copy\"><p>{body}</p></div></section>"
        )
    };
    let page = format!(
        "<html><head><title>Harbour Rope Works</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>\
         <div class=\"page\">{}{}{}{}</div>\
         <footer>Harbour Rope Works, all rights reserved</footer></body></html>",
        section(
            "Splicing",
            "We splice mooring lines by hand, in three strand or braided rope, and test every eye splice under load before it leaves the loft. Dock lines, anchor rodes and halyards are spliced to length, whipped at the ends, and labelled with the boat's name and the date of the test."
        ),
        section(
            "Rigging checks",
            "Once a season we climb your mast, look over every fitting, and write down what needs care before the next storm season comes round."
        ),
        section(
            "Custom fenders",
            "Woven fenders are made to the size of your hull and the colour of your boat, from rope that will not mark the paint of a neighbour."
        ),
        section(
            "Lessons",
            "Small groups learn the knots that matter on a boat, from the bowline to the rolling hitch, in two evenings at the workshop bench."
        ),
    );
    let text = ingest_str(&page, &Options::default()).unwrap().text();
    for kept in ["eye splice", "next storm", "woven fenders", "rolling hitch"] {
        assert!(
            text.to_lowercase().contains(kept),
            "{kept:?} missing from {text}"
        );
    }
    assert!(!text.contains("all rights reserved"), "{text}");
}

/// An undated page whose main region is a list of links under a line of
/// introduction (a catalogue): the links are its content.
#[test]
fn links_of_a_catalogue_page_are_its_content() {
    let items: String = [
        "Tarred marline, one kilogram spool",
        "Manila rope, twelve millimetre, per metre",
        "Brass thimbles for eye splices, set of ten",
        "Fid and pusher for splicing braided line",
        "Waxed whipping twine in four colours",
        "Canvas sailmaker's palm, right handed",
        "Seizing wire, stainless, twenty metres",
        "Rigging knife with marlinspike",
        "Polyester three strand, ten millimetre, per metre",
        "Shackle key and splicing needle kit",
    ]
    .iter()
    .map(|t| format!("<li class=\"card\"><a href=\"/p/{}\">{t}</a></li>", t.len()))
    .collect();
    let page = format!(
        "<html><head><title>Rope and twine</title></head><body>\
         <header><a href=\"/\">Shop</a> <a href=\"/cart\">Cart</a></header>\
         <main><h1>Rope and twine</h1><p>Everything a rigger needs for splicing, whipping and seizing rope, sent out the same day.</p>\
         <ul class=\"grid\">{items}</ul></main>\
         <footer>Shipping and returns</footer></body></html>"
    );
    let text = ingest_str(&page, &Options::default()).unwrap().text();
    for kept in ["Manila rope", "Fid and pusher", "sailmaker's palm"] {
        assert!(text.contains(kept), "{kept:?} missing from {text}");
    }
    assert!(!text.contains("Shipping and returns"), "{text}");
}

#[test]
fn sections_named_after_their_headings_are_not_chrome() {
    // Documentation tools name a section after its heading: "More on Maps"
    // becomes `more-on-maps`, which must not read as a box of more links.
    let section = |id: &str, heading: &str, body: &str| {
        format!(
            "<section id=\"{id}\"><span id=\"anchor-{id}\"></span><h2>{heading}</h2>\
             <p>{body}</p><p>{body}</p></section>"
        )
    };
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav>\
         <main><h1>Working with maps</h1>{}{}\
         <div class=\"related-more\"><a href=\"/a\">Another page about keys</a> \
         <a href=\"/b\">Yet another page about values</a></div></main></body></html>",
        section(
            "more-on-maps",
            "3.1. More on Maps",
            "A map holds keys and values, and looking a key up takes about the same \
             time however many entries the map holds, which makes it the usual choice."
        ),
        section(
            "iteration-order",
            "3.2. Iteration order",
            "Entries come back in no particular order, so code that needs an order \
             sorts the keys first, or keeps them in a second list beside the map."
        ),
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    let text = doc.text();
    assert!(text.contains("A map holds keys and values"), "{text}");
    assert!(
        text.contains("Entries come back in no particular order"),
        "{text}"
    );
    assert!(!text.contains("Yet another page"), "{text}");
}

#[test]
fn a_threads_opening_post_names_its_author() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "DiscussionForumPosting",
         "headline": "Sourdough starter smells of acetone",
         "datePublished": "2024-05-02T08:15:00Z",
         "author": {"@type": "Person", "name": "crumbwise42"}}
        </script></head><body><main><h1>Sourdough starter smells of acetone</h1>
        <div class="post"><p>My starter has smelled of nail varnish for three days now,
        even though I feed it twice a day. Is it hungry or is it dying?</p></div>
        <div class="post"><p>It is hungry: feed it more often, or give it more flour at
        each feed, and the smell goes within a day or two.</p></div></main></body></html>"#;
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert_eq!(doc.meta.byline.as_deref(), Some("crumbwise42"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-05-02T08:15:00Z"));
}

#[test]
fn a_page_drawn_by_script_is_read_from_its_data() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "Product", "name": "Harbour Lantern",
         "description": "<p>A brass lantern with a glass chimney, made to hang in a porch.</p><p>It burns lamp oil for nine hours on one filling.</p>"}
        </script></head><body><div id="app">Loading</div></body></html>"#;
    let doc = ingest_str(page, &Options::default()).unwrap();
    assert_eq!(
        doc.text(),
        "A brass lantern with a glass chimney, made to hang in a porch.\n\n\
         It burns lamp oil for nine hours on one filling."
    );
    // A page with prose of its own keeps it.
    let page = page.replace(
        "<div id=\"app\">Loading</div>",
        "<article><p>Our lanterns are cast in the old foundry by the quay, each one \
         finished by hand and tested for a full night before it leaves.</p></article>",
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    assert!(
        doc.text().starts_with("Our lanterns are cast"),
        "{}",
        doc.text()
    );
}

#[test]
fn highlighted_code_keeps_its_comments() {
    let page = r#"<html><body><article><h1>Reading a file line by line</h1>
        <p>Open the file once and read it through a buffer, so that each line costs one
        small copy rather than a call into the system for every character read.</p>
        <pre><code><span class="token comment">// one buffer for the whole file</span>
let reader = BufReader::new(file);
<span class="hljs-meta">#[inline]</span> fn count() {}</code></pre>
        <p>The buffer's default size suits most files; a larger one pays only on slow
        disks, where each read waits longer than the copy it saves.</p>
        </article></body></html>"#;
    let doc = ingest_str(page, &Options::default()).unwrap();
    let code = doc
        .blocks()
        .iter()
        .find_map(|b| match b {
            Block::Code { text } => Some(text.as_str()),
            _ => None,
        })
        .expect("a code block");
    assert!(code.contains("// one buffer for the whole file"), "{code}");
    assert!(code.contains("#[inline]"), "{code}");
}

#[test]
fn links_listed_inside_the_article_stay_and_those_after_it_go() {
    let para = |s: &str| {
        format!(
            "<p>{s} The survey walked every street of the old town twice, once in the \
             morning and once after dark, and noted each lamp that was out.</p>"
        )
    };
    let page = format!(
        "<html><body><article><h1>Lamps of the old town</h1>{}\
         <ul><li><a href=\"/survey/north\">The northern streets</a>, at dawn</li>\
         <li><a href=\"/survey/harbour\">Along the harbour</a>, at noon</li>\
         <li><a href=\"/survey/hill\">Up the castle hill</a>, at dusk</li></ul>{}{}\
         <ul><li><a href=\"/other-1\">Bridges of the river delta</a></li>\
         <li><a href=\"/other-2\">Markets of the lower town</a></li>\
         <li><a href=\"/other-3\">Gardens behind the walls</a></li></ul>\
         </article></body></html>",
        para("First."),
        para("Second."),
        para("Third.")
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    let text = doc.text();
    assert!(text.contains("Along the harbour"), "{text}");
    assert!(!text.contains("Markets of the lower town"), "{text}");
}

#[test]
fn a_section_header_holding_prose_is_content() {
    let section = |title: &str, intro: &str| {
        format!(
            "<section><header><h2>{title}</h2><p>{intro} We plan the work with you, agree \
             a price before anything starts, and send one team from the first visit to the \
             last, so nobody has to explain the job twice. Every job ends with a walk \
             round the house together, and a written note of what was done.</p></header>\
             <p>Book a visit and we will call you back within a day.</p></section>"
        )
    };
    let page = format!(
        "<html><body><header><a href=\"/\">Home</a></header><main>\
         <header><h1>Home repairs</h1></header>{}{}</main></body></html>",
        section("Roofs", "Roofs are checked tile by tile."),
        section("Gutters", "Gutters are cleared and resealed.")
    );
    let doc = ingest_str(&page, &Options::default()).unwrap();
    let text = doc.text();
    assert!(text.contains("Roofs are checked tile by tile."), "{text}");
    assert!(text.contains("Gutters are cleared and resealed."), "{text}");
}

#[test]
fn boxes_clipping_their_overflow_are_shown() {
    let html = r#"<html><head><title>Repair kits for small engines</title></head><body>
<nav><a href="/">Home</a> <a href="/kits">Kits</a> <a href="/help">Help</a></nav>
<main>
<section class="intro overflow-hidden">
<h2>What comes in the kit</h2>
<p>Each kit holds the gaskets, the float needle and the jets a small carburettor needs, sorted by the engine's model so that nothing has to be matched by eye at the bench.</p>
</section>
<section class="details overflow-x-hidden">
<h2>How long a rebuild takes</h2>
<p>Most owners finish a rebuild in under an hour with a screwdriver and a can of cleaner, and the kit's card walks through the order in which the parts come out and go back.</p>
</section>
<div class="promo hidden">Sign up for the spring sale and hear about it first.</div>
</main></body></html>"#;
    let doc = ingest_str(html, &Options::default()).unwrap();
    let text = doc.text();
    assert!(text.contains("Each kit holds the gaskets"), "{text}");
    assert!(text.contains("Most owners finish a rebuild"), "{text}");
    assert!(!text.contains("spring sale"), "{text}");
}

#[test]
fn a_page_hidden_until_a_script_runs_keeps_its_structured_data() {
    let html = r#"<html><head><title>Pruning old apple trees | Orchard Notes</title></head><body>
<div hidden><main><article>
<h1>Pruning old apple trees</h1>
<p>An old tree answers a hard cut with a thicket of water shoots, so the work is spread over three winters, taking out no more than a third of the wood in any one of them.</p>
<p>Start with the dead and the crossing branches, then open the centre so that light reaches the fruiting spurs on the inner limbs.</p>
</article></main>
<script type="application/ld+json">{"@type":"BlogPosting","headline":"Pruning old apple trees","author":{"@type":"Person","name":"Ilse Varga"},"datePublished":"2024-02-11T08:00:00Z"}</script>
</div></body></html>"#;
    let doc = ingest_str(html, &Options::default()).unwrap();
    assert_eq!(doc.meta.byline.as_deref(), Some("Ilse Varga"));
    assert_eq!(
        doc.meta.published.as_deref().map(|d| &d[..10]),
        Some("2024-02-11")
    );
    assert!(doc.text().contains("three winters"), "{}", doc.text());
}
