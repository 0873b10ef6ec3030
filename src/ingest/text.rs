//! Text-dump ingest: a line classifier that turns a plain or
//! Markdown-flavoured dump into typed blocks.
//!
//! Each line is classified once (blank, heading mark, bullet, quote, pipe
//! row, fence, rule, text); runs of classified lines become blocks. Lines
//! that may be a table whose cell separators were lost are kept together in
//! one multi-line paragraph for the `tables` pass to judge.

use crate::document::{Block, Document, InputFormat, ListItem, Origin, Table};
use crate::error::Result;
use crate::ingest::decode;
use crate::ingest::inline::{self, Inline};
use crate::options::Options;

/// Reads a text dump given as bytes (UTF-8, or UTF-16 with a BOM; gzip is
/// inflated first).
pub fn ingest_bytes(bytes: &[u8], options: &Options) -> Result<Document> {
    let text = decode::decode_text(bytes, options.max_input_bytes)?;
    ingest(&text, options)
}

/// Reads a text dump into a [`Document`] of typed blocks.
pub fn ingest(text: &str, options: &Options) -> Result<Document> {
    decode::check_size(text.len(), options.max_input_bytes)?;
    decode::check_non_empty(text)?;
    let text = close_multiline_links(text);
    // Sized once: a dump has tens of thousands of lines.
    let mut lines: Vec<Line<'_>> =
        Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    lines.extend(text.lines().enumerate().map(|(i, l)| classify(i, l)));
    promote_single_pipe_rows(&mut lines);
    keep_numbered_table_rows(&mut lines);
    let mut b = Builder {
        doc: Document::new(InputFormat::Text),
    };
    b.build(&lines);
    Ok(b.doc)
}

/// How far a link's text may run over lines (a card linking a heading, a
/// summary and a date).
const MAX_LINK_LINES: usize = 12;

/// Rewrites links whose text runs over several lines (html2text writes a
/// linked card as `[ Title`, `Summary`, `date ](url)`) so that each line
/// holds a complete link: the link text is kept and counted as link text,
/// and no `](url)` is left in the text.
fn close_multiline_links(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("](") {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<std::borrow::Cow<'_, str>> = lines.iter().map(|l| (*l).into()).collect();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        if inline::dangling_open(lines[i]).is_none() {
            // A close whose opening was lost (cut off above the dump's first
            // line, or further up than a link runs): its text is link text.
            if let Some(range) = inline::dangling_close(lines[i]) {
                let m = marker_len(lines[i]);
                if m <= range.start {
                    out[i] = format!("{}[{}", &lines[i][..m], &lines[i][m..]).into();
                    changed = true;
                }
            }
            i += 1;
            continue;
        }
        let mut close = None;
        for (j, line) in lines
            .iter()
            .enumerate()
            .take((i + MAX_LINK_LINES).min(lines.len()))
            .skip(i + 1)
        {
            if let Some(range) = inline::dangling_close(line) {
                close = Some((j, range));
                break;
            }
            if inline::dangling_open(line).is_some() {
                break;
            }
        }
        let Some((j, range)) = close else {
            i += 1;
            continue;
        };
        changed = true;
        let closer = lines[j];
        // Every line of the link points where the link pointed.
        let target = &closer[range.start + 1..range.end];
        out[i] = format!("{}]{target}", lines[i]).into();
        for k in i + 1..j {
            out[k] = wrap_in_link(lines[k], target).into();
        }
        let m = marker_len(closer);
        out[j] = if closer[m..range.start].trim().is_empty() {
            format!("{}{}", &closer[..range.start], &closer[range.end..]).into()
        } else {
            format!("{}[{}", &closer[..m], &closer[m..]).into()
        };
        i = j + 1;
    }
    if !changed {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut joined = String::with_capacity(text.len() + 64);
    for line in out {
        joined.push_str(&line);
        joined.push('\n');
    }
    std::borrow::Cow::Owned(joined)
}

/// A line of a multi-line link's text made a complete link of its own,
/// after its list or heading marker, pointing to `target` (`(url)`).
fn wrap_in_link(line: &str, target: &str) -> String {
    if line.trim().is_empty() {
        return line.to_string();
    }
    let m = marker_len(line);
    format!("{}[{}]{target}", &line[..m], &line[m..])
}

