//! Whose figures a table row states: its label.
//!
//! Extraction writes a table row as one line with its cells apart (`"Acme Corp | Dayton | OH |
//! 4,100"`), so a row's figures stand in a "sentence" that names its owner only in the first
//! cell, or not at all as far as the entity layer can tell (a brand the tagger does not know).
//! The first cell is the row's label, and the label is the subject of the row's other figures
//! when it is a name:
//! - a party the entity layer found starts it ("Acme" in "Acme Hydraulics Ltd"), the whole
//!   cell being the name (the tagger often keeps only a part of a name out of prose); a name
//!   only the tagger found (no type of its own) must not start with a word the document
//!   writes in lower case ("Credit Hour" beside "per credit hour");
//! - or the document capitalises its first word more than once and never writes it in lower
//!   case in its prose (addresses such as "acme.com" aside) ("Quillo | $4.10" with "Quillo" in the prose; not "Credit Hour | $337" where the
//!   prose says "per credit hour").
//!
//! A label with a digit, a long one (a sentence), a lower-case one, and the header row of the
//! table (the first line of a run of rows with as many cells) name nothing. A trailing bracket
//! ("Quillo Inc. (NASDAQ:QLO)") is no part of the name, nor what follows a comma ("Quillo
//! Pump Works, Inc.", "Quillo Corp., Dayton Plant").

use std::collections::{HashMap, HashSet};

use std::ops::Not;

use sinew_types::{EntityType, Mention, Span};

use super::actors::actor_name;

/// The cell separator extraction writes between a row's cells.
const SEP: &str = " | ";
/// A label is at most this many words.
const LABEL_WORDS: usize = 6;
/// Small words a name may hold in lower case ("Bank of Ireland", "Marks and Spencer").
const NAME_LINKS: &[&str] = &["of", "and", "the", "for", "de", "&", "-"];

/// How the document writes its words, for telling a name from a common word: capitalised
/// words by count, and the words it writes in lower case. Built once per document, on the first
/// figure in a table row.
pub(super) struct Casing {
    capitalised: HashMap<String, usize>,
    lower: HashSet<String>,
}

impl Casing {
    pub(super) fn new(text: &str) -> Casing {
        let mut capitalised: HashMap<String, usize> = HashMap::new();
        let mut lower = HashSet::new();
        for w in text
            .split([' ', '\n', '\t', '\r'])
            // A word inside an address ("www.acme.com", "utm_campaign=acme-brand") is no prose.
            .filter(|t| !(t.contains(['/', '@', '=', '_', '#']) || t.starts_with("www.")))
            .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')))
            .filter(|w| !w.is_empty())
        {
            let first = w.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                *capitalised.entry(w.to_string()).or_default() += 1;
            } else if first.is_lowercase() {
                lower.insert(w.to_string());
            }
        }
        Casing { capitalised, lower }
    }

    /// Does the document write `word` in lower case?
    fn common(&self, word: &str) -> bool {
        self.lower.contains(&word.to_lowercase())
    }

    /// Is `word` written capitalised more than once and never in lower case?
    fn name_word(&self, word: &str) -> bool {
        self.capitalised.get(word).is_some_and(|&n| n >= 2)
            && !self.lower.contains(&word.to_lowercase())
    }
}

/// The label of the table row holding figure `q`, when it names the row's owner; `casing` is
/// built on first use.
pub(super) fn row_label(
    text: &str,
    q: Span,
    mentions: &[Mention],
    casing: &mut Option<Casing>,
) -> Option<String> {
    let start = text[..q.start].rfind('\n').map_or(0, |p| p + 1);
    let end = text[q.end..].find('\n').map_or(text.len(), |p| q.end + p);
    let line = &text[start..end];
    let first_end = start + line.find(SEP)?;
    // A figure in the label cell itself is the label's, not the row's.
    if q.start < first_end + SEP.len() {
        return None;
    }
    if is_header(text, start, line.matches(SEP).count()) {
        return None;
    }
    let cell = &text[start..first_end];
    let lead = cell.len() - cell.trim_start().len();
    let label = label_words(cell)?;
    let label_start = start + lead;
    let label_span = Span::new(label_start, label_start + label.len());
    // A party found at the label's start names it; one found as the whole label says how.
    let found = mentions.iter().find(|m| {
        m.span.start == label_start && label_span.contains(m.span) && actor_name(m).is_some()
    });
    let casing = casing.get_or_insert_with(|| Casing::new(text));
    let first = label.split_whitespace().next()?;
    let first = first.trim_end_matches([',', '.']);
    // A name only the tagger found ("Credit Hour" where the prose says "per credit hour")
    // must pass the document's own test too.
    let found = found.filter(|m| m.entity_type != EntityType::Other || casing.common(first).not());
    if let Some(m) = found {
        if m.span == label_span {
            return actor_name(m).map(str::to_string);
        }
        return Some(normalise(label));
    }
    casing.name_word(first).then(|| normalise(label))
}

