//! Removing page chrome from a document: menus, share and subscribe
//! prompts, footers, comment sections, related-article lists, separators,
//! closing author biographies, and lines a folder's pages all repeat.
//!
//! For a text dump of a whole page, the article is found as a region: each
//! block is scored for how much it reads like article prose (see
//! `region`), the best-scoring contiguous run of blocks is the article
//! (on a page of many sections, the shortest run holding most of its
//! likely article text), and blocks outside it go. Inside it, blocks that
//! are chrome by their wording or their links go too. HTML documents already had their chrome
//! dropped by the HTML ingest, so only the wording rules apply to them.

internal_mod!(
    /// The fitted line classifier (its features are fitted offline).
    classifier
);
pub(crate) mod features;
mod marks;
mod memory;
pub(crate) mod region;
pub(crate) mod rules;

use crate::document::{Block, Document, InputFormat};
use crate::pipeline::{Pass, PassContext};
use features::Features;

/// Removes boilerplate blocks and lines, logging each with its reason.
pub struct Boilerplate;

/// A block whose text is mostly link text is navigation or a teaser when it
/// holds at least this share of link characters.
const LINK_LIST_DENSITY: f32 = 0.6;

/// A paragraph this long, ending like a sentence, is prose even if other
/// documents repeat it (a quoted statement), and is never dropped as
/// folder chrome.
const PROSE_MIN_WORDS: usize = 12;

/// A page with this many "Name says:" lines holds a comment thread.
const COMMENT_THREAD_COMMENTERS: usize = 3;

/// A page with this many comment-form headings ("Add a comment") has one
/// under each post: a forum's thread or a question with its answers.
const COMMENT_FORMS_PER_POST: usize = 3;

/// A commenter's name, on a line of its own, has at most this many words.
const COMMENTER_NAME_WORDS: usize = 5;

/// A heading recurring across a site's pages is its chrome only from this
/// many words on.
const REPEATED_HEADING_MIN_WORDS: usize = 6;

/// A consent banner broken over lines is read whole only up to this many
/// words: a longer block of clean lines is page content (a list of
/// hundreds of entries) that merely ends near a banner's wording.
const COOKIE_BANNER_MAX_WORDS: usize = 300;

