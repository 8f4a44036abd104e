//! Clause boundaries inside a sentence: the clause around a figure ([`clause_of`], which
//! decides its parties and measure), words that open a clause of their own, contrasts and
//! relative clauses that keep an attribution to its own clause, and citation years (which
//! decide the time a figure takes, `super::timing::time_for`).

use sinew_types::Span;

use crate::words::{words, Word};

/// Words that open a clause of their own inside a sentence.
const CLAUSE_OPENERS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "which", "who", "when",
];

/// Words that, after "and" or "that", go on a noun phrase (another figure, a name), not a
/// clause: "70% of the tools and about 90% of the chips that Russia imported in 2023".
const PHRASE_GOES_ON: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "another",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more",
    "less",
    "up",
    "at",
    "just",
    "only",
    "approximately",
    "close",
    "under",
    "of",
    "in",
    "per",
    "then",
];

/// Do `ws` hold a word that opens a clause: a subordinator or relative ("which", "while"), or
/// "and"/"that" followed by a lower-case word that does not go on a noun phrase ("and
/// passed", "that rose")?
pub(super) fn opens_clause(ws: &[Word<'_>]) -> bool {
    ws.iter().enumerate().any(|(i, w)| {
        w.is_any(CLAUSE_OPENERS)
            || (w.is_any(&["and", "that"])
                && ws.get(i + 1).is_some_and(|n| {
                    n.text.chars().next().is_some_and(char::is_lowercase)
                        && n.text.chars().all(char::is_alphabetic)
                        && !n.is_any(PHRASE_GOES_ON)
                }))
    })
}

/// Contrasting conjunctions: what follows has its own time.
pub(super) const CONTRASTS: &[&str] = &["but", "while", "whereas", "although", "though", "however"];

/// Is the time at `span` a citation's year ("(EPA 2024)", "(Smith et al., 2020)"): inside a
/// bracket whose other words are names, not the time of a figure?
pub(super) fn is_citation(text: &str, sentence: Span, span: Span) -> bool {
    let before = &text[sentence.start..span.start];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let after = &text[span.end..sentence.end];
    if !after.trim_start().starts_with(')') {
        return false;
    }
    let inside = words(text, sentence.start + open + 1, span.start);
    !inside.is_empty()
        && inside.iter().all(|w| {
            w.text.chars().next().is_some_and(char::is_uppercase) || w.is_any(&["et", "al", "and"])
        })
}

/// The clause around `span`: bounded by clause punctuation or the sentence. A discourse
/// adverbial set off by commas between a subject and its verb ("Russia, in turn, sent ...",
/// "Brazil, meanwhile, exported ...") or an appositive after a name ("Tarvik, a grain
/// trader, shipped ...", [`is_appositive`]) does not end the clause: it reaches back over it
/// to the break before.
pub(super) fn clause_of(text: &str, sentence: Span, span: Span) -> Span {
    let bytes = text.as_bytes();
    // A comma between digits groups thousands ("11,000"): no clause ends there.
    let is_break = |p: usize, c: char| {
        matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–')
            && !(c == ','
                && p > 0
                && bytes[p - 1].is_ascii_digit()
                && bytes.get(p + 1).is_some_and(u8::is_ascii_digit))
    };
    let last_break = |to: usize| {
        text[sentence.start..to]
            .char_indices()
            .rev()
            .map(|(p, c)| (sentence.start + p, c))
            .find(|&(p, c)| is_break(p, c))
    };
    let after_break =
        |b: Option<(usize, char)>| b.map_or(sentence.start, |(p, c)| p + c.len_utf8());
    let first = last_break(span.start);
    let mut start = after_break(first);
    if let Some((comma, ',')) = first {
        if let Some((before, ',')) = last_break(comma) {
            if is_discourse_adverbial(&text[before + 1..comma])
                || is_appositive(text, sentence.start, before, comma)
                || is_object_appositive(text, before, comma)
            {
                start = after_break(last_break(before));
            }
        }
        // "imports from Russia, dominated by crude oil, gas and coal, came to $129 billion":
        // an interrupter that describes the subject, its own list's commas and all.
        if let Some(open) = interrupter_open(text, sentence.start, comma, &last_break) {
            start = after_break(last_break(open));
        }
    }
    let end = text[span.end..sentence.end]
        .char_indices()
        .map(|(p, c)| (span.end + p, c))
        .find(|&(p, c)| is_break(p, c))
        .map_or(sentence.end, |(p, _)| p);
    Span::new(start, end)
}

/// Words that open an interrupter describing the noun before it ("mostly cars", "including
/// spare parts"); a past participle with its agent or means opens one too ("dominated by
/// crude oil", "led by Apple", "paid in yuan").
const INTERRUPTER_OPENERS: &[&str] = &[
    "mostly",
    "mainly",
    "largely",
    "chiefly",
    "primarily",
    "including",
    "excluding",
    "especially",
    "notably",
];

/// Whether two words (lower case) open an interrupter ([`INTERRUPTER_OPENERS`], or a past
/// participle with its agent or means: "dominated by", "paid in").
pub(super) fn opens_interrupter(first: &str, second: &str) -> bool {
    INTERRUPTER_OPENERS.contains(&first)
        || (first.len() > 4
            && first.ends_with("ed")
            && matches!(second, "by" | "with" | "in" | "mostly" | "mainly"))
}

/// The comma that opens an interrupter closed by the comma at `close`, when the clause goes
/// on after `close` with a word in lower case (its verb): the interrupter may hold a list
/// ("dominated by crude oil, gas and coal"), so up to four commas back are tried; none of
/// its words is a figure.
fn interrupter_open(
    text: &str,
    sentence_start: usize,
    close: usize,
    last_break: &impl Fn(usize) -> Option<(usize, char)>,
) -> Option<usize> {
    let after = text[close + 1..].trim_start();
    let next = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // "..., including special forces, and that some 1,500 had been carried": a clause
    // joined after it is no verb of the subject before it.
    let joins = [
        "and", "or", "but", "nor", "that", "which", "who", "while", "whereas", "as", "so", "then",
        "when", "where", "if", "because", "although", "though",
    ];
    if !next.starts_with(|c: char| c.is_lowercase()) || joins.contains(&next) {
        return None;
    }
    let mut at = close;
    for _ in 0..4 {
        let (open, c) = last_break(at)?;
        if c != ',' || open <= sentence_start {
            return None;
        }
        let inner = &text[open + 1..close];
        if inner.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut ws = inner.split_whitespace().map(|w| w.to_ascii_lowercase());
        let first = ws.next().unwrap_or_default();
        let second = ws.next().unwrap_or_default();
        if opens_interrupter(&first, &second) {
            return Some(open);
        }
        at = open;
    }
    None
}

/// "Tarvik, a grain trader based in Riga, has shipped 40,000 tonnes": an appositive set off
/// by the commas at `open` and `close`, opening with "a", "an", "the" or "one of", right
/// after a capitalised name and right before a word in lower case (its verb), describes the
/// name; the clause reaches back over it.
fn is_appositive(text: &str, sentence_start: usize, open: usize, close: usize) -> bool {
    let inner = text[open + 1..close].trim_start().to_ascii_lowercase();
    let described = ["a ", "an ", "the ", "one of "]
        .iter()
        .any(|d| inner.starts_with(d));
    // The name is the whole subject: every word from the clause's start to the comma is
    // capitalised ("Lukoil", "The Hague Group"), and the description holds no figure.
    let subject = &text[sentence_start..open];
    let subject = subject
        .rfind([',', ';', ':', '(', ')'])
        .map_or(subject, |b| &subject[b + 1..]);
    let name_before = !subject.trim().is_empty()
        && subject
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "of" || w == "&")
        && !inner.contains(|c: char| c.is_ascii_digit());
    // "Japan, the EU, and Canada": a list goes on with "and", "or".
    let after = text[close + 1..].trim_start();
    let verb_after = after.starts_with(|c: char| c.is_lowercase())
        && !["and ", "or ", "as well "]
            .iter()
            .any(|w| after.starts_with(w));
    described && name_before && verb_after && !inner.contains(['"', '“', '”'])
}

