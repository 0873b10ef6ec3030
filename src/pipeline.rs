//! Passes and the pipeline that runs them.
//!
//! A [`Pass`] changes a [`Document`] only through the [`PassContext`] the
//! pipeline hands it: the context applies each change (a fix in a text, a
//! block replaced, split or removed, a line cut, the title or language set)
//! and records it, stamped with the pass's name. So the log cannot drift
//! from what happened.

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::document::{Block, BlockId, Document, Edit, Origin, Place, Removed, TextRole};
use crate::error::{Error, ErrorKind, Result};
use crate::options::Options;

/// One step of cleaning.
///
/// ```
/// use pristine::{Pass, PassContext, Pipeline, TextRole};
///
/// /// Replaces "colour" by "color" in paragraphs.
/// struct American;
/// impl Pass for American {
///     fn name(&self) -> &str { "american" }
///     fn run(&self, cx: &mut PassContext<'_>) {
///         cx.fix_texts(|_block, role, text| {
///             if role != TextRole::Paragraph {
///                 return Vec::new();
///             }
///             text.match_indices("colour")
///                 .map(|(at, w)| pristine::Fix::new(at..at + w.len(), "color"))
///                 .collect()
///         });
///     }
/// }
///
/// let pipeline = Pipeline::default().with_pass(American);
/// let doc = pipeline.clean_text("The colour of the sky.").unwrap();
/// assert!(doc.text().contains("The color of the sky."));
/// assert!(doc.edits.iter().any(|e| e.pass == "american" && e.after == "color"));
/// ```
pub trait Pass: Send + Sync {
    /// The pass's name, used by `--skip` and in the logs.
    fn name(&self) -> &str;

    /// One line saying what the pass does (for `--list-passes`).
    fn description(&self) -> &str {
        ""
    }

    /// The languages (ISO 639-1) the pass is written for, or `None` when it
    /// is language-neutral. The pipeline runs a language-specific pass only on
    /// documents detected as one of these languages.
    fn languages(&self) -> Option<&[&str]> {
        None
    }

    /// The passes this one needs to have run before it (by name). A
    /// language-specific pass needs `language` unless the caller forces the
    /// language in [`Options::language`]; see [`Pipeline::unmet_needs`].
    fn requires(&self) -> &[&str] {
        if self.languages().is_some() {
            &["language"]
        } else {
            &[]
        }
    }

    /// Reads the document through `cx` and changes it through `cx`, which
    /// records every change.
    fn run(&self, cx: &mut PassContext<'_>);
}

/// One replacement in a string: the byte range `range` becomes `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Byte range in the text as it was before any of the fixes.
    pub range: std::ops::Range<usize>,
    /// What replaces it.
    pub replacement: String,
}

impl Fix {
    /// A fix replacing `range` by `replacement`.
    pub fn new(range: std::ops::Range<usize>, replacement: impl Into<String>) -> Self {
        Fix {
            range,
            replacement: replacement.into(),
        }
    }
}

/// A pass's only handle on the document: it reads the document through
/// [`PassContext::doc`] and changes it through the context's methods, each
/// of which records what it did. So the log cannot drift from the document.
pub struct PassContext<'a> {
    doc: &'a mut Document,
    log: Log,
    corpus: Option<&'a Corpus>,
    options: &'a Options,
}

/// The records one pass made, stamped with its name.
struct Log {
    pass: String,
    edits: Vec<Edit>,
    removed: Vec<Removed>,
}

impl Log {
    fn edit(&mut self, block: BlockId, before: String, after: String) {
        self.edits.push(Edit {
            pass: self.pass.clone(),
            block,
            before,
            after,
        });
    }

    fn removal(&mut self, text: String, reason: String, place: Place) {
        self.removed.push(Removed {
            pass: self.pass.clone(),
            text,
            reason,
            place,
        });
    }

