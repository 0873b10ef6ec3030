//! English capitalisation: the first word of a sentence, a heading, a list
//! label, a list item's text and a table cell whose column is otherwise
//! capitalised; proper nouns from the built-in lexicon; and words the
//! document (or its folder) capitalises everywhere else.
//!
//! It only ever raises a lowercase first letter: it never lowercases, and
//! never touches mixed-case words (`iPhone`, `eBay`), URLs, e-mail
//! addresses, code, hashtags or handles (the tokenizer yields no words there).

use crate::corpus::casing::{CapitalPairs, CasingCounts, count_word_casing_and_pairs};
use crate::document::{Block, TextRole};
use crate::lexicon::common_words::is_common_word;
use crate::lexicon::dictionary::{self, WordClass};
use crate::lexicon::proper_nouns::{
    is_lowercase_acronym, is_proper_noun, is_sometimes_a_name, is_two_word_name,
};
use crate::pipeline::{Fix, Pass, PassContext};
use crate::text::{Case, Position, SentenceWords, Word, WordKind};

/// Capitalises sentence starts, labels, headings, cells and proper nouns.
pub struct RepairCasing;

impl Pass for RepairCasing {
    fn name(&self) -> &str {
        "casing"
    }

    fn description(&self) -> &str {
        "capitalise sentence starts, headings, labels, cells and proper nouns (English)"
    }

    fn languages(&self) -> Option<&[&str]> {
        Some(&["en"])
    }

    fn run(&self, cx: &mut PassContext<'_>) {
        // What the document says of itself (does it capitalise its
        // sentences? how does it write a word?) is read from its text, and
        // the pass's own capitals change that reading: a second round may
        // find more to do. Rounds go on until one changes nothing, so that
        // cleaning the output again changes nothing; every round only
        // raises letters, so this ends, and in practice after two.
        //
        // A later round reads again only the texts whose reading may have
        // changed (see [`Reading`]): the rest gave no fixes last round and
        // would give none again.
        let mut last = None;
        for _ in 0..MAX_ROUNDS {
            if !repair_casing_once(cx, &mut last) {
                break;
            }
        }
    }
}

/// One round of the pass; true when it changed something. `last` holds
/// what the round before read, if there was one, and is left holding what
/// this one read.
fn repair_casing_once(cx: &mut PassContext<'_>, last: &mut Option<Reading>) -> bool {
    let doc = cx.doc();
    // The round before left the tally of the document as its fixes left
    // it: only the texts it changed were counted again.
    let (tally, prev) = match last.take() {
        Some(mut prev) => {
            let tally = std::mem::take(&mut prev.tally);
            debug_assert!(
                tally == Tally::of(doc.blocks()),
                "the tally kept across rounds differs from a new count"
            );
            (tally, Some(prev))
        }
        None => (Tally::of(doc.blocks()), None),
    };
    let Tally {
        counts,
        pairs,
        starts,
        dated_lines,
    } = &tally;
    let dated_lines = *dated_lines;
    let capitalised_document = starts.capitalised();
    // Lines dating posts or answers (`answered May 2, 2009 at 0:09`,
    // `pam on October 23rd, 2012`) written in lowercase as often as not
    // are written so by their site or their commenters.
    let lowercase_dated_lines = dated_lines.1 >= 2 && dated_lines.1 >= dated_lines.0;
    // A page with posts' date lines holds comments or a forum's posts,
    // whose writers open the lines of a post as they please: there, only
    // sentences inside a line are taken for sentences. Nor does one writer
    // spell a term (`Slow Carb`) for another: pairs are not asked there.
    let line_starts = dated_lines.0 + dated_lines.1 < 2;
    // Headings written in lowercase as a rule (shell comments and hashtags
    // read as headings, a site's style) stay as written.
    let (upper_headings, lower_headings) =
        first_letter_census(doc.blocks().iter().filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        }));
    let lowercase_headings = lower_headings >= 2 && lower_headings >= upper_headings;
    // How the document's lists start their items and the text after
    // their labels, for lists too short to say so themselves.
    let lists = ListCensus::of(doc.blocks());
    // How each block's texts start, decided from the block as a whole
    // before any of its texts change.
    let blocks = doc.blocks();
    let lowercase_points = lowercase_dash_points(blocks);
    let styles: Vec<BlockStyle> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            // A paragraph after one that stops mid-sentence (split by an
            // image, a page break or a hard line wrap) continues that
            // sentence.
            let continues = i > 0 && continues_sentence(&blocks[i - 1], block);
            // Where posts' date lines are written in lowercase as a rule,
            // the post after one is a comment, opening as its writer
            // pleases (`by PantherTrain on Aug 9, 2012` and then `seems
            // like a decent target`).
            let comment = lowercase_dated_lines && i > 0 && dates_a_post(&blocks[i - 1]);
            // A lowercase heading beside code cut into a token a line is a
            // comment of that code (`# retry in 30 minutes.`), written as
            // its programmer pleases; so is a first-level one (a line
            // opening with `# `) before a line of code.
            let code_comment = match block {
                Block::Heading { level, text } if text.starts_with(char::is_lowercase) => {
                    (i > 0 && shredded_code_block(&blocks[i - 1]))
                        || blocks.get(i + 1).is_some_and(|next| {
                            shredded_code_block(next) || (*level == 1 && opens_with_code(next))
                        })
                }
                _ => false,
            };
            // Short lines one after another that all open in lowercase
            // are the writer's style (points of a list without markers,
            // lines of verse), not slips.
            let lowercase_run = lowercase_points[i]
                || (lowercase_fragment(block)
                    && ((i > 0 && lowercase_fragment(&blocks[i - 1]))
                        || blocks.get(i + 1).is_some_and(lowercase_fragment)));
            BlockStyle::of(
                block,
                continues || lowercase_run || comment || code_comment,
                capitalised_document,
                &lists,
            )
        })
        .collect();
    let habits = Habits {
        capitalised_document,
        lowercase_dated_lines,
        line_starts,
        lowercase_headings,
    };
    let unchanged = prev.and_then(|prev| Unchanged::since(prev, habits, &styles));
    let corpus = cx.corpus();
    let evidence = Evidence {
        doc: counts,
        folder: corpus.map(|c| &c.word_casing),
    };
    // A list item's text follows its label, if it has one.
    let mut labelled = false;
    // Per text, in the order they are read: given fixes this round.
    let mut fixed = Vec::new();
    // The tally of the texts given fixes, as they were.
    let mut removed = Tally::default();
    cx.fix_texts(|i, role, text| {
        let k = fixed.len();
        let style = &styles[i];
        // Whether a list item's text follows a label is the list's shape,
        // which a skipped label still says.
        let after_label = match role {
            TextRole::ListLabel => {
                labelled = true;
                false
            }
            TextRole::ListText => std::mem::take(&mut labelled),
            _ => false,
        };
        let fixes_of = || match role {
            TextRole::Code | TextRole::ColumnName => Vec::new(),
            TextRole::ListLabel => {
                let mut fixes = casing_fixes(text, !style.lowercase_labels, &evidence);
                if style.title_case_labels {
                    fixes.extend(title_case_fixes(text));
                }
                fixes
            }
            TextRole::ListText => {
                let first = if after_label {
                    !style.lowercase_list
                } else {
                    style.capitalised_list
                };
                casing_fixes(text, first, &evidence)
            }
            TextRole::Caption => casing_fixes(text, true, &evidence),
            TextRole::Cell(c) => {
                let first = style.capitalised_columns.get(c).copied().unwrap_or(false);
                casing_fixes(text, first, &evidence)
            }
            TextRole::Paragraph | TextRole::Quote => {
                // One word alone is a slogan or a fragment, not a sentence.
                let first = !style.continues && text.trim().contains(char::is_whitespace);
                let habit = style.habit && !text.contains('\n');
                casing_fixes_in(
                    text,
                    first,
                    &evidence,
                    habit,
                    lowercase_dated_lines,
                    line_starts,
                    line_starts.then_some(pairs),
                )
            }
            TextRole::Heading => casing_fixes_in(
                text,
                !lowercase_headings && !style.continues,
                &evidence,
                false,
                false,
                false,
                None,
            ),
        };
        let fixes = match &unchanged {
            Some(u) if u.reads_as_before(i, k, role, text) => {
                debug_assert!(
                    fixes_of().is_empty(),
                    "a text read as before gives fixes: {text:?}"
                );
                Vec::new()
            }
            _ => fixes_of(),
        };
        if !fixes.is_empty() {
            removed.read(role, text);
        }
        fixed.push(!fixes.is_empty());
        fixes
    });
    let changed = fixed.contains(&true);
    // The same texts as they are now.
    let mut added = Tally::default();
    let mut k = 0;
    for b in cx.doc().blocks() {
        b.for_each_text(|role, t| {
            if fixed.get(k).copied().unwrap_or(false) {
                added.read(role, t);
            }
            k += 1;
        });
    }
    let mut tally = tally;
    tally.remove(&removed);
    tally.add(&added);
    *last = Some(Reading {
        habits,
        styles,
        tally,
        removed,
        added,
        fixed,
    });
    changed
}

/// What the document's running text says of how it writes, summed over
/// its texts: so a text changed can be taken away and counted again.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    /// How each word is written mid-sentence.
    counts: CasingCounts,
    /// How pairs of words are written side by side, in prose.
    pairs: CapitalPairs,
    /// How one-line paragraphs start their sentences.
    starts: StartCensus,
    /// Posts' date lines opening with a capital, and in lowercase.
    dated_lines: (usize, usize),
}

impl Tally {
    /// The tally of every text of `blocks`.
    fn of(blocks: &[Block]) -> Self {
        let mut tally = Tally::default();
        for b in blocks {
            b.for_each_text(|role, t| tally.read(role, t));
        }
        tally
    }