/// The verdict on one block.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    Keep,
    Junk(&'static str),
    /// Ends the article for certain (a comment form's heading).
    Barrier(&'static str),
}

impl Pass for Boilerplate {
    fn name(&self) -> &str {
        "boilerplate"
    }

    fn description(&self) -> &str {
        "drop page chrome: menus, share prompts, footers, comments, author bios, repeated lines"
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        if cx.doc().blocks().is_empty() {
            return;
        }
        let doc = cx.doc();
        let feats = measure_blocks(doc);
        let is_dump = doc.input_format == InputFormat::Text;

        // Lines inside multi-line paragraphs are judged one by one.
        let lines = strip_junk_lines(cx, &feats);
        let doc = cx.doc();

        let mut verdicts: Vec<Verdict> = doc
            .blocks()
            .iter()
            .zip(&feats)
            .zip(&lines)
            .map(|((b, f), l)| block_verdict(b, f, is_dump, *l))
            .collect();
        if is_dump {
            mark_teasers(doc, &feats, &mut verdicts);
        }
        // One "Name says:" line is an interview's; a thread has several,
        // and from its first one on the page is comments.
        let commenters = verdicts
            .iter()
            .filter(|v| **v == Verdict::Junk("commenter"))
            .count();
        if commenters >= COMMENT_THREAD_COMMENTERS
            && let Some(first) = verdicts
                .iter()
                .position(|v| *v == Verdict::Junk("commenter"))
        {
            // A lone "says:" has the commenter's name on the line before.
            let named_above = first > 0
                && feats[first - 1].words <= COMMENTER_NAME_WORDS
                && matches!(&doc.blocks()[first], Block::Paragraph { text }
                    if rules::is_lone_commenter_verb(text.trim()));
            let start = if named_above { first - 1 } else { first };
            verdicts[start] = Verdict::Barrier("comment thread");
        }
        if commenters < 2 {
            for v in &mut verdicts {
                if *v == Verdict::Junk("commenter") {
                    *v = Verdict::Keep;
                }
            }
        }
        // A comment form's heading ends the article when the page has one;
        // one under every post (a forum's or a question site's "Add a
        // comment") belongs to each post, and the posts are the content.
        let forms = verdicts
            .iter()
            .filter(|v| **v == Verdict::Barrier("comment section"))
            .count();
        if forms >= COMMENT_FORMS_PER_POST {
            for v in &mut verdicts {
                if *v == Verdict::Barrier("comment section") {
                    *v = Verdict::Junk("comment section");
                }
            }
        }
        if let Some(corpus) = cx.corpus() {
            for (i, b) in doc.blocks().iter().enumerate() {
                if verdicts[i] == Verdict::Keep
                    && repeated_chrome(doc, b, &feats[i], |t| corpus.recurs(doc, t))
                {
                    verdicts[i] = Verdict::Junk("repeated in folder");
                }
            }
        }

        let mut reasons: Vec<Option<&'static str>> = vec![None; doc.blocks().len()];
        // Only a dump of a whole page (links, menus) needs the article found
        // in it; a plain dump of an article (no links at all) is the article,
        // and region detection would only risk its short first or last lines.
        // A dump this pass has already cut down is the article: finding the
        // article in it again could only shave its edges (and a second run
        // must change nothing).
        let already_cut = doc.has_run(self.name());
        // A dump of a whole page shows it by its links or by its menus (a
        // long run of short lines); a dump of an article alone has neither,
        // is the article, and region detection would only risk its last
        // section.
        let linked = feats.iter().any(|f| f.links > 0);
        let whole_page = is_dump && !already_cut && (linked || has_menu_run(doc.blocks(), &feats));
        let mut also: Vec<std::ops::Range<usize>> = Vec::new();
        let span = if whole_page && linked {
            // A dump that kept its links (html2text, Markdown) is judged
            // by them first: link density tells menus from prose better
            // than any markup-free feature.
            let mut scores: Vec<f32> = doc
                .blocks()
                .iter()
                .zip(&feats)
                .zip(&verdicts)
                .map(|((b, f), v)| match v {
                    Verdict::Keep => region::content_score(b, f),
                    Verdict::Junk(r) if is_wording(r) => {
                        region::JUNK_SCORE.min(region::content_score(b, f))
                    }
                    Verdict::Junk(_) => region::content_score(b, f).min(0.0),
                    Verdict::Barrier(_) => region::BARRIER_SCORE,
                })
                .collect();
            region::cut_at_barrier(&mut scores);
            region::best_span(&scores)
        } else if whole_page {
            let chrome: Vec<bool> = verdicts.iter().map(|v| is_chrome_wording(*v)).collect();
            let marks = marks::item_marks(doc.blocks(), &feats);
            let xs = classifier::block_features(doc.blocks(), &feats, &chrome, &marks);
            let probs: Vec<f32> = xs
                .iter()
                .map(|x| classifier::MODEL.probability(x))
                .collect();
            let mut scores: Vec<f32> = probs
                .iter()
                .zip(&feats)
                .zip(&verdicts)
                .map(|((p, f), v)| {
                    let s = region::article_score(*p, f);
                    match v {
                        Verdict::Keep => s,
                        // Chrome wording goes by its own verdict; inside
                        // an article ("Share", a separator before the
                        // closing section) it must not end the article.
                        Verdict::Junk(r) if is_wording(r) => 0.0,
                        Verdict::Junk(_) => s.min(0.0),
                        Verdict::Barrier(_) => region::BARRIER_SCORE,
                    }
                })
                .collect();
            region::cut_at_barrier(&mut scores);
            let mut span = region::best_span(&scores);
            if let Some(span) = &mut span {
                region::grow_span(span, &probs, &scores);
            }
            if let Some(span) = &span {
                also = region::secondary_spans(&scores, span);
                // Chrome wording and barriers are no article text, however
                // likely the classifier finds them.
                let likely: Vec<f32> = probs
                    .iter()
                    .zip(&feats)
                    .zip(&verdicts)
                    .map(|((p, f), v)| match v {
                        Verdict::Keep => region::likely_words(*p, f),
                        _ => 0.0,
                    })
                    .collect();
                if !region::holds_one_article(span, &probs, &likely, &feats) {
                    also.extend(region::widened_span(span, &also, &likely, &scores));
                }
                // A writer's name the page repeats marks their replies under
                // an article, not a thread's posts.
                let post_marks: Vec<Vec<usize>> = marks
                    .into_iter()
                    .filter(|m| !marks::names_a_person(&doc.blocks()[m[0]].plain_text()))
                    .collect();
                also.extend(region::thread_posts(span, &post_marks, &probs, &likely));
            }
            span
        } else {
            None
        };
        let span = span.unwrap_or(0..doc.blocks().len());
        for (i, v) in verdicts.iter().enumerate() {
            reasons[i] = match v {
                Verdict::Junk(r) | Verdict::Barrier(r) => Some(r),
                Verdict::Keep if !span.contains(&i) && !also.iter().any(|r| r.contains(&i)) => {
                    Some(outside_reason(&doc.blocks()[i], &feats[i]))
                }
                Verdict::Keep => None,
            };
        }
        mark_closing_bio(doc, &span, &mut reasons);
        if whole_page && let Some(title) = take_title(doc, &span, &mut reasons) {
            cx.set_title(Some(title));
        }

        cx.remove_blocks(|i, _, _| reasons.get(i).copied().flatten().map(str::to_string));
    }
}

/// The words of a document read to guess its language: enough for the
/// stopwords of any language to show.
const LANGUAGE_SAMPLE_WORDS: usize = 5_000;

/// The features of every block of `doc`, in the document's stopword
/// language: the stopword language (an index into
/// [`crate::lexicon::stopwords::LANGUAGES`]) that best fits its first
/// [`LANGUAGE_SAMPLE_WORDS`] words or so, counted as the blocks are
/// measured.
fn measure_blocks(doc: &Document) -> Vec<Features> {
    let measured: Vec<(Features, features::LanguageCounts)> = doc
        .blocks()
        .iter()
        .enumerate()
        .map(|(i, b)| features::measure(b, doc.origin(i)))
        .collect();
    let mut tally = crate::lexicon::stopwords::StopwordTally::default();
    for (_, counts) in &measured {
        tally.merge(&counts.stopwords);
        if tally.words() > LANGUAGE_SAMPLE_WORDS {
            break;
        }
    }
    let language = tally.best();
    measured
        .into_iter()
        .map(|(mut f, counts)| {
            features::settle_language(&mut f, &counts, language);
            f
        })
        .collect()
}

/// The classifier's features of every block of `doc`, measured as the pass
/// measures them (for fitting the model offline).
pub fn document_features(doc: &Document) -> Vec<classifier::FeatureVector> {
    let feats = measure_blocks(doc);
    let is_dump = doc.input_format == InputFormat::Text;
    let chrome: Vec<bool> = doc
        .blocks()
        .iter()
        .zip(&feats)
        .map(|(b, f)| is_chrome_wording(block_verdict(b, f, is_dump, LineCheck::NotChecked)))
        .collect();
    let marks = marks::item_marks(doc.blocks(), &feats);
    classifier::block_features(doc.blocks(), &feats, &chrome, &marks)
}

/// Short lines in a row that make a menu, a tag cloud or a list of
/// headlines: no article writes this many lines of a few words running.
const MENU_RUN: usize = 8;

/// A line of at most this many words is a menu entry.
const MENU_LINE_WORDS: usize = 4;

/// True when the blocks hold a run of [`MENU_RUN`] short lines: blocks of
/// a few words in a row, or lines of a few words within one block.
fn has_menu_run(blocks: &[Block], feats: &[Features]) -> bool {
    let mut run = 0;
    for (b, f) in blocks.iter().zip(feats) {
        let lines = match b {
            Block::Paragraph { text } | Block::Lines { text } => {
                text.bytes().filter(|&c| c == b'\n').count() + 1
            }
            Block::List { items, .. } => items.len(),
            _ => 1,
        };
        if f.words <= MENU_LINE_WORDS * lines {
            run += lines;
            if run >= MENU_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// True for a verdict of chrome by wording.
fn is_chrome_wording(v: Verdict) -> bool {
    match v {
        Verdict::Keep => false,
        Verdict::Junk(r) => is_wording(r),
        Verdict::Barrier(_) => true,
    }
}

/// True for a reason given by chrome wording (not by links alone).
fn is_wording(reason: &str) -> bool {
    !matches!(reason, "link list" | "related link")
}

/// What the lines of a multi-line paragraph said of it, judged one by one.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LineCheck {
    /// Not a multi-line paragraph: its lines were not judged.
    NotChecked,
    /// Every line is chrome; the first one's reason.
    AllChrome(&'static str),
    /// No line (left) is chrome.
    Clean,
}

/// The verdict a block gets from its own wording and links; `lines` is
/// what its lines said, when they were judged one by one.
fn block_verdict(block: &Block, f: &Features, is_dump: bool, lines: LineCheck) -> Verdict {
    match block {
        Block::Heading { text, .. }
        | Block::Paragraph { text }
        | Block::Lines { text }
        | Block::Quote { text } => {
            let reason = match lines {
                LineCheck::AllChrome(reason) => Some(reason),
                // Lines that are each clean make chrome together only as
                // a consent banner broken over lines; nothing else needs
                // the whole text read again.
                LineCheck::Clean
                    if f.words > COOKIE_BANNER_MAX_WORDS
                        || (!text.contains("ookie") && !text.contains("OOKIE")) =>
                {
                    None
                }
                _ => rules::chrome_reason(text),
            };
            // A consent banner is prose; a block that reads as a table of
            // cookies (a name, a duration and a purpose a row, under a
            // header naming them) is a cookie policy's content.
            let reason = reason.filter(|&r| r != "cookie prompt" || !reads_as_table(text));
            if let Some(reason) = reason {
                return if reason == "comment thread"
                    || (reason == "comment section" && f.words <= 6)
                {
                    Verdict::Barrier(reason)
                } else {
                    Verdict::Junk(reason)
                };
            }
            if is_dump
                && f.link_density >= LINK_LIST_DENSITY
                && f.links > 0
                && !(f.words >= PROSE_MIN_WORDS && f.ends_like_sentence && f.link_density < 0.9)
            {
                return Verdict::Junk(if matches!(block, Block::Heading { .. }) {
                    "related link"
                } else {
                    "link list"
                });
            }
            Verdict::Keep
        }
        Block::List { items, .. } => {
            if is_dump && f.link_density >= LINK_LIST_DENSITY && f.links > 0 {
                return Verdict::Junk("link list");
            }
            // A list whose every item is chrome wording (share buttons).
            if items
                .iter()
                .all(|it| rules::chrome_reason(&it.text).is_some())
            {
                return Verdict::Junk(
                    items
                        .first()
                        .and_then(|it| rules::chrome_reason(&it.text))
                        .unwrap_or("navigation"),
                );
            }
            Verdict::Keep
        }
        Block::Table(_) | Block::Code { .. } => Verdict::Keep,
    }
}

/// True when the lines of `text`, from its first, hold a flattened table:
/// a header and two or more rows cut into the same typed columns.
fn reads_as_table(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 3 {
        return false;
    }
    let casing = crate::tabular::flattened::Casing::default();
    crate::tabular::flattened::find(&lines, &|| &casing)
        .is_some_and(|f| f.start == 0 && f.end - f.start >= 3)
}

/// A paragraph cut short ("...", "…") next to a link is the summary of
/// another article (a related-articles list, a front page). Paragraphs
/// under linked titles are not judged by that alone: listicles link the
/// heading of each of their own items.
fn mark_teasers(doc: &Document, feats: &[Features], verdicts: &mut [Verdict]) {
    for i in 0..doc.blocks().len() {
        if verdicts[i] != Verdict::Keep
            || !matches!(
                doc.blocks()[i],
                Block::Paragraph { .. } | Block::Lines { .. }
            )
        {
            continue;
        }
        let next_to_link = (i > 0 && feats[i - 1].link_density >= 0.5)
            || feats.get(i + 1).is_some_and(|f| f.link_density >= 0.5);
        if feats[i].truncated && feats[i].words <= 80 && next_to_link {
            verdicts[i] = Verdict::Junk("teaser");
        }
    }
}

/// True when the batch repeats `block` often enough to be the site's
/// chrome, and it is not prose that happens to repeat nor a short heading
/// many articles share ("Introduction").
fn repeated_chrome(
    _doc: &Document,
    block: &Block,
    f: &Features,
    recurs: impl Fn(&str) -> bool,
) -> bool {
    match block {
        // Short headings recur because articles share them ("Introduction",
        // "What you need to know"); a long one that recurs is the site's.
        Block::Heading { text, .. } => f.words >= REPEATED_HEADING_MIN_WORDS && recurs(text),
        Block::Table(_) | Block::Code { .. } => false,
        Block::Paragraph { text } | Block::Lines { text } | Block::Quote { text } => {
            let prose = f.words >= PROSE_MIN_WORDS && f.sentence_ends >= 1 && f.link_density < 0.5;
            let quoted =
                f.words >= 6 && text.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}']);
            if prose || quoted || matches!(block, Block::Quote { .. }) {
                return false;
            }
            // Lines of digits alone (counters, table cells) are data, not
            // a site's wording.
            if !text.chars().any(char::is_alphabetic) {
                return false;
            }
            let mut any = false;
            let all = text.split('\n').all(|l| {
                let r = recurs(l);
                any |= r;
                r
            });
            any && all
        }
        Block::List { items, .. } => {
            let recurring = items.iter().filter(|it| recurs(&it.text)).count();
            // A list of ingredients or steps may share items with other
            // pages; a menu shares all of them, or is made of links.
            recurring == items.len() && (items.len() >= 3 || f.link_density >= 0.3)
        }
    }
}

/// The reason logged for a block outside the article span.
fn outside_reason(block: &Block, f: &Features) -> &'static str {
    if f.link_density >= LINK_LIST_DENSITY {
        if matches!(block, Block::List { .. }) {
            "navigation"
        } else {
            "link list"
        }
    } else {
        "outside article"
    }
}

/// Removes the chrome lines of multi-line paragraphs (a menu or footer
/// written as bare lines sits in one such paragraph with article lines
/// when no blank line parted them), logging each line, and says for each
/// block what its lines were.
fn strip_junk_lines(cx: &mut PassContext<'_>, feats: &[Features]) -> Vec<LineCheck> {
    let mut checks = vec![LineCheck::NotChecked; feats.len()];
    for (i, f) in feats.iter().enumerate() {
        if !f.multi_line {
            continue;
        }
        let Some(Block::Lines { text }) = cx.doc().blocks().get(i) else {
            continue;
        };
        let junk: Vec<Option<&'static str>> = text.split('\n').map(rules::chrome_reason).collect();
        if junk.iter().all(Option::is_none) {
            checks[i] = LineCheck::Clean;
            continue;
        }
        // All junk: the whole block goes later, as one removal.
        if let Some(Some(first)) = junk.first()
            && junk.iter().all(Option::is_some)
        {
            checks[i] = LineCheck::AllChrome(first);
            continue;
        }
        checks[i] = LineCheck::Clean;
        // The context asks line by line, in order.
        let mut reasons = junk.into_iter();
        cx.remove_lines(i, |_| reasons.next().flatten().map(str::to_string));
    }
    checks
}

/// The heading just above the article span (only a byline or date
/// between) is the article's title: it is removed as such, and returned to
/// become `meta.title` when the dump had none, since the body holds no title.
fn take_title(
    doc: &Document,
    span: &std::ops::Range<usize>,
    reasons: &mut [Option<&'static str>],
) -> Option<String> {
    for j in (span.start.saturating_sub(4)..span.start).rev() {
        let Block::Heading { text, .. } = &doc.blocks()[j] else {
            continue;
        };
        if reasons[j] != Some("outside article") {
            return None;
        }
        let same = doc.meta.is_title(text);
        if doc.meta.title.is_none() {
            reasons[j] = Some("title");
            return Some(text.clone());
        } else if same {
            reasons[j] = Some("title");
        }
        return None;
    }
    None
}

/// Blocks at the end of the article searched for an author's biography.
const BIO_SEARCH_BLOCKS: usize = 8;

/// A paragraph this long is no author's bio.
const BIO_MAX_WORDS: usize = 90;

/// True when the blocks of `range` that no rule has dropped hold more than
/// `words` words (counted no further than that).
fn says_more_than(
    doc: &Document,
    range: std::ops::Range<usize>,
    reasons: &[Option<&'static str>],
    words: usize,
) -> bool {
    let mut n = 0;
    for i in range.filter(|&i| reasons[i].is_none()) {
        doc.blocks()[i].for_each_text(|_, t| n += crate::text::count_words(t, words + 1));
        if n > words {
            return true;
        }
    }
    false
}

/// Marks the article's closing author biographies: the last kept paragraph
/// of the span when it describes a person by their occupation, and, further
/// up among the last short blocks, paragraphs that describe a writer,
/// reporter or editor (other occupations there may be the story's own).
fn mark_closing_bio(
    doc: &Document,
    span: &std::ops::Range<usize>,
    reasons: &mut [Option<&'static str>],
) {
    let mut last_paragraph = true;
    let mut seen = 0;
    for i in span.clone().rev() {
        if reasons[i].is_some() {
            continue;
        }
        seen += 1;
        // The first paragraph of an article is never its closing bio.
        if i == span.start || seen > BIO_SEARCH_BLOCKS {
            return;
        }
        let (Block::Paragraph { text } | Block::Lines { text }) = &doc.blocks()[i] else {
            continue;
        };
        if text.split_whitespace().count() > BIO_MAX_WORDS {
            last_paragraph = false;
            continue;
        }
        // A bio closes an article: what the page says before it must be
        // longer than it, or the paragraph is the page's own text (a
        // course page that opens "A data engineer designs …").
        if rules::is_author_bio(text, !last_paragraph)
            && says_more_than(
                doc,
                span.start..i,
                reasons,
                crate::text::count_words(text, usize::MAX),
            )
        {
            reasons[i] = Some("author bio");
        }
        last_paragraph = false;
    }
}
