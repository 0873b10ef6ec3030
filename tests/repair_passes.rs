//! The text repair passes end to end, through the default pipeline.

use pristine::{Block, Pipeline};

fn clean(text: &str) -> pristine::Document {
    Pipeline::default().clean_text(text).expect("clean")
}

fn paragraphs(doc: &pristine::Document) -> Vec<String> {
    doc.blocks()
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn english_paragraph_is_repaired_and_every_edit_logged() {
    let doc = clean(
        "The ferry left the harbour at dawn. the crew of moroccan and spanish sailors \
         worked wiht care,despite the weather.Later the sea calmed and the ferry \
         reached europe before noon.\n",
    );
    let text = paragraphs(&doc).join("\n");
    assert_eq!(
        text,
        "The ferry left the harbour at dawn. The crew of Moroccan and Spanish sailors \
         worked with care, despite the weather. Later the sea calmed and the ferry \
         reached Europe before noon."
    );
    for e in &doc.edits {
        assert_ne!(e.before, e.after);
    }
    let passes: Vec<&str> = doc.edits.iter().map(|e| e.pass.as_str()).collect();
    for p in ["spacing", "casing", "typos"] {
        assert!(passes.contains(&p), "{p} made no edit: {passes:?}");
    }
}

#[test]
fn other_languages_get_only_language_neutral_fixes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/repair/other_languages.txt"
    );
    let src = std::fs::read_to_string(path).expect("fixture");
    // Each paragraph on its own, so each is detected in its own language.
    for para in src.split("\n\n").filter(|p| !p.starts_with('#')) {
        let doc = clean(para);
        assert_ne!(doc.meta.language.as_deref(), Some("en"));
        assert!(doc.edits.is_empty(), "{:?}", doc.edits);
        assert_eq!(paragraphs(&doc).join("\n"), para.trim());
    }
}

#[test]
fn other_languages_still_get_spacing_and_unicode_fixes() {
    let doc = clean(
        "Der Wochenmarkt findet jeden Donnerstag statt,die Händler verkaufen Obst und  Gemüse \
         aus der Region, und viele Kunden kommen mit dem Fahrrad zum Markt.",
    );
    assert_eq!(doc.meta.language.as_deref(), Some("de"));
    assert_eq!(
        paragraphs(&doc)[0],
        "Der Wochenmarkt findet jeden Donnerstag statt, die Händler verkaufen Obst und Gemüse \
         aus der Region, und viele Kunden kommen mit dem Fahrrad zum Markt."
    );
}

#[test]
fn mojibake_is_repaired_in_any_language() {
    let doc = clean(
        "Le cafÃ© du village ouvre Ã\u{a0} sept heures et ferme Ã\u{a0} midi, mÃªme le dimanche.",
    );
    assert_eq!(
        paragraphs(&doc)[0],
        "Le café du village ouvre à sept heures et ferme à midi, même le dimanche."
    );
}

#[test]
fn repairs_are_idempotent() {
    let src = "the port grew. traders from spain came wiht salt,spice and silk.Prices rose.";
    let once = clean(src);
    let again = clean(&paragraphs(&once).join("\n\n"));
    assert!(again.edits.is_empty(), "{:?}", again.edits);
}

#[test]
fn bad_input_does_not_panic() {
    for s in [
        "Ã", "â€", ". . .", "a.B", "x ,", "\u{00AD}", "é.É", "’s", "U.S.A.b", "wiht’",
    ] {
        let _ = Pipeline::default().clean_text(s);
    }
}

#[test]
fn seed_fixes_when_present() {
    let path = "../shared/seed/000_23dd4c978b7edfae.txt";
    let Ok(src) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let doc = clean(&src);
    let text = doc.text();
    for bad in [
        "wiht",
        "exmaple",
        "fear,destabilizing",
        "terrorism.A",
        "citizens.Initiatives",
    ] {
        assert!(!text.contains(bad), "{bad}");
    }
    for keep in [
        "counter-terrorism",
        "socio-political",
        "Islamic State (IS)",
        "real-time",
        "dialog",
    ] {
        assert!(text.contains(keep), "{keep}");
    }
}

