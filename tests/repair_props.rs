//! Properties of the text repairs on arbitrary input: no panic, fixes on
//! character boundaries, and a second run finds nothing left to fix.

use pristine::Fix;
use pristine::corpus::casing::CasingCounts;
use pristine::passes::casing::{Evidence, casing_fixes};
use pristine::passes::spacing::spacing_fixes;
use pristine::passes::typos::typo_fixes;
use pristine::passes::unicode::unicode_fixes;
use proptest::prelude::*;

fn apply(text: &str, mut fixes: Vec<Fix>) -> String {
    fixes.sort_by_key(|f| f.range.start);
    let mut out = String::new();
    let mut last = 0;
    for f in fixes {
        assert!(f.range.start >= last, "overlapping fixes");
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        out.push_str(&text[last..f.range.start]);
        out.push_str(&f.replacement);
        last = f.range.end;
    }
    out.push_str(&text[last..]);
    out
}

fn repair(text: &str) -> String {
    let counts = CasingCounts::default();
    let ev = Evidence {
        doc: &counts,
        folder: None,
    };
    let t = apply(text, unicode_fixes(text));
    let t = apply(&t, spacing_fixes(&t, false));
    let t = apply(&t, casing_fixes(&t, true, &ev));
    apply(&t, typo_fixes(&t, &|_| false))
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,80}") {
        let _ = repair(&s);
    }

    #[test]
    fn prose_like_text_is_stable_after_one_repair(
        s in "([a-zA-Z]{1,8}[ ,.;:!?’'\u{a0}\u{00AD}Ã©â€™]{0,2}){0,20}"
    ) {
        let once = repair(&s);
        let twice = repair(&once);
        prop_assert_eq!(once, twice);
    }
}
