//! Line-level verdicts that need no context: known chrome wording,
//! separators, counters, and closing author biographies.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::memory::Memory;
use crate::lexicon::chrome::{self, CHROME};
use crate::text::count_words;
use crate::text::normalise::{self, Fold};

/// The sets of phrases a line is searched for inside it (not only whole or
/// at its start), one bit each.
const CALL_TO_ACTION: u8 = 1;
const CONTRIBUTION_CREDIT: u8 = 1 << 1;
const DISCLAIMER: u8 = 1 << 2;
const READER_ADDRESS: u8 = 1 << 3;
const COOKIE_CONTEXT: u8 = 1 << 4;

/// The chrome vocabulary, arranged for reading a normalised line once.
///
/// Only the phrases of the sets can stand anywhere in a line, so only they
/// are searched for throughout it; a whole-line phrase is one look-up of
/// the line and an opening is tried only against the openings that share
/// its first byte. The sets' automaton is small enough to be a full DFA.
struct Wording {
    /// The reason of each whole-line phrase (the first listed for it).
    lines: HashMap<&'static str, &'static str, foldhash::fast::FixedState>,
    /// The openings, by their first byte, each with its place in the
    /// vocabulary and its reason, in the order listed (the first that
    /// opens a line is the one listed first).
    prefixes: Vec<Vec<(&'static str, usize, &'static str)>>,
    /// The phrases of the sets, in one automaton.
    sets: AhoCorasick,
    /// The [`CALL_TO_ACTION`]... bits of the sets each phrase of `sets`
    /// belongs to.
    set_bits: Vec<u8>,
    /// Credit marks, matched as written (case kept).
    credits: AhoCorasick,
    /// The most words a line may have for a phrase found in it to matter
    /// to any rule but the consent banner's: the longest whole-line phrase,
    /// and the longest line the rules of openings and of sets look at.
    reach: usize,
}