#[test]
fn folder_casing_restores_a_name_the_document_never_capitalises() {
    let opts = pristine::Options::default();
    let a = pristine::ingest::text::ingest(
        "The ferry to Tangier left at noon, and the port of Tangier was busy. Traders from Tangier \
         sold salt and spices along the quay all afternoon.",
        &opts,
    )
    .unwrap();
    let c = pristine::ingest::text::ingest(
        "The large ferries from Spain now dock at Tangier, in the new harbour east of the town.",
        &opts,
    )
    .unwrap();
    let mut b = pristine::ingest::text::ingest(
        "Many visitors took the early boat to tangier and spent the whole day in the old market \
         before the evening crossing back home.",
        &opts,
    )
    .unwrap();
    let corpus = pristine::Corpus::learn([&a, &c, &b]);
    let pipeline = Pipeline::default();
    let mut alone = b.clone();
    pipeline.run(&mut alone);
    assert!(paragraphs(&alone)[0].contains("to tangier and"));
    pipeline.run_in_batch(&mut b, Some(&corpus));
    assert!(
        paragraphs(&b)[0].contains("to Tangier and"),
        "{:?}",
        paragraphs(&b)
    );
}

#[test]
fn folder_casing_leaves_a_word_that_is_also_a_common_noun() {
    let opts = pristine::Options::default();
    let texts = [
        "The new phone from Apple went on sale, and shops said Apple had sold out by noon.",
        "Analysts expect Apple to report higher sales, while rivals wait for Apple to cut prices.",
        "The cake needs one grated apple and a spoon of honey, and the apple should be ripe.",
        "Add the apple slices to the pan and stir until they turn soft and golden.",
    ];
    let mut docs: Vec<_> = texts
        .iter()
        .map(|t| pristine::ingest::text::ingest(t, &opts).unwrap())
        .collect();
    let corpus = pristine::Corpus::learn(&docs);
    let pipeline = Pipeline::default();
    for doc in &mut docs {
        pipeline.run_in_batch(doc, Some(&corpus));
    }
    assert!(paragraphs(&docs[2])[0].contains("grated apple and"));
    assert!(paragraphs(&docs[3])[0].contains("the apple slices"));
}

#[test]
fn dictionary_names_slips_and_british_spelling() {
    let doc = clean(
        "The festival opened in the old town on a cold evening. Visitors came from \
         leeds and from the hills of tuscany to see the colourful lanterns. The \
         organisers said the jewerly stalls were busier than last year, and the \
         centre of the town stayed open until midnight.\n",
    );
    let text = paragraphs(&doc).join("\n");
    assert!(text.contains("from Leeds and"), "{text}");
    assert!(text.contains("of Tuscany to"), "{text}");
    assert!(text.contains("the jewelry stalls"), "{text}");
    // British spellings are English too.
    for w in ["colourful", "organisers", "centre"] {
        assert!(text.contains(w), "{w}: {text}");
    }
}

#[test]
fn code_bylines_and_words_in_capitals_stay() {
    let text = "The guide explains how to install the tool on a fresh machine.\n\n\
                by Jane Doe\n\n\
                const total = items . length ;\n\n\
                The BRIN index keeps the table small, the guide says.\n";
    // With the boilerplate pass off, as when the body is already clean:
    // the byline reaches the casing pass.
    let mut pipeline = Pipeline::default();
    pipeline.disable("boilerplate").expect("pass");
    let doc = pipeline.clean_text(text).expect("clean");
    let paras = paragraphs(&doc);
    assert!(paras.iter().any(|p| p == "by Jane Doe"), "{paras:?}");
    assert!(
        paras.iter().any(|p| p == "const total = items . length ;"),
        "{paras:?}"
    );
    assert!(
        paras.iter().any(|p| p.contains("The BRIN index")),
        "{paras:?}"
    );
}

#[test]
fn web_text_written_so_on_purpose_is_left_alone() {
    // Code members and wiki namespaces after a dot or a colon, no-break
    // spaces between a figure and its unit or in a name, a spaced
    // ellipsis, a mark talked about, British spellings, a program and its
    // version, a phrase of another language and a commenter's byline.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/repair/web_text_left_alone.txt"
    );
    let src = std::fs::read_to_string(path).expect("fixture");
    let doc = clean(&src);
    assert_eq!(doc.meta.language.as_deref(), Some("en"));
    assert!(doc.edits.is_empty(), "{:#?}", doc.edits);
}