    /// Applies non-overlapping `fixes` (ranges into `text` as it is now) to
    /// `text`, in block `block`, recording each one. Each record shows the
    /// whole white-space-delimited stretch the fix touched, so an inserted
    /// space reads `fear,destabilizing` → `fear, destabilizing`.
    ///
    /// Fixes that overlap an earlier one, fall outside the text or off a
    /// character boundary, or change nothing are ignored.
    fn apply_fixes(&mut self, block: BlockId, text: &mut String, mut fixes: Vec<Fix>) {
        if fixes.is_empty() {
            return;
        }
        fixes.sort_by_key(|f| (f.range.start, f.range.end));
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for fix in fixes {
            let r = fix.range.clone();
            if r.start < last
                || r.end > text.len()
                || r.start > r.end
                || !text.is_char_boundary(r.start)
                || !text.is_char_boundary(r.end)
                || text[r.clone()] == fix.replacement
            {
                continue;
            }
            let (lo, hi) = word_span(text, r.start, r.end);
            // The logged span may reach back into text already copied (and
            // possibly changed by an earlier fix): log from the later of the two.
            let lo = lo.max(last);
            let before = text[lo..hi].to_string();
            let after = format!(
                "{}{}{}",
                &text[lo..r.start],
                fix.replacement,
                &text[r.end..hi]
            );
            out.push_str(&text[last..r.start]);
            out.push_str(&fix.replacement);
            last = r.end;
            self.edit(block, before, after);
        }
        out.push_str(&text[last..]);
        *text = out;
    }

    /// Replaces the whole of `text` by `new`, recording the change as the
    /// smallest differing stretch (widened to white space).
    fn set_text(&mut self, block: BlockId, text: &mut String, new: String) {
        if *text == new {
            return;
        }
        let prefix = text
            .char_indices()
            .zip(new.chars())
            .find(|((_, a), b)| a != b)
            .map(|((i, _), _)| i)
            .unwrap_or(text.len().min(new.len()));
        let prefix = floor_boundary(text, prefix.min(new.len())).min(floor_boundary(&new, prefix));
        let suffix = common_suffix(&text[prefix..], &new[prefix..]);
        let (lo, hi) = word_span(text, prefix, text.len() - suffix);
        let new_hi = new.len() - (text.len() - hi);
        let before = text[lo..hi].to_string();
        let after = new[lo..new_hi].to_string();
        self.edit(block, before, after);
        *text = new;
    }
}

impl<'a> PassContext<'a> {
    fn new(
        pass: &str,
        doc: &'a mut Document,
        corpus: Option<&'a Corpus>,
        options: &'a Options,
    ) -> Self {
        PassContext {
            doc,
            log: Log {
                pass: pass.to_string(),
                edits: Vec::new(),
                removed: Vec::new(),
            },
            corpus,
            options,
        }
    }

    /// The document as it is now.
    pub fn doc(&self) -> &Document {
        self.doc
    }

    /// The id of block `index`, if there is one.
    fn id_of(&self, index: usize) -> Option<BlockId> {
        (index < self.doc.blocks().len()).then(|| self.doc.block_id(index))
    }