/// "Varonex bought Brightloop, a startup based in Oslo, for $45 million": an appositive set
/// off by the commas at `open` and `close` after a capitalised name that ends the words
/// before it, opening with "a", "an", "the" or "one of" or a relative pronoun ("Quillmark,
/// which makes payroll software,"), holding no figure, and followed by the preposition that
/// goes on the clause ("for", "at", "worth"), describes the name; the clause reaches back
/// over it.
fn is_object_appositive(text: &str, open: usize, close: usize) -> bool {
    let inner = text[open + 1..close].trim_start().to_ascii_lowercase();
    let described = ["a ", "an ", "the ", "one of ", "which ", "who ", "whose "]
        .iter()
        .any(|d| inner.starts_with(d));
    let name_before = text[..open]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    let after = text[close + 1..].trim_start();
    let goes_on = ["for ", "at ", "worth "]
        .iter()
        .any(|p| after.starts_with(p));
    described
        && name_before
        && goes_on
        && !inner.contains(|c: char| c.is_ascii_digit())
        && !inner.contains(['"', '“', '”'])
}

/// Words a parenthetical discourse adverbial is made of ("in exchange", "in turn", "for its
/// part", "meanwhile", "however").
const ADVERBIAL_WORDS: &[&str] = &[
    "in",
    "exchange",
    "return",
    "turn",
    "meanwhile",
    "however",
    "moreover",
    "also",
    "too",
    "for",
    "its",
    "their",
    "his",
    "her",
    "part",
    "addition",
    "as",
    "a",
    "result",
    "by",
    "contrast",
    "instead",
    "likewise",
    "similarly",
    "separately",
    "reportedly",
    "allegedly",
    "apparently",
    "then",
    "thus",
    "therefore",
    "indeed",
    "still",
    "again",
    "though",
    "so",
    "far",
    "total",
];