    /// Counts `text`, of `role`, in.
    fn read(&mut self, role: TextRole, t: &str) {
        // Headings, labels and cells are often in title case: only
        // running text says how a word is written.
        if matches!(
            role,
            TextRole::Paragraph | TextRole::Quote | TextRole::ListText
        ) {
            // Pairs are read from prose only: a title-case line
            // (`Best Moving Company in Town`) capitalises any pair.
            let prose = t
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201D}', ')']);
            count_word_casing_and_pairs(t, &mut self.counts, prose.then_some(&mut self.pairs));
        }
        if role == TextRole::Paragraph && !t.contains('\n') {
            self.starts.count(t);
        }
        if role == TextRole::Paragraph {
            let (upper, lower) = first_letter_census(t.lines().filter(|l| is_dated_line(l)));
            self.dated_lines.0 += upper;
            self.dated_lines.1 += lower;
        }
    }

    /// Adds what `other` counted.
    fn add(&mut self, other: &Tally) {
        for (word, &(caps, lower)) in &other.counts {
            let e = self.counts.entry(word.clone()).or_insert((0, 0));
            e.0 += caps;
            e.1 += lower;
        }
        self.pairs.add(&other.pairs);
        self.starts.upper += other.starts.upper;
        self.starts.lower += other.starts.lower;
        self.dated_lines.0 += other.dated_lines.0;
        self.dated_lines.1 += other.dated_lines.1;
    }

    /// Takes away what `other` counted, which this tally holds (texts
    /// counted into it): words left with no use are dropped, as a new
    /// count would not hold them.
    fn remove(&mut self, other: &Tally) {
        for (word, &(caps, lower)) in &other.counts {
            if let Some(e) = self.counts.get_mut(word) {
                e.0 = e.0.saturating_sub(caps);
                e.1 = e.1.saturating_sub(lower);
                if *e == (0, 0) {
                    self.counts.remove(word);
                }
            }
        }
        self.pairs.remove(&other.pairs);
        self.starts.upper = self.starts.upper.saturating_sub(other.starts.upper);
        self.starts.lower = self.starts.lower.saturating_sub(other.starts.lower);
        self.dated_lines.0 = self.dated_lines.0.saturating_sub(other.dated_lines.0);
        self.dated_lines.1 = self.dated_lines.1.saturating_sub(other.dated_lines.1);
    }
}

/// What one round of the pass read from the document: the evidence every
/// text's fixes were decided from, and the texts it gave fixes. A text's
/// fixes depend on nothing else (its text, its role, its block's style,
/// the document's habits, the counts of the words it holds, the pairs of
/// words its document writes, the folder's counts, which do not change):
/// a text that gave no fixes (so unchanged), whose inputs all read the
/// same the next round, gives none again.
struct Reading {
    habits: Habits,
    styles: Vec<BlockStyle>,
    /// The document's tally once the round's fixes were made.
    tally: Tally,
    /// The tally of the texts given fixes, before and after.
    removed: Tally,
    added: Tally,
    /// Per text, in the order they are read: given fixes (changed, as a
    /// rule).
    fixed: Vec<bool>,
}

/// What the document as a whole says of how it writes: each text's fixes
/// may depend on all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Habits {
    capitalised_document: bool,
    lowercase_dated_lines: bool,
    line_starts: bool,
    lowercase_headings: bool,
}

/// Which texts a round may leave unread, against the round before it.
struct Unchanged {
    /// Per block: read in the same style as in the round before.
    same_style: Vec<bool>,
    /// Per text: given fixes in the round before.
    fixed: Vec<bool>,
    /// The document's pairs of words changed, and paragraphs ask them.
    pairs_changed: bool,
    /// Finds, in any case, the words whose counts changed (see
    /// [`Unchanged::since`]); none when no count changed.
    words: Option<aho_corasick::AhoCorasick>,
}

impl Unchanged {
    /// Compares the round before, `prev`, with this round's reading; none
    /// when the document's habits changed (every text is read again).
    fn since(prev: Reading, habits: Habits, styles: &[BlockStyle]) -> Option<Self> {
        if prev.habits != habits || prev.styles.len() != styles.len() {
            return None;
        }
        let same_style = prev
            .styles
            .iter()
            .zip(styles)
            .map(|(a, b)| a == b)
            .collect();
        // The tally changed only by the texts given fixes: a count or a
        // pair changed where those texts count it differently now.
        let pairs_changed = habits.line_starts && prev.removed.pairs != prev.added.pairs;
        // A text looks its words' counts up by their stems in lowercase
        // (a lowercase word's stem as written; a capitalised word's folded
        // to lowercase, ASCII only), and a demonym's by the name it comes
        // from: its first letters (`moroccan`: `morocc` and `o`, `israeli`:
        // `israel`). A text holding, in any case, no changed word (short of
        // its last letter where it ends in `o`) looks up no changed count.
        let (before, after) = (&prev.removed.counts, &prev.added.counts);
        let changed = after
            .iter()
            .filter(|&(word, uses)| before.get(word).unwrap_or(&(0, 0)) != uses)
            .map(|(word, _)| word)
            .chain(
                before
                    .iter()
                    .filter(|&(word, _)| !after.contains_key(word))
                    .map(|(word, _)| word),
            );
        let needles: Vec<&str> = changed
            .map(|word| word.strip_suffix('o').unwrap_or(word))
            .collect();
        let words = if needles.is_empty() {
            None
        } else {
            // Should the finder fail to build, every text is read again.
            Some(
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(&needles)
                    .ok()?,
            )
        };
        Some(Unchanged {
            same_style,
            fixed: prev.fixed,
            pairs_changed,
            words,
        })
    }

    /// True when `text` (the `k`th read), with `role`, in block `i` reads
    /// as it did in the round before, which gave it no fixes: so none are
    /// to be found.
    fn reads_as_before(&self, i: usize, k: usize, role: TextRole, text: &str) -> bool {
        self.same_style.get(i).copied().unwrap_or(false)
            && self.fixed.get(k).is_some_and(|&fixed| !fixed)
            && !(self.pairs_changed && matches!(role, TextRole::Paragraph | TextRole::Quote))
            && !self.words.as_ref().is_some_and(|w| w.is_match(text))
    }
}

/// What a block's own shape says about how its texts start.
#[derive(Debug, Default, PartialEq)]
struct BlockStyle {
    /// The block continues the previous paragraph's open sentence.
    continues: bool,
    /// A paragraph of a document that capitalises its sentences.
    habit: bool,
    /// A list whose items without a label mostly start with a capital.
    capitalised_list: bool,
    /// A list whose labelled items mostly go on in lowercase.
    lowercase_list: bool,
    /// A list whose labels are all lowercase (`pending: the initial
    /// state`, `fulfilled: ...`), by its style.
    lowercase_labels: bool,
    /// A list whose labels are in title case.
    title_case_labels: bool,
    /// The table columns whose cells mostly start with a capital.
    capitalised_columns: Vec<bool>,
}

impl BlockStyle {
    fn of(block: &Block, continues: bool, capitalised_document: bool, lists: &ListCensus) -> Self {
        match block {
            Block::List { items, .. } => {
                let own = first_letter_census(
                    items
                        .iter()
                        .filter(|it| it.label.is_none())
                        .map(|it| it.text.as_str()),
                );
                // Items that mostly go on in lowercase after their label
                // (`Stage A: a creative set`) do so by the list's style.
                let labelled = first_letter_census(
                    items
                        .iter()
                        .filter(|it| it.label.is_some())
                        .map(|it| it.text.as_str()),
                );
                let (label_upper, label_lower) =
                    first_letter_census(items.iter().filter_map(|it| it.label.as_deref()));
                BlockStyle {
                    continues,
                    capitalised_list: lists.items_capitalised(own),
                    lowercase_list: lists.labelled_lowercase(labelled),
                    lowercase_labels: label_lower >= 2 && label_upper == 0,
                    title_case_labels: labels_in_title_case(items),
                    ..BlockStyle::default()
                }
            }
            Block::Table(t) => BlockStyle {
                continues,
                capitalised_columns: (0..t.columns.len())
                    .map(|c| {
                        let (upper, lower) = first_letter_census(
                            t.rows.iter().filter_map(|r| r.get(c).map(String::as_str)),
                        );
                        upper >= 2 && upper >= 2 * lower
                    })
                    .collect(),
                ..BlockStyle::default()
            },
            Block::Paragraph { .. } | Block::Lines { .. } => BlockStyle {
                continues,
                habit: capitalised_document,
                ..BlockStyle::default()
            },
            _ => BlockStyle {
                continues,
                ..BlockStyle::default()
            },
        }
    }
}

/// How a document's list items start, over all its lists: the text of
/// items without a label, and the text after a label.
#[derive(Debug, Default, Clone, Copy)]
struct ListCensus {
    items: (usize, usize),
    labelled: (usize, usize),
}

impl ListCensus {
    fn of(blocks: &[Block]) -> Self {
        let mut census = ListCensus::default();
        for b in blocks {
            let Block::List { items, .. } = b else {
                continue;
            };
            for it in items {
                let tally = if it.label.is_some() {
                    &mut census.labelled
                } else {
                    &mut census.items
                };
                let (upper, lower) = first_letter_census(std::iter::once(it.text.as_str()));
                tally.0 += upper;
                tally.1 += lower;
            }
        }
        census
    }

    /// True when a list whose unlabelled items start `own` (upper, lower)
    /// capitalises them: by its own items when it has three or more, by
    /// the document's lists otherwise (lists of one or two items, as a
    /// text dump splits a numbered list between its paragraphs), short of
    /// two lowercase items.
    fn items_capitalised(&self, own: (usize, usize)) -> bool {
        if own.0 + own.1 >= 3 {
            mostly_capitalised(own)
        } else {
            mostly_capitalised(self.items) && own.1 < 2
        }
    }

    /// True when a list whose labelled items go on `own` (upper, lower)
    /// after their labels writes that text in lowercase by its style: two
    /// or more do and they outnumber the capitalised ones; or the list's
    /// one labelled item does (`W-2: employer-provided form`) and the
    /// document's other lists do not capitalise after their labels.
    fn labelled_lowercase(&self, own: (usize, usize)) -> bool {
        (own.1 >= 2 && own.1 > own.0) || (own == (0, 1) && !mostly_capitalised(self.labelled))
    }
}

/// True when of texts starting (upper, lower), enough start with a capital
/// for a lowercase start to be a slip: at least two, and at least half as
/// many again as lowercase ones (a third of lowercase starts or fewer).
fn mostly_capitalised((upper, lower): (usize, usize)) -> bool {
    upper >= 2 && 2 * upper >= 3 * lower
}

/// The most rounds the pass makes over one document.
const MAX_ROUNDS: usize = 4;

/// The most words of a line taken for a title or a label rather than for
/// half of a sentence.
const MAX_TITLE_WORDS: usize = 12;

/// The fewest words of a list item taken for half of a sentence that a
/// hard line wrap cut (`... previous work that, to the best`).
const MIN_WRAPPED_ITEM_WORDS: usize = 8;

/// Words no sentence ends on: articles, prepositions that are no particles,
/// conjunctions, possessives, auxiliaries and the pronoun `I`. A line
/// stopping on one was cut by a hard line wrap.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "for", "from", "has",
    "have", "i", "if", "into", "is", "its", "my", "nor", "of", "or", "our", "should", "than",
    "the", "their", "to", "was", "were", "which", "will", "with", "would", "your",
];