/// The label's words when they can be a name: no digit, a capital first, at most
/// [`LABEL_WORDS`] words each capitalised or a small linking word; a trailing bracket and
/// trailing punctuation left out.
fn label_words(cell: &str) -> Option<&str> {
    let mut label = cell.trim();
    if label.ends_with(')') {
        label = label[..label.rfind('(')?].trim_end();
    }
    // "Acme Corp., Clyde Plant", "Quillo Pump Works, Inc.": the name ends at a comma (a legal
    // form after it is no part of the name the prose uses).
    if let Some((name, _)) = label.split_once(',') {
        label = name;
    }
    let label = label.trim_end_matches([',', ';', ':', '*']).trim_end();
    if !label.starts_with(char::is_uppercase) || label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let name_like = words.len() <= LABEL_WORDS
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || NAME_LINKS.contains(w));
    name_like.then_some(label)
}

fn normalise(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Is the row starting at `start` (with `seps` separators) the first of its run of rows with
/// as many cells, blank lines between rows allowed: the table's header?
fn is_header(text: &str, start: usize, seps: usize) -> bool {
    let before = text[..start].trim_end_matches(['\n', '\r', ' ', '\t']);
    let prev_start = before.rfind('\n').map_or(0, |p| p + 1);
    let prev = &before[prev_start..];
    prev.is_empty() || prev.matches(SEP).count() != seps
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::{Coarse, EntityType, MentionKind};

    fn mention(text: &str, name: &str, ty: EntityType) -> Mention {
        let start = text.find(name).expect("name in text");
        Mention {
            span: Span::new(start, start + name.len()),
            text: name.to_string(),
            entity_type: ty,
            canonical: name.to_string(),
            id: String::new(),
            country: None,
            coarse: Coarse::Org,
            sector: None,
            kind: MentionKind::Name,
        }
    }

    fn label_of(text: &str, figure: &str, mentions: &[Mention]) -> Option<String> {
        let start = text.rfind(figure).expect("figure in text");
        row_label(
            text,
            Span::new(start, start + figure.len()),
            mentions,
            &mut None,
        )
    }

    const TABLE: &str = "Plant | City | Staff\n\
        Quillo Pump Works, Inc. | Dayton | 4,100\n\
        Marrow Foods | Akron | 950\n\
        Tarn Mills Co., Akron Plant | Akron | 610\n\
        Credit Hour | Akron | 337\n";

    #[test]
    fn a_found_name_starting_the_label_names_the_whole_cell() {
        let ms = [mention(TABLE, "Quillo", EntityType::Company)];
        assert_eq!(
            label_of(TABLE, "4,100", &ms).as_deref(),
            Some("Quillo Pump Works")
        );
        // The whole cell found: its canonical name.
        let ms = [mention(TABLE, "Marrow Foods", EntityType::Company)];
        assert_eq!(label_of(TABLE, "950", &ms).as_deref(), Some("Marrow Foods"));
        // A name ends at a comma.
        let ms = [mention(TABLE, "Tarn Mills Co.", EntityType::Company)];
        assert_eq!(
            label_of(TABLE, "610", &ms).as_deref(),
            Some("Tarn Mills Co.")
        );
    }

    #[test]
    fn a_label_nothing_found_is_a_name_by_the_documents_own_use() {
        let prose = format!("{TABLE}\nMarrow Foods opened a second plant.\n");
        assert_eq!(
            label_of(&prose, "950", &[]).as_deref(),
            Some("Marrow Foods")
        );
        // Named once only (the table): not enough.
        assert_eq!(label_of(TABLE, "950", &[]), None);
        // "per credit hour": a common word, capitalised in a table, even where the tagger
        // calls it a name.
        let prose = format!("{TABLE}\nCredit Hour rates rose. Fees are $40 per credit hour.\n");
        assert_eq!(label_of(&prose, "337", &[]), None);
        let ms = [mention(&prose, "Credit Hour", EntityType::Other)];
        assert_eq!(label_of(&prose, "337", &ms), None);
        // A name the document writes in lower case only inside an address is still a name.
        let prose = format!("{TABLE}\nMarrow Foods grew. See www.marrow.com or ?utm=marrow-x.\n");
        assert_eq!(
            label_of(&prose, "950", &[]).as_deref(),
            Some("Marrow Foods")
        );
    }

    #[test]
    fn headers_figures_in_the_label_and_unnamed_labels_give_nothing() {
        let ms = [mention(TABLE, "Quillo", EntityType::Company)];
        // The header row.
        let text = "Quillo | 2024 | 2025\nMarrow | 5 | 6\n";
        let m = [mention(text, "Quillo", EntityType::Company)];
        assert_eq!(label_of(text, "2025", &m), None);
        // A label with a number, a long one, one in lower case.
        for row in [
            "Year | Sales\n2024 Total | 5,000\n",
            "Year | Sales\nThe Best Year We Ever Had Here | 5,000\n",
            "Year | Sales\nnet sales | 5,000\n",
        ] {
            assert_eq!(label_of(row, "5,000", &ms), None, "{row}");
        }
        // A line that is no table row.
        assert_eq!(label_of("Quillo sold 4,100 pumps.", "4,100", &ms), None);
        // A place found as the label is a name too; a bracket is no part of it.
        let text = "Site | Share\nTorvik (main) | 12%\n";
        let m = [mention(text, "Torvik", EntityType::Place)];
        assert_eq!(label_of(text, "12%", &m).as_deref(), Some("Torvik"));
    }
}