/// What the vocabulary finds in one normalised line.
#[derive(Default, Debug, PartialEq)]
struct Found {
    line: Option<&'static str>,
    prefix: Option<(usize, &'static str)>,
    /// Bits of the sets with a phrase in the line, as whole words (cookie
    /// context words also inside longer words: "browsing", "websites").
    sets: u8,
    /// A call to action opens the line.
    call_opens: bool,
}

/// The vocabulary's sets of phrases that may stand anywhere in a line,
/// each with its bit in [`Found::sets`].
fn phrase_sets(c: &chrome::Chrome) -> [(&[&'static str], u8); 5] {
    [
        (&c.calls_to_action, CALL_TO_ACTION),
        (&c.contribution_credits, CONTRIBUTION_CREDIT),
        (&c.disclaimers, DISCLAIMER),
        (&c.reader_address, READER_ADDRESS),
        (&c.cookie_context, COOKIE_CONTEXT),
    ]
}

static WORDING: LazyLock<Wording> = LazyLock::new(|| {
    let c = &*CHROME;
    let mut lines: HashMap<&'static str, &'static str, foldhash::fast::FixedState> =
        HashMap::default();
    for &(phrase, reason) in &c.lines {
        lines.entry(phrase).or_insert(reason);
    }
    let mut prefixes = vec![Vec::new(); 256];
    for (k, &(phrase, reason)) in c.prefixes.iter().enumerate() {
        // Every phrase is non-empty: the vocabulary's parser refuses
        // empty entries.
        if let Some(&first) = phrase.as_bytes().first() {
            prefixes[usize::from(first)].push((phrase, k, reason));
        }
    }
    let mut index: HashMap<&'static str, usize> = Default::default();
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut set_bits: Vec<u8> = Vec::new();
    for (list, bit) in phrase_sets(c) {
        for &phrase in list {
            let i = *index.entry(phrase).or_insert_with(|| {
                patterns.push(phrase);
                set_bits.push(0);
                patterns.len() - 1
            });
            set_bits[i] |= bit;
        }
    }
    // The vocabulary is part of the crate and checked by a test: a build
    // failure here is a defect, not bad input.
    let sets = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .unwrap_or_else(|e| panic!("chrome phrases: {e}"));
    let credits = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&c.credit_marks)
        .unwrap_or_else(|e| panic!("credit marks: {e}"));
    let longest_line = c
        .lines
        .iter()
        .map(|(phrase, _)| phrase.split_whitespace().count())
        .max()
        .unwrap_or(0);
    Wording {
        lines,
        prefixes,
        sets,
        set_bits,
        credits,
        reach: longest_line
            .max(chrome::MAX_PREFIX_LINE_WORDS)
            .max(MAX_CTA_WORDS),
    }
});

impl Wording {
    /// Every phrase of the vocabulary in `key` (a normalised line).
    fn find(&self, key: &str) -> Found {
        let mut found = Found {
            line: self.lines.get(key).copied(),
            ..Found::default()
        };
        if let Some(&first) = key.as_bytes().first() {
            found.prefix = self.prefixes[usize::from(first)]
                .iter()
                .find(|(phrase, _, _)| {
                    // The second byte, compared first, turns most of the
                    // openings that share the first away without a call
                    // to compare the rest.
                    let second = phrase.as_bytes().get(1);
                    (second.is_none() || key.as_bytes().get(1) == second)
                        && key.starts_with(phrase)
                        && ends_at_boundary(key, phrase.len())
                })
                .map(|&(_, k, reason)| (k, reason));
        }
        self.find_sets(key, &mut found);
        found
    }

    /// The phrases of the sets in `key`, as whole words (and the cookie
    /// context's also inside words), added to `found`.
    fn find_sets(&self, key: &str, found: &mut Found) {
        for m in self.sets.find_overlapping_iter(key) {
            let bits = self.set_bits[m.pattern().as_usize()];
            found.sets |= bits & COOKIE_CONTEXT;
            if starts_word(key, m.start()) && ends_at_boundary(key, m.end()) {
                found.sets |= bits;
                found.call_opens |= m.start() == 0 && bits & CALL_TO_ACTION != 0;
            }
        }
    }
}

/// True when a phrase found in `text` at `start` begins a word.
fn starts_word(text: &str, start: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// True when a phrase found in `text` ending at `end` ends a word: it ends
/// in something other than a letter ("copyright 2", "follow @"), or no
/// letter or digit follows it.
fn ends_at_boundary(text: &str, end: usize) -> bool {
    let last_is_letter = text[..end]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    !last_is_letter
        || !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Lines up to this many bytes have their verdict remembered: menus,
/// buttons, footers and share rows are short, and they recur on every page
/// of a site and often within a page (two lines in three of a folder of
/// whole-page dumps occur more than once in it). Long lines seldom recur.
const REMEMBERED_LINE_BYTES: usize = 160;

thread_local! {
    /// Recent short lines and their verdicts.
    static VERDICTS: RefCell<Memory<Option<&'static str>>> = RefCell::new(Memory::new());
}

/// Why `line` is chrome, if its wording alone says so.
pub fn chrome_reason(line: &str) -> Option<&'static str> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.len() > REMEMBERED_LINE_BYTES {
        return judge_line(trimmed);
    }
    VERDICTS.with(|memory| memory.borrow_mut().get_or_find(trimmed, judge_line))
}

/// Why the trimmed, non-empty `trimmed` is chrome, if its wording alone
/// says so.
fn judge_line(trimmed: &str) -> Option<&'static str> {
    if is_separator(trimmed) {
        return Some("separator");
    }
    // Every rule but the cookie banner's is for short lines: a long
    // paragraph is not normalised at all unless it speaks of cookies.
    if longer_than_caption(trimmed) {
        return chrome::is_consent_notice(trimmed).then_some("cookie prompt");
    }
    let key = normalise::key(trimmed, Fold::Line);
    let words = count_words(&key, usize::MAX);
    // Beyond the reach of every rule that reads phrases, only a consent
    // banner's words still count: the automaton need not read a longer
    // line (most of them prose) unless it speaks of cookies.
    let found = if words > WORDING.reach && !key.contains("cookie") {
        Found::default()
    } else {
        WORDING.find(&key)
    };
    if let Some(reason) = found.line {
        return Some(reason);
    }
    if words <= chrome::MAX_PREFIX_LINE_WORDS
        && let Some((_, reason)) = found.prefix
    {
        return Some(reason);
    }
    if is_counter(&key) {
        return Some("counter");
    }
    if is_comment_header(&key) {
        return Some("comment thread");
    }
    if words <= MAX_CTA_WORDS && found.sets & CONTRIBUTION_CREDIT != 0 {
        return Some("contribution credit");
    }
    if words <= MAX_CTA_WORDS && found.sets & DISCLAIMER != 0 {
        return Some("disclaimer");
    }
    if is_commenter_line(&key, words) || is_lone_commenter_verb(trimmed) {
        // Not a barrier: an interview may put "Smith says:" on a line.
        return Some("commenter");
    }
    let sentence = super::features::ends_like_sentence(trimmed);
    if words <= MAX_CTA_WORDS
        && found.sets & CALL_TO_ACTION != 0
        && (!sentence || found.sets & READER_ADDRESS != 0 || found.call_opens)
    {
        return Some("call to action");
    }
    if words <= MAX_BYLINE_WORDS && !sentence && is_byline(&key) {
        return Some("byline");
    }
    if words <= MAX_CAPTION_WORDS && ends_with_credit(trimmed) {
        return Some("image credit");
    }
    if found.sets & COOKIE_CONTEXT != 0 && key.contains("cookie") {
        return Some("cookie prompt");
    }
    None
}

/// True when `trimmed` has more than [`MAX_CAPTION_WORDS`] words. A line
/// of `n` words holds at least `2n - 1` bytes (a byte a word and one
/// between words), so a shorter line need not be counted: most lines are.
/// A longer one is counted only until it has passed the caption's words.
fn longer_than_caption(trimmed: &str) -> bool {
    const CAP: usize = MAX_CAPTION_WORDS + 1;
    trimmed.len() > 2 * MAX_CAPTION_WORDS && count_words(trimmed, CAP) > MAX_CAPTION_WORDS
}

/// A line this short that asks the reader to subscribe, sign up or
/// support the site is a prompt, not article text.
const MAX_CTA_WORDS: usize = 30;

/// Bylines and datelines are short.
const MAX_BYLINE_WORDS: usize = 14;

/// Image captions with a credit run up to this many words.
const MAX_CAPTION_WORDS: usize = 60;

/// "By Jane Roe", "By Jane Roe | March 3, 2021", "Updated 9:14 am, Monday":
/// who wrote the article and when, above or below it.
fn is_byline(key: &str) -> bool {
    let starts = |p: &str| key.starts_with(p);
    (starts("by ") && !key.contains(". "))
        || starts("updated ")
        || starts("updated:")
        || starts("published ")
        || starts("published:")
        || starts("last modified")
        || starts("last updated")
}

/// A caption closing with its picture's credit: "(Image: Agency)",
/// "Credit...Name/Agency", "Photo: Name", "Name/Getty": the credit mark is
/// followed by a few words at most, and no sentence runs on after it (a
/// dateline's "(AP) —" opens an article instead).
fn ends_with_credit(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches([')', ' ', '.']);
    // The credit sits in the caption's last words: only they are searched.
    let mut from = t.len().saturating_sub(120);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let t = &t[from..];
    let last_end = WORDING
        .credits
        .find_overlapping_iter(t)
        .map(|m| m.end())
        .max();
    last_end.is_some_and(|end| {
        let rest = &t[end..];
        rest.split_whitespace().count() <= 6
            && !rest.contains(". ")
            && !rest.contains(['\u{2014}', '\u{2013}'])
            && !rest.starts_with(')')
    })
}

/// "34 responses to “Title”", "12 thoughts on “Title”", "3 comments on
/// ...": the heading over a comment thread.
fn is_comment_header(key: &str) -> bool {
    // The count opens the line, in digits or as "one" or "no": most lines
    // open otherwise and need not be split into words.
    if !matches!(
        key.trim_start().as_bytes().first(),
        Some(b'0'..=b'9' | b'o' | b'n')
    ) {
        return false;
    }
    comment_header_by_its_words(key)
}

/// [`is_comment_header`]'s rule read off the line's first three words.
fn comment_header_by_its_words(key: &str) -> bool {
    let mut words = key.split_whitespace();
    let (Some(n), Some(noun), Some(prep)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    (n.chars().all(|c| c.is_ascii_digit()) || matches!(n, "one" | "no"))
        && matches!(
            noun,
            "response"
                | "responses"
                | "comment"
                | "comments"
                | "reply"
                | "replies"
                | "thought"
                | "thoughts"
        )
        && matches!(prep, "to" | "on" | "for")
}

/// "jsmith says:", "Anna Lee said:": the line naming a commenter.
fn is_commenter_line(key: &str, words: usize) -> bool {
    // Most lines are longer: their first word need not be found.
    if words > 5 {
        return false;
    }
    commenter_line_by_its_words(key, words)
}

/// [`is_commenter_line`]'s rule, its first word always found.
fn commenter_line_by_its_words(key: &str, words: usize) -> bool {
    let first = key.split_whitespace().next().unwrap_or("");
    let pronoun = matches!(
        first,
        "he" | "she" | "they" | "it" | "who" | "one" | "i" | "we" | "you"
    );
    !pronoun
        && words <= 5
        && (key.ends_with(" says") || key.ends_with(" said") || key.ends_with(" wrote"))
        && !key.contains(['"', '\''])
}

/// "says:" on a line of its own: a comment thread whose commenters' names
/// are links, which a plain dump writes on the line before.
pub(crate) fn is_lone_commenter_verb(line: &str) -> bool {
    ["says:", "said:", "wrote:"]
        .iter()
        .any(|v| line.eq_ignore_ascii_case(v))
}

/// A line of punctuation or symbols only (`. . . . . .`, `***`, `— — —`).
pub fn is_separator(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric) && crate::text::count_visible_chars(line) >= 3
}

/// "12 comments", "Comments (4)", "1.2K shares", "5 min read": a number and
/// a counting word, nothing else.
fn is_counter(key: &str) -> bool {
    let mut number = false;
    let mut counting = false;
    let mut words = 0;
    for w in key.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '|' | '·')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        let digits = w.trim_end_matches(['k', 'm']);
        if !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            number = true;
        } else if CHROME.counters.contains(&w) {
            counting = true;
        } else {
            return false;
        }
    }
    number && counting && words <= 4
}