    /// What was learned from the batch this document belongs to, if any.
    pub fn corpus(&self) -> Option<&'a Corpus> {
        self.corpus
    }

    /// The run's options.
    pub fn options(&self) -> &'a Options {
        self.options
    }

    /// Visits every piece of text of every block (with the block's index
    /// and the text's role, in [`Block::for_each_text`] order) and applies
    /// the fixes `fixes_for` returns, recording each one; see [`Fix`].
    /// Fixes that overlap an earlier one, fall outside the text or off a
    /// character boundary, or change nothing are ignored.
    pub fn fix_texts(&mut self, mut fixes_for: impl FnMut(usize, TextRole, &str) -> Vec<Fix>) {
        let log = &mut self.log;
        for (i, (id, block)) in self.doc.blocks_with_ids_mut().enumerate() {
            block.for_each_text_mut(|role, text| {
                let fixes = fixes_for(i, role, text);
                log.apply_fixes(id, text, fixes);
            });
        }
    }

    /// Like [`PassContext::fix_texts`] for changes made to a text as a
    /// whole: `rewrite` returns the new text, or `None` to leave it; the
    /// record shows the smallest stretch that differs.
    pub fn rewrite_texts(
        &mut self,
        mut rewrite: impl FnMut(usize, TextRole, &str) -> Option<String>,
    ) {
        let log = &mut self.log;
        for (i, (id, block)) in self.doc.blocks_with_ids_mut().enumerate() {
            block.for_each_text_mut(|role, text| {
                if let Some(new) = rewrite(i, role, text) {
                    log.set_text(id, text, new);
                }
            });
        }
    }

    /// Replaces block `index` by `block` (a paragraph rebuilt as a table,
    /// say), recording the change with both blocks' plain text. The block
    /// keeps its id and origin.
    pub fn replace_block(&mut self, index: usize, block: Block) {
        let Some(id) = self.id_of(index) else {
            return;
        };
        let Some(old) = self.doc.block_mut(index) else {
            return;
        };
        if *old == block {
            return;
        }
        let before = old.plain_text();
        let block = block.canonical();
        let after = block.plain_text();
        *old = block;
        self.log.edit(id, before, after);
    }

    /// Splits block `index` into `pieces` (each with its origin) whose
    /// text together is the block's own: a cut that changes no text, so it
    /// is not an edit. The first piece keeps the block's id. Returns the
    /// pieces' ids; nothing happens (and nothing is returned) when the
    /// pieces' words are not the block's.
    pub fn split_block(&mut self, index: usize, pieces: Vec<(Block, Origin)>) -> Vec<BlockId> {
        let Some(old) = self.doc.blocks().get(index) else {
            return Vec::new();
        };
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let joined: String = pieces
            .iter()
            .map(|(b, _)| b.plain_text())
            .collect::<Vec<_>>()
            .join("\n");
        if pieces.is_empty() || words(&joined) != words(&old.plain_text()) {
            return Vec::new();
        }
        self.doc.split(index, pieces)
    }

    /// Drops every block for which `judge` returns a reason, recording each
    /// with its text, that reason and the block that followed it.
    pub fn remove_blocks(
        &mut self,
        mut judge: impl FnMut(usize, &Block, &Document) -> Option<String>,
    ) {
        let doc: &Document = self.doc;
        let verdicts: Vec<Option<String>> = doc
            .blocks()
            .iter()
            .enumerate()
            .map(|(i, b)| judge(i, b, doc))
            .collect();
        if verdicts.iter().all(Option::is_none) {
            return;
        }
        let log = &mut self.log;
        // `retain` hands the dropped blocks over in order: their reasons
        // follow in the same order.
        let mut reasons = verdicts.iter().flatten();
        self.doc.retain(
            |i| verdicts[i].is_none(),
            |block, id, next| {
                let reason = reasons.next().cloned().unwrap_or_default();
                log.removal(block.plain_text(), reason, Place::Block { id, next });
            },
        );
    }

    /// Removes the lines of the multi-line paragraph at `index` for which
    /// `judge` returns a reason, recording each line where it stood. When
    /// every line would go, the block is left as it is (a whole block goes
    /// through [`PassContext::remove_blocks`], as one removal).
    pub fn remove_lines(&mut self, index: usize, mut judge: impl FnMut(&str) -> Option<String>) {
        let Some(id) = self.id_of(index) else {
            return;
        };
        let Some(Block::Lines { text }) = self.doc.block_mut(index) else {
            return;
        };
        let verdicts: Vec<Option<String>> = text.split('\n').map(&mut judge).collect();
        if verdicts.iter().all(Option::is_none) || verdicts.iter().all(Option::is_some) {
            return;
        }
        let mut kept = Vec::with_capacity(verdicts.len());
        for (line, verdict) in text.split('\n').zip(verdicts) {
            match verdict {
                Some(reason) => self
                    .log
                    .removal(line.to_string(), reason, Place::Within(id)),
                None => kept.push(line),
            }
        }
        *text = kept.join("\n");
        // Lines cut down to one are a paragraph again.
        if let Some(block) = self.doc.block_mut(index)
            && matches!(block, Block::Lines { text } if !text.contains('\n'))
        {
            *block = std::mem::replace(
                block,
                Block::Paragraph {
                    text: String::new(),
                },
            )
            .canonical();
        }
    }

    /// Sets the document's title (taken from a block the pass removes with
    /// the reason `title`, say).
    pub fn set_title(&mut self, title: Option<String>) {
        self.doc.meta.title = title;
    }

    /// Sets the document's language (ISO 639-1 where one exists).
    pub fn set_language(&mut self, language: Option<String>) {
        self.doc.meta.language = language;
    }
}

/// The byte span around `start..end` widened to the enclosing white space.
fn word_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let lo = text[..start]
        .rfind(char::is_whitespace)
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let hi = text[end..]
        .find(char::is_whitespace)
        .map(|i| end + i)
        .unwrap_or(text.len());
    // An edit that only inserts or deletes white space between two words
    // still shows both words.
    let (lo, hi) = if lo >= hi || text[lo..hi].trim().is_empty() {
        let lo2 = text[..lo.min(text.len())]
            .trim_end()
            .rfind(char::is_whitespace)
            .map(|i| i + 1)
            .unwrap_or(0);
        (lo2.min(lo), hi)
    } else {
        (lo, hi)
    };
    (lo, hi.max(lo))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// An ordered list of named passes, each of which can be switched off.
