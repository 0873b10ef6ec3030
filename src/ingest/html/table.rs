//! HTML tables to [`Table`] blocks: header, spans expanded, nested tables
//! read as text of their cell. Tables used for page layout are told apart
//! so the walk reads them as boxes instead.

use super::dom::{Arena, Tag};
use super::text::TextBuf;
use crate::document::Table;

/// Largest span honoured; bigger values are page-layout tricks or errors.
const MAX_SPAN: usize = 50;

/// One cell as read, before spans are expanded.
struct RawCell {
    text: String,
    header: bool,
    colspan: usize,
    rowspan: usize,
}

/// The rows of table `t` (cells of nested tables belong to their own table
/// and are read as part of the enclosing cell's text).
fn raw_rows(arena: &Arena<'_>, t: usize) -> (Option<String>, Vec<(bool, Vec<RawCell>)>) {
    let nodes = &arena.nodes;
    let mut caption = None;
    let mut rows = Vec::new();
    let end = nodes[t].end as usize;
    let mut i = t + 1;
    let mut in_head_until = 0;
    while i < end {
        let n = &nodes[i];
        match n.tag {
            Tag::Table => {
                // A nested table outside any cell: its text is lost to the
                // grid, so read it as a row of one cell.
                rows.push((false, vec![cell(arena, i, false)]));
                i = n.end as usize;
            }
            Tag::Caption => {
                if caption.is_none() {
                    let mut buf = TextBuf::default();
                    buf.push_subtree(arena, i);
                    caption = Some(buf.take()).filter(|c| !c.is_empty());
                }
                i = n.end as usize;
            }
            Tag::Thead => {
                in_head_until = n.end as usize;
                i += 1;
            }
            Tag::Tr => {
                let cells = arena
                    .children(i)
                    .filter_map(|c| match nodes[c].tag {
                        Tag::Cell(h) => Some(cell(arena, c, h)),
                        _ => None,
                    })
                    .collect::<Vec<_>>();
                rows.push((i < in_head_until, cells));
                i = n.end as usize;
            }
            _ => i += 1,
        }
    }
    (caption, rows)
}

fn cell(arena: &Arena<'_>, c: usize, header: bool) -> RawCell {
    let mut buf = TextBuf::default();
    buf.push_subtree(arena, c);
    let span = |name: &str| {
        arena.nodes[c]
            .attr(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, MAX_SPAN)
    };
    RawCell {
        text: buf.take(),
        header,
        colspan: span("colspan"),
        rowspan: span("rowspan"),
    }
}

/// An upper bound on the cells table `t` expands to once its spans are laid
/// out: each cell counts its colspan times its rowspan. Checked before any
/// grid is built, so a hostile table is refused instead of filling memory.
pub fn expanded_cells_bound(arena: &Arena<'_>, t: usize) -> usize {
    let nodes = &arena.nodes;
    let span = |i: usize, name: &str| {
        nodes[i]
            .attr(name)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, MAX_SPAN)
    };
    (t + 1..nodes[t].end as usize)
        .filter(|&i| matches!(nodes[i].tag, Tag::Cell(_)))
        .fold(0usize, |acc, i| {
            acc.saturating_add(span(i, "colspan") * span(i, "rowspan"))
        })
}

/// True when table `t` lays out the page rather than holding data: one
/// column, mostly links, or cells holding paragraphs, headings, lists or
/// other tables.
pub fn is_layout(arena: &Arena<'_>, t: usize) -> bool {
    let nodes = &arena.nodes;
    let n = &nodes[t];
    if n.chars == 0 || (n.links >= 3 && n.link_density() > 0.5) {
        return true;
    }
    let end = n.end as usize;
    let mut widest = 0;
    let mut rows = 0;
    let mut depth_tables = 0;
    for i in t + 1..end {
        let d = &nodes[i];
        match d.tag {
            Tag::P | Tag::H(_) | Tag::List(_) | Tag::Blockquote | Tag::Pre | Tag::Dl => {
                return true;
            }
            Tag::Table => depth_tables += 1,
            Tag::Div if d.chars > 300 => return true,
            Tag::Tr => {
                rows += 1;
                let w = arena
                    .children(i)
                    .filter(|&c| matches!(nodes[c].tag, Tag::Cell(_)))
                    .count();
                widest = widest.max(w);
            }
            Tag::Cell(_) if d.chars > 600 => return true,
            _ => {}
        }
    }
    widest < 2 || rows < 2 || depth_tables > 1
}

/// Builds the table block for table `t`.
pub fn build(arena: &Arena<'_>, t: usize) -> Option<Table> {
    let (caption, raw) = raw_rows(arena, t);
    // Expand spans into a grid: `pending[c]` is (rows left, text) of a
    // rowspan reaching down into column c.
    let mut grid: Vec<(bool, Vec<String>)> = Vec::with_capacity(raw.len());
    let mut pending: Vec<(usize, String)> = Vec::new();
    for (in_head, cells) in raw {
        let mut row: Vec<String> = Vec::new();
        let all_header = !cells.is_empty() && cells.iter().all(|c| c.header);
        let mut cells = cells.into_iter();
        let mut col = 0;
        loop {
            if col < pending.len() && pending[col].0 > 0 {
                pending[col].0 -= 1;
                row.push(pending[col].1.clone());
                col += 1;
                continue;
            }
            let Some(c) = cells.next() else { break };
            for k in 0..c.colspan {
                if pending.len() <= col + k {
                    pending.resize(col + k + 1, (0, String::new()));
                }
                pending[col + k] = (c.rowspan - 1, c.text.clone());
                row.push(c.text.clone());
            }
            col += c.colspan;
        }
        if row.iter().any(|c| !c.is_empty()) {
            grid.push((in_head || all_header, row));
        }
    }
    if grid.is_empty() {
        return None;
    }
    let width = grid.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    // Header: the leading header rows (several are joined per column), else
    // the first row.
    let head_rows = grid.iter().take_while(|(h, _)| *h).count().max(1);
    let mut header = vec![String::new(); width];
    for (_, r) in &grid[..head_rows] {
        for (k, cell) in r.iter().enumerate() {
            if cell.is_empty() || header[k].ends_with(cell.as_str()) {
                continue;
            }
            if !header[k].is_empty() {
                header[k].push(' ');
            }
            header[k].push_str(cell);
        }
    }
    let rows = grid
        .into_iter()
        .skip(head_rows)
        .map(|(_, mut r)| {
            r.resize(width, String::new());
            r
        })
        .collect();
    Some(Table::new(caption, header, rows))
}