/// True when `text` reads as a short third-person biography of a person
/// ("A documentary photographer who ...", "Jane Roe is a writer based in
/// ...", "Jane Roe, an editor at ..."), not a sentence reporting what
/// someone said. With `media_only`, only the occupations of people who
/// write for a publication count.
pub fn is_author_bio(text: &str, media_only: bool) -> bool {
    // "Jane Roe (@janeroe) is ...": a handle in parentheses is no part of
    // the sentence's shape.
    let text = without_parentheses(text);
    let text = text.as_str();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 3 || words.len() > 90 || super::features::count_sentence_ends(text) > 5 {
        return false;
    }
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .collect();
    // Reported speech is no biography; a career is ("has reported on
    // trade", "reported from Kabul for a decade").
    let reports_speech = lower.iter().enumerate().any(|(i, w)| {
        let next = lower.get(i + 1).map(String::as_str);
        match w.as_str() {
            "said" | "says" | "told" | "according" | "announced" | "stated" => true,
            "reported" => !matches!(next, Some("on" | "from" | "for")),
            _ => false,
        }
    });
    if reports_speech {
        return false;
    }
    let list: &[&str] = if media_only {
        &CHROME.media_professions
    } else {
        &CHROME.professions
    };
    let is_profession =
        |w: &str| list.contains(&w) || w.strip_suffix('s').is_some_and(|s| list.contains(&s));
    let profession_within =
        |from: usize, span: usize| lower.iter().skip(from).take(span).any(|w| is_profession(w));
    // "A documentary filmmaker who ...", "An editor based in ..."
    if matches!(lower[0].as_str(), "a" | "an") && profession_within(1, 4) {
        return true;
    }
    // "Jane Roe is a writer ...", "He is an award-winning journalist ...":
    // a name (capitalised words) or a pronoun, then "is/was a/an/the".
    let subject_len = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let pronoun = matches!(lower[0].as_str(), "he" | "she" | "they" | "i");
    let subject_len = if pronoun { 1 } else { subject_len };
    if (1..=4).contains(&subject_len) && subject_len + 2 < lower.len() {
        let verb = lower[subject_len].as_str();
        let article = lower[subject_len + 1].as_str();
        if matches!(verb, "is" | "was" | "are" | "am")
            && matches!(article, "a" | "an" | "the")
            && profession_within(subject_len + 2, 5)
        {
            return true;
        }
        // "Jane Roe, an editor at ...": a person is named with at least two
        // words ("Quaycorp, a producer of ..." is a company).
        if !pronoun
            && subject_len >= 2
            && words[subject_len - 1].ends_with(',')
            && matches!(lower[subject_len].as_str(), "a" | "an" | "the")
            && profession_within(subject_len + 1, 4)
        {
            return true;
        }
    }
    false
}