/// Bytes of a line's indentation and list, heading or quote marker.
fn marker_len(line: &str) -> usize {
    let content = line.trim_start();
    let indent = line.len() - content.len();
    if let Some((_, rest)) = bullet(content) {
        return line.len() - rest.len();
    }
    let hashes = content.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && content[hashes..].starts_with(' ') {
        return indent + hashes + 1;
    }
    if content.starts_with('>') {
        return indent + 1;
    }
    indent
}

/// What one line of a dump is.
#[derive(Debug, Clone, PartialEq)]
enum Kind<'a> {
    Blank,
    /// `# Title` (level, content).
    Heading(u8, &'a str),
    /// A list item: ordered?, indentation, content after the marker.
    Bullet(bool, usize, &'a str),
    /// `> text`.
    Quote(&'a str),
    /// A row of a pipe table (`a | b | c`).
    PipeRow(&'a str),
    /// ```` ``` ```` or `~~~`.
    Fence,
    /// `* * *`, `---`, `___`: a Markdown thematic break.
    Rule,
    /// Anything else: indentation, content.
    Text(usize, &'a str),
}

#[derive(Debug, Clone)]
struct Line<'a> {
    number: u32,
    raw: &'a str,
    kind: Kind<'a>,
}

fn classify(index: usize, raw: &str) -> Line<'_> {
    let number = index as u32 + 1;
    let line = raw.trim_end();
    let content = line.trim_start();
    let indent = line.len() - content.len();
    let kind = if content.is_empty() {
        Kind::Blank
    } else if content.starts_with("```") || content.starts_with("~~~") {
        Kind::Fence
    } else if is_rule(content) || is_bullet_row(content) {
        Kind::Rule
    } else if let Some(h) = atx_heading(content) {
        h
    } else if let Some(q) = content.strip_prefix('>') {
        Kind::Quote(q.trim())
    } else if let Some((ordered, rest)) = bullet(content) {
        Kind::Bullet(ordered, indent, rest)
    } else if is_pipe_row(content) {
        Kind::PipeRow(content)
    } else {
        Kind::Text(indent, content)
    };
    Line { number, raw, kind }
}

/// A row of bullet marks and nothing else (`• • • • •`, `· · ·`): a theme's
/// separator, not a list whose items are bullets.
fn is_bullet_row(s: &str) -> bool {
    bullet(s).is_some()
        && crate::text::count_visible_chars(s) >= 3
        && s.chars().all(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '•' | '·' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '-' | '–' | '+' | '*'
                )
        })
}

/// A Markdown thematic break: three or more of one of `*-_`, spaces allowed.
fn is_rule(s: &str) -> bool {
    let mut chars = s.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '*' | '-' | '_')
        && s.chars().filter(|c| *c == first).count() >= 3
        && s.chars().all(|c| c == first || c.is_whitespace())
}

fn atx_heading(s: &str) -> Option<Kind<'_>> {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &s[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    Some(Kind::Heading(hashes as u8, text))
}

/// Bullet and number markers: `•`, `-`, `*`, `·`, `+`, `▪`, `◦`, `‣`, `–`,
/// `1.`, `1)`, `a)` followed by white space.
fn bullet(s: &str) -> Option<(bool, &str)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(
        first,
        '•' | '-' | '*' | '·' | '+' | '▪' | '◦' | '‣' | '–' | '●' | '○' | '■'
    ) {
        let rest = &s[first.len_utf8()..];
        if rest.starts_with([' ', '\t', '\u{a0}']) {
            return Some((false, rest.trim_start_matches([' ', '\t', '\u{a0}'])));
        }
        return None;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &s[digits..];
        for mark in [". ", ") ", ".\t", ")\t"] {
            if let Some(r) = rest.strip_prefix(mark) {
                return Some((true, r.trim_start()));
            }
        }
    }
    None
}

/// A row of a Markdown pipe table: two or more cell separators outside links,
/// or a `---|---` delimiter row.
fn is_pipe_row(s: &str) -> bool {
    let pipes = s.matches('|').count();
    if pipes == 0 {
        return false;
    }
    if is_delimiter_row(s) {
        return true;
    }
    let outside_links = {
        let mut depth = 0i32;
        s.chars()
            .filter(|&c| {
                match c {
                    '[' | '(' => depth += 1,
                    ']' | ')' => depth -= 1,
                    _ => {}
                }
                c == '|' && depth <= 0
            })
            .count()
    };
    outside_links >= 2 || (outside_links == 1 && s.starts_with('|'))
}

