//! Passes and the pipeline that runs them.
//!
//! A [`Pass`] changes a [`Document`] in place. It never writes the document's
//! `edits` or `removed` logs itself: it goes through the [`PassContext`] the
//! pipeline hands it, which applies each change and records it, and the
//! pipeline stamps every record with the pass's name. So the log cannot drift
//! from what happened.

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::document::{Block, Document, Edit, Removed};
use crate::error::{Error, ErrorKind, Result};
use crate::options::Options;

/// One step of cleaning.
///
/// ```
/// use pristine::{Document, Pass, PassContext, Pipeline, Block, TextRole};
///
/// /// Replaces "colour" by "color" in paragraphs.
/// struct American;
/// impl Pass for American {
///     fn name(&self) -> &str { "american" }
///     fn run(&self, doc: &mut Document, cx: &mut PassContext<'_>) {
///         for (i, block) in doc.blocks.iter_mut().enumerate() {
///             block.for_each_text_mut(|role, text| {
///                 if role == TextRole::Paragraph {
///                     let fixes = text.match_indices("colour")
///                         .map(|(at, w)| pristine::Fix::new(at..at + w.len(), "color"))
///                         .collect();
///                     cx.apply_fixes(i, text, fixes);
///                 }
///             });
///         }
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

    /// Changes `doc` in place, recording every change through `cx`.
    fn run(&self, doc: &mut Document, cx: &mut PassContext<'_>);
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

/// What a pass sees besides the document: the shared log, the options and,
/// in a batch run, what was learned from the whole batch.
pub struct PassContext<'a> {
    edits: Vec<Edit>,
    removed: Vec<Removed>,
    pass: String,
    corpus: Option<&'a Corpus>,
    options: &'a Options,
}

impl<'a> PassContext<'a> {
    fn new(pass: &str, corpus: Option<&'a Corpus>, options: &'a Options) -> Self {
        PassContext {
            edits: Vec::new(),
            removed: Vec::new(),
            pass: pass.to_string(),
            corpus,
            options,
        }
    }

    /// What was learned from the batch this document belongs to, if any.
    pub fn corpus(&self) -> Option<&'a Corpus> {
        self.corpus
    }

    /// The run's options.
    pub fn options(&self) -> &'a Options {
        self.options
    }

    /// Applies non-overlapping `fixes` (ranges into `text` as it is now) to
    /// `text` in block `block`, and records each one. Each record shows the
    /// whole white-space-delimited stretch the fix touched, so an inserted
    /// space reads `fear,destabilizing` → `fear, destabilizing`.
    ///
    /// Fixes that overlap an earlier one, fall outside the text or off a
    /// character boundary, or change nothing are ignored.
    pub fn apply_fixes(&mut self, block: usize, text: &mut String, mut fixes: Vec<Fix>) {
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
            self.edits.push(Edit {
                pass: self.pass.clone(),
                block,
                before,
                after,
            });
        }
        out.push_str(&text[last..]);
        *text = out;
    }

    /// Replaces the whole of `text` by `new`, recording the change as the
    /// smallest differing stretch (widened to white space).
    pub fn set_text(&mut self, block: usize, text: &mut String, new: String) {
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
        self.edits.push(Edit {
            pass: self.pass.clone(),
            block,
            before,
            after,
        });
        *text = new;
    }

    /// Replaces block `index` of `doc` by `block` (a paragraph rebuilt as a
    /// table, say), recording the change with both blocks' plain text.
    pub fn replace_block(&mut self, doc: &mut Document, index: usize, block: Block) {
        let Some(old) = doc.blocks.get_mut(index) else {
            return;
        };
        if *old == block {
            return;
        }
        let before = old.plain_text();
        let after = block.plain_text();
        *old = block;
        self.edits.push(Edit {
            pass: self.pass.clone(),
            block: index,
            before,
            after,
        });
    }

    /// Drops every block for which `judge` returns a reason, recording each
    /// with its text and that reason; keeps block origins aligned.
    pub fn remove_blocks(
        &mut self,
        doc: &mut Document,
        mut judge: impl FnMut(usize, &Block, &Document) -> Option<String>,
    ) {
        let mut verdicts = Vec::with_capacity(doc.blocks.len());
        for (i, b) in doc.blocks.iter().enumerate() {
            verdicts.push(judge(i, b, doc));
        }
        if verdicts.iter().all(Option::is_none) {
            return;
        }
        doc.origins.resize(doc.blocks.len(), Default::default());
        let blocks = std::mem::take(&mut doc.blocks);
        let origins = std::mem::take(&mut doc.origins);
        for ((block, origin), verdict) in blocks.into_iter().zip(origins).zip(verdicts) {
            match verdict {
                Some(reason) => self.removed.push(Removed {
                    pass: self.pass.clone(),
                    text: block.plain_text(),
                    reason,
                }),
                None => {
                    doc.blocks.push(block);
                    doc.origins.push(origin);
                }
            }
        }
    }

    /// Records that `text` was dropped for `reason` (for text removed from
    /// inside a block; whole blocks go through [`PassContext::remove_blocks`]).
    pub fn note_removed(&mut self, text: impl Into<String>, reason: impl Into<String>) {
        self.removed.push(Removed {
            pass: self.pass.clone(),
            text: text.into(),
            reason: reason.into(),
        });
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
            let mut cx = PassContext::new(pass.name(), corpus, &self.options);
            pass.run(doc, &mut cx);
            doc.edits.append(&mut cx.edits);
            doc.removed.append(&mut cx.removed);
            doc.origins.resize(doc.blocks.len(), Default::default());
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
    for (i, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Heading { level, .. } => {
                assert!(
                    (1..=6).contains(level),
                    "{pass}: heading level {level} in block {i}"
                )
            }
            Block::Paragraph { text } => {
                assert!(!text.trim().is_empty(), "{pass}: empty paragraph {i}")
            }
            Block::Table(t) => assert!(
                t.rows.iter().all(|r| r.len() == t.columns.len()),
                "{pass}: table {i} is not rectangular"
            ),
            _ => {}
        }
    }
    assert_eq!(
        doc.blocks.len(),
        doc.origins.len(),
        "{pass}: origins drifted"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx_apply(text: &str, fixes: Vec<Fix>) -> (String, Vec<(String, String)>) {
        let opts = Options::default();
        let mut cx = PassContext::new("t", None, &opts);
        let mut s = text.to_string();
        cx.apply_fixes(0, &mut s, fixes);
        (
            s,
            cx.edits.into_iter().map(|e| (e.before, e.after)).collect(),
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
        let opts = Options::default();
        let mut cx = PassContext::new("t", None, &opts);
        let mut s = "one two three".to_string();
        cx.set_text(0, &mut s, "one too three".into());
        assert_eq!(cx.edits[0].before, "two");
        assert_eq!(cx.edits[0].after, "too");
    }

    #[test]
    fn unknown_pass_is_an_error() {
        let mut p = Pipeline::default();
        let err = p.disable("no-such-pass").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownPass);
    }
}
