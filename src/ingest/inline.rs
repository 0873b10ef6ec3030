//! Inline Markdown as HTML-to-text converters write it: links become their
//! text, images and bare URLs go, emphasis and code marks go, backslash
//! escapes are undone.

/// A line with its inline markup removed, and what the markup said about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    /// The visible text.
    pub text: String,
    /// Characters of `text` that were link text.
    pub link_chars: u32,
    /// Number of links.
    pub links: u16,
    /// Number of images dropped.
    pub images: u16,
    /// Characters of `text` that were the text of links to an image file
    /// (a lightbox link: its text is the picture's caption).
    pub image_link_chars: u32,
}

impl Inline {
    /// True when all of the visible text is the text of links to image
    /// files: the line is a picture's caption, not article text.
    pub fn is_image_caption(&self) -> bool {
        self.image_link_chars > 0
            && self.image_link_chars >= crate::text::count_visible_chars(&self.text) as u32
    }
}

/// Strips inline Markdown from `line`.
///
/// Only well-formed constructs are treated as markup: a `[` without a
/// matching `](...)` stays as it is, and a `*` between spaces is an asterisk.
pub fn strip(line: &str) -> Inline {
    let mut out = Inline::default();
    strip_into(line, &mut out, false);
    if needs_collapse(&out.text) {
        out.text = collapse_spaces(&out.text);
    }
    out
}

fn strip_into(s: &str, out: &mut Inline, in_link: bool) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() && b[i + 1].is_ascii_punctuation() => {
                push(out, &s[i + 1..i + 2], in_link);
                i += 2;
            }
            b'!' if b.get(i + 1) == Some(&b'[') => {
                if let Some((_, end)) = link_at(s, i + 1) {
                    out.images = out.images.saturating_add(1);
                    i = end;
                } else {
                    push(out, "!", in_link);
                    i += 1;
                }
            }
            b'[' => {
                if let Some((text, end)) = link_at(s, i) {
                    let before = out.link_chars;
                    strip_into(text, out, true);
                    let added = out.link_chars - before;
                    if added > 0 && !in_link {
                        out.links = out.links.saturating_add(1);
                        let target_start = i + 1 + text.len() + 1;
                        if s.as_bytes().get(target_start) == Some(&b'(')
                            && is_image_target(&s[target_start + 1..end - 1])
                        {
                            out.image_link_chars += added;
                        }
                    }
                    i = end;
                } else {
                    push(out, "[", in_link);
                    i += 1;
                }
            }
            b'<' => {
                // An autolink `<https://...>` or `<a@b.c>` is a bare address.
                if let Some(close) = s[i..].find('>') {
                    let inner = &s[i + 1..i + close];
                    if !inner.contains(' ') && (inner.contains("://") || inner.contains('@')) {
                        i += close + 1;
                        continue;
                    }
                }
                push(out, "<", in_link);
                i += 1;
            }
            b'`' => {
                let ticks = b[i..].iter().take_while(|&&c| c == b'`').count();
                let fence = &s[i..i + ticks];
                if let Some(close) = s[i + ticks..].find(fence) {
                    push(out, s[i + ticks..i + ticks + close].trim(), in_link);
                    i += ticks + close + ticks;
                } else {
                    push(out, fence, in_link);
                    i += ticks;
                }
            }
            b'*' | b'_' => {
                let ch = b[i];
                let run = b[i..].iter().take_while(|&&c| c == ch).count();
                if is_emphasis_mark(s, i, run) {
                    i += run;
                } else {
                    push(out, &s[i..i + run], in_link);
                    i += run;
                }
            }
            _ => {
                // A run of bytes none of which can open markup is copied at
                // once: most of a line is plain text. The markup bytes are
                // ASCII, so the run ends on a character boundary.
                // The byte at `i` is taken whatever it is (a `!` not opening
                // an image comes here).
                let run = 1 + b[i + 1..]
                    .iter()
                    .position(|&c| is_markup_byte(c))
                    .unwrap_or(b.len() - i - 1);
                push(out, &s[i..i + run], in_link);
                i += run;
            }
        }
    }
}

/// True for the bytes that may open inline markup in `strip_into`.
#[inline]
fn is_markup_byte(c: u8) -> bool {
    matches!(c, b'\\' | b'!' | b'[' | b'<' | b'`' | b'*' | b'_')
}

fn push(out: &mut Inline, piece: &str, in_link: bool) {
    out.text.push_str(piece);
    if in_link {
        out.link_chars += crate::text::count_visible_chars(piece) as u32;
    }
}