#[derive(Clone)]
pub struct Pipeline {
    passes: Vec<(Arc<dyn Pass>, bool)>,
    options: Options,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("passes", &self.pass_names())
            .field("enabled", &self.enabled_names())
            .finish()
    }
}

impl Pipeline {
    /// A pipeline with no passes (ingest and render only).
    pub fn empty() -> Self {
        Pipeline {
            passes: Vec::new(),
            options: Options::default(),
        }
    }

    /// Replaces the options.
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Appends a pass written by the caller; it runs after the others.
    pub fn with_pass(mut self, pass: impl Pass + 'static) -> Self {
        self.passes.push((Arc::new(pass), true));
        self
    }

    /// Appends a shared pass, switched on.
    pub fn with_shared_pass(mut self, pass: Arc<dyn Pass>) -> Self {
        self.passes.push((pass, true));
        self
    }

    /// Inserts a pass just before the pass named `before`.
    pub fn insert_before(&mut self, before: &str, pass: impl Pass + 'static) -> Result<()> {
        let at = self.position(before)?;
        self.passes.insert(at, (Arc::new(pass), true));
        Ok(())
    }

    /// Switches the pass named `name` off. An unknown name is an error, so a
    /// typo in `--skip` never passes silently.
    pub fn disable(&mut self, name: &str) -> Result<()> {
        let at = self.position(name)?;
        self.passes[at].1 = false;
        Ok(())
    }

    /// Switches the pass named `name` back on.
    pub fn enable(&mut self, name: &str) -> Result<()> {
        let at = self.position(name)?;
        self.passes[at].1 = true;
        Ok(())
    }

    /// Builder form of [`Pipeline::disable`].
    pub fn without(mut self, name: &str) -> Result<Self> {
        self.disable(name)?;
        Ok(self)
    }

    fn position(&self, name: &str) -> Result<usize> {
        self.passes
            .iter()
            .position(|(p, _)| p.name() == name)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::UnknownPass,
                    format!(
                        "no pass named {name:?} (passes: {})",
                        self.pass_names().join(", ")
                    ),
                )
            })
    }

    /// Every pass's name, in order.
    pub fn pass_names(&self) -> Vec<&str> {
        self.passes.iter().map(|(p, _)| p.name()).collect()
    }

    /// The names of the passes that are on, in order.
    pub fn enabled_names(&self) -> Vec<&str> {
        self.passes
            .iter()
            .filter(|(_, on)| *on)
            .map(|(p, _)| p.name())
            .collect()
    }

    /// `(pass, needed)` for every enabled pass whose needed pass is switched
    /// off or absent, so a caller can say that the pass will not do its
    /// work (a language-specific pass skips every document whose language
    /// was not detected). A forced [`Options::language`] stands in for the
    /// `language` pass.
    pub fn unmet_needs(&self) -> Vec<(String, String)> {
        let on: Vec<&str> = self
            .passes
            .iter()
            .filter(|(_, on)| *on)
            .map(|(p, _)| p.name())
            .collect();
        let mut out = Vec::new();
        for (p, enabled) in &self.passes {
            if !enabled {
                continue;
            }
            for need in p.requires() {
                let forced = *need == "language" && self.options.language.is_some();
                if !forced && !on.contains(need) {
                    out.push((p.name().to_string(), need.to_string()));
                }
            }
        }
        out
    }

    /// `(name, description, on)` for every pass, in order.
    pub fn describe(&self) -> Vec<(String, String, bool)> {
        self.passes
            .iter()
            .map(|(p, on)| (p.name().to_string(), p.description().to_string(), *on))
            .collect()
    }

    /// Runs the enabled passes over `doc` in order.
    pub fn run(&self, doc: &mut Document) {
        self.run_in_batch(doc, None);
    }

    /// Runs the enabled passes with what was learned from the batch `doc`
    /// belongs to (folder-level boilerplate, casing, vocabulary).
    pub fn run_in_batch(&self, doc: &mut Document, corpus: Option<&Corpus>) {
        // Without a start time there is no budget to spend.
        let _ = self.run_passes(doc, corpus, None);
    }

    /// Like [`Pipeline::run_in_batch`], within the options' time budget
    /// counted from `started` (when the document began to be read): a
    /// document still unfinished after a pass once the budget is spent is an
    /// error of kind [`crate::ErrorKind::TimeBudget`].
    pub fn run_within(
        &self,
        doc: &mut Document,
        corpus: Option<&Corpus>,
        started: std::time::Instant,
    ) -> Result<()> {
        self.run_passes(doc, corpus, self.options.time_budget.map(|b| (started, b)))
    }

    fn run_passes(
        &self,
        doc: &mut Document,
        corpus: Option<&Corpus>,
        budget: Option<(std::time::Instant, std::time::Duration)>,
    ) -> Result<()> {
        for (pass, on) in &self.passes {
            if let Some((started, limit)) = budget {
                let spent = started.elapsed();
                if spent > limit {
                    return Err(crate::error::Error::new(
                        crate::error::ErrorKind::TimeBudget,
                        format!(
                            "still unfinished after {:.1} s, before the {} pass (budget {:.1} s)",
                            spent.as_secs_f64(),
                            pass.name(),
                            limit.as_secs_f64()
                        ),
                    ));
                }
            }
            if !on {
                continue;
            }
            if let Some(langs) = pass.languages() {
                let language = doc
                    .meta
                    .language
                    .as_deref()
                    .or(self.options.language.as_deref());
                match language {
                    Some(l) if langs.contains(&l) => {}
                    _ => continue,
                }
            }
            let mut cx = PassContext::new(pass.name(), doc, corpus, &self.options);
            pass.run(&mut cx);
            let mut log = cx.log;
            doc.edits.append(&mut log.edits);
            doc.removed.append(&mut log.removed);
            doc.mark_run(pass.name());
            #[cfg(debug_assertions)]
            check_invariants(doc, pass.name());
        }
        Ok(())
    }

    /// Reads an HTML page (bytes in any encoding) and cleans it.
    pub fn clean_html_bytes(&self, bytes: &[u8]) -> Result<Document> {
        let mut doc = crate::ingest::html::ingest_bytes(bytes, &self.options)?;
        self.run(&mut doc);
        Ok(doc)
    }

    /// Reads an HTML page already decoded and cleans it.
    pub fn clean_html(&self, html: &str) -> Result<Document> {
        let mut doc = crate::ingest::html::ingest_str(html, &self.options)?;
        self.run(&mut doc);
        Ok(doc)
    }

    /// Reads a plain-text dump and cleans it.
    pub fn clean_text(&self, text: &str) -> Result<Document> {
        let mut doc = crate::ingest::text::ingest(text, &self.options)?;
        self.run(&mut doc);
        Ok(doc)
    }
}