/// True when `block` goes on with the sentence `prev` leaves open.
fn continues_sentence(prev: &Block, block: &Block) -> bool {
    match prev {
        Block::Paragraph { text } | Block::Lines { text } => {
            if !ends_open(text) {
                return false;
            }
            // A short line opening with a capital and stopping without a
            // full stop is a title or a label (`Trend 4: Holistic wellness`,
            // `Our Score: 4.7 / 5.0`), not half a sentence; after one ending
            // on a colon (`Actionable takeaway:`), a full sentence opens
            // afresh, while a fragment may go on (`uses:` and then `a
            // network of ...`).
            // Of lines kept together (the points of a list without
            // markers), the last one is the line the block ends on.
            let text = text.trim();
            let text = text.rsplit('\n').next().unwrap_or(text).trim();
            // A post's date line (`Jul 12, 2022`) is neither: what follows
            // is the post, written as its writer pleases. A title whose
            // first letter was lowercased (`graphic Design Theory`) is
            // still one.
            let title = (text.starts_with(char::is_uppercase) || lowered_title(text))
                && text.split_whitespace().nth(MAX_TITLE_WORDS).is_none()
                && !text.ends_with(',')
                && !is_dated_line(text);
            !(title && (!text.ends_with(':') || full_sentence(block)))
        }
        // A list item in lowercase cut by a hard line wrap goes on in the
        // paragraph after the list (`to the best` and then `of my
        // knowledge, ...`).
        // So does an item stopping on a word no sentence ends on (`which
        // will` and then `be copied to ...`), whatever its length and case.
        Block::List { items, .. } => items.last().is_some_and(|it| {
            let text = it.text.trim();
            let last_word = text.rsplit(char::is_whitespace).next().unwrap_or("");
            let mut buf = [0u8; 8];
            let open_word = crate::text::ascii_lower(last_word, &mut buf)
                .is_some_and(|w| OPEN_ENDINGS.contains(&w));
            open_word
                || (text.starts_with(char::is_lowercase)
                    && (last_word.starts_with(char::is_lowercase) || text.ends_with(','))
                    && text
                        .split_whitespace()
                        .nth(MIN_WRAPPED_ITEM_WORDS - 1)
                        .is_some())
        }),
        _ => false,
    }
}

/// True when `line` opens in lowercase and goes on in title case: of its
/// words of four letters or more after the first, at least two start with
/// a capital and more do than not (`graphic Design Theory – space`).
fn lowered_title(line: &str) -> bool {
    let (mut upper, mut lower) = (0, 0);
    let rest = line.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    for w in title_words(rest) {
        match w.chars().next() {
            Some(c) if c.is_uppercase() => upper += 1,
            Some(c) if c.is_lowercase() => lower += 1,
            _ => {}
        }
    }
    line.starts_with(char::is_lowercase) && upper >= 2 && upper > lower
}

/// True when `block` is a paragraph whose last line dates a post.
fn dates_a_post(block: &Block) -> bool {
    match block {
        Block::Paragraph { text } | Block::Lines { text } => {
            text.lines().next_back().is_some_and(is_dated_line)
        }
        _ => false,
    }
}

/// True when `block` is a paragraph or a quotation of several words ending
/// as a sentence does.
fn full_sentence(block: &Block) -> bool {
    let (Block::Paragraph { text } | Block::Lines { text } | Block::Quote { text }) = block else {
        return false;
    };
    let text = text
        .trim_end()
        .trim_end_matches(['"', '\u{201D}', '\'', '\u{2019}', ')']);
    text.ends_with(['.', '!', '?']) && text.split_whitespace().nth(2).is_some()
}

/// True when `text` (a paragraph's) has no end to its last sentence: it
/// stops on a letter, a digit, a comma or a colon.
fn ends_open(text: &str) -> bool {
    let text = text.trim_end();
    // A line ending on a capitalised word is a title or a label (`Pros &
    // Cons`, `Concrete Paths`) more often than half a sentence cut before
    // its next word.
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    text.chars()
        .next_back()
        // A colon introduces what follows (`uses:` and then `a network of
        // ...` on the next line).
        .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == ':')
        && !(text.ends_with(char::is_alphanumeric) && last_word.starts_with(char::is_uppercase))
}

/// True when `block` is a paragraph of code cut into a token a line (see
/// [`shredded_code`]).
fn shredded_code_block(block: &Block) -> bool {
    matches!(block, Block::Paragraph { text } | Block::Lines { text } if shredded_code(text))
}

/// True when `block` is a paragraph whose first line looks like code.
fn opens_with_code(block: &Block) -> bool {
    matches!(block, Block::Paragraph { text } | Block::Lines { text }
        if text.lines().next().is_some_and(crate::text::looks_like_code))
}

/// True when `text` is code a highlighter cut into a token a line, as a
/// page's text loses its markup (`requests`, `.`, `post`, `(`, `url`,
/// `=`): of its lines, two or more and at least one in five are marks of
/// code alone (`(`, `=`, `,`), which no prose and no list puts on a line
/// (a dash or a bar alone may part the lines of a list).
fn shredded_code(text: &str) -> bool {
    let (mut lines, mut marks) = (0usize, 0usize);
    for line in text.lines() {
        let line = line.trim();
        lines += 1;
        marks +=
            usize::from(!line.is_empty() && line.bytes().all(|b| b"()[]{}=,.:;<>".contains(&b)));
    }
    marks >= 2 && 5 * marks >= lines
}

/// The most words of a point's subject before its dash (`no time to make
/// the sauce? –`).
const MAX_POINT_SUBJECT_WORDS: usize = 6;

/// The fewest points of a run, all opening in lowercase, that make it the
/// writer's style rather than slips.
const MIN_LOWERCASE_POINTS: usize = 3;

/// Per block: a paragraph of a run of points of a list without markers
/// that name their subject in a few words before a dash (`vegan – use
/// mushrooms.`, `no time? – buy the sauce.`), three or more of them, all
/// opening in lowercase: so written by the writer's style.
fn lowercase_dash_points(blocks: &[Block]) -> Vec<bool> {
    // The case a dash point opens with: upper (true) or lower (false).
    let point = |b: &Block| -> Option<bool> {
        let (Block::Paragraph { text } | Block::Lines { text }) = b else {
            return None;
        };
        let text = text.trim();
        let dash_after_subject = text
            .split_whitespace()
            .take(MAX_POINT_SUBJECT_WORDS + 1)
            .skip(1)
            .any(|w| matches!(w, "-" | "\u{2013}" | "\u{2014}"));
        let first = text.chars().next()?;
        (dash_after_subject && first.is_alphabetic()).then(|| first.is_uppercase())
    };
    let mut out = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..]
            .iter()
            .take_while(|b| point(b).is_some())
            .count();
        let all_lower = blocks[i..i + run].iter().all(|b| point(b) == Some(false));
        if run >= MIN_LOWERCASE_POINTS && all_lower {
            out[i..i + run].fill(true);
        }
        i += run.max(1);
    }
    out
}

/// The most words of a paragraph taken for a line of a list or of verse.
const MAX_FRAGMENT_WORDS: usize = 15;

/// True when `block` is a short paragraph that opens in lowercase and has
/// no full stop at its end: a line of a list without markers, or of verse.
fn lowercase_fragment(block: &Block) -> bool {
    let (Block::Paragraph { text } | Block::Lines { text }) = block else {
        return false;
    };
    let text = text.trim();
    text.starts_with(char::is_lowercase)
        && !text.ends_with('.')
        && text.split_whitespace().nth(MAX_FRAGMENT_WORDS).is_none()
}

/// What the document and its folder say about how a word is written.
pub struct Evidence<'a> {
    /// Counts over this document.
    pub doc: &'a CasingCounts,
    /// Counts over the whole folder, in a batch run.
    pub folder: Option<&'a CasingCounts>,
}

impl Evidence<'_> {
    /// True when `stem` (lowercase) is a name: the document writes it
    /// capitalised standing alone at least twice and at least three times
    /// as often as lowercase; or, in a batch, at least two other documents
    /// capitalise it and no other document writes it lowercase (a word
    /// that is also a common noun, apple and Apple, is left as written).
    pub fn capitalises(&self, stem: &str) -> bool {
        // A common word capitalised in a title or a term ("the Force", "The
        // Plan") is still lowercase in running text: only names count.
        if is_common_word(stem) || is_sometimes_a_name(stem) {
            return false;
        }
        let (caps, lower) = self.doc.get(stem).copied().unwrap_or((0, 0));
        if caps >= 2 && caps >= 3 * lower {
            return true;
        }
        // A word no dictionary knows, written capitalised twice as often
        // as not, is a name the document spells ("Neumann").
        if caps >= 2 && caps >= 2 * lower && unknown_to_dictionary(stem) {
            return true;
        }
        // The folder counts documents, this one included.
        let Some(&(caps_docs, lower_docs)) = self.folder.and_then(|f| f.get(stem)) else {
            return false;
        };
        let other_caps = caps_docs.saturating_sub(u32::from(caps > 0));
        let other_lower = lower_docs.saturating_sub(u32::from(lower > 0));
        // A document writing the word lowercase again and again does so on
        // purpose (a brand, a common noun): its own usage wins.
        let deliberate = lower >= 2 && caps == 0;
        other_caps >= 2 && other_lower == 0 && !deliberate
    }
}

/// True when the dictionary knows `stem` in no case: neither an English
/// word nor a name it lists.
fn unknown_to_dictionary(stem: &str) -> bool {
    let mut buf = [0u8; 32];
    crate::text::ascii_lower(stem, &mut buf)
        .is_some_and(|l| dictionary::class_of(l) == WordClass::Unknown)
}

/// True when the dictionary has lowercase `stem` only as a capitalised
/// name (`leeds`, `tuscany`, `christmas`), short of the words that are
/// names in some senses only, and the document does not write it lowercase
/// again and again and never capitalised (a term of its own).
fn dictionary_name(stem: &str, evidence: &Evidence<'_>) -> bool {
    let mut buf = [0u8; 32];
    let Some(lower) = crate::text::ascii_lower(stem, &mut buf) else {
        return false;
    };
    // Names of four letters or fewer are as often abbreviations and slips
    // (`lond`); the lexicon holds the short countries and capitals.
    if lower.len() < 5 || !dictionary::is_name(lower) || is_sometimes_a_name(lower) {
        return false;
    }
    // A lowercase name one slip away from a commoner word is as likely
    // that word mistyped (`handel`, `herat`).
    if crate::lexicon::slips::is_slip_of_commoner_word(lower) {
        return false;
    }
    // The capitalised uses counted leave out a name beside another capital
    // (`Northern Virginia`): for a name that is also a common word, counted
    // only so that its lowercase habit is known, never capitalised alone
    // is no sign.
    let (caps, low) = evidence.doc.get(lower).copied().unwrap_or((0, 0));
    is_common_word(lower) || !(low >= 2 && caps == 0)
}