/// `text` without its parenthesised stretches.
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`Wording::find`] must find in `key`, read phrase by phrase
    /// over the whole vocabulary at every place in the line.
    fn found_by_every_phrase(key: &str) -> Found {
        let c = &*CHROME;
        let mut found = Found {
            line: c.lines.iter().find(|(p, _)| *p == key).map(|&(_, r)| r),
            prefix: c
                .prefixes
                .iter()
                .enumerate()
                .find(|(_, (p, _))| key.starts_with(p) && ends_at_boundary(key, p.len()))
                .map(|(k, &(_, r))| (k, r)),
            ..Found::default()
        };
        for (list, bit) in phrase_sets(c) {
            for p in list {
                for start in (0..=key.len()).filter(|&i| key.is_char_boundary(i)) {
                    if !key[start..].starts_with(p) {
                        continue;
                    }
                    let end = start + p.len();
                    if bit == COOKIE_CONTEXT {
                        found.sets |= bit;
                    }
                    if starts_word(key, start) && ends_at_boundary(key, end) {
                        found.sets |= bit;
                        found.call_opens |= start == 0 && bit == CALL_TO_ACTION;
                    }
                }
            }
        }
        found
    }

    #[test]
    fn the_vocabulary_is_found_as_phrase_by_phrase_reading_finds_it() {
        let c = &*CHROME;
        let mut keys: Vec<String> = Vec::new();
        let phrases = c
            .lines
            .iter()
            .chain(&c.prefixes)
            .map(|&(p, _)| p)
            .chain(c.calls_to_action.iter().copied())
            .chain(c.contribution_credits.iter().copied())
            .chain(c.disclaimers.iter().copied())
            .chain(c.reader_address.iter().copied())
            .chain(c.cookie_context.iter().copied());
        // Each phrase alone, opening a line, closing one, inside one, and
        // run into a longer word on either side.
        for p in phrases {
            keys.push(p.to_string());
            keys.push(format!("{p} the rest of a line"));
            keys.push(format!("a line ending in {p}"));
            keys.push(format!("a line with {p} inside it"));
            keys.push(format!("x{p}y and more"));
            keys.push(format!("{p}s"));
            keys.push(format!("{p}: {p}"));
        }
        for line in [
            "",
            "the harbour was quiet",
            "subscribe to our newsletter and support independent journalism",
            "this website uses cookies to improve your experience",
            "bake the cookies for twelve minutes",
            "© 2021 example media",
            "share this article:",
            "l'été dernier, à paris",
        ] {
            keys.push(line.to_string());
        }
        for key in &keys {
            assert_eq!(WORDING.find(key), found_by_every_phrase(key), "{key:?}");
        }
    }

    #[test]
    fn lines_turned_away_early_get_the_full_rules_verdict() {
        for key in [
            "12 comments on a walk",
            " 12 comments on a walk",
            "\u{a0}3 replies to this",
            "one response to a walk",
            "no comments for now",
            "none comments on this",
            "old thoughts on things",
            "twelve comments on a walk",
            "12",
            "12 comments",
            "a line of prose with 12 comments on it",
            "harbourfan says",
            "he says",
            "jane roe of the harbour said",
            "a much longer line that also ends with says",
            "who wrote",
            "jo \"jj\" wrote",
            "",
            " ",
        ] {
            assert_eq!(
                is_comment_header(key),
                comment_header_by_its_words(key),
                "{key:?}"
            );
            let words = count_words(key, usize::MAX);
            assert_eq!(
                is_commenter_line(key, words),
                commenter_line_by_its_words(key, words),
                "{key:?}"
            );
        }
    }

    #[test]
    fn lines_not_counted_for_their_length_are_no_longer_than_captions() {
        let words = |n: usize| vec!["a"; n].join(" ");
        let wide = |n: usize| vec!["a"; n].join("\u{3000}");
        for t in [
            words(60),
            words(61),
            words(62),
            wide(61),
            format!("{} ", words(60)),
            words(30),
            "a".repeat(200),
            format!("{} \u{e9}", words(70)),
            format!("\u{e9} {}", words(70)),
            format!("{}\u{a0}{}", words(40), words(40)),
        ] {
            assert_eq!(
                longer_than_caption(&t),
                count_words(&t, MAX_CAPTION_WORDS + 1) > MAX_CAPTION_WORDS,
                "{t:?}"
            );
        }
    }

    #[test]
    fn chrome_lines_are_named() {
        assert_eq!(chrome_reason("Exit mobile version"), Some("theme leftover"));
        assert_eq!(chrome_reason(". . . . . ."), Some("separator"));
        assert_eq!(chrome_reason("Share this article:"), Some("share prompt"));
        assert_eq!(chrome_reason("Posted in Travel, Food"), Some("post footer"));
        assert_eq!(chrome_reason("© 2021 Example Media"), Some("copyright"));
        assert_eq!(chrome_reason("14 Comments"), Some("counter"));
        assert_eq!(chrome_reason("The harbour was quiet."), None);
        assert_eq!(chrome_reason("Introduction"), None);
        assert_eq!(chrome_reason("2019 results"), None);
        assert_eq!(
            chrome_reason("12 thoughts on \u{201c}A walk\u{201d}"),
            Some("comment thread")
        );
        assert_eq!(chrome_reason("harbourfan says:"), Some("commenter"));
        assert_eq!(chrome_reason("says:"), Some("commenter"));
        assert_eq!(chrome_reason("says"), None);
        assert_eq!(chrome_reason("Discussion"), None);
        assert_eq!(
            chrome_reason(
                "This website uses cookies to improve your experience while you browse, and many more words follow here so the line is long."
            ),
            Some("cookie prompt")
        );
        assert_eq!(
            chrome_reason("Bake the cookies for twelve minutes until golden."),
            None
        );
    }

    #[test]
    fn chrome_of_other_languages_is_named() {
        assert_eq!(chrome_reason("Partager sur Facebook"), Some("share prompt"));
        assert_eq!(chrome_reason("Compartir en WhatsApp"), Some("share prompt"));
        assert_eq!(chrome_reason("Publicidad"), Some("ad label"));
        assert_eq!(
            chrome_reason("Aller au contenu principal"),
            Some("navigation")
        );
        assert_eq!(chrome_reason("Weiterlesen"), Some("read more prompt"));
        assert_eq!(
            chrome_reason("Leggi anche: il ponte riapre"),
            Some("related links")
        );
        assert_eq!(
            chrome_reason(
                "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten."
            ),
            Some("cookie prompt")
        );
        assert_eq!(chrome_reason("Publié le 3 mars 2024"), Some("post footer"));
        assert_eq!(chrome_reason("Tous droits réservés"), Some("copyright"));
        // Prose that shares words with the prompts stays.
        assert_eq!(
            chrome_reason("Le conseil municipal a voté le budget mardi soir."),
            None
        );
        assert_eq!(
            chrome_reason("Compartir el coche reduce el tráfico en la ciudad."),
            None
        );
        assert_eq!(
            chrome_reason("Die Suche nach dem Fahrrad dauerte Tage."),
            None
        );
        assert_eq!(chrome_reason("Copyright law changed in 1998."), None);
        assert_eq!(
            chrome_reason("Copyright 2021 Example Media"),
            Some("copyright")
        );
    }

    #[test]
    fn bios_are_told_from_reported_speech() {
        let bio = |t: &str| is_author_bio(t, false);
        let media_bio = |t: &str| is_author_bio(t, true);
        assert!(bio("A travel photographer who documents coastal towns."));
        assert!(media_bio(
            "Maria Lopez is a freelance writer based in Lisbon."
        ));
        assert!(media_bio(
            "Tom Reed (@treed) is a contributing editor at a weekly."
        ));
        assert!(bio(
            "Tom Reed, an editor at a small weekly, covers farming."
        ));
        assert!(!media_bio(
            "Ana Ruiz is a nurse who has worked nights for years."
        ));
        assert!(!bio(
            "Quaycorp, a large producer of nets, has opened a plant."
        ));
        assert!(!bio("A spokesperson said the plan would go ahead."));
        assert!(bio(
            "A science correspondent who has reported on medicine for a decade."
        ));
        assert!(!bio(
            "A local reporter reported that the bridge had closed."
        ));
        assert!(!bio("The harbour was quiet for the first time in years."));
        assert!(!bio(
            "Maria Lopez is a writer, the minister told reporters."
        ));
    }
}
