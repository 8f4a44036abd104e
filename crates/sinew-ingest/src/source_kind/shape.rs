//! The shape of a text, measured in one pass over its lines: how many of its sentences credit
//! someone ("said", "according to"), how many speak as "we" outside quotation marks, how
//! many of its short items credit another outlet, which essay headings it has, and whether
//! it ends with a list of sources. [`super::source_kind`] weighs these with its phrase cues.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::cues::{ATTRIBUTION, ESSAY_HEADINGS, HEARSAY, OUTLETS, SOURCE_HEADINGS};

/// [`OUTLETS`] then [`HEARSAY`], found in one pass over a line (every occurrence, overlapping
/// ones too): searched one by one, the 38 phrases were most of a news article's measure,
/// itself 7% of a load's CPU time.
static CITING: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(OUTLETS.iter().chain(HEARSAY)).unwrap());

/// [`ATTRIBUTION`] in one pass over a sentence.
static CREDITING: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(ATTRIBUTION).unwrap());

/// An item is a line of at least this many words...
const ITEM_WORDS: usize = 8;
/// ...and at most this many bytes: a digest's entries are short.
const ITEM_BYTES: usize = 600;
/// The closing lines searched for a source list.
const TAIL_LINES: usize = 40;

/// What [`measure`] counts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Shape {
    /// Sentences (split at `.`, `?` and `!` before a space or a line's end).
    pub(super) sentences: usize,
    /// Sentences crediting a speaker or a source.
    pub(super) attributed: usize,
    /// Sentences with "we", "our" or "us" outside quotation marks.
    pub(super) first_plural: usize,
    /// Short lines of prose (see [`ITEM_WORDS`], [`ITEM_BYTES`]).
    pub(super) items: usize,
    /// Of them, those naming a news outlet or crediting unnamed reports.
    pub(super) items_citing: usize,
    /// The distinct outlets those items name (unnamed reports counted as one).
    pub(super) outlets_cited: usize,
    /// Distinct essay headings ("Introduction", "Conclusion").
    pub(super) essay_headings: usize,
    /// The text ends with a heading of sources followed by at least two lines, or with at
    /// least three addresses among its last lines.
    pub(super) source_list: bool,
}

/// Measures `text` (see [`Shape`]); linear in its length.
pub(super) fn measure(text: &str) -> Shape {
    let mut s = Shape::default();
    let mut headings: Vec<&'static str> = Vec::new();
    // which of OUTLETS the items name, and last, unnamed reports
    let mut cited = vec![false; OUTLETS.len() + 1];
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for line in &lines {
        let lower = line.to_lowercase();
        if let Some(h) = heading(&lower, ESSAY_HEADINGS) {
            if !headings.contains(&h) {
                headings.push(h);
            }
            continue;
        }
        if line.split_whitespace().count() >= ITEM_WORDS && line.len() <= ITEM_BYTES {
            s.items += 1;
            let citing = citations(&lower, &mut cited);
            if citing {
                s.items_citing += 1;
            }
        }
        // a quotation runs over sentences, never over paragraphs
        let mut in_quote = false;
        for sentence in sentences(line) {
            s.sentences += 1;
            let lower = sentence.to_lowercase();
            if CREDITING.is_match(&lower) {
                s.attributed += 1;
            }
            let (plural, still) = speaks_as_we(sentence, in_quote);
            in_quote = still;
            if plural {
                s.first_plural += 1;
            }
        }
    }
    s.essay_headings = headings.len();
    s.outlets_cited = cited.iter().filter(|&&c| c).count();
    let tail = &lines[lines.len().saturating_sub(TAIL_LINES)..];
    let listed = tail
        .iter()
        .rposition(|l| heading(&l.to_lowercase(), SOURCE_HEADINGS).is_some())
        .is_some_and(|at| tail.len() - at > 2);
    let addresses = tail
        .iter()
        .filter(|l| l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www."))
        .count();
    s.source_list = listed || addresses >= 3;
    s
}

/// The entry of `list` that `line` (lower case) is, once a leading number ("2.", "2-1.",
/// "IV.") and a trailing colon are set aside; a heading is a few words without a full stop.
fn heading(line: &str, list: &[&'static str]) -> Option<&'static str> {
    if line.split_whitespace().count() > 6 {
        return None;
    }
    let words = line.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '-' | ')' | ' ' | '#' | '*' | '•')
    });
    let words = words.trim_end_matches(':').trim();
    list.iter()
        .copied()
        .find(|h| h.trim_end_matches(':') == words)
}

