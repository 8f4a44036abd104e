//! A country's abbreviation inside a company's legal name: "Haier U.S. Appliance Solutions,
//! Inc.", "Bosch Home Appliances U.S. Holdings LLC", "Acme U.S. Inc.". The tagger cuts such
//! a name at the abbreviation (a country word on its own, then an organisation or a person),
//! and the rules name the abbreviation a country. A run of capitalised words with "U.S.",
//! "US", "U.K.", "UK" or "U.S.A." inside it (at least one word before it) that ends in a
//! corporate designator ("Inc.", "LLC", "Ltd", "Corp.", "Holdings", ...; after a comma too,
//! ", Inc.") is one organisation's name, the country only its subsidiary's market. Without a
//! designator closing the run, nothing changes: "the U.S. Gulf Coast", "U.S. Steel" and "the
//! U.S. Treasury" keep their readings.
//!
//! A compass word ending a company's name and a region after it are one name too: the
//! tagger cuts "Kestrel Coffee North America" after "North" ([`region_after_compass`]).
//!
//! Cost: one pass over the text's whitespace-separated tokens; words join only across one
//! space (a line break ends a name).

use sinew_types::Coarse;

use super::Tagged;

/// Abbreviations of a country that a subsidiary's name carries.
const COUNTRY_ABBREVIATIONS: &[&str] = &["U.S.", "US", "U.K.", "UK", "U.S.A.", "USA"];

/// Words that end a company's legal name.
const DESIGNATORS: &[&str] = &[
    "Inc.",
    "Inc",
    "LLC",
    "L.L.C.",
    "Ltd.",
    "Ltd",
    "Limited",
    "Corp.",
    "Corp",
    "Corporation",
    "Co.",
    "Holdings",
    "GmbH",
    "PLC",
    "plc",
    "L.P.",
    "LP",
];

/// Words that open a run of capitals without being part of the name.
const OPENERS: &[&str] = &[
    "The", "A", "An", "At", "In", "By", "For", "From", "To", "And",
];

