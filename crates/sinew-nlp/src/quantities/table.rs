//! Figures in a table's cells. Extraction writes a table row as one line, its cells apart
//! (`"Haier | Louisville | KY | 6,000"`), so a cell's words keep their byte spans in the clean
//! text. A bare number alone in its cell counts what its column header names: under "Number
//! of Employees" or "Employees", 6,000 is 6,000 employees. The header is the first line of the
//! run of rows with as many cells (blank lines between rows allowed), and must hold no digit.

use sinew_types::{Quantity, QuantityKind};

use super::lexicon::singular;

/// The cell separator extraction writes between a row's cells.
const SEP: &str = " | ";

/// Headers that rank or label rows: their numbers count nothing.
const LABEL_HEADERS: &[&str] = &[
    "rank", "ranking", "no", "no.", "#", "year", "years", "id", "code", "zip", "number",
    "position", "pos", "place", "seed", "season", "page", "pages", "item", "items",
];

/// Words before a counted noun in a header that say "how many": "Number of Employees",
/// "No. of Stores", "Total Deaths".
const COUNT_WORDS: &[&str] = &["number of", "no. of", "no of", "total", "count of", "#"];

/// Gives each bare number alone in a table cell the counted noun of its column's header.
/// Linear: each line is split once, and a row's header is carried down its run.
pub(super) fn counts_from_headers(text: &str, out: &mut [Quantity]) {
    if !text.contains(SEP) || !out.iter().any(bare) {
        return;
    }
    // (line start, line end, cells, header line start) for each table row.
    let mut rows: Vec<(usize, usize, usize, Option<usize>)> = Vec::new();
    let mut run: Option<(usize, usize)> = None; // (cells, header start)
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        let cells = body.matches(SEP).count() + 1;
        if cells < 2 {
            run = None;
            continue;
        }
        let header = match run {
            Some((n, h)) if n == cells => Some(h),
            _ => {
                run = Some((cells, start));
                None
            }
        };
        rows.push((start, start + body.len(), cells, header));
    }
    for q in out.iter_mut().filter(|q| bare(q)) {
        let k = rows.partition_point(|r| r.1 < q.span.start);
        let Some(&(start, end, _, Some(header))) = rows.get(k) else {
            continue;
        };
        if q.span.start < start || q.span.end > end {
            continue;
        }
        let Some(col) = cell_index(&text[start..end], q.span.start - start, q.span.end - start)
        else {
            continue;
        };
        let header_line = text[header..].lines().next().unwrap_or_default();
        let Some(head) = header_line.split(SEP).nth(col) else {
            continue;
        };
        if let Some(noun) = counted_noun(head) {
            q.unit = Some(noun);
            q.kind = QuantityKind::Count;
        }
    }
}

/// A number with nothing counted.
fn bare(q: &Quantity) -> bool {
    q.kind == QuantityKind::Number && q.unit.as_deref().is_none_or(|u| u == "number") && !q.vague
}

/// Which cell of `row` holds exactly the bytes `from..to` (white space around them apart).
fn cell_index(row: &str, from: usize, to: usize) -> Option<usize> {
    let mut cell_start = 0;
    for (k, cell) in row.split(SEP).enumerate() {
        let lead = cell.len() - cell.trim_start().len();
        let (a, b) = (cell_start + lead, cell_start + cell.trim_end().len());
        if from <= b && to >= a {
            return (from == a && to == b).then_some(k);
        }
        cell_start += cell.len() + SEP.len();
    }
    None
}

/// The counted noun a column header names, in the singular: "Number of Employees" and
/// "Employees" give `employee`; a header with a digit, a label header ("Rank", "Year"), or
/// one whose last word is not a plural noun gives none.
fn counted_noun(head: &str) -> Option<String> {
    let head = head.trim();
    if head.is_empty() || head.bytes().any(|b| b.is_ascii_digit()) || head.len() > 60 {
        return None;
    }
    let lower = head.to_lowercase();
    // A unit in brackets ("Trade ($bn)", "Area (km2)") is not a count.
    let lower = lower.split('(').next().unwrap_or_default().trim();
    if LABEL_HEADERS.contains(&lower) {
        return None;
    }
    let counted = COUNT_WORDS
        .iter()
        .find_map(|w| lower.strip_prefix(w))
        .map(str::trim);
    let phrase = counted.unwrap_or(lower);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let last = *words.last()?;
    if !last.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    // Without "number of", only a plural noun counts: "Employees", not "Population" or
    // "Market cap".
    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
    if !plural && counted.is_none() {
        return None;
    }
    Some(singular(last))
}

#[cfg(test)]
mod tests {
    use crate::quantities::find_quantities;

    fn units(text: &str) -> Vec<(String, Option<String>)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.text, q.unit))
            .collect()
    }

    #[test]
    fn a_cell_counts_what_its_header_names() {
        let text = "The largest plants by staff:\n\nPlant | Town | Number of Workers\n\n\
                    North Mill | Avonby | 4,200\n\nSouth Works | Brampton | 950\n";
        let got = units(text);
        assert!(
            got.contains(&("4,200".into(), Some("worker".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("950".into(), Some("worker".into()))),
            "{got:?}"
        );
        let text = "Port | Vessels | Share\nRajin | 312 | 41%\nNajin | 128 | 17%\n";
        let got = units(text);
        assert!(
            got.contains(&("312".into(), Some("vessel".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("41%".into(), Some("percent".into()))),
            "{got:?}"
        );
    }

    #[test]
    fn labels_units_and_prose_take_nothing_from_a_header() {
        // A rank column, a header naming a unit, a mass noun: no count.
        let text = "Rank | Country | Population | Output (t)\n1 | Freedonia | 5,400,000 | 730\n\
                    2 | Sylvania | 2,100,000 | 410\n";
        for q in find_quantities(text) {
            assert!(
                q.unit
                    .as_deref()
                    .is_none_or(|u| !["rank", "population", "output"].contains(&u)),
                "{q:?}"
            );
        }
        // A number in a cell with other words, or outside any table, is left as it is.
        let text = "Plant | Workers\nNorth Mill | about 4,200 in winter\nThey hired 300.\n";
        for q in find_quantities(text) {
            assert_ne!(q.unit.as_deref(), Some("worker"), "{q:?}");
        }
        // The first row of a table is its header, not a row of figures under another.
        let text = "Employees | Stores\n120 | 8\n\nPlant | Town\nEast | 14\n";
        let got = units(text);
        assert!(
            got.contains(&("120".into(), Some("employee".into()))),
            "{got:?}"
        );
        assert!(got.contains(&("8".into(), Some("store".into()))), "{got:?}");
        assert!(
            !got.contains(&("14".into(), Some("town".into()))),
            "{got:?}"
        );
    }
}
