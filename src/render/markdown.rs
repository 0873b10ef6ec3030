//! Markdown: `#` headings, lists with bold labels, pipe tables, `>` quotes,
//! fenced code.

use crate::document::{Block, Document};

/// The document as Markdown, its title (if any) as a level-1 heading.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.meta.title {
        out.push_str("# ");
        out.push_str(&inline(title));
        out.push_str("\n\n");
    }
    for b in doc.blocks() {
        if b.is_empty() {
            continue;
        }
        write_block(&mut out, b);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            for _ in 0..*level {
                out.push('#');
            }
            out.push(' ');
            out.push_str(&inline(text));
            out.push('\n');
        }
        Block::Paragraph { text } | Block::Lines { text } => {
            // Lines kept together in a paragraph stay on their own lines.
            for (i, line) in text.lines().enumerate() {
                if i > 0 {
                    out.push_str("  \n");
                }
                out.push_str(&inline(line));
            }
            out.push('\n');
        }
        Block::Quote { text } => {
            for line in text.lines() {
                out.push_str("> ");
                out.push_str(&inline(line));
                out.push('\n');
            }
        }
        Block::Code { text } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            out.push_str(fence);
            out.push('\n');
            out.push_str(text);
            if !text.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(fence);
            out.push('\n');
        }
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                if *ordered {
                    out.push_str(&format!("{}. ", i + 1));
                } else {
                    out.push_str("- ");
                }
                if let Some(label) = &item.label {
                    out.push_str("**");
                    out.push_str(&inline(label));
                    out.push_str(":**");
                    if !item.text.is_empty() {
                        out.push(' ');
                    }
                }
                out.push_str(&inline(&item.text));
                out.push('\n');
            }
        }
        Block::Table(t) => {
            if let Some(c) = &t.caption {
                out.push('*');
                out.push_str(&inline(c));
                out.push_str("*\n\n");
            }
            let row = |out: &mut String, cells: &[String]| {
                out.push('|');
                for c in cells {
                    out.push(' ');
                    out.push_str(&cell(c));
                    out.push_str(" |");
                }
                out.push('\n');
            };
            row(out, &t.columns);
            out.push('|');
            for _ in &t.columns {
                out.push_str(" --- |");
            }
            out.push('\n');
            for r in &t.rows {
                row(out, r);
            }
        }
    }
}

/// Escapes the characters that would turn plain text into Markdown markup.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.chars().enumerate() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(ch);
            }
            '#' if i == 0 => out.push_str("\\#"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A table cell: inline escaping plus pipes.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ListItem, Table};

    #[test]
    fn lists_bold_their_labels_and_tables_are_pipe_tables() {
        let mut doc = Document::default();
        doc.add(Block::List {
            ordered: false,
            items: vec![
                ListItem {
                    label: Some("Label".into()),
                    text: "says *this*".into(),
                },
                ListItem::plain("plain"),
            ],
        });
        doc.add(Block::Table(Table::new(
            None,
            vec!["A".into(), "B|C".into()],
            vec![vec!["1".into(), "2".into()]],
        )));
        assert_eq!(
            render(&doc),
            "- **Label:** says \\*this\\*\n- plain\n\n| A | B\\|C |\n| --- | --- |\n| 1 | 2 |\n"
        );
    }
}
