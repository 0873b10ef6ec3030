//! Properties every input must keep: no panic, idempotence, an honest log.

use pristine::{Pipeline, render::Format};
use proptest::prelude::*;

fn clean_text(s: &str) -> Option<pristine::Document> {
    Pipeline::default().clean_text(s).ok()
}

/// Text with the shapes dumps have: words, punctuation, bullets, markup, blank lines.
fn dumpish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,12}",
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just(",".to_string()),
        Just(": ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n  • ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n# ".to_string()),
        Just("[link](http://x.example/a)".to_string()),
        Just("![img](i.png)".to_string()),
        Just(" | ".to_string()),
        Just("\t".to_string()),
        Just("’".to_string()),
        Just("é".to_string()),
        Just("\u{a0}".to_string()),
        Just("```".to_string()),
        "[0-9]{1,4}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Dumps shaped like articles: headings, paragraphs of sentences with the
/// defects the passes repair, labelled and plain list items.
fn articleish() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("harbour"),
        Just("ferry"),
        Just("council"),
        Just("the"),
        Just("a"),
        Just("wiht"),
        Just("boats"),
        Just("Monday"),
        Just("of"),
        Just("town"),
        Just("survey"),
        Just("residents"),
        Just("new"),
        Just("plan"),
    ];
    let sentence = (
        proptest::collection::vec(word, 3..12),
        prop_oneof![
            Just(". "),
            Just(".A "),
            Just(", "),
            Just(",then "),
            Just("\u{a0}"),
            Just("? "),
        ],
    )
        .prop_map(|(w, end)| {
            let mut s = w.join(" ");
            s.push_str(end);
            s
        });
    // Paragraphs open with a capital, as edited text does; the defects are
    // inside them.
    let paragraph = proptest::collection::vec(sentence, 1..5).prop_map(|v| {
        let p = v.concat();
        let mut c = p.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or(p)
    });
    let block = prop_oneof![
        paragraph
            .clone()
            .prop_map(|p| format!("{}\n\n", p.trim_end())),
        "[A-Z][a-z]{3,10}( [A-Z][a-z]{2,8}){0,3}".prop_map(|h| format!("{h}\n\n")),
        ("[A-Z][a-z]{3,9}", paragraph).prop_map(|(l, p)| format!("• {l}: {}\n", p.trim_end())),
    ];
    proptest::collection::vec(block, 1..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn text_ingest_never_panics(s in any::<String>()) {
        let _ = clean_text(&s);
    }

    #[test]
    fn text_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = pristine::ingest::text::ingest_bytes(&b, &Default::default());
    }

    #[test]
    fn html_never_panics(s in "(<[a-z]{1,6}( [a-z]+=\"[^\"]{0,8}\")?>|</[a-z]{1,6}>|[a-zA-Z .,&;#]{0,20}){0,60}") {
        let _ = Pipeline::default().clean_html(&s);
    }

    #[test]
    fn cleaning_is_idempotent(s in dumpish()) {
        // Running the passes again over a cleaned document changes nothing.
        if let Some(once) = clean_text(&s) {
            let mut twice = once.clone();
            Pipeline::default().run(&mut twice);
            prop_assert_eq!(twice.blocks(), once.blocks());
            prop_assert_eq!(twice.edits.len(), once.edits.len());
        }
    }

    #[test]
    fn every_edit_names_text_of_the_input(s in articleish()) {
        // Edits are logged against the text as the pass found it; with the
        // unicode pass off, that is the input's own text.
        let mut pipeline = Pipeline::default();
        pipeline.disable("unicode").unwrap();
        // Passes edit in turn (a word capitalised, then corrected), so an
        // edit's text is the input's up to case and spacing.
        let fold = |t: &str| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        let input = fold(&s);
        if let Ok(doc) = pipeline.clean_text(&s) {
            for e in &doc.edits {
                let before = fold(&e.before);
                prop_assert!(
                    before.is_empty() || input.contains(before.as_str()),
                    "{:?} is not in the input", e.before
                );
            }
        }
    }

    #[test]
    fn renderers_never_panic(s in dumpish()) {
        if let Some(doc) = clean_text(&s) {
            for f in [Format::Json, Format::Markdown, Format::Text] {
                let _ = f.render(&doc);
            }
            let json = Format::Json.render(&doc);
            let back: pristine::Document = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back.blocks(), doc.blocks());
        }
    }
}

#[test]
fn a_large_text_dump_is_read() {
    let para = "A steady stream of words fills this paragraph, sentence after sentence, to make the dump large.\n\n";
    let text = para.repeat(20_000);
    let doc = Pipeline::default().clean_text(&text).unwrap();
    assert!(!doc.blocks().is_empty());
}
