//! Boilerplate and dedupe on hand-written dumps: each fixture folder holds
//! an input dump and the exact blocks expected after the two passes.
//!
//! Set `BLESS=1` to write the expected files from the current output (then
//! read them before committing).

use std::path::{Path, PathBuf};

use pristine::passes::{boilerplate::Boilerplate, dedupe::Dedupe};
use pristine::{Block, Corpus, Document, Options, Pipeline};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/boilerplate")
}

fn pipeline() -> Pipeline {
    Pipeline::empty().with_pass(Boilerplate).with_pass(Dedupe)
}

fn ingest(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let mut doc = pristine::ingest::text::ingest(&text, &Options::default()).unwrap();
    doc.meta.source = Some(
        path.strip_prefix(fixtures())
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned(),
    );
    doc
}

/// Compares `blocks` with `expected` (JSON), or writes it under `BLESS=1`.
fn check(blocks: &[Block], expected: &Path) {
    let got = serde_json::to_string_pretty(blocks).unwrap() + "\n";
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(expected, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(expected).expect("expected blocks exist (run with BLESS=1)");
    assert_eq!(got, want, "blocks differ from {}", expected.display());
}

fn check_case(case: &str) -> Document {
    let dir = fixtures().join(case);
    let mut doc = ingest(&dir.join("input.txt"));
    pipeline().run(&mut doc);
    check(doc.blocks(), &dir.join("expected.json"));
    doc
}

#[test]
fn chrome_in_french_goes_and_the_article_stays() {
    // The expected blocks still hold three menu entries and the related
    // headline: a dump this short shows no run of menu lines, so it is
    // read as the article alone and only the wording rules cut it.
    let doc = check_case("foreign_chrome");
    let removed: Vec<&str> = doc.removed.iter().map(|r| r.text.as_str()).collect();
    for chrome in ["Partager sur Facebook", "Publicité", "Mentions légales"] {
        assert!(
            removed.iter().any(|t| t.contains(chrome)),
            "{chrome:?} stays: {removed:?}"
        );
    }
    let text = doc.text();
    assert!(text.contains("Les horaires d'ouverture"), "{text}");
    assert!(text.contains("la région a financé un tiers"), "{text}");
    assert!(text.contains("navette gratuite"), "{text}");
}

#[test]
fn menus_share_prompts_and_footers_go() {
    let doc = check_case("page_chrome");
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"share prompt"), "{reasons:?}");
    assert!(reasons.contains(&"copyright"), "{reasons:?}");
    // The article's own short list stays, with its labels.
    assert!(
        doc.blocks()
            .iter()
            .any(|b| matches!(b, Block::List { items, .. }
        if items.iter().any(|i| i.label.as_deref() == Some("Engine"))))
    );
}

#[test]
fn a_comment_thread_after_the_article_goes() {
    let doc = check_case("comment_thread");
    // The heading above the article is its title, kept as metadata.
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Choir Wins the Regional Cup")
    );
    assert!(
        doc.text()
            .trim_end()
            .ends_with("The choir will sing at the national final in June.")
    );
}

#[test]
fn a_thread_of_linked_commenters_ends_the_article() {
    // Each commenter's name is a link, so the dump writes "says:" on a
    // line of its own; three of them make a thread, and the page ends at
    // the first.
    let doc = check_case("linked_commenters");
    let text = doc.text();
    assert!(
        text.trim_end()
            .ends_with("once the ground on the allotment side has settled."),
        "{text}"
    );
    assert!(!text.contains("larch looks lovely"), "{text}");
    assert!(
        doc.removed.iter().any(|r| r.reason == "comment thread"),
        "{:?}",
        doc.removed
    );
}