/// The byte offset of the first `[` on `line` that no `]` on the line
/// closes: the opening of a link whose text runs over several lines.
pub fn dangling_open(line: &str) -> Option<usize> {
    brackets(line).0
}

/// The byte range of a `](target)` on `line` whose `[` is on an earlier
/// line: the close of a link whose text ran over several lines.
pub fn dangling_close(line: &str) -> Option<std::ops::Range<usize>> {
    brackets(line).1
}

/// One scan of a line's brackets: the first unclosed `[`, and the first
/// `](target)` with no `[` before it.
fn brackets(line: &str) -> (Option<usize>, Option<std::ops::Range<usize>>) {
    let b = line.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut close = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => open.push(i),
            b']' => {
                let unmatched = open.pop().is_none();
                if unmatched && close.is_none() && b.get(i + 1) == Some(&b'(') {
                    close = target_end(line, i + 1).map(|end| i..end);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (open.first().copied(), close)
}

/// The byte just past the `(target)` that starts at byte `at` of `s`: its
/// parentheses balanced, a quoted title skipped (it may hold parentheses);
/// `None` when a bare space shows it is prose in parentheses, not a target.
fn target_end(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut k = at;
    loop {
        match b.get(k)? {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k + 1);
                }
            }
            b'"' if depth >= 1 => {
                let q = s.get(k + 1..)?.find('"')?;
                k += q + 1;
            }
            b' ' if depth == 1 && !s[k..].trim_start().starts_with('"') => return None,
            _ => {}
        }
        k += 1;
    }
}

/// True when a link target names an image file (`.jpg`, `.png`, ...),
/// query and title aside.
fn is_image_target(target: &str) -> bool {
    let url = target.split_whitespace().next().unwrap_or("");
    let path = url.split(['?', '#']).next().unwrap_or("");
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    [
        "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff",
    ]
    .iter()
    .any(|x| ext.eq_ignore_ascii_case(x))
}

/// If a Markdown link `[text](target)` (or `[text][ref]`) starts at byte `at`
/// of `s`, returns its text and the byte just past it.
fn link_at(s: &str, at: usize) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    debug_assert_eq!(b[at], b'[');
    // Find the matching `]`, allowing nested brackets (an image inside a link).
    let mut depth = 0usize;
    let mut j = at;
    let close = loop {
        match b.get(j)? {
            b'\\' => j += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
    };
    let text = &s[at + 1..close];
    match b.get(close + 1) {
        Some(b'(') => target_end(s, close + 1).map(|end| (text, end)),
        Some(b'[') => {
            let rest = &s[close + 2..];
            let end = rest.find(']')?;
            if rest[..end].contains('[') {
                return None;
            }
            Some((text, close + 2 + end + 1))
        }
        _ => None,
    }
}

/// True when the run of `*` or `_` at `i` opens or closes emphasis: it
/// touches a word on one side and white space, punctuation or the line's end
/// on the other. `snake_case` and `2 * 3` are left alone.
fn is_emphasis_mark(s: &str, i: usize, run: usize) -> bool {
    let prev = s[..i].chars().next_back();
    let next = s[i + run..].chars().next();
    let is_space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if is_space(prev) && is_space(next) {
        // A lone `__` or `**` between spaces is an icon's or empty emphasis' leftover.
        return run >= 2;
    }
    if is_word(prev) && is_word(next) {
        // Intra-word: `snake_case` keeps its underscore; `**bold**text` is rare.
        return false;
    }
    // A mark is emphasis only with its partner on the line: a closing mark
    // after an opening one, an opening mark before a closing one. A lone
    // mark after a word (`Score*`, a footnote) or before one (`*Terms
    // apply`) is text.
    // The partner is the nearest mark of the same kind that is not inside a
    // word, and it must itself be able to close or open: the underscore
    // inside `_ga.clock_data` is none, so the one before `_ga` is text, not
    // emphasis. Looking no further than that mark keeps a line of many
    // marks that pair with nothing linear.
    let ch = s.as_bytes()[i];
    let closes = !is_space(prev) && !is_word(next);
    let opens = !is_space(next) && !is_word(prev);
    let inside_word =
        |j: usize| is_word(s[..j].chars().next_back()) && is_word(s[j + 1..].chars().next());
    (closes
        && marks(s, ch, 0, i)
            .rev()
            .find(|&j| !inside_word(j))
            .is_some_and(|j| can_open(s, j)))
        || (opens
            && marks(s, ch, i + run, s.len())
                .find(|&j| !inside_word(j))
                .is_some_and(|j| can_close(s, j)))
}

