//! Tables whose cells are still separated: by tabs, or by runs of two or
//! more spaces that line up in the same column positions line after line.

use super::Found;

/// Most a cell's start may drift from the header's column position in a
/// space-aligned table (right-aligned numbers, a one-character slip).
const ALIGN_SLACK: usize = 2;

/// A line cut at its separators: tabbed or not, and each cell with the
/// character offset it starts at.
type Split = (bool, Vec<(usize, String)>);

/// Cells of `line` with the character offset each starts at; `None` when the
/// line has no separator.
fn split(line: &str) -> Option<Split> {
    let tabbed = line.contains('\t');
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut cell_start = 0;
    let mut spaces = 0;
    let mut separators = 0;
    for (ci, ch) in line.chars().enumerate() {
        let is_sep = if tabbed { ch == '\t' } else { ch == ' ' };
        if is_sep {
            spaces += 1;
            continue;
        }
        let boundary = if tabbed { spaces >= 1 } else { spaces >= 2 };
        if boundary && !cell.is_empty() {
            cells.push((cell_start, std::mem::take(&mut cell)));
            separators += 1;
        } else if spaces > 0 && !cell.is_empty() {
            cell.push(' ');
        }
        if cell.is_empty() {
            cell_start = ci;
        }
        spaces = 0;
        cell.push(ch);
    }
    if !cell.is_empty() {
        cells.push((cell_start, cell));
    }
    (separators > 0).then_some((tabbed, cells))
}

/// Finds the first run of a header and two or more rows with the same number
/// of separated cells (and, for spaces, the same column positions).
pub fn find(lines: &[&str]) -> Option<Found> {
    let split_lines: Vec<Option<Split>> = lines.iter().map(|l| split(l)).collect();
    let mut h = 0;
    while h < lines.len() {
        let Some((tabbed, header)) = &split_lines[h] else {
            h += 1;
            continue;
        };
        let width = header.len();
        let mut end = h + 1;
        while let Some(Some((t, cells))) = split_lines.get(end) {
            let aligned = *t
                || cells
                    .iter()
                    .zip(header)
                    .all(|((a, _), (b, _))| a.abs_diff(*b) <= ALIGN_SLACK);
            if *t != *tabbed || cells.len() != width || !aligned {
                break;
            }
            end += 1;
        }
        if width >= 2 && end - h >= 3 {
            let text =
                |cells: &Vec<(usize, String)>| cells.iter().map(|(_, c)| c.clone()).collect();
            return Some(Found {
                start: h,
                end,
                header: text(header),
                rows: split_lines[h + 1..end]
                    .iter()
                    .flatten()
                    .map(|(_, c)| text(c))
                    .collect(),
            });
        }
        h = end.max(h + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_split_cells() {
        let f = find(&["Intro line", "Name\tAge", "Anna\t31", "Ben\t42"]).unwrap();
        assert_eq!((f.start, f.end), (1, 4));
        assert_eq!(f.header, ["Name", "Age"]);
        assert_eq!(f.rows[1], ["Ben", "42"]);
    }

    #[test]
    fn aligned_spaces_split_cells_when_columns_line_up() {
        let f = find(&[
            "City      Rainfall  Month",
            "Leeds     12 mm     May",
            "Hull      9 mm      June",
        ])
        .unwrap();
        assert_eq!(f.header, ["City", "Rainfall", "Month"]);
        assert_eq!(f.rows[0], ["Leeds", "12 mm", "May"]);
        assert_eq!(
            find(&["One  two", "three four  five", "six  seven eight"]),
            None
        );
    }
}