/// A table of two columns has one pipe a row (`Name | Age`), which alone is
/// too weak a sign; such rows count as a table only around a `---|---` row.
fn promote_single_pipe_rows(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        let Kind::PipeRow(d) = lines[i].kind else {
            continue;
        };
        if !is_delimiter_row(d) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            match lines[j - 1].kind {
                Kind::Text(_, t) if t.contains('|') => lines[j - 1].kind = Kind::PipeRow(t),
                _ => break,
            }
            j -= 1;
        }
        for line in lines.iter_mut().skip(i + 1) {
            match line.kind {
                Kind::Text(_, t) if t.contains('|') => line.kind = Kind::PipeRow(t),
                Kind::PipeRow(_) => {}
                _ => break,
            }
        }
    }
}

/// Numbered lines under a line that may name columns, when the header and
/// the numbered lines cut into the same typed columns (`Top Large Cities
/// Score*` over `1. San Jose, CA 84.7`), are the rows of a flattened table
/// whose first cells held a rank, not an ordered list: they are read as
/// text lines, so the `tables` pass sees them with their header. Numbered
/// lines that do not cut so stay a list.
fn keep_numbered_table_rows(lines: &mut [Line<'_>]) {
    use crate::tabular::flattened::{self, Casing};
    let mut i = 0;
    while i + 2 < lines.len() {
        let Kind::Text(indent, header) = lines[i].kind else {
            i += 1;
            continue;
        };
        let rows = lines[i + 1..]
            .iter()
            .take_while(|l| matches!(l.kind, Kind::Bullet(true, ind, _) if ind == indent))
            .count();
        if rows < 2 {
            i += 1;
            continue;
        }
        let candidate: Vec<&str> = std::iter::once(header)
            .chain(lines[i + 1..=i + rows].iter().map(|l| l.raw.trim()))
            .collect();
        // Only the document's own words are known at ingest: the rows are
        // judged on their shapes alone.
        let casing = Casing::default();
        let whole = flattened::find(&candidate, &|| &casing)
            .is_some_and(|f| f.start == 0 && f.end == candidate.len());
        if whole {
            for line in &mut lines[i + 1..=i + rows] {
                line.kind = Kind::Text(indent, line.raw.trim());
            }
        }
        i += rows + 1;
    }
}

fn is_delimiter_row(s: &str) -> bool {
    s.contains('-') && s.contains('|') && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Splits a pipe row into cells, dropping the outer pipes.
fn pipe_cells(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s.strip_prefix('|').unwrap_or(s);
    let s = s.strip_suffix('|').unwrap_or(s);
    // Pipes inside a link's text or target do not part cells.
    let mut cells = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            '|' if depth <= 0 => {
                cells.push(inline::strip(&s[start..i]).text);
                start = i + 1;
            }
            _ => {}
        }
    }
    cells.push(inline::strip(&s[start..]).text);
    cells
}

struct Builder {
    doc: Document,
}