/// The places of the byte `ch` in `s[from..to]`.
fn marks(s: &str, ch: u8, from: usize, to: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
    s.as_bytes()[from..to]
        .iter()
        .enumerate()
        .filter(move |&(_, &c)| c == ch)
        .map(move |(k, _)| from + k)
}

/// True when the mark at `j` may open emphasis: a word follows it and none
/// runs into it.
fn can_open(s: &str, j: usize) -> bool {
    let prev = s[..j].chars().next_back();
    let next = s[j + 1..].chars().next();
    next.is_some_and(|c| !c.is_whitespace()) && !prev.is_some_and(char::is_alphanumeric)
}

/// True when the mark at `j` may close emphasis: a word ends at it and none
/// runs on after it.
fn can_close(s: &str, j: usize) -> bool {
    let prev = s[..j].chars().next_back();
    let next = s[j + 1..].chars().next();
    prev.is_some_and(|c| !c.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
}

/// True when [`collapse_spaces`] would change `s`: a tab, two spaces in a
/// row, or a space at either end.
fn needs_collapse(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() == Some(&b' ')
        || b.last() == Some(&b' ')
        || b.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        || b.contains(&b'\t')
}

/// Folds runs of spaces and tabs into one space and trims the ends.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split([' ', '\t']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_their_text_and_images_go() {
        let r = strip(
            "See [the report](https://example.org/r \"Report (pdf)\") and ![chart](c.png) now",
        );
        assert_eq!(r.text, "See the report and now");
        assert_eq!(r.links, 1);
        assert_eq!(r.images, 1);
        assert_eq!(r.link_chars, 9);
    }

    #[test]
    fn an_image_inside_a_link_is_dropped_whole() {
        let r = strip("[![Logo](https://x.org/l.png)](https://x.org \"Home\")");
        assert_eq!(r.text, "");
        assert_eq!(r.images, 1);
    }

    #[test]
    fn emphasis_code_and_escapes_go() {
        assert_eq!(
            strip("**Bold:** an _emphatic_ `code` 1\\. item").text,
            "Bold: an emphatic code 1. item"
        );
        assert_eq!(
            strip("keep snake_case and 2 * 3").text,
            "keep snake_case and 2 * 3"
        );
        assert_eq!(strip("[ __](https://x.org) Home").text, "Home");
        assert_eq!(strip("(*note*) and _a_.").text, "(note) and a.");
    }

    #[test]
    fn a_lone_mark_is_text() {
        assert_eq!(strip("Top Cities Score*").text, "Top Cities Score*");
        assert_eq!(strip("*Terms apply").text, "*Terms apply");
        assert_eq!(strip("Price* and **bold**").text, "Price* and bold");
    }

    #[test]
    fn a_mark_whose_only_partner_is_inside_a_word_is_text() {
        assert_eq!(strip("_xy.last_seen 1 day").text, "_xy.last_seen 1 day");
        assert_eq!(
            strip("the total_count_ field").text,
            "the total_count_ field"
        );
        assert_eq!(strip("_a quiet_ word").text, "a quiet word");
        assert_eq!(
            strip("an _emphasised_ word_list").text,
            "an emphasised word_list"
        );
        // Many marks that pair with nothing stay as written.
        let names = vec!["_xy.last_seen"; 2000].join(" ");
        assert_eq!(strip(&names).text, names);
    }

    #[test]
    fn links_over_several_lines_are_found() {
        assert_eq!(dangling_open("See [ The long title"), Some(4));
        assert_eq!(dangling_open("[a](b) and [c](d)"), None);
        assert_eq!(
            dangling_close("of the story ](https://e.org/s) more"),
            Some(13..31)
        );
        assert_eq!(dangling_close("[a](b)"), None);
        assert_eq!(dangling_close("a ] (b)"), None);
    }

    #[test]
    fn lightbox_links_are_captions() {
        let r = strip("[A boat at dawn. Photo: Ann](https://e.org/p/boat.JPG?w=900)");
        assert!(r.is_image_caption());
        assert_eq!(r.text, "A boat at dawn. Photo: Ann");
        assert!(!strip("See [the boat](https://e.org/p/boat.jpg) here").is_image_caption());
        assert!(!strip("[the story](https://e.org/s)").is_image_caption());
    }

    #[test]
    fn unbalanced_brackets_stay() {
        assert_eq!(strip("a [note] here [x](y").text, "a [note] here [x](y");
    }
}