/// Marks in `cited` (one place per entry of [`OUTLETS`], then one for unnamed reports) the
/// outlets `lower` (lower case) names as whole words, and whether it credits unnamed
/// reports anywhere; true when it does either.
pub(super) fn citations(lower: &str, cited: &mut [bool]) -> bool {
    let mut citing = false;
    for m in CITING.find_overlapping_iter(lower) {
        let i = m.pattern().as_usize();
        if i >= OUTLETS.len() || whole_word(lower, m.start(), m.end()) {
            if let Some(c) = cited.get_mut(i.min(OUTLETS.len())) {
                *c = true;
            }
            citing = true;
        }
    }
    citing
}

/// Whether `hay[start..end]` stands as whole words: no letter or digit just before or after.
fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The sentences of one line: cut after `.`, `?` or `!` (and any closing quotation mark)
/// where a space follows.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut cuts = Vec::new();
    for (i, c) in line.char_indices() {
        if matches!(c, '.' | '?' | '!') && bytes.get(i + 1) == Some(&b' ') {
            cuts.push(i + 1);
        }
    }
    cuts.push(line.len());
    cuts.into_iter().filter_map(move |end| {
        let s = line[start..end].trim();
        start = end;
        (!s.is_empty()).then_some(s)
    })
}

/// Whether `sentence` has "we", "our" or "us" (lower case: "US" is a country) outside
/// quotation marks, given whether it opens inside one; and whether it ends inside one.
fn speaks_as_we(sentence: &str, mut in_quote: bool) -> (bool, bool) {
    let mut found = false;
    let mut word = String::new();
    let mut check = |word: &mut String, quoted: bool| {
        let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        if !quoted && matches!(w, "we" | "We" | "our" | "Our" | "us" | "ours" | "ourselves") {
            found = true;
        }
        word.clear();
    };
    for c in sentence.chars() {
        match c {
            '“' => {
                check(&mut word, in_quote);
                in_quote = true;
            }
            '”' => {
                check(&mut word, in_quote);
                in_quote = false;
            }
            '"' => {
                check(&mut word, in_quote);
                in_quote = !in_quote;
            }
            c if c.is_alphanumeric() => word.push(c),
            _ => check(&mut word, in_quote),
        }
    }
    check(&mut word, in_quote);
    (found, in_quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_first_person_is_the_speaker_s() {
        assert_eq!(speaks_as_we("We condemn the launch.", false), (true, false));
        assert_eq!(
            speaks_as_we("“We condemn the launch,” the minister said.", false),
            (false, false)
        );
        assert_eq!(speaks_as_we("US officials met.", false), (false, false));
        // a quotation carried over from the sentence before
        assert_eq!(
            speaks_as_we("our talks failed,” he said.", true),
            (false, false)
        );
    }

    #[test]
    fn outlets_count_as_whole_words_and_unnamed_reports_anywhere() {
        let text = "Officials in Lagos met on Monday, Reuters and the BBC reported late.\n\n\
                    The dwarf planets were discussed by astronomers at length in Lima.\n\n\
                    Port traffic stopped for three days, according to media reports in Kenya.\n\n\
                    Another line naming Reuters again for a second time this week.\n";
        let s = measure(text);
        // "dw" inside "dwarf" names no outlet
        assert_eq!((s.items, s.items_citing, s.outlets_cited), (4, 3, 3));
        // " reported" and "according to" credit someone; the others do not
        assert_eq!((s.sentences, s.attributed), (4, 2));
    }

    #[test]
    fn items_headings_and_source_lists_are_counted() {
        let text = "Introduction\n\nA long enough line of prose about nothing in particular.\n\n\
                    Ports reopened on Monday after the storm passed, Reuters reported.\n\n\
                    2. Conclusion\n\nSources\nhttps://a.example\nhttps://b.example\n";
        let s = measure(text);
        assert_eq!(s.essay_headings, 2);
        assert_eq!((s.items, s.items_citing, s.outlets_cited), (2, 1, 1));
        assert!(s.source_list);
        assert_eq!(s.attributed, 1);
        // a heading with nothing after it is no list
        assert!(!measure("Prose here.\n\nSources\n").source_list);
    }
}