/// Is `segment` (the words between two commas) a discourse adverbial of one to four words,
/// every one of them from [`ADVERBIAL_WORDS`], and not merely "in" or "as"?
fn is_discourse_adverbial(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| ADVERBIAL_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a)))
        && !(words.len() == 1
            && ["in", "as", "a", "by", "for", "its", "so"]
                .iter()
                .any(|a| words[0].eq_ignore_ascii_case(a)))
}

/// True when a contrasting conjunction ("while", "whereas", "but", "although") stands between
/// a figure and an attribution: "X put it at 10,000, while Y's ministry estimated 6,000" —
/// Y speaks for its own clause, not for X's figure; likewise an attribution in a relative
/// clause set off by a comma after the figure.
pub(super) fn contrasted(text: &str, figure: Span, attribution: Span) -> bool {
    let (from, to) = if attribution.start >= figure.end {
        (figure.end, attribution.start)
    } else if attribution.end <= figure.start {
        (attribution.end, figure.start)
    } else {
        return false;
    };
    if words(text, from, to)
        .iter()
        .any(|w| w.is_any(&["while", "whereas", "but", "although", "though", "however"]))
    {
        return true;
    }
    // "deployed 11,000 soldiers to the region, where officials say 4,000 were hurt": an
    // attribution inside a relative clause opened after the figure speaks for that clause
    attribution.start >= figure.end && opens_relative_clause(&text[from..to])
}

/// Does `between` hold a comma followed by a relative word ("..., where", "..., which",
/// "..., who")? A relative clause set off by a comma adds a statement of its own.
fn opens_relative_clause(between: &str) -> bool {
    between.match_indices(',').any(|(i, _)| {
        let next = between[i + 1..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        ["where", "which", "who", "whom", "whose"]
            .iter()
            .any(|r| next.eq_ignore_ascii_case(r))
    })
}