/// True when `w` has no apostrophe or ends in a possessive `’s`: the stem
/// of `isn’t` or `we’ll` is no name.
fn possessive_or_plain(w: &Word<'_>) -> bool {
    let tail = &w.text[w.stem().len()..];
    tail.is_empty() || matches!(tail, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// True when the word at `start..end` of `text` is joined to nothing but
/// spaces and prose punctuation: a word inside `ansible-playbook`,
/// `src/leeds` or `leeds_data` belongs to a command, a path or code.
fn free_standing(text: &str, start: usize, end: usize) -> bool {
    let joined = |c: char| {
        matches!(
            c,
            '-' | '/' | '_' | '.' | '\\' | '=' | '<' | '>' | '`' | '@' | '#'
        )
    };
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let dot_then_letter = text[end..].starts_with('.')
        && text[end + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    !before.is_some_and(joined) && !after.is_some_and(|c| joined(c) && c != '.') && !dot_then_letter
}

/// Words of four letters or more: the ones title case capitalises (short
/// words such as `of`, `the`, `and`, `for` may stay lowercase).
fn title_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
}

/// True when the list's labels of two words or more are written in title
/// case as a rule (`Data Sharing`, `Joint Operations`): at least two are,
/// and none of the others is written in sentence case.
fn labels_in_title_case(items: &[crate::document::ListItem]) -> bool {
    let (mut title, mut other) = (0, 0);
    for label in items.iter().filter_map(|it| it.label.as_deref()) {
        if title_words(label).count() < 2 {
            continue;
        }
        let words = title_words(label).count();
        let lower = title_words(label)
            .filter(|w| w.starts_with(char::is_lowercase))
            .count();
        let first_lower = title_words(label)
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        // A label all in lowercase (`legal frameworks`), or lowercase in its
        // first word only (`legal Frameworks`), is a slip; one in sentence
        // case (`Building resilience`) is the list's style.
        if lower == 0 {
            title += 1;
        } else if !(lower == words || (lower == 1 && first_lower)) {
            other += 1;
        }
    }
    title >= 2 && other == 0
}

/// Fixes capitalising each lowercase word of four letters or more.
fn title_case_fixes(text: &str) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let mut at = 0;
    for w in text.split_whitespace() {
        let start = at + text[at..].find(w).unwrap_or(0);
        at = start + w.len();
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
            && w.starts_with(char::is_lowercase)
        {
            fixes.push(capital(start, w.chars().next().unwrap_or(' ')));
        }
    }
    fixes
}

/// How many of `texts` start with an uppercase letter, and how many with a
/// lowercase one.
fn first_letter_census<'a>(texts: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let (mut upper, mut lower) = (0, 0);
    for t in texts {
        match t.trim_start().chars().next() {
            Some(c) if c.is_uppercase() => upper += 1,
            Some(c) if c.is_lowercase() => lower += 1,
            _ => {}
        }
    }
    (upper, lower)
}

/// How a document's paragraphs start their sentences.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct StartCensus {
    upper: usize,
    lower: usize,
}

impl StartCensus {
    fn count(&mut self, text: &str) {
        for (w, pos) in SentenceWords::new(text) {
            if pos != Position::Start || w.kind != WordKind::Alpha {
                continue;
            }
            match w.case {
                Case::Lower => self.lower += 1,
                Case::Title | Case::Upper => self.upper += 1,
                _ => {}
            }
        }
    }

    /// True when the paragraphs start their sentences with a capital as a
    /// rule, so that a paragraph with several lowercase starts is damaged
    /// rather than written in a lowercase style.
    fn capitalised(self) -> bool {
        self.upper >= MIN_CAPITALISED_STARTS && self.upper >= 2 * self.lower
    }
}

/// Capitalised sentence starts a document needs before its habit counts.
const MIN_CAPITALISED_STARTS: usize = 8;

/// The capitalisation fixes for `text`. With `first`, the text's first word
/// is a sentence start (a heading, a label, a capitalised column's cell).
pub fn casing_fixes(text: &str, first: bool, evidence: &Evidence<'_>) -> Vec<Fix> {
    casing_fixes_in(text, first, evidence, false, false, false, None)
}

/// True when the sentence starting at byte `at` follows a plain sentence
/// end: `?` or `!`, or a full stop after a word of three letters or more
/// (or a two-letter word that ends sentences) that is no abbreviation (`... the capital. the council`, `... in
/// India. the report`), perhaps with closing quotes between; not after
/// an abbreviation or a code in capitals (`ID. models`, `Gov. matt`).
fn after_plain_full_stop(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at).map(str::trim_end) else {
        return false;
    };
    // A quotation opening the sentence (`he said. “the`) stands between.
    let before = before.trim_end_matches(['“', '"', '‘', '\'']).trim_end();
    let before = before.trim_end_matches(['”', '"', '’', '\'']);
    // A question or an exclamation quoted inside a sentence goes on with
    // the words telling who spoke (`Is it done? she wondered.`).
    if before.ends_with('?') {
        return !speech_tag(&text[at..]);
    }
    if let Some(head) = before.strip_suffix('!') {
        if speech_tag(&text[at..]) {
            return false;
        }
        // `Volkswagen UP! was`, `the adorable Live! host`: a mark on a
        // capitalised word in the middle of a sentence belongs to a name.
        let mut words = head.rsplit(' ');
        let last = words.next().unwrap_or("");
        let mid_sentence = words
            .next()
            .is_some_and(|w| !w.is_empty() && !w.ends_with(['.', '!', '?', ':']));
        return !(last.starts_with(char::is_uppercase) && mid_sentence);
    }
    let Some(before) = before.strip_suffix('.') else {
        return false;
    };
    // A figure, a closing bracket or a percentage ends a sentence as
    // plainly as a word (`... rose in 2020. the`, `... (see below). the`),
    // short of a figure that is a list marker at the text's start.
    if before.ends_with([')', '%', ']'])
        || (before.ends_with(|c: char| c.is_ascii_digit())
            && before
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
                .ends_with([' ', '$', '€', '£']))
    {
        return true;
    }
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '’' || c == '\'')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    // A figure with letters on it ends a sentence like a figure
    // (`... since the 1970s. the`, `... at 5pm. the`).
    if !word.is_empty() && before[..word_start].ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // A short word after a figure is a unit (`70 in. In`, `5 ft. of`),
    // whose dot ends no sentence.
    if word.len() <= 3
        && before[..word_start]
            .strip_suffix(' ')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    // Two-letter words that end sentences (`... to do so. the`, `... up to
    // us. the`); other pairs of letters are as often units or initials.
    let closing_pair = matches!(
        word,
        "it" | "up"
            | "so"
            | "me"
            | "us"
            | "in"
            | "on"
            | "do"
            | "go"
            | "be"
            | "we"
            | "he"
            | "of"
            | "by"
    );
    // A word in capitals of three letters or more is an acronym that can
    // end a sentence (`... as CEO. the`); a shorter one or one with a
    // lowercase tail is as often a code (`ID. models`, `IDs. models`).
    let letters = word.chars().count();
    let shape_ok = word.chars().skip(1).all(|c| !c.is_uppercase())
        || (letters >= 3 && word.chars().all(char::is_uppercase));
    (letters >= 3 || closing_pair)
        && shape_ok
        && !crate::text::abbreviations::is_abbreviation(word)
        && !before[..word_start].ends_with('.')
}

/// True when `rest` opens with the words telling who spoke, in lowercase:
/// a pronoun and a verb of saying or thinking that end the sentence or its
/// clause (`she wondered.`, `he asked,`); a pronoun and a verb going on
/// (`we asked six people`) open a sentence of their own.
fn speech_tag(rest: &str) -> bool {
    const PRONOUNS: &[&str] = &["he", "i", "she", "they", "we", "you"];
    const VERBS: &[&str] = &[
        "added",
        "answered",
        "asked",
        "asks",
        "cried",
        "exclaimed",
        "laughed",
        "muttered",
        "replied",
        "said",
        "says",
        "shouted",
        "sighed",
        "thought",
        "thinks",
        "whispered",
        "wondered",
        "wonders",
        "wrote",
        "yelled",
    ];
    let mut words = rest.split_whitespace();
    let (Some(pronoun), Some(verb)) = (words.next(), words.next()) else {
        return false;
    };
    let Some(bare) = verb.strip_suffix(['.', ',', ';', '!', '?']) else {
        return false;
    };
    PRONOUNS.contains(&pronoun) && VERBS.contains(&bare)
}