impl Builder {
    fn build(&mut self, lines: &[Line<'_>]) {
        let mut i = 0;
        while i < lines.len() {
            i = match &lines[i].kind {
                Kind::Blank => i + 1,
                Kind::Rule => {
                    self.dropped(lines[i].raw.trim(), "separator");
                    i + 1
                }
                Kind::Fence => self.code(lines, i),
                Kind::Heading(level, text) => {
                    let inl = inline::strip(text);
                    if inl.text.is_empty() {
                        self.dropped_markup(&lines[i], &inl);
                    } else {
                        if *level == 1 && self.doc.meta.title.is_none() {
                            self.doc.meta.title = Some(inl.text.clone());
                        }
                        let origin = origin(&lines[i], &inl, 0, true);
                        self.doc.push(
                            Block::Heading {
                                level: *level,
                                text: inl.text,
                            },
                            origin,
                        );
                    }
                    i + 1
                }
                Kind::Quote(_) => self.quote(lines, i),
                Kind::Bullet(..) => self.list(lines, i),
                Kind::PipeRow(_) => self.pipe_table(lines, i),
                Kind::Text(..) => self.text_run(lines, i),
            };
        }
    }

    fn dropped(&mut self, text: &str, reason: &str) {
        self.doc.note_dropped("ingest", text.to_string(), reason);
    }

    /// A line whose markup held no visible text (an image, an empty link).
    fn dropped_markup(&mut self, line: &Line<'_>, inl: &Inline) {
        let reason = if inl.images > 0 {
            "image"
        } else {
            "markup without text"
        };
        self.dropped(line.raw.trim(), reason);
    }

    fn code(&mut self, lines: &[Line<'_>], start: usize) -> usize {
        let fence = lines[start].raw.trim_start();
        let marker = &fence[..3];
        let mut body = Vec::new();
        let mut i = start + 1;
        while i < lines.len() && !lines[i].raw.trim_start().starts_with(marker) {
            body.push(lines[i].raw);
            i += 1;
        }
        let text = body.join("\n");
        if !text.trim().is_empty() {
            let o = Origin {
                line: lines[start].number,
                chars: text.chars().count() as u32,
                explicit: true,
                ..Default::default()
            };
            self.doc.push(Block::Code { text }, o);
        }
        (i + 1).min(lines.len())
    }

    fn quote(&mut self, lines: &[Line<'_>], start: usize) -> usize {
        let mut parts = Vec::new();
        let mut acc = Inline::default();
        let mut i = start;
        while let Some(Kind::Quote(q)) = lines.get(i).map(|l| &l.kind) {
            let inl = inline::strip(q);
            if !inl.text.is_empty() {
                parts.push(inl.text.clone());
            }
            merge(&mut acc, &inl);
            i += 1;
        }
        let text = parts.join(" ");
        if !text.is_empty() {
            let o = origin(&lines[start], &acc, 0, true);
            self.doc.push(Block::Quote { text }, o);
        }
        i
    }

    fn list(&mut self, lines: &[Line<'_>], start: usize) -> usize {
        let Kind::Bullet(ordered, base_indent, _) = lines[start].kind else {
            return start + 1;
        };
        let mut items: Vec<ListItem> = Vec::new();
        let mut acc = Inline::default();
        let mut depth = 0u8;
        let mut i = start;
        while i < lines.len() {
            match &lines[i].kind {
                Kind::Bullet(_, indent, content) => {
                    if *indent > base_indent {
                        depth = depth.max(1 + ((*indent - base_indent) / 2).min(8) as u8);
                    }
                    // A bullet whose content is itself a bullet (`* * [x](y)`):
                    // take the innermost content.
                    let mut content: &str = content;
                    while let Some((_, inner)) = bullet(content) {
                        content = inner;
                    }
                    let inl = inline::strip(content);
                    merge(&mut acc, &inl);
                    if inl.text.is_empty() {
                        if inl.images > 0 {
                            self.dropped_markup(&lines[i], &inl);
                        }
                    } else {
                        items.push(split_label(&inl.text));
                    }
                    i += 1;
                }
                // An indented text line continues the item above it.
                Kind::Text(indent, content) if *indent > base_indent && !items.is_empty() => {
                    let inl = inline::strip(content);
                    merge(&mut acc, &inl);
                    if let Some(last) = items.last_mut().filter(|_| !inl.text.is_empty()) {
                        if !last.text.is_empty() {
                            last.text.push(' ');
                        }
                        last.text.push_str(&inl.text);
                    }
                    i += 1;
                }
                // A blank line inside a list continues it when the next line is
                // another item at the same or deeper indentation.
                Kind::Blank => {
                    let next = lines[i..].iter().position(|l| l.kind != Kind::Blank);
                    match next.map(|n| &lines[i + n].kind) {
                        Some(Kind::Bullet(o, ind, _)) if *o == ordered && *ind >= base_indent => {
                            i += next.unwrap_or(0);
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        if !items.is_empty() {
            let o = origin(&lines[start], &acc, depth, false);
            self.doc.push(Block::List { ordered, items }, o);
        }
        i
    }

    fn pipe_table(&mut self, lines: &[Line<'_>], start: usize) -> usize {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut i = start;
        while let Some(Kind::PipeRow(row)) = lines.get(i).map(|l| &l.kind) {
            if !is_delimiter_row(row) {
                rows.push(pipe_cells(row));
            }
            i += 1;
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let o = Origin {
            line: lines[start].number,
            chars: rows
                .iter()
                .flatten()
                .map(|c| c.chars().count() as u32)
                .sum(),
            explicit: true,
            ..Default::default()
        };
        // A table names two columns or more and fills two cells in a row at
        // least; stray bars around a symbol (`█|||`, `|[`) make no table.
        let filled = |r: &Vec<String>| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2;
        if rows.len() >= 2 && width >= 2 && filled(&rows[0]) && rows[1..].iter().any(filled) {
            let header = rows.remove(0);
            let rows = rows
                .into_iter()
                .filter(|r| r.iter().any(|c| !c.is_empty()))
                .collect();
            self.doc
                .push(Block::Table(Table::new(None, header, rows)), o);
        } else {
            // Not a table after all: the lines stay as they were written.
            let text = lines[start..i]
                .iter()
                .map(|l| inline::strip(l.raw).text)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            if !text.is_empty() {
                self.doc.push(Block::Paragraph { text }, o);
            }
        }
        i
    }

    /// A run of text lines up to the next blank line or marked-up line.
    fn text_run(&mut self, lines: &[Line<'_>], start: usize) -> usize {
        let mut end = start;
        while end < lines.len() && matches!(lines[end].kind, Kind::Text(..)) {
            end += 1;
        }
        let run: Vec<(&Line<'_>, Inline)> = lines[start..end]
            .iter()
            .filter_map(|l| {
                let Kind::Text(_, content) = l.kind else {
                    return None;
                };
                let inl = inline::strip(content);
                if inl.text.is_empty() {
                    self.dropped_markup(l, &inl);
                    None
                } else if inl.is_image_caption() {
                    self.dropped(l.raw.trim(), "image caption");
                    None
                } else {
                    Some((l, inl))
                }
            })
            .collect();
        if run.is_empty() {
            return end;
        }
        let next_is_content = lines[end..]
            .iter()
            .find(|l| l.kind != Kind::Blank)
            .is_some_and(|l| !matches!(l.kind, Kind::Rule | Kind::Heading(..)));
        if run.len() >= 2 && is_wrapped_prose(&run) {
            let mut acc = Inline::default();
            let mut text = String::new();
            for (_, inl) in &run {
                merge(&mut acc, inl);
                join_wrapped(&mut text, &inl.text);
            }
            let o = origin(run[0].0, &acc, 0, false);
            self.doc.push(Block::Paragraph { text }, o);
        } else if run.len() >= 3 {
            // Three or more short lines in a row: possibly a table whose
            // separators were lost. Kept together for the tables pass.
            let mut acc = Inline::default();
            let mut parts = Vec::with_capacity(run.len());
            for (_, inl) in &run {
                merge(&mut acc, inl);
                parts.push(inl.text.as_str());
            }
            let o = origin(run[0].0, &acc, 0, false);
            self.doc.push(
                Block::Lines {
                    text: parts.join("\n"),
                },
                o,
            );
        } else {
            for (k, (line, inl)) in run.iter().enumerate() {
                let follows = k + 1 < run.len() || next_is_content;
                let o = origin(line, inl, 0, false);
                let block = if follows && looks_like_heading(&inl.text) {
                    Block::Heading {
                        level: 2,
                        text: inl.text.clone(),
                    }
                } else {
                    Block::Paragraph {
                        text: inl.text.clone(),
                    }
                };
                self.doc.push(block, o);
            }
        }
        end
    }
}

fn merge(acc: &mut Inline, inl: &Inline) {
    acc.link_chars += inl.link_chars;
    acc.links = acc.links.saturating_add(inl.links);
    acc.images = acc.images.saturating_add(inl.images);
    acc.text.push_str(&inl.text);
}

fn origin(line: &Line<'_>, inl: &Inline, depth: u8, explicit: bool) -> Origin {
    Origin {
        line: line.number,
        link_chars: inl.link_chars,
        chars: crate::text::count_visible_chars(&inl.text) as u32,
        links: inl.links,
        images: inl.images,
        depth,
        explicit,
    }
}

/// Appends a wrapped line to a paragraph. A line ending in a hyphen keeps it
/// and gets a space like any other: whether `counter-` + `terrorism` was one
/// word cannot be told from the break alone, and dropping text loses it.
fn join_wrapped(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

/// True when a run of lines is one paragraph hard-wrapped at a fixed width:
/// every line but the last is long and close to the longest, most of them
/// break mid-sentence, and most continuation lines start in lowercase.
fn is_wrapped_prose(run: &[(&Line<'_>, Inline)]) -> bool {
    let lens: Vec<usize> = run.iter().map(|(_, i)| i.text.chars().count()).collect();
    let max = *lens.iter().max().unwrap_or(&0);
    if !(40..=120).contains(&max) {
        return false;
    }
    let body = &run[..run.len() - 1];
    let all_long = body
        .iter()
        .all(|(_, i)| i.text.chars().count() * 10 >= max * 7);
    let mid_sentence = body
        .iter()
        .filter(|(_, i)| !i.text.ends_with(['.', '!', '?', ':', '"', '\u{201d}']))
        .count();
    // Continuation lines of wrapped prose mostly start mid-sentence, in
    // lowercase; rows of a table that lost its separators start with a capital
    // or a digit, line after line.
    // A lowercased name (`kenya`, `india`) opening a row is a slip, not a
    // sentence running on.
    let lowercase_starts = run[1..]
        .iter()
        .filter(|(_, i)| {
            i.text.chars().next().is_some_and(char::is_lowercase)
                && !i.text.split_whitespace().next().is_some_and(|w| {
                    crate::lexicon::proper_nouns::is_proper_noun(
                        w.trim_end_matches(|c: char| !c.is_alphanumeric()),
                    )
                })
        })
        .count();
    all_long && mid_sentence * 2 > body.len() && lowercase_starts * 2 >= run.len() - 1
}

/// A line reads as a heading when it is short, starts with a capital or a
/// digit, holds letters, and does not end like a sentence or a lead-in.
pub fn looks_like_heading(text: &str) -> bool {
    const MAX_WORDS: usize = 14;
    const MAX_CHARS: usize = 110;
    // Every line of a dump is asked: a line too long in bytes for any
    // count of characters to pass (four bytes at most to one) is not read,
    // and words are counted only until there are too many.
    if text.len() > 4 * MAX_CHARS {
        return false;
    }
    let words = crate::text::count_words(text, MAX_WORDS + 1);
    if words == 0 || words > MAX_WORDS || text.chars().count() > MAX_CHARS {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    // A title-case line whose first letter was lowercased
    // (`international Cooperation in the Fight Against Crime`) is still one.
    let lowered_title = first.is_lowercase()
        && text
            .split_once(' ')
            .is_some_and(|(_, rest)| is_title_case(rest) && !rest.ends_with('?'));
    if !(first.is_uppercase() || first.is_ascii_digit() || lowered_title) {
        return false;
    }
    // A question is a heading only in title case ("What Do Critics Say?").
    if text.ends_with('?') && !is_title_case(text) {
        return false;
    }
    if text.ends_with(['.', '!', ':', ';', ',', '…']) || text.ends_with("...") {
        return false;
    }
    if !text.chars().any(char::is_alphabetic) {
        return false;
    }
    // A heading is mostly words, not numbers or symbols.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters * 2 > crate::text::count_visible_chars(text)
}

/// True when every word of three or more letters starts with a capital
/// (short words such as `of`, `the`, `and` may stay lowercase), and there
/// are at least three such words.
fn is_title_case(text: &str) -> bool {
    let mut long = 0;
    for w in text.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 {
            continue;
        }
        long += 1;
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    long >= 2
}

/// Splits `Label: description` into a labelled item when the part before the
/// first `: ` is short, starts with a letter, and holds no sentence punctuation
/// (so "He said: yes" with a long lead-in, "10:30" and URLs are left whole).
pub fn split_label(text: &str) -> ListItem {
    if let Some(at) = text.find(": ") {
        let label = text[..at].trim();
        let rest = text[at + 2..].trim();
        let words = label.split_whitespace().count();
        let ok = (1..=6).contains(&words)
            && label.chars().count() <= 60
            && label.chars().next().is_some_and(char::is_alphabetic)
            && !label.contains(['.', '!', '?', ';', ',', '"', '\u{201c}', '(', ')'])
            && !rest.is_empty();
        if ok {
            return ListItem {
                label: Some(label.to_string()),
                text: rest.to_string(),
            };
        }
    }
    ListItem::plain(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        ingest(text, &Options::default()).unwrap().blocks().to_vec()
    }

    #[test]
    fn headings_paragraphs_and_labelled_lists() {
        let b = blocks(
            "Field Notes From the Coast\n\nThe tide came in early.\nWhat we saw:\n\n  • Birds: Hundreds of terns.\n  • Weather: Cold and bright.\n  • A plain item\n",
        );
        assert_eq!(
            b[0],
            Block::Heading {
                level: 2,
                text: "Field Notes From the Coast".into()
            }
        );
        assert_eq!(
            b[1],
            Block::Paragraph {
                text: "The tide came in early.".into()
            }
        );
        assert_eq!(
            b[2],
            Block::Paragraph {
                text: "What we saw:".into()
            }
        );
        let Block::List { ordered, items } = &b[3] else {
            panic!("{:?}", b[3])
        };
        assert!(!ordered);
        assert_eq!(items[0].label.as_deref(), Some("Birds"));
        assert_eq!(items[0].text, "Hundreds of terns.");
        assert_eq!(items[2], ListItem::plain("A plain item"));
    }

    #[test]
    fn rows_of_bullet_marks_are_separators() {
        let doc = ingest("• • • • •\n\nBody text here.\n", &Options::default()).unwrap();
        assert_eq!(
            doc.blocks(),
            vec![Block::Paragraph {
                text: "Body text here.".into()
            }]
        );
        assert_eq!(doc.removed[0].reason, "separator");
        assert!(matches!(&blocks("• one\n• two\n")[0], Block::List { .. }));
    }

    #[test]
    fn title_case_questions_are_headings() {
        let b = blocks(
            "What Do Critics Say About It?\n\nThey disagree.\n\nWhy did the plan fail?\n\nNobody knows.\n",
        );
        assert!(matches!(&b[0], Block::Heading { .. }), "{:?}", b[0]);
        assert!(matches!(&b[2], Block::Paragraph { .. }), "{:?}", b[2]);
        let b = blocks(
            "public Support for the New Rail Link\n\nIt grew.\n\nbased on the new rail link\n\nIt grew.\n",
        );
        assert!(matches!(&b[0], Block::Heading { .. }), "{:?}", b[0]);
        assert!(matches!(&b[2], Block::Paragraph { .. }), "{:?}", b[2]);
    }

    #[test]
    fn numbered_lists_and_markdown_headings() {
        let b = blocks("## Steps\n\n1. Mix the flour.\n2) Bake it.\n");
        assert_eq!(
            b[0],
            Block::Heading {
                level: 2,
                text: "Steps".into()
            }
        );
        assert!(matches!(&b[1], Block::List { ordered: true, items } if items.len() == 2));
    }

    #[test]
    fn three_short_lines_are_kept_together() {
        let b = blocks("Intro line that ends here.\n\nName Age\nAnna 31\nBen 42\n");
        assert_eq!(
            b[1],
            Block::Lines {
                text: "Name Age\nAnna 31\nBen 42".into()
            }
        );
    }

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let b = blocks(
            "The river rose through the night and by morning the lower\nstreets were under water, which nobody in the town had seen\nsince the great flood.\n",
        );
        assert_eq!(b.len(), 1);
        assert!(matches!(&b[0], Block::Paragraph { text } if text.contains("lower streets")));
    }

    #[test]
    fn markdown_links_images_and_rules() {
        let doc = ingest(
            "![x](a.png)\n\n* * *\n\nRead [the story](https://e.org/s).\n",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(
            doc.blocks(),
            vec![Block::Paragraph {
                text: "Read the story.".into()
            }]
        );
        assert_eq!(doc.removed.len(), 2);
        assert_eq!(doc.origin(0).link_chars, 8);
    }

    #[test]
    fn links_over_several_lines_leave_no_markup() {
        let doc = ingest(
            "[ A Title Over Lines\n\nA summary of the story.\n\nMay 3 ](https://e.org/s)\n\nBody text here.\n",
            &Options::default(),
        )
        .unwrap();
        let text = doc.text();
        assert!(!text.contains("](") && !text.contains('['), "{text}");
        assert!(text.contains("A summary of the story."));
        assert!(doc.origin(1).link_density() > 0.9);
        assert_eq!(doc.origin(doc.blocks().len() - 1).link_chars, 0);
    }

    #[test]
    fn pipe_tables_become_tables() {
        let b = blocks("Name | Age\n---|---\nAnna | 31\nBen | 42\n");
        let Block::Table(t) = &b[0] else { panic!() };
        assert_eq!(t.columns, ["Name", "Age"]);
        assert_eq!(t.rows, vec![vec!["Anna", "31"], vec!["Ben", "42"]]);
    }

    #[test]
    fn labels_need_a_short_clean_lead_in() {
        assert_eq!(split_label("Meeting at 10:30 today").label, None);
        assert_eq!(
            split_label("He told the committee, at length: no").label,
            None
        );
        assert_eq!(
            split_label("Key Point: it works").label.as_deref(),
            Some("Key Point")
        );
    }
}