/// A whitespace-separated token: its span and its text without a trailing comma.
struct Token<'a> {
    start: usize,
    end: usize,
    word: &'a str,
    comma: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut push = |s: usize, e: usize| {
        let raw = &text[s..e];
        let comma = raw.ends_with(',');
        let word = raw.trim_end_matches(',');
        out.push(Token {
            start: s,
            end: s + word.len(),
            word,
            comma,
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(s, i);
            }
        } else {
            start.get_or_insert(i);
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// Does `b` follow `a` across one space (after `a`'s comma, if it has one), on one line?
fn next_to(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &text[a.end..b.start];
    gap == " " || a.comma && gap == ", "
}

/// Does the token read as a word of a name: a capital first, and no sentence's end after it
/// (a dot ends only an abbreviation or a designator)?
fn name_word(t: &Token<'_>) -> bool {
    t.word.starts_with(char::is_uppercase)
        && t.word
            .chars()
            .skip(1)
            .all(|c| c.is_alphanumeric() || c == '&' || c == '-')
}

/// `tagged` (sorted, non-overlapping) with each such name made one organisation; tagged
/// spans inside it give way. A tagged span that runs past either end leaves it as it was.
pub(super) fn country_inside_company(text: &str, mut tagged: Vec<Tagged>) -> Vec<Tagged> {
    let toks = tokens(text);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !COUNTRY_ABBREVIATIONS.contains(&t.word) || t.comma || k == 0 {
            continue;
        }
        // Back over the name's words, each one space before the next, no comma between.
        let mut first = k;
        while first > 0 {
            let p = &toks[first - 1];
            if p.comma || !next_to(text, p, &toks[first]) || !name_word(p) {
                break;
            }
            first -= 1;
        }
        while first < k && OPENERS.contains(&toks[first].word) {
            first += 1;
        }
        if first == k {
            continue;
        }
        // On to the designator: name words, then the designator (", Inc." too).
        let mut end = None;
        let mut j = k + 1;
        while let Some(n) = toks.get(j) {
            if !next_to(text, &toks[j - 1], n) {
                break;
            }
            if DESIGNATORS.contains(&n.word) {
                // "Holdings LLC", "Holdings, Inc.": designators in a row end it together.
                let mut last = j;
                while toks
                    .get(last + 1)
                    .is_some_and(|m| DESIGNATORS.contains(&m.word) && next_to(text, &toks[last], m))
                {
                    last += 1;
                }
                end = Some(toks[last].end);
                break;
            }
            // A comma is inside the name only before its designator.
            if toks[j - 1].comma || !name_word(n) || n.comma && !designator_next(&toks, j) {
                break;
            }
            j += 1;
        }
        if let Some(end) = end {
            found.push((toks[first].start, end));
        }
    }
    for (start, end) in found {
        let crosses = tagged
            .iter()
            .any(|t| t.start < end && t.end > start && (t.start < start || t.end > end));
        if crosses {
            continue;
        }
        tagged.retain(|t| t.end <= start || t.start >= end);
        let at = tagged.partition_point(|t| t.start < start);
        tagged.insert(
            at,
            Tagged {
                start,
                end,
                coarse: Coarse::Org,
            },
        );
    }
    tagged
}

/// Is the token after `j` a designator (the comma after `j` is part of the legal name)?
fn designator_next(toks: &[Token<'_>], j: usize) -> bool {
    toks.get(j + 1)
        .is_some_and(|n| DESIGNATORS.contains(&n.word))
}

/// Words of a compass point that, ending a company's name, open a region's ("North" of
/// "North America").
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Latin",
    "Southeast",
];

/// Regions a subsidiary's name ends with, after a compass word ("Kestrel Coffee North
/// America").
const REGIONS: &[&str] = &["America", "Americas", "Africa", "Asia", "Europe"];

/// "Kestrel Coffee North America": a tagged organisation or unknown name of two words or
/// more that ends in a compass word, one space before a tagged region name, is cut there
/// by the tagger; the region is the end of the organisation's name.
pub(super) fn region_after_compass(text: &str, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    for t in tagged {
        if let Some(last) = out.last_mut() {
            let name = &text[last.start..last.end];
            let joins = matches!(last.coarse, Coarse::Org | Coarse::Misc)
                && name.contains(' ')
                && name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| COMPASS.contains(&w))
                && &text[last.end..t.start] == " "
                && REGIONS.contains(&&text[t.start..t.end]);
            if joins {
                last.end = t.end;
                last.coarse = Coarse::Org;
                continue;
            }
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, tagged: Vec<Tagged>) -> Vec<&str> {
        country_inside_company(text, tagged)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    fn tag(text: &str, name: &str, coarse: Coarse) -> Tagged {
        let start = text.find(name).unwrap();
        Tagged {
            start,
            end: start + name.len(),
            coarse,
        }
    }

    #[test]
    fn a_country_abbreviation_inside_a_legal_name_stays_in_it() {
        let text = "The plant belongs to Orvane U.S. Kitchen Systems, Inc., a subsidiary.";
        let tagged = vec![
            tag(text, "Orvane", Coarse::Per),
            tag(text, "Kitchen Systems", Coarse::Org),
        ];
        assert_eq!(spans(text, tagged), ["Orvane U.S. Kitchen Systems, Inc."]);
        let text = "Talvik Pumps UK Ltd said it would hire 40 people.";
        assert_eq!(spans(text, vec![]), ["Talvik Pumps UK Ltd"]);
        // A heading on its own line, its list number aside.
        let text = "Top makers in the U.S.A.\n\n1. Orvane U.S. Pump Systems, Inc.\n\nOrvane is ...";
        assert_eq!(spans(text, vec![]), ["Orvane U.S. Pump Systems, Inc."]);
        let text = "Shares of Brenna US Holdings rose, and Fiora Home U.S. Holdings LLC fell.";
        assert_eq!(
            spans(text, vec![]),
            ["Brenna US Holdings", "Fiora Home U.S. Holdings LLC"]
        );
    }

    #[test]
    fn without_a_designator_the_country_stays_apart() {
        let text = "Exports from the U.S. Gulf Coast rose, and Kelso U.S. Steel Works hired 50.";
        let tagged = vec![tag(text, "Gulf Coast", Coarse::Loc)];
        assert_eq!(spans(text, tagged), ["Gulf Coast"]);
        // No name word before the abbreviation: "The U.S. Treasury Inc." is no such name.
        let text = "The U.S. Holdings tax rose.";
        assert!(spans(text, vec![]).is_empty());
        // A line break ends a name.
        let text = "Acme\nU.S. Holdings rose.";
        assert!(spans(text, vec![]).is_empty());
        // A tagged name running past the run leaves it as it was.
        let text = "Westbrook and Mara U.S. Inc. agreed.";
        assert_eq!(
            spans(text, vec![tag(text, "Westbrook and Mara", Coarse::Org)]),
            ["Westbrook and Mara"]
        );
    }

    #[test]
    fn a_region_after_a_compass_word_ends_the_organisations_name() {
        let text = "Kestrel Coffee North America said so, as did North America.";
        let tagged = vec![
            tag(text, "Kestrel Coffee North", Coarse::Org),
            tag(text, "America", Coarse::Loc),
        ];
        let got: Vec<&str> = region_after_compass(text, tagged)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(got, ["Kestrel Coffee North America"]);
        // Near-miss: a place alone after a one-word name stays apart.
        let text = "North America";
        let tagged = vec![
            tag(text, "North", Coarse::Loc),
            tag(text, "America", Coarse::Loc),
        ];
        assert_eq!(region_after_compass(text, tagged).len(), 2);
    }
}