/// [`casing_fixes`]; with `capitalised_document`, the document's paragraphs
/// start their sentences with capitals as a rule, so that a lowercase start
/// after a plain full stop is a slip however many the text holds; with
/// `lowercase_dated_lines`, the lines dating posts are written in lowercase
/// as often as not, and one opening in lowercase stays so; with
/// `line_starts`, a line opening after a line that ends a sentence starts
/// one; with `pairs`, a lowercase word beside a capitalised one is
/// capitalised where the document writes the pair capitalised on both sides
/// as a rule (see [`CapitalPairs`]).
fn casing_fixes_in(
    text: &str,
    first: bool,
    evidence: &Evidence<'_>,
    capitalised_document: bool,
    lowercase_dated_lines: bool,
    line_starts: bool,
    pairs: Option<&CapitalPairs>,
) -> Vec<Fix> {
    let mut fixes = Vec::new();
    // Lines kept together (a flattened table, verse, an address) are not
    // running sentences, short of lines that open with a capital as a
    // rule: the points of a list without markers, each a sentence or a
    // title of its own.
    let capitalised_lines = line_starts && text.contains('\n') && lines_capitalised(text);
    // The first of such lines opens a point too, when it holds four words
    // or more and does not end as a sentence does (a count or a label:
    // `Loaded 296 results`, `Message 1 of 3.`).
    let first_point = || {
        text.lines().next().is_some_and(|l| {
            l.split_whitespace()
                .nth(MIN_LINE_SENTENCE_WORDS - 1)
                .is_some()
                && !l.trim_end().ends_with(['.', '!', '?', ':', ';', ','])
        })
    };
    let first = first && (!text.contains('\n') || (capitalised_lines && first_point()));
    // Such lines follow the document's habit too.
    let capitalised_document = capitalised_document || capitalised_lines;
    // A text whose sentences mostly start lowercase does so on purpose
    // (a slogan, verse, a style): only a minority of lowercase starts is
    // taken for errors. Lowercase starts wait until the census is known;
    // `true` marks one that is also a name.
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut starts: Vec<(usize, char, bool)> = Vec::new();
    // The word before, when it is in the same sentence, one space away.
    let mut before: Option<Word<'_>> = None;
    let mut before_pos = Position::Unknown;
    for (k, (w, pos)) in SentenceWords::new(text).enumerate() {
        let previous_pos = std::mem::replace(&mut before_pos, pos);
        // A line opening after one that ends a sentence starts one too
        // (lines of a block kept together, each a sentence or more); a line
        // after one left open goes on with its sentence, and is left.
        let sentence_start = (pos == Position::Start && (k > 0 || first))
            || (line_starts
                && pos == Position::Unknown
                && k > 0
                && (opens_line_after_sentence(text, w.start)
                    || (capitalised_lines && opens_line_after_point(text, w.start))));
        let previous = before
            .replace(w)
            .filter(|p| pos == Position::Mid && text.get(p.end()..w.start) == Some(" "));
        let name = w.case == Case::Lower && is_name(w.stem(), &w, text, evidence);
        if w.case == Case::Lower && w.kind == WordKind::Alpha && is_lowercase_acronym(w.stem()) {
            let stem = w.stem();
            fixes.push(Fix::new(w.start..w.start + stem.len(), stem.to_uppercase()));
            upper += usize::from(sentence_start);
            continue;
        }
        if let Some(p) = previous
            && p.kind == WordKind::Alpha
            && w.kind == WordKind::Alpha
            && p.text == p.stem()
            && is_two_word_name(p.text, w.stem())
        {
            for x in [p, w] {
                if x.case == Case::Lower {
                    fixes.push(capital(x.start, x.text.chars().next().unwrap_or(' ')));
                }
            }
        }
        if let (Some(pairs), Some(p)) = (pairs, previous)
            && previous_pos == Position::Mid
            && p.kind == WordKind::Alpha
            && w.kind == WordKind::Alpha
        {
            // The lowercase one of the two, if one is.
            let lower = match (p.case, w.case) {
                (Case::Lower, Case::Title) => Some((p, true)),
                (Case::Title, Case::Lower) => Some((w, false)),
                _ => None,
            };
            if let Some((x, first_lower)) = lower
                && pair_word(&x, text)
                && pairs.both_capitalised(p.stem(), w.stem(), first_lower)
            {
                fixes.push(capital(x.start, x.text.chars().next().unwrap_or(' ')));
            }
        }
        if sentence_start {
            match w.case {
                // A name says nothing of the text's style, in either case:
                // were a capitalised one counted, the capitals this pass
                // gives lowercase names would tip the census when the
                // output is cleaned again.
                Case::Lower if name => {}
                Case::Lower => lower += 1,
                Case::Title if titled_name(&w, text, evidence) => {}
                Case::Title | Case::Upper => upper += 1,
                _ => {}
            }
        }
        if w.case != Case::Lower || w.kind != WordKind::Alpha {
            continue;
        }
        let c = w.text.chars().next().unwrap_or(' ');
        // A sentence opening inside brackets, `(so people ...)`, `(note
        // ...)`, is an aside whose case the writer chose; a text opening
        // (or a line) with `by` is a byline (`by Jane Doe on June 3`); a letter of a
        // dotted abbreviation (`p.s.`, `i.e.`) is no word.
        // A single letter closed by a bracket or a full stop is a list
        // marker (`a) first`, `b. second`), not a word.
        // So is one opening the text before a capitalised word, a bullet
        // typed as a letter (`o Our options`).
        let marker = w.text.len() == 1
            && (text[w.end()..].starts_with(')')
                || (text[w.end()..].starts_with('.')
                    && text[w.end() + 1..].starts_with(char::is_whitespace))
                || (text[..w.start].trim().is_empty()
                    && text[w.end()..]
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(char::is_uppercase))));
        // A word alone in quotation marks (`"init" won't care`) is a
        // mention, written as the thing it names is.
        let quoted = text[..w.start].ends_with(['"', '\u{201C}', '\''])
            && text[w.end()..].starts_with(['"', '\u{201D}', '\'']);
        // A letter before a slash is a unit or a shorthand written in
        // lowercase (`f/2.8`, `e/acc`, `r/rust`), not a word opening a
        // sentence.
        let shorthand = w.text.len() == 1 && text[w.end()..].starts_with('/');
        // A postscript's mark (`ps.`, `ps:`) is no word, and kisses
        // signing a message (`xx`) are written as their sender pleases.
        let sign = (w.text == "ps" && text[w.end()..].starts_with(['.', ':']))
            || w.text.bytes().all(|b| b == b'x');
        if marker || shorthand || sign || (sentence_start && quoted && !name) {
            continue;
        }
        let aside = text[..w.start].ends_with(['(', '['])
            || (w.text == "by"
                && text[..w.start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with('\n'))
            || (w.start == text.len() - text.trim_start().len() && w.text == "by")
            // A title ending on its own mark names its writer after it
            // (`Could Your Brand Survive a Flood? by Jane Doe`).
            || (w.text == "by"
                && text[..w.start].trim_end().ends_with(['?', '!'])
                && text[w.end()..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_uppercase)))
            || (text[w.end()..].starts_with('.')
                && text[w.end() + 1..].starts_with(|c: char| c.is_alphabetic()));
        // A sentence inside brackets (`(like, last year. ha.)`) is an
        // aside too; only asked of lowercase starts, which are rare.
        let in_brackets = || {
            let before = &text[..w.start];
            before.matches(['(', '[']).count() > before.matches([')', ']']).count()
        };
        if sentence_start && !name && (aside || in_brackets()) {
            continue;
        }
        // A word the document writes lowercase mid-sentence again and
        // again and never capitalised is a brand or a command written so
        // on purpose (`libgccjit`, `ecobee`), even opening a sentence.
        let lowercase_by_choice = || {
            evidence
                .doc
                .get(w.stem())
                .is_some_and(|&(caps, lower)| caps == 0 && lower >= 2)
                && !dictionary::is_english(w.stem())
                // A known misspelling (`teh`) is no choice: the typos pass
                // corrects it after this one, and the word it becomes
                // would be capitalised when the output is cleaned again.
                && crate::lexicon::misspellings::candidates(w.stem()).is_none()
        };
        // A word no dictionary knows and the document never capitalises
        // is a command, a package or a brand (`systemd`, `libgccjit:`),
        // short of a slip the typos pass corrects: the word it becomes
        // would be capitalised when the output is cleaned again.
        let unknown_never_capitalised = || {
            unknown_to_dictionary(w.stem())
                && evidence
                    .doc
                    .get(w.stem())
                    .is_none_or(|&(caps, _)| caps == 0)
                && crate::lexicon::misspellings::candidates(w.stem()).is_none()
                && crate::lexicon::misspellings::dictionary_correction(w.stem()).is_none()
        };
        // A word followed by a flag (`hostname -I`, `ls --all`) is a
        // command.
        let command = || {
            text[w.end()..]
                .strip_prefix(" -")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-'))
        };
        if sentence_start
            && !name
            && (lowercase_by_choice() || unknown_never_capitalised() || command())
        {
            continue;
        }
        if sentence_start {
            starts.push((w.start, c, name));
        } else if name {
            fixes.push(capital(w.start, c));
        }
    }
    let starts_are_errors = upper >= lower || (lower == 1 && upper == 0);
    // Asked only of a lowercase start opening a line, which is rare: the
    // line holding byte `at`.
    let byline = |at: usize| {
        let from = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let to = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[from..to];
        crate::text::bylines::is_comment_byline(line)
            || (lowercase_dated_lines && is_dated_line(line))
    };
    for (at, c, name) in starts {
        let opens_text = text[..at]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\''));
        let opens_line = text[..at]
            .trim_end_matches([' ', '“', '"', '‘', '\''])
            .ends_with('\n');
        // A commenter's name too is written as its owner pleases.
        if (opens_text || opens_line) && byline(at) {
            continue;
        }
        // Only a start after a plain sentence end is capitalised, whatever
        // the census says: after an abbreviation or a code in capitals
        // (`Our IDs. models`) the sentence may well go on. Were the census
        // to reach those too, the capitals the habit gives the plain starts
        // could tip it on a second cleaning, and change the output again.
        let plain_start = opens_text || opens_line || after_plain_full_stop(text, at);
        if name || (plain_start && (starts_are_errors || capitalised_document)) {
            fixes.push(capital(at, c));
        }
    }
    // Code and commands keep their case (`const`, `git`, `pub fn`); a
    // writer who writes the pronoun `i` in lowercase writes their
    // sentences and names as they please (a comment, a chat): what looks
    // like a slip is their style. Both leave the text as written whatever
    // the words above found, so they are asked last, and only of the few
    // texts that have something to fix: the code check reads every line.
    if fixes.is_empty()
        || lowercase_pronoun(text)
        || text.lines().any(crate::text::looks_like_code)
        || shredded_code(text)
    {
        return Vec::new();
    }
    // A word may be both a sentence start and half of a two-word name.
    fixes.sort_by_key(|f| f.range.start);
    fixes.dedup_by_key(|f| f.range.start);
    fixes
}

/// True when the word at byte `at` of `text` opens a line (perhaps after
/// opening quotes) and the line before ends a sentence plainly (see
/// [`after_plain_full_stop`]).
/// A line of three words or fewer (a name, `trackback`, `close form`) is a
/// label or a link, not a sentence; a line after a quotation ending on its
/// own mark (`"What is local SEO?"`) may go on with the sentence that
/// quoted it.
fn opens_line_after_sentence(text: &str, at: usize) -> bool {
    let Some(before) = text[..at]
        .trim_end_matches([' ', '\t', '“', '"', '‘', '\''])
        .strip_suffix('\n')
    else {
        return false;
    };
    let line = text[at..].lines().next().unwrap_or("");
    before.trim_end().ends_with(['.', '!', '?'])
        && line
            .split_whitespace()
            .nth(MIN_LINE_SENTENCE_WORDS - 1)
            .is_some()
        && after_plain_full_stop(text, at)
}

/// True when the lines of `text` open with a capital as a rule: three or
/// more open with a letter, and enough of them with a capital (see
/// [`mostly_capitalised`]).
fn lines_capitalised(text: &str) -> bool {
    let (upper, lower) = first_letter_census(text.lines());
    upper + lower >= 3 && mostly_capitalised((upper, lower))
}

/// True when the word at byte `at` of `text` opens a line (perhaps after
/// opening quotes) that is a point of its own after another: it holds
/// four words or more and the line before three or more (shorter ones are
/// labels, prices and links: `Slim fit`, `Compared to $40`,
/// `Loaded 296 results`); the line before stops on a lowercase
/// word that leaves no sentence open (not on a comma, a colon, a hyphen,
/// a figure or a function word: `... view the names of` and then `all
/// registered tasks`; nor on a capitalised word, which ends a title or a
/// byline: `By Jane Doe`); and this one ends as no sentence does (a line
/// ending one after a line that does not is the end of a wrapped
/// sentence), nor opens on a word that joins it to the line before
/// (`One integrated platform` and then `that unites your`).
fn opens_line_after_point(text: &str, at: usize) -> bool {
    const JOINING: &[&str] = &[
        "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "than", "that",
        "to", "which", "who", "with",
    ];
    let Some(before) = text[..at]
        .trim_end_matches([' ', '\t', '“', '"', '‘', '\''])
        .strip_suffix('\n')
    else {
        return false;
    };
    let before = before.trim_end();
    let before = before.rsplit('\n').next().unwrap_or(before);
    let line = text[at..].lines().next().unwrap_or("").trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let mut buf = [0u8; 16];
    let three_words = |l: &str| l.split_whitespace().nth(2).is_some();
    let opening = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    three_words(before)
        && line
            .split_whitespace()
            .nth(MIN_LINE_SENTENCE_WORDS - 1)
            .is_some()
        && !JOINING.contains(&opening)
        && before.ends_with(char::is_alphabetic)
        && last.starts_with(char::is_lowercase)
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
        && !crate::text::ascii_lower(last, &mut buf)
            .is_some_and(|w| crate::lexicon::stopwords::EN.contains(&w))
}