/// Checks what every pass must leave true; a broken invariant is a bug in
/// the pass named, so it panics in debug builds only.
#[cfg(debug_assertions)]
fn check_invariants(doc: &Document, pass: &str) {
    for (i, b) in doc.blocks().iter().enumerate() {
        match b {
            Block::Heading { level, .. } => {
                assert!(
                    (1..=6).contains(level),
                    "{pass}: heading level {level} in block {i}"
                )
            }
            Block::Paragraph { text } => {
                assert!(!text.trim().is_empty(), "{pass}: empty paragraph {i}");
                assert!(
                    !text.contains('\n'),
                    "{pass}: paragraph {i} of several lines"
                );
            }
            Block::Lines { text } => {
                assert!(text.contains('\n'), "{pass}: lines {i} of one line")
            }
            Block::Table(t) => assert!(
                t.rows.iter().all(|r| r.len() == t.columns.len()),
                "{pass}: table {i} is not rectangular"
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log() -> Log {
        Log {
            pass: "t".into(),
            edits: Vec::new(),
            removed: Vec::new(),
        }
    }

    fn cx_apply(text: &str, fixes: Vec<Fix>) -> (String, Vec<(String, String)>) {
        let mut log = log();
        let mut s = text.to_string();
        log.apply_fixes(0, &mut s, fixes);
        (
            s,
            log.edits.into_iter().map(|e| (e.before, e.after)).collect(),
        )
    }

    #[test]
    fn passes_needing_an_absent_pass_are_named() {
        let mut p = Pipeline::default();
        assert!(p.unmet_needs().is_empty());
        p.disable("language").unwrap();
        let unmet = p.unmet_needs();
        assert!(
            unmet
                .iter()
                .any(|(pass, need)| pass == "casing" && need == "language")
        );
        let forced = p.clone().with_options(Options {
            language: Some("en".into()),
            ..Options::default()
        });
        assert!(forced.unmet_needs().is_empty());
    }

    #[test]
    fn insertion_is_logged_with_its_words() {
        let (s, log) = cx_apply(
            "a climate of fear,destabilizing x",
            vec![Fix::new(18..18, " ")],
        );
        assert_eq!(s, "a climate of fear, destabilizing x");
        assert_eq!(
            log,
            [("fear,destabilizing".into(), "fear, destabilizing".into())]
        );
    }

    #[test]
    fn several_fixes_apply_in_offset_order() {
        let (s, log) = cx_apply(
            "wiht an exmaple",
            vec![Fix::new(8..15, "example"), Fix::new(0..4, "with")],
        );
        assert_eq!(s, "with an example");
        assert_eq!(log.len(), 2);
        assert_eq!(log[0], ("wiht".into(), "with".into()));
    }

    #[test]
    fn overlapping_and_bad_fixes_are_ignored() {
        let (s, log) = cx_apply(
            "héllo",
            vec![
                Fix::new(0..3, "x"),
                Fix::new(1..2, "y"),
                Fix::new(2..9, "z"),
            ],
        );
        assert_eq!(s, "xllo");
        assert_eq!(log.len(), 1);
    }

    #[test]
    fn space_deletion_shows_both_words() {
        let (s, log) = cx_apply("word , next", vec![Fix::new(4..5, "")]);
        assert_eq!(s, "word, next");
        assert_eq!(log, [("word ,".into(), "word,".into())]);
    }

    #[test]
    fn set_text_logs_the_changed_stretch() {
        let mut log = log();
        let mut s = "one two three".to_string();
        log.set_text(0, &mut s, "one too three".into());
        assert_eq!(log.edits[0].before, "two");
        assert_eq!(log.edits[0].after, "too");
    }

    /// A pass that removes blocks, splits one and fixes a word.
    struct Reshape;
    impl Pass for Reshape {
        fn name(&self) -> &str {
            "reshape"
        }
        fn run(&self, cx: &mut PassContext<'_>) {
            cx.remove_blocks(|_, b, _| (b.plain_text() == "drop me").then(|| "test".into()));
            let last = cx.doc().blocks().len() - 1;
            let origin = cx.doc().origin(last).clone();
            let ids = cx.split_block(
                last,
                vec![
                    (Block::Paragraph { text: "x y".into() }, origin.clone()),
                    (Block::Paragraph { text: "z".into() }, origin),
                ],
            );
            assert_eq!(ids.len(), 2);
            cx.fix_texts(|_, _, t| {
                t.find("keep")
                    .map(|at| vec![Fix::new(at..at + 4, "kept")])
                    .unwrap_or_default()
            });
        }
    }

    #[test]
    fn ids_survive_removals_and_splits_and_removals_know_their_place() {
        let mut doc = Document::new(crate::InputFormat::Text);
        for t in ["drop me", "keep", "drop me", "x y\nz"] {
            doc.push(Block::Paragraph { text: t.into() }, Origin::default());
        }
        Pipeline::empty().with_pass(Reshape).run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert_eq!(texts, ["kept", "x y", "z"]);
        // The edit names block 1 by id; it is now at index 0.
        assert_eq!(doc.edits[0].block, 1);
        assert_eq!(doc.index_of(1), Some(0));
        // The removals stood before "keep" (now 0) and before "x y" (now 1).
        let at: Vec<Option<usize>> = doc.removed.iter().map(|r| doc.position_of(r)).collect();
        assert_eq!(at, [Some(0), Some(1)]);
        // JSON says the same with indexes, and reads back to the same places.
        let json = serde_json::to_value(&doc).unwrap();
        assert_eq!(json["edits"][0]["block"], 0);
        assert_eq!(json["removed"][1]["at"], 1);
        let back: Document = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), json);
        assert!(doc.has_run("reshape"));
    }

    #[test]
    fn a_split_that_changes_words_is_refused() {
        struct Bad;
        impl Pass for Bad {
            fn name(&self) -> &str {
                "bad"
            }
            fn run(&self, cx: &mut PassContext<'_>) {
                let ids = cx.split_block(
                    0,
                    vec![(
                        Block::Paragraph {
                            text: "other".into(),
                        },
                        Origin::default(),
                    )],
                );
                assert!(ids.is_empty());
            }
        }
        let mut doc = Document::new(crate::InputFormat::Text);
        doc.push(Block::Paragraph { text: "one".into() }, Origin::default());
        Pipeline::empty().with_pass(Bad).run(&mut doc);
        assert_eq!(doc.blocks()[0].plain_text(), "one");
    }

    #[test]
    fn unknown_pass_is_an_error() {
        let mut p = Pipeline::default();
        let err = p.disable("no-such-pass").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownPass);
    }
}