#[test]
fn a_closing_bio_and_theme_leftovers_go() {
    let doc = check_case("closing_bio");
    let removed: Vec<(&str, &str)> = doc
        .removed
        .iter()
        .filter(|r| r.pass != "ingest")
        .map(|r| (r.text.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        removed,
        [
            (". . . . . .", "separator"),
            (
                "A freelance photographer who documents small rural communities.",
                "author bio"
            ),
            ("Exit mobile version", "theme leftover"),
        ]
    );
}

#[test]
fn a_page_that_says_only_what_a_bio_would_keeps_it() {
    // The only paragraph of a course page describes an occupation, as a
    // closing bio does; with nothing said before it, it is the page's text.
    let text = "Run by the course team\n\n\
        A freelance photographer who documents small rural communities learns \
        here to plan a shoot, light a barn at dusk and edit a series.\n";
    let mut doc = pristine::ingest::text::ingest(text, &Options::default()).unwrap();
    pipeline().run(&mut doc);
    assert!(
        doc.text().contains("A freelance photographer"),
        "{:?}",
        doc.removed
    );
}

fn site_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(fixtures().join("site"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    pages.sort();
    pages
}

/// Cleans the site's pages given in `order`, with folder learning, and
/// returns each page's blocks by file name.
fn clean_site(order: &[PathBuf]) -> Vec<(String, Vec<Block>)> {
    let mut docs: Vec<Document> = order.iter().map(|p| ingest(p)).collect();
    let corpus = Corpus::learn(&docs);
    let p = pipeline();
    let mut out: Vec<(String, Vec<Block>)> = docs
        .iter_mut()
        .map(|d| {
            p.run_in_batch(d, Some(&corpus));
            (
                d.meta.source.clone().unwrap_or_default(),
                d.blocks().to_vec(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn a_sites_repeated_chrome_is_learned_from_the_folder() {
    let pages = site_pages();
    assert_eq!(pages.len(), 5);
    for (name, blocks) in clean_site(&pages) {
        let stem = Path::new(&name)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        check(
            &blocks,
            &fixtures()
                .join("site")
                .join(format!("{stem}.expected.json")),
        );
    }
    // Without the folder, the site's own slogan lines cannot be told from
    // the article.
    let mut alone = ingest(&pages[0]);
    pipeline().run(&mut alone);
    assert!(alone.text().contains("Tip of the week"));
}

#[test]
fn folder_learning_does_not_depend_on_file_order() {
    let pages = site_pages();
    let reference = clean_site(&pages);
    let mut order = pages.clone();
    for shift in 1..order.len() {
        order.rotate_left(1);
        assert_eq!(clean_site(&order), reference, "rotation {shift}");
    }
    order.reverse();
    assert_eq!(clean_site(&order), reference, "reversed");
}

#[test]
fn html_documents_keep_their_blocks() {
    // The HTML ingest already dropped chrome: region detection must not run
    // on its blocks, only wording rules.
    let mut doc = Document::new(pristine::InputFormat::Html);
    for block in [
        Block::Heading {
            level: 2,
            text: "Tides".into(),
        },
        Block::Paragraph {
            text: "High water.".into(),
        },
        Block::Paragraph {
            text: "Advertisement".into(),
        },
    ] {
        doc.add(block);
    }
    pipeline().run(&mut doc);
    assert_eq!(doc.blocks().len(), 2);
}

#[test]
fn bad_input_never_panics() {
    for text in [
        "x",
        "\u{a0}",
        "[",
        "* ",
        "# ",
        "|a|b|\n|-|-|",
        "…\n…\n…",
        "1 comments",
    ] {
        if let Ok(mut doc) = pristine::ingest::text::ingest(text, &Options::default()) {
            pipeline().run(&mut doc);
        }
    }
}

#[test]
fn article_sections_named_like_chrome_stay() {
    let dump = "## Results\n\nThe survey reached four hundred homes along the coast, and most of them answered every question we asked.\n\n## Discussion\n\nThe answers suggest that the ferry matters more to older residents than to younger ones, who mostly drive to town.\n\nThe harbour master put it simply when we met him on the quay.\n\nHarbour master Ann Roe says:\n\nWithout the boat, half the village would never leave the island in winter, and the school would close.\n";
    let mut doc = pristine::ingest::text::ingest(dump, &Options::default()).unwrap();
    let before = doc.blocks().to_vec();
    pipeline().run(&mut doc);
    assert_eq!(doc.blocks(), before);
    // Within a whole-page dump too (a menu of links around the article),
    // "Discussion" does not end the article.
    let page = format!(
        "  * [Home](/)\n  * [News](/news)\n  * [Sport](/sport)\n\n{dump}\n  * [Home](/)\n  * [About](/about)\n"
    );
    let mut doc = pristine::ingest::text::ingest(&page, &Options::default()).unwrap();
    pipeline().run(&mut doc);
    assert_eq!(doc.blocks()[..], before[1..]);
}

#[test]
fn cleaning_twice_removes_nothing_more() {
    for case in ["page_chrome", "comment_thread", "closing_bio"] {
        let mut doc = ingest(&fixtures().join(case).join("input.txt"));
        pipeline().run(&mut doc);
        let once = doc.blocks().to_vec();
        let removed = doc.removed.len();
        pipeline().run(&mut doc);
        assert_eq!(doc.blocks(), once, "{case}");
        assert_eq!(doc.removed.len(), removed, "{case}");
    }
}

#[test]
fn a_plain_article_dump_keeps_its_short_edges() {
    // No links: the dump is the article itself, short first and last lines
    // included.
    let dump = "Ferry news\n\nThe old ferry is back at the quay after a long refit up the coast, and the town came out to see her.\n\nCrossings resume Monday\n";
    let mut doc = pristine::ingest::text::ingest(dump, &Options::default()).unwrap();
    let before = doc.blocks().to_vec();
    pipeline().run(&mut doc);
    assert_eq!(doc.blocks(), before);
}

#[test]
fn recurring_generic_headings_and_quoted_sentences_stay() {
    let bodies = [
        "The lighthouse keeper kept a log of every ship that passed the point.",
        "The market opened an hour earlier this year to catch the first boats.",
        "The school on the island now teaches twelve children in one room.",
    ];
    let mut docs: Vec<Document> = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let dump = format!(
                "Introduction\n\n{body}\n\n\u{201c}The sea gives and the sea takes,\u{201d} as the old saying goes here.\n\nConclusion\n\nEvery story here ends at the quay, number {i}.\n\nHarbour Weekly, news from the quay since 1998.\n"
            );
            let mut d = pristine::ingest::text::ingest(&dump, &Options::default()).unwrap();
            d.meta.source = Some(format!("{i}.txt"));
            d
        })
        .collect();
    let corpus = Corpus::learn(&docs);
    for d in &mut docs {
        pipeline().run_in_batch(d, Some(&corpus));
        let text = d.text();
        assert!(
            text.contains("Introduction") && text.contains("Conclusion"),
            "{text}"
        );
        assert!(text.contains("The sea gives"), "{text}");
        assert!(!text.contains("Harbour Weekly"), "{text}");
        assert!(d.removed.iter().any(|r| r.reason == "repeated in folder"));
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines shaped like a page dump's: links, bullets, headings, prose,
    /// chrome wording, separators, odd brackets.
    fn dump_line() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z ]{0,40}\\.",
            "  \\* \\[[A-Za-z ]{1,12}\\]\\(/[a-z]{1,8}\\)",
            "#{1,3} [A-Za-z ]{1,30}",
            Just("Share this article".to_string()),
            Just(". . . . . .".to_string()),
            Just("[ A card title".to_string()),
            Just("closing words ](https://e.org/x.jpg)".to_string()),
            "[\\[\\]()!*_|: a-z\u{201c}\u{2019}é]{0,20}",
            Just(String::new()),
        ]
    }

    proptest! {
        #[test]
        fn any_dump_cleans_without_panic(
            lines in proptest::collection::vec(dump_line(), 0..40)
        ) {
            let text = lines.join("\n");
            if let Ok(mut doc) = pristine::ingest::text::ingest(&text, &Options::default()) {
                let corpus = Corpus::learn([&doc]);
                pipeline().run_in_batch(&mut doc, Some(&corpus));
                for r in &doc.removed {
                    prop_assert!(!r.reason.is_empty());
                }
            }
        }
    }
}

#[test]
fn a_link_close_without_its_opening_leaves_no_markup() {
    for dump in [
        "closing words ](https://e.org/x)\n\nBody.\n",
        "[ A card title\n\nits summary\n\nclosing words ](https://e.org/x)\n",
    ] {
        let doc = pristine::ingest::text::ingest(dump, &Options::default()).unwrap();
        let text = doc.text();
        assert!(!text.contains("](") && !text.contains("https"), "{text}");
        assert!(text.contains("closing words"), "{text}");
    }
}

#[test]
fn a_plain_page_dump_loses_its_menus_and_keeps_its_article() {
    let doc = check_case("plain_page");
    let text = doc.text();
    // The whole article stays: first and last paragraphs, the heading and
    // the labelled list between them.
    assert!(
        text.contains("The town council of Kellwick voted"),
        "{text}"
    );
    assert!(
        text.contains("reduced timetable for the first month"),
        "{text}"
    );
    assert!(
        doc.blocks()
            .iter()
            .any(|b| matches!(b, Block::Heading { text, .. } if text == "What the plan includes")),
        "{text}"
    );
    assert!(
        doc.blocks()
            .iter()
            .any(|b| matches!(b, Block::List { items, .. } if items.len() == 3)),
        "{text}"
    );
    // The menu above it and the headline list and footer below it go,
    // each logged with a reason.
    for chrome in [
        "Obituaries",
        "School choir heads to national final",
        "Privacy Policy",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} kept: {text}");
        assert!(
            doc.removed
                .iter()
                .any(|r| r.text.contains(chrome) && !r.reason.is_empty()),
            "{chrome:?} not logged"
        );
    }
}

#[test]
fn an_article_dump_without_menus_is_not_cut() {
    // No links and no run of menu lines: the dump is the article, and even
    // its closing section after a short line stays.
    let dump = "A quiet start for the river festival\n\n\
        Crowds were thinner than usual on the first day of the river festival, \
        as rain kept many families at home until the afternoon.\n\n\
        Boat parade\n\n\
        The parade of decorated boats went ahead all the same, and the judges \
        gave the first prize to a rowing club from the upper valley.\n\n\
        Share\n\n\
        Organisers said the forecast for the weekend was better and that they \
        expected the usual numbers by Sunday.\n";
    let mut doc = pristine::ingest::text::ingest(dump, &Options::default()).unwrap();
    pipeline().run(&mut doc);
    let text = doc.text();
    assert!(text.contains("Crowds were thinner"), "{text}");
    assert!(
        text.contains("expected the usual numbers by Sunday"),
        "{text}"
    );
    assert!(text.contains("Boat parade"), "{text}");
    assert!(!text.contains("Share"), "{text}");
}

#[test]
fn a_long_list_ending_in_consent_words_is_not_a_consent_banner() {
    // Hundreds of entries written as lines of one block, with words of a
    // consent banner at its end: read whole, the block would mention
    // cookies and a website, yet it is a list, not a banner.
    let mut dump = String::from("Reading list\n\n");
    for n in 1..=120 {
        dump.push_str(&format!("The collected letters, volume {n}\n1994\n"));
    }
    dump.push_str("Our cookie notice\nabout this website\n");
    let mut doc = pristine::ingest::text::ingest(&dump, &Options::default()).unwrap();
    pipeline().run(&mut doc);
    let text = doc.text();
    assert!(text.contains("The collected letters, volume 7"), "{text}");
    assert!(text.contains("The collected letters, volume 118"), "{text}");
}

#[test]
fn a_comment_form_under_every_post_does_not_end_the_thread() {
    // A question page: a menu, the question and two answers, each post
    // closed by its own comment form. The forms go; the answers stay.
    let mut dump = String::new();
    for entry in [
        "Questions",
        "Users",
        "Companies",
        "Unanswered",
        "Jobs",
        "Teams",
        "Collectives",
        "Labs",
        "Discussions",
        "Chat",
        "Meta",
        "Badges",
    ] {
        dump.push_str(entry);
        dump.push('\n');
    }
    dump.push_str(
        "\nHow can I keep a copy of every file on my laptop before I reinstall the system?\n\n\
         I would like to reinstall the operating system next week, and I want to be sure that \
         nothing I keep on the laptop is lost when the disk is wiped and set up again.\n\n\
         Add a comment\n\n\
         The simplest way is to copy your home folder to an external disk with a tool that \
         keeps file permissions, then check a few of the copied files before you start.\n\n\
         Add a comment\n\n\
         A full disk image is safer still, because it keeps the whole system as it was and \
         lets you go back to it in one step if the reinstall goes wrong.\n\n\
         Add a comment\n\n",
    );
    for entry in ["Privacy", "Terms", "Cookies", "Contact", "Blog", "Careers"] {
        dump.push_str(entry);
        dump.push('\n');
    }
    let mut doc = pristine::ingest::text::ingest(&dump, &Options::default()).unwrap();
    pipeline().run(&mut doc);
    let text = doc.text();
    assert!(
        text.contains("nothing I keep on the laptop is lost"),
        "{text}"
    );
    assert!(text.contains("copy your home folder"), "{text}");
    assert!(text.contains("A full disk image is safer still"), "{text}");
    assert!(!text.contains("Add a comment"), "{text}");
    assert!(!text.contains("Careers"), "{text}");
}

#[test]
fn a_table_of_cookies_is_content_and_a_consent_banner_is_not() {
    // A cookie policy: its table names each cookie, how long it lasts and
    // what it is for (one row a line, cells joined by spaces). The consent
    // banner below it speaks of cookies in sentences and goes.
    let dump = "Cookie policy\n\n\
        This page lists the cookies the shop sets, and how long each one lasts \
        before your browser forgets it.\n\n\
        Cookie Duration Description\n\
        shop_lang 1 year Remembers the language you chose.\n\
        shop_basket 2 days Keeps the items in your basket.\n\
        shop_visit session Counts one visit once.\n\
        shop_theme 6 months Remembers the colour theme you picked.\n\
        shop_consent 1 year Remembers your answer to the consent question.\n\n\
        You can clear them at any time from your browser's settings.\n\n\
        We use cookies to improve your experience on our website.\n\
        By browsing this website, you agree to our use of cookies.\n\
        Accept\n";
    let mut doc = pristine::ingest::text::ingest(dump, &Options::default()).unwrap();
    pipeline().run(&mut doc);
    let text = doc.text();
    assert!(text.contains("shop_basket 2 days"), "{text}");
    assert!(text.contains("shop_consent 1 year"), "{text}");
    assert!(!text.contains("We use cookies to improve"), "{text}");
}