/// The fewest words of a line taken for a sentence after a line that ends
/// one.
const MIN_LINE_SENTENCE_WORDS: usize = 4;

/// True when the lowercase word `w` of `text` may be half of a name written
/// as a pair: a word of four letters or more, standing free, that is no
/// function word (`from`, `with`, `what`: title case capitalises those
/// too, `Carved in Stone` and `What Sets Us Apart from`).
fn pair_word(w: &Word<'_>, text: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "about", "also", "been", "could", "from", "have", "into", "just", "like", "many", "more",
        "most", "much", "only", "onto", "over", "should", "some", "such", "than", "that", "their",
        "then", "there", "these", "this", "those", "under", "upon", "very", "were", "what", "when",
        "where", "which", "will", "with", "would", "your",
    ];
    w.stem().len() >= 4
        && !FUNCTION_WORDS.contains(&w.stem())
        && free_standing(text, w.start, w.end())
        && possessive_or_plain(w)
}

/// The most words of a line taken for the date line of a post.
const MAX_DATED_LINE_WORDS: usize = 10;

/// True when `text` is a short line that dates a post or an answer rather
/// than a sentence (`answered May 2, 2009 at 0:09`, `pam on October 23rd,
/// 2012 1:49 pm`, `posted by copyranter @ 6:43 PM`): at most ten words, no
/// full stop at its end, and a month name before a figure or a time of
/// day. Such lines are written as their site or commenter pleases.
fn is_dated_line(text: &str) -> bool {
    let text = text.trim();
    if text.ends_with(['.', '!', '?'])
        || text.split_whitespace().nth(MAX_DATED_LINE_WORDS).is_some()
        || !text.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let mut words = text.split_whitespace().peekable();
    while let Some(w) = words.next() {
        // A time of day: `6:43`, `0:09`.
        let time = w
            .split_once(':')
            .is_some_and(|(h, m)| is_figure(h) && m.len() >= 2 && is_figure(&m[..2]));
        let mut buf = [0u8; 16];
        let month = crate::text::ascii_lower(w.trim_end_matches([',', '.']), &mut buf)
            .is_some_and(crate::lexicon::months::is_month)
            && words
                .peek()
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        if time || month {
            return true;
        }
    }
    false
}

fn is_figure(s: &str) -> bool {
    !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when `text` holds the pronoun `i` in lowercase inside a sentence
/// (`now that i know`).
fn lowercase_pronoun(text: &str) -> bool {
    // Most texts hold no ` i` at all: one scan decides.
    text.match_indices(" i").any(|(at, _)| {
        // After a sentence's end, a lowercase `i` is one slip among the
        // starts: only one inside a sentence tells the writer's habit.
        let inside = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == ',');
        let rest = &text[at + 2..];
        // Not `i'm`: a pronoun's contraction in lowercase is as often
        // a start or a name lowercased by mistake.
        inside && rest.starts_with([' ', ','])
    })
}

/// Lowercase uses of a word mid-sentence that make the document's usage
/// win over the lexicon. The counts of capitalised uses leave out words
/// beside another capital (`Taylor Swift`), so a name mostly written in
/// full is undercounted: only a word written lowercase again and again
/// outweighs that.
const MIN_LOWERCASE_USES: u32 = 8;

/// True when the document writes lowercase `stem` in lowercase mid-sentence
/// again and again, more often than capitalised: its own usage
/// (a brand written `facebook` by its commenters, a common noun) wins over
/// the lexicon, the dictionary and the folder.
fn lowercase_by_document(stem: &str, evidence: &Evidence<'_>) -> bool {
    evidence
        .doc
        .get(stem)
        .is_some_and(|&(caps, lower)| lower >= MIN_LOWERCASE_USES && lower > caps)
}

/// True when the word `w` of `text`, whose stem in lowercase is `stem`, is
/// a name by the lexicon, the dictionary or the document's usage, standing
/// free (not part of a path or a command) and not a contraction's stem.
fn is_name(stem: &str, w: &Word<'_>, text: &str, evidence: &Evidence<'_>) -> bool {
    w.kind == WordKind::Alpha
        && !lowercase_by_document(stem, evidence)
        && (is_proper_noun(stem)
            || evidence.capitalises(stem)
            || demonym_of_name(stem, evidence)
            || dictionary_name(stem, evidence))
        && free_standing(text, w.start, w.end())
        && possessive_or_plain(w)
}

/// True when the capitalised word `w` of `text` would be taken for a name
/// were it written in lowercase.
fn titled_name(w: &Word<'_>, text: &str, evidence: &Evidence<'_>) -> bool {
    let mut buf = [0u8; 32];
    crate::text::ascii_lower(w.stem(), &mut buf)
        .is_some_and(|stem| is_name(stem, w, text, evidence))
}

/// True when lowercase `word` is the adjective or demonym of a known name
/// or of one the document capitalises (`valencian` for `Valencia`,
/// `andalusian` where `Andalusia` is written capitalised, `moroccan` for
/// `Morocco`, `israeli` for `Israel`).
fn demonym_of_name(word: &str, evidence: &Evidence<'_>) -> bool {
    if word.len() < 5 || !word.is_ascii() {
        return false;
    }
    // Only these endings make demonyms; most words leave here, before any
    // look-up.
    let b = word.as_bytes();
    let shaped = match b[b.len() - 1] {
        b'n' => matches!(b[b.len() - 2], b'a' | b'i'),
        b'i' => true,
        b'e' => word.ends_with("ese"),
        _ => false,
    };
    if !shaped || is_common_word(word) {
        return false;
    }
    let base_is_name =
        |base: &str| base.len() >= 4 && (is_proper_noun(base) || evidence.capitalises(base));
    let mut buf = [0u8; 32];
    let mut with = |stem: &str, tail: &str| -> bool {
        let len = stem.len() + tail.len();
        if len > buf.len() {
            return false;
        }
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..len].copy_from_slice(tail.as_bytes());
        std::str::from_utf8(&buf[..len]).is_ok_and(base_is_name)
    };
    // -ian/-an after a final a (Valencia-n, Kenya-n), -an for a final o
    // (Morocc-an), -ese and -i after the whole name (Japan-ese, Israel-i).
    (word.ends_with('n') && with(&word[..word.len() - 1], ""))
        || (word.ends_with("an") && with(&word[..word.len() - 2], "o"))
        || (word.ends_with("ese") && with(&word[..word.len() - 3], ""))
        || (word.ends_with('i') && with(&word[..word.len() - 1], ""))
}

