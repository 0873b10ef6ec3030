//! The tokenizer's words are the Unicode word boundaries' (UAX #29, as the
//! `unicode-segmentation` crate finds them) wherever text is prose: letters
//! of any script with their combining marks, inner apostrophes, digits, and
//! scripts written without spaces. Where the two differ on purpose (code,
//! URLs, `U.S.`, `a:b`, `3.5`) the generator below writes nothing of the kind.

use pristine::text::words;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// A letter of a spaced script: Latin with and without accents, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic, Devanagari.
fn letter() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]",
        "[àáâãäåçèéêëìíîïñòóôõöùúûüýÿßøæœ]",
        "[ÀÉÎÕÜÇŒ]",
        "[α-ωΑ-ΡΣ-Ω]",
        "[а-яА-Я]",
        "[ա-ֆ]",
        "[א-ת]",
        "[ا-ي]",
        "[क-ह]",
    ]
}

/// A combining mark from several blocks (not only U+0300–036F).
fn mark() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\u{0300}-\u{036F}]",
        "[\u{1AB0}-\u{1ABE}]",
        "[\u{1DC0}-\u{1DFF}]",
        "[\u{20D0}-\u{20DC}]",
        Just("\u{093F}".to_string()), // Devanagari vowel sign i (spacing)
        Just("\u{05B7}".to_string()), // Hebrew point patah
    ]
}

/// A word: letters, each perhaps with a mark; perhaps an inner apostrophe.
fn word() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((letter(), prop::option::of(mark())), 1..7),
        prop::option::of((1usize..6, prop_oneof![Just('\''), Just('\u{2019}')])),
    )
        .prop_map(|(letters, apostrophe)| {
            let mut out = String::new();
            for (i, (l, m)) in letters.iter().enumerate() {
                if let Some((at, a)) = apostrophe
                    && at == i
                    && i > 0
                {
                    out.push(a);
                }
                out.push_str(l);
                if let Some(m) = m {
                    out.push_str(m);
                }
            }
            out
        })
}

/// A run of a script written without spaces.
fn unspaced() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\u{4E00}-\u{4E80}]{1,6}",
        "[\u{3041}-\u{3093}]{1,6}",
        "[\u{30A1}-\u{30F3}]{1,6}",
        "[\u{0E01}-\u{0E2E}]{1,6}",
    ]
}

fn prose() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        6 => word(),
        1 => "[0-9]{1,4}",
        1 => unspaced(),
    ];
    let gap = prop_oneof![
        Just(" "),
        Just(", "),
        Just(". "),
        Just("! "),
        Just("? "),
        Just(" - "),
        Just(" ("),
        Just(") "),
        Just(" \u{201C}"),
        Just("\u{201D} "),
        Just("\n"),
    ];
    prop::collection::vec((token, gap), 1..12).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(t, g)| format!("{t}{g}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn words_are_the_unicode_word_boundaries(text in prose()) {
        let ours: Vec<(usize, &str)> = words(&text).map(|w| (w.start, w.text)).collect();
        let uax29: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        prop_assert_eq!(ours, uax29, "{:?}", text);
    }
}

#[test]
fn marks_of_any_block_stay_in_their_word() {
    // U+1DC4 is a combining mark outside U+0300–036F.
    let text = "cafe\u{1DC4} and nai\u{0308}ve";
    let ours: Vec<&str> = words(text).map(|w| w.text).collect();
    assert_eq!(ours, ["cafe\u{1DC4}", "and", "nai\u{0308}ve"]);
}

#[test]
fn han_and_kana_are_cut_as_the_unicode_rules_cut_them() {
    let text = "東京タワーへ行く and more";
    let ours: Vec<&str> = words(text).map(|w| w.text).collect();
    let uax29: Vec<&str> = text.unicode_words().collect();
    assert_eq!(ours, uax29);
    assert!(ours.len() > 3);
}