/// The fix that capitalises the character `c` at byte `at`.
fn capital(at: usize, c: char) -> Fix {
    Fix::new(at..at + c.len_utf8(), c.to_uppercase().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;
    use crate::document::{ListItem, Table};
    use crate::options::Options;
    use crate::pipeline::Pipeline;

    fn fixed(text: &str) -> String {
        let counts = CasingCounts::default();
        let ev = Evidence {
            doc: &counts,
            folder: None,
        };
        let mut out = String::new();
        let mut last = 0;
        for f in casing_fixes(text, true, &ev) {
            out.push_str(&text[last..f.range.start]);
            out.push_str(&f.replacement);
            last = f.range.end;
        }
        out.push_str(&text[last..]);
        out
    }

    fn run(doc: &mut Document) {
        doc.meta.language = Some("en".into());
        let p = Pipeline::empty()
            .with_options(Options::default())
            .with_pass(RepairCasing);
        p.run(doc);
    }

    #[test]
    fn sentence_starts_and_proper_nouns() {
        assert_eq!(
            fixed("The talks ended. Then german and moroccan envoys left for europe. it rained."),
            "The talks ended. Then German and Moroccan envoys left for Europe. It rained."
        );
        assert_eq!(
            fixed("Ask Dr. smith, e.g. the U.S. officials at 5 p.m. on time."),
            "Ask Dr. smith, e.g. the U.S. officials at 5 p.m. on time."
        );
    }

    #[test]
    fn ambiguous_and_mixed_words_stay() {
        let s = "We may march in august with turkey and china, polish the iPhone and eBay.";
        assert_eq!(fixed(s), s);
        let s = "See example.com, #france and @spain.";
        assert_eq!(fixed(s), s);
        // List markers are no words.
        let s = "a) Rain fell. b) Rivers rose. c. Roads closed.";
        assert_eq!(fixed(s), s);
    }

    #[test]
    fn bylines_named_marks_and_lowercase_lines_stay() {
        for s in [
            "tim — July 17th, 2012, 8:35 pm",
            "john: 6:28 AM",
            "The splendid Volkswagen UP! was added to the line-up.",
            "The adorable Live! host admitted it.",
            "Some older (like, within the last year. ha.) episodes air.",
            "An attack in Okla. caught on video, esp. because it rained.",
            "Tent: 57 in.; vestibule: 70 in. in all.",
            "o Our tax options are broad.",
            "Other systems work too. \"init\" won't care.",
            "A bright zoom lens. f/4 holds across the range.",
            "Folks on the forum argue. e/acc is their banner.",
            "We toured a mill near Hershey, Penn. over two days.",
            "Was the gate shut? she wondered. Nobody knew.",
            "Run for it! he shouted, and ran.",
            "What a lovely day out! xx",
            "Thanks for the tips. ps. the link is broken.",
        ] {
            assert_eq!(fixed(s), s);
        }
        assert_eq!(fixed("What a day! we won."), "What a day! We won.");
        assert_eq!(
            fixed("Does it hold? we asked nine riders."),
            "Does it hold? We asked nine riders."
        );
        let mut doc = Document::default();
        for line in [
            "like secret agents",
            "or hidden cameras?",
            "one missing link?",
        ] {
            doc.add(Block::Paragraph { text: line.into() });
        }
        doc.add(Block::Paragraph {
            text: "the last line ends here.".into(),
        });
        run(&mut doc);
        assert_eq!(
            doc.blocks()[1],
            Block::Paragraph {
                text: "or hidden cameras?".into()
            }
        );
        assert_eq!(
            doc.blocks()[3],
            Block::Paragraph {
                text: "The last line ends here.".into()
            }
        );
    }

    #[test]
    fn code_cut_into_a_token_a_line_and_its_comments_stay() {
        let code = "fetch\n(\nlink\n,\nzorbal\n=\nzorbal\n)";
        let prose = "The Zorbal goes with each call. A Zorbal is a secret. Keep the Zorbal safe.";
        let mut doc = Document::default();
        let comment = Block::Heading {
            level: 1,
            text: "wait a minute before the next call.".into(),
        };
        for block in std::iter::repeat_n(prose, 3)
            .map(|t| Block::Paragraph { text: t.into() })
            .chain([comment, Block::Paragraph { text: code.into() }])
        {
            doc.add(block);
        }
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert_eq!(texts[3], "wait a minute before the next call.");
        assert_eq!(texts[4], code);
        // A comment line read as a first-level heading before a line of
        // code keeps its case; a heading of another level does not.
        let mut doc = Document::default();
        for title in ["Queues", "Workers", "Retries"] {
            doc.add(Block::Heading {
                level: 2,
                text: title.into(),
            });
        }
        for (level, title) in [
            (1, "then start the worker again"),
            (2, "starting the worker"),
        ] {
            doc.add(Block::Heading {
                level,
                text: title.into(),
            });
            doc.add(Block::Paragraph {
                text: "worker = spawn(queue, retries = 3)".into(),
            });
        }
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert_eq!(texts[3], "then start the worker again");
        assert_eq!(texts[5], "Starting the worker");
        // Lines of words with a mark alone now and then are no code.
        assert!(!shredded_code(
            "Paris\n-\nRome\nto\nLondon\n-\nOslo\nfrom here\nBern\nagain"
        ));
        assert!(shredded_code(code));
    }

    #[test]
    fn document_casing_restores_names() {
        let mut doc = Document::default();
        doc.add(Block::Paragraph {
            text:
                "The port of Tangier grew. Traders in Tangier sold salt. Ships left Tangier daily."
                    .into(),
        });
        doc.add(Block::Paragraph {
            text: "Many came to tangier’s markets.".into(),
        });
        run(&mut doc);
        assert_eq!(
            doc.blocks()[1],
            Block::Paragraph {
                text: "Many came to Tangier’s markets.".into()
            }
        );
    }

    #[test]
    fn a_capitalised_document_fixes_several_starts_in_one_paragraph() {
        let mut doc = Document::default();
        for _ in 0..4 {
            doc.add(Block::Paragraph {
                text: "Rain fell. Rivers rose. Roads closed.".into(),
            });
        }
        doc.add(Block::Paragraph {
            text: "The dam held. the town slept. the river fell. Our IDs. models".into(),
        });
        doc.add(Block::Quote {
            text: "we. are. on. it.".into(),
        });
        run(&mut doc);
        assert_eq!(
            doc.blocks()[4],
            Block::Paragraph {
                text: "The dam held. The town slept. The river fell. Our IDs. models".into()
            }
        );
        assert_eq!(
            doc.blocks()[5],
            Block::Quote {
                text: "we. are. on. it.".into()
            }
        );
    }

    #[test]
    fn demonyms_acronyms_and_two_word_names() {
        let mut doc = Document::default();
        doc.add(Block::Paragraph {
            text: "Trams in Andalusia run late. Buses in Andalusia run early. The andalusian plan \
                   came from the european union and the uk, not from the north sea."
                .into(),
        });
        run(&mut doc);
        assert_eq!(
            doc.blocks()[0],
            Block::Paragraph {
                text: "Trams in Andalusia run late. Buses in Andalusia run early. The Andalusian plan \
                       came from the European Union and the UK, not from the North Sea."
                    .into()
            }
        );
        // A word that only looks like a derived form stays.
        let s = "The union met. Sea levels rose in the north. The plan went ahead.";
        assert_eq!(fixed(s), s);
        // A lowercase name at a sentence start is no sign of a lowercase
        // style: the plain lowercase start beside it is a slip too.
        assert_eq!(
            fixed("Talks began. the deal is done. kenyan envoys left."),
            "Talks began. The deal is done. Kenyan envoys left."
        );
    }

    #[test]
    fn titles_labels_and_lowercase_writers() {
        let mut doc = Document::default();
        for text in [
            "Trend 4: Holistic wellness",
            "instead of lifting, clients seek balance.",
            "Actionable takeaway:",
            "audit your sourcing and packaging.",
            "It uses:",
            "a network of sensors",
            "now that i know, i am happy. thanks for it.",
        ] {
            doc.add(Block::Paragraph { text: text.into() });
        }
        doc.add(Block::List {
            ordered: false,
            items: ["pending", "fulfilled", "rejected"]
                .into_iter()
                .map(|l| ListItem {
                    label: Some(l.into()),
                    text: "The promise waits.".into(),
                })
                .collect(),
        });
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        // A short title or label opens no sentence for the paragraph after.
        assert_eq!(texts[1], "Instead of lifting, clients seek balance.");
        assert_eq!(texts[3], "Audit your sourcing and packaging.");
        // A fragment after a sentence's colon goes on.
        assert_eq!(texts[5], "a network of sensors");
        // A writer of a lowercase `i` writes as they please.
        assert_eq!(texts[6], "now that i know, i am happy. thanks for it.");
        let Block::List { items, .. } = &doc.blocks()[7] else {
            panic!()
        };
        assert_eq!(items[0].label.as_deref(), Some("pending"));
    }

    #[test]
    fn points_naming_their_subject_before_a_dash_keep_their_style() {
        let mut doc = Document::default();
        for text in [
            "short of time? – buy the dough ready made.",
            "dairy-free – use oat milk in the batter.",
            "no oven – fry the rounds in a pan instead.",
            "Served warm, it feeds four.",
            "Quick version – halve the resting time.",
            "slow version – let it rest overnight.",
        ] {
            doc.add(Block::Paragraph { text: text.into() });
        }
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert_eq!(texts[0], "short of time? – buy the dough ready made.");
        assert_eq!(texts[2], "no oven – fry the rounds in a pan instead.");
        // Two points, one of them capitalised, are no style.
        assert_eq!(texts[5], "Slow version – let it rest overnight.");
    }

    #[test]
    fn a_list_item_cut_on_a_word_no_sentence_ends_on_goes_on() {
        let mut doc = Document::default();
        doc.add(Block::List {
            ordered: false,
            items: vec![ListItem {
                label: None,
                text: "The short note, kept for the record, which will".into(),
            }],
        });
        doc.add(Block::Paragraph {
            text: "be read out at the next meeting.".into(),
        });
        doc.add(Block::List {
            ordered: false,
            items: vec![ListItem {
                label: None,
                text: "Bring a lamp".into(),
            }],
        });
        doc.add(Block::Paragraph {
            text: "the path is dark after nine.".into(),
        });
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert_eq!(texts[1], "be read out at the next meeting.");
        assert_eq!(texts[3], "The path is dark after nine.");
    }

    #[test]
    fn lines_after_a_sentence_and_names_written_as_pairs() {
        let mut doc = Document::default();
        doc.add(Block::Paragraph {
            text: "Our team packs every box by hand.\nwe ship to most towns within a week.\n\
                   Delivery is free on orders over ten pounds,\nso long as they fit one box."
                .into(),
        });
        doc.add(Block::Paragraph {
            text: "The Harbour Rowing club met. Members of the Harbour Rowing club rowed. \
                   The Harbour rowing club won."
                .into(),
        });
        // A lowercase word the document writes both ways stays.
        doc.add(Block::Paragraph {
            text: "We tried the Slow Cooker plan, then the Slow cooker plan again, the \
                   Slow Cooker plan once more and the Slow cooker plan last."
                .into(),
        });
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert_eq!(
            texts[0],
            "Our team packs every box by hand.\nWe ship to most towns within a week.\n\
             Delivery is free on orders over ten pounds,\nso long as they fit one box."
        );
        assert_eq!(
            texts[1],
            "The Harbour Rowing club met. Members of the Harbour Rowing club rowed. \
             The Harbour Rowing club won."
        );
        assert!(
            texts[2].contains("the Slow cooker plan again"),
            "{}",
            texts[2]
        );
    }

    #[test]
    fn points_of_a_list_without_markers_and_the_paragraph_after_a_title() {
        let mut doc = Document::default();
        doc.add(Block::Lines {
            text: "Planting bulbs before the first frost\nWatering the beds every other day\n\
                   keeping slugs away from young shoots\nChoosing a sunny spot for the roses\n\
                   Pruning dead wood in late winter"
                .into(),
        });
        // A wrapped sentence, a line joined to the one before and short
        // labels stay as written.
        doc.add(Block::Lines {
            text: "Mulch keeps the soil moist in dry spells\nMost gardeners spread it thickly\n\
                   Compost feeds the soil through the year\nOne tidy border near the gate\n\
                   that catches the morning sun\nSlim fit\nbright red tulips"
                .into(),
        });
        doc.add(Block::Paragraph {
            text: "spring Planting Guide for Small gardens".into(),
        });
        doc.add(Block::Paragraph {
            text: "most bulbs want a cold spell before they flower. They rest all winter.".into(),
        });
        doc.add(Block::Lines {
            text: "sowing seeds in trays indoors\nThinning the seedlings once they sprout\n\
                   Hardening them off in a cold frame"
                .into(),
        });
        run(&mut doc);
        let texts: Vec<String> = doc.blocks().iter().map(Block::plain_text).collect();
        assert!(texts[4].starts_with("Sowing seeds"), "{}", texts[4]);
        assert!(texts[0].contains("\nKeeping slugs away"), "{}", texts[0]);
        assert!(texts[1].contains("\nthat catches"), "{}", texts[1]);
        assert!(texts[1].contains("\nbright red tulips"), "{}", texts[1]);
        assert!(texts[3].starts_with("Most bulbs"), "{}", texts[3]);
        // A title ending on its own mark, and its writer.
        assert_eq!(
            fixed("Will the harbour wall hold? by Ann Lee"),
            "Will the harbour wall hold? by Ann Lee"
        );
        assert_eq!(
            fixed("Will the harbour wall hold? by then the tide turns."),
            "Will the harbour wall hold? By then the tide turns."
        );
    }

    #[test]
    fn a_name_the_document_writes_lowercase_as_often_stays() {
        let mut doc = Document::default();
        for i in 0..9 {
            doc.add(Block::Paragraph {
                text: format!("I shared the post on facebook with {i} friends."),
            });
        }
        for i in 0..4 {
            doc.add(Block::Paragraph {
                text: format!("She shared it on Facebook with {i} friends."),
            });
        }
        run(&mut doc);
        assert_eq!(
            doc.blocks()[0].plain_text(),
            "I shared the post on facebook with 0 friends."
        );
    }

    #[test]
    fn dated_lines_are_told_from_sentences() {
        for s in [
            "answered May 2, 2009 at 0:09",
            "pam on October 23rd, 2012 1:49 pm",
            "posted by copyranter @ 6:43 PM",
        ] {
            assert!(is_dated_line(s), "{s}");
        }
        for s in [
            "the talks resume on May 2, in Geneva.",
            "we met in may and left",
            "the ratio was 2:1 in favour",
        ] {
            assert!(!is_dated_line(s), "{s}");
        }
    }

    #[test]
    fn labels_items_and_cells() {
        let mut doc = Document::default();
        doc.add(Block::List {
            ordered: false,
            items: vec![
                ListItem {
                    label: Some("soil Care".into()),
                    text: "adding compost every spring.".into(),
                },
                ListItem {
                    label: Some("Pruning".into()),
                    text: "Cut back in winter.".into(),
                },
                ListItem {
                    label: Some("Watering".into()),
                    text: "Little and often.".into(),
                },
                ListItem::plain("apples"),
            ],
        });
        // A lone labelled item says nothing of the list's style: the text
        // after its label stays as written (`W-2: employer-provided form`).
        let mut lone = Document::default();
        lone.add(Block::List {
            ordered: false,
            items: vec![ListItem {
                label: Some("W-2".into()),
                text: "employer-provided form if you earned wages".into(),
            }],
        });
        run(&mut lone);
        let Block::List { items, .. } = &lone.blocks()[0] else {
            panic!()
        };
        assert_eq!(items[0].text, "employer-provided form if you earned wages");
        doc.add(Block::Table(Table::new(
            None,
            vec!["Crop".into(), "Note".into()],
            vec![
                vec!["Wheat".into(), "Sown in autumn.".into()],
                vec!["barley".into(), "Hardy in cold.".into()],
                vec!["Oats".into(), "grow fast.".into()],
                vec!["rye".into(), "Likes sand.".into()],
            ],
        )));
        run(&mut doc);
        let Block::List { items, .. } = &doc.blocks()[0] else {
            panic!()
        };
        assert_eq!(items[0].label.as_deref(), Some("Soil Care"));
        assert_eq!(items[0].text, "Adding compost every spring.");
        assert_eq!(items[3].text, "apples");
        let Block::Table(t) = &doc.blocks()[1] else {
            panic!()
        };
        // Column 0 is half lowercase: left alone; column 1 is capitalised.
        assert_eq!(t.rows[1][0], "barley");
        assert_eq!(t.rows[2][1], "Grow fast.");
        let mut doc2 = Document::default();
        doc2.add(Block::List {
            ordered: false,
            items: vec![
                ListItem {
                    label: Some("legal frameworks".into()),
                    text: "Laws agree.".into(),
                },
                ListItem {
                    label: Some("Data Sharing".into()),
                    text: "Records move.".into(),
                },
                ListItem {
                    label: Some("Joint Patrols".into()),
                    text: "Ships sail.".into(),
                },
            ],
        });
        run(&mut doc2);
        let Block::List { items: titled, .. } = &doc2.blocks()[0] else {
            panic!()
        };
        assert_eq!(titled[0].label.as_deref(), Some("Legal Frameworks"));
    }

    /// The pass counting its rounds, and reading every text again in
    /// every round unless `skip` (as the pass itself does) is set.
    struct Rounds {
        skip: bool,
        count: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }

    impl Pass for Rounds {
        fn name(&self) -> &str {
            "casing"
        }

        fn description(&self) -> &str {
            "the casing pass, counting its rounds"
        }

        fn run(&self, cx: &mut PassContext<'_>) {
            let mut last = None;
            for _ in 0..MAX_ROUNDS {
                self.count
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if !self.skip {
                    last = None;
                }
                if !repair_casing_once(cx, &mut last) {
                    break;
                }
            }
        }
    }

    /// How many rounds the pass makes over `doc`, left as the pass leaves it.
    fn rounds(doc: &mut Document, skip: bool) -> usize {
        doc.meta.language = Some("en".into());
        let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        Pipeline::empty()
            .with_options(Options::default())
            .with_pass(Rounds {
                skip,
                count: count.clone(),
            })
            .run(doc);
        count.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A document whose own capitals change its reading: one-line
    /// paragraphs whose starts the first round raises until the document
    /// capitalises its sentences as a rule, names it writes capitalised,
    /// a demonym, lists, a table and headings.
    fn several_rounds() -> Document {
        let mut doc = Document::default();
        doc.add(Block::Heading {
            level: 2,
            text: "harbour news".into(),
        });
        for _ in 0..3 {
            doc.add(Block::Paragraph {
                text: "Rain fell. Rivers rose. Roads closed.".into(),
            });
        }
        for _ in 0..3 {
            doc.add(Block::Paragraph {
                text: "Boats left. ships stayed. Nets dried.".into(),
            });
        }
        doc.add(Block::Paragraph {
            text: "the dam held. the town slept. Our guide from Zorbland spoke.".into(),
        });
        doc.add(Block::Paragraph {
            text: "Traders from Zorbland came. Then zorbland sent envoys.".into(),
        });
        doc.add(Block::Paragraph {
            text: "Many zorblander traders and morocco sent word to the port.".into(),
        });
        doc.add(Block::List {
            ordered: false,
            items: vec![
                ListItem {
                    label: None,
                    text: "Salt from the coast.".into(),
                },
                ListItem {
                    label: None,
                    text: "Fish from the bay.".into(),
                },
                ListItem {
                    label: None,
                    text: "grain from zorbland.".into(),
                },
            ],
        });
        doc.add(Block::Table(Table {
            caption: None,
            columns: vec!["Crop".into(), "Note".into()],
            rows: vec![
                vec!["Wheat".into(), "Grows in zorbland.".into()],
                vec!["Barley".into(), "grows slowly.".into()],
                vec!["Oats".into(), "Ripen late.".into()],
            ],
        }));
        doc.add(Block::Paragraph {
            text: "Nothing here needs a fix at all.".into(),
        });
        doc
    }

    #[test]
    fn later_rounds_read_again_only_what_may_have_changed() {
        for doc in [several_rounds(), {
            let mut d = several_rounds();
            d.add(Block::Code {
                text: "let x = zorbland();".into(),
            });
            d
        }] {
            let mut skipping = doc.clone();
            let n = rounds(&mut skipping, true);
            let mut everything = doc.clone();
            rounds(&mut everything, false);
            assert_eq!(skipping.blocks(), everything.blocks());
            assert_ne!(skipping.blocks(), doc.blocks());
            assert!(n >= 2, "{n} rounds");
        }
    }

    #[test]
    fn a_tally_counts_a_changed_text_again() {
        let old = "Ships from zorbland sailed to the Zorbland Coast. We. are. here.";
        let new = "Ships from Zorbland sailed to the Zorbland Coast. We. Are. Here.";
        let other = "Boats from Zorbland came. the Zorbland Coast is far.";
        let mut tally = Tally::default();
        tally.read(TextRole::Paragraph, old);
        tally.read(TextRole::Paragraph, other);
        let (mut removed, mut added) = (Tally::default(), Tally::default());
        removed.read(TextRole::Paragraph, old);
        added.read(TextRole::Paragraph, new);
        tally.remove(&removed);
        tally.add(&added);
        let mut fresh = Tally::default();
        fresh.read(TextRole::Paragraph, new);
        fresh.read(TextRole::Paragraph, other);
        assert_eq!(tally, fresh);
        // Taking away all a text counted leaves nothing of it behind.
        tally.remove(&fresh);
        assert_eq!(tally, Tally::default());
    }

    #[test]
    fn a_text_is_read_again_when_a_word_it_holds_is_counted_differently() {
        let habits = Habits {
            capitalised_document: false,
            lowercase_dated_lines: false,
            line_starts: true,
            lowercase_headings: false,
        };
        let styles = || vec![BlockStyle::default(), BlockStyle::default()];
        let reading = |old: &str, new: &str| {
            let (mut removed, mut added) = (Tally::default(), Tally::default());
            removed.read(TextRole::ListText, old);
            added.read(TextRole::ListText, new);
            Reading {
                habits,
                styles: styles(),
                tally: Tally::default(),
                removed,
                added,
                fixed: vec![true, false, false],
            }
        };
        // `zorblando` written capitalised once more mid-sentence.
        let u = Unchanged::since(
            reading("Envoys of zorblando left.", "Envoys of Zorblando left."),
            habits,
            &styles(),
        )
        .unwrap();
        let reads = |i, k, text| u.reads_as_before(i, k, TextRole::ListText, text);
        // The text given fixes is read again.
        assert!(!reads(0, 0, "Envoys of Zorblando left."));
        // Texts holding the word, in any case, or a demonym of it.
        assert!(!reads(1, 1, "Rain in ZORBLANDO fell."));
        assert!(!reads(1, 1, "The zorblandan envoys left."));
        // A text holding none of it reads as before.
        assert!(reads(1, 1, "Rain fell on the port."));
        assert!(reads(1, 2, "Ships left."));
        // A block read in another style is read again.
        let mut changed_style = styles();
        changed_style[1].capitalised_list = true;
        let u = Unchanged::since(
            reading("Envoys of zorblando left.", "Envoys of Zorblando left."),
            habits,
            &changed_style,
        )
        .unwrap();
        assert!(!u.reads_as_before(1, 1, TextRole::ListText, "Ships left."));
        assert!(u.reads_as_before(0, 1, TextRole::ListText, "Ships left."));
        // A sentence start raised changes no count: only the texts given
        // fixes are read again.
        let u = Unchanged::since(
            reading("the port grew. rain fell.", "The port grew. Rain fell."),
            habits,
            &styles(),
        )
        .unwrap();
        assert!(u.words.is_none());
        assert!(u.reads_as_before(1, 1, TextRole::Paragraph, "The port grew."));
        // Other habits: everything is read again.
        let other = Habits {
            capitalised_document: true,
            ..habits
        };
        assert!(
            Unchanged::since(
                reading("the port grew.", "The port grew."),
                other,
                &styles()
            )
            .is_none()
        );
    }

    #[test]
    fn a_changed_pair_has_paragraphs_read_again() {
        let habits = Habits {
            capitalised_document: false,
            lowercase_dated_lines: false,
            line_starts: true,
            lowercase_headings: false,
        };
        let (mut removed, mut added) = (Tally::default(), Tally::default());
        removed.read(TextRole::Paragraph, "They joined the football League.");
        added.read(TextRole::Paragraph, "They joined the Football League.");
        let prev = Reading {
            habits,
            styles: vec![BlockStyle::default()],
            tally: Tally::default(),
            removed,
            added,
            fixed: vec![true, false],
        };
        let u = Unchanged::since(prev, habits, &[BlockStyle::default()]).unwrap();
        assert!(u.pairs_changed);
        assert!(!u.reads_as_before(0, 1, TextRole::Paragraph, "Rain fell."));
        // Headings and list items do not ask pairs.
        assert!(u.reads_as_before(0, 1, TextRole::Heading, "Rain fell."));
    }
}
