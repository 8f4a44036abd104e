//! Names the tagger missed, found from evidence in the word itself: a word written in
//! CamelCase ("ServiceNow", "DigitalOcean") is a brand's name wherever it stands, unless it
//! is a surname's ("McCain") or part of a longer run of capitalised words the tagger judged.
//!
//! A company's name the tagger ends before ", Inc." ("Drennock Appliance Solutions, Inc.")
//! takes the designator in: the comma is how the company writes its legal name, not the end
//! of the name ([`designator_after_comma`]).
//!
//! Tried and left out: a capitalised word standing alone inside a sentence that opens an
//! organisation's name elsewhere in the document ("Zoom projects ..." after "Zoom
//! Communications"). On the claim dev pages it named products' first words ("Nest" of "Nest
//! Learning Thermostat", "Actions" of "Actions Runner") as organisations more often than it
//! found one.
//!
//! Cost: one pass over the text's words.

use sinew_types::Coarse;

use super::Tagged;

/// Prefixes of surnames written with an inner capital ("McCain", "DeLuca", "MacArthur"):
/// such a word is a person's name, not a brand's.
const SURNAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Del", "Della", "St",
];

/// `tagged` (sorted, non-overlapping) with the names it missed added, still sorted.
pub(super) fn add_missed(text: &str, mut tagged: Vec<Tagged>) -> Vec<Tagged> {
    let words = word_spans(text);
    let mut added = Vec::new();
    for (k, &(s, e)) in words.iter().enumerate() {
        let w = &text[s..e];
        if !w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let covered = {
            let i = tagged.partition_point(|t| t.end <= s);
            tagged.get(i).is_some_and(|t| t.start < e)
        };
        if covered {
            continue;
        }
        // Part of a longer run of capitalised words: another name the tagger judged.
        let capital = |i: usize| {
            words
                .get(i)
                .is_some_and(|&(a, b)| text[a..b].starts_with(|c: char| c.is_uppercase()))
        };
        let near = |i: usize, j: usize| text[i..j].chars().all(|c| c == ' ');
        let joined_before = k > 0 && capital(k - 1) && near(words[k - 1].1, s);
        let joined_after = words
            .get(k + 1)
            .is_some_and(|&(a, _)| capital(k + 1) && near(e, a));
        if joined_before || joined_after {
            continue;
        }
        if camel_case(w) {
            added.push(Tagged {
                start: s,
                end: e,
                coarse: Coarse::Org,
            });
        }
    }
    if !added.is_empty() {
        tagged.extend(added);
        tagged.sort_by_key(|t| t.start);
    }
    tagged
}

/// Legal designators a company writes after a comma ("Acme Widgets, Inc.").
const COMMA_DESIGNATORS: &[&str] = &[
    "Inc.", "Inc", "LLC", "L.L.C.", "Ltd.", "Ltd", "Corp.", "Co.", "L.P.", "LP", "PLC", "plc",
];

/// `tagged` with each organisation's or unknown name that ", Inc." (any of
/// [`COMMA_DESIGNATORS`]) follows grown to take it in, when no other name starts there.
pub(super) fn designator_after_comma(text: &str, mut tagged: Vec<Tagged>) -> Vec<Tagged> {
    for i in 0..tagged.len() {
        let t = &tagged[i];
        if !matches!(t.coarse, Coarse::Org | Coarse::Misc) {
            continue;
        }
        let Some(rest) = text[t.end..].strip_prefix(", ") else {
            continue;
        };
        let Some(d) = COMMA_DESIGNATORS.iter().find(|d| {
            rest.strip_prefix(**d)
                .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
        }) else {
            continue;
        };
        let end = t.end + 2 + d.len();
        // The tagger's own "Inc." (or nothing) may sit there; any other name stays.
        let next_ok = tagged
            .get(i + 1)
            .is_none_or(|n| n.start >= end || (n.start == t.end + 2 && n.end == end));
        if next_ok {
            tagged[i].end = end;
            tagged[i].coarse = Coarse::Org;
        }
    }
    tagged.dedup_by(|b, a| b.start < a.end);
    tagged
}

/// Is the word written in CamelCase: letters only, a capital first, and a capital right
/// after a lower-case letter later ("ServiceNow", "GitHub"), not a surname's ("McCain")?
fn camel_case(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| c.is_alphabetic()) || !chars[0].is_uppercase() {
        return false;
    }
    let inner = (1..chars.len()).find(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase());
    let Some(i) = inner else {
        return false;
    };
    let prefix: String = chars[..i].iter().collect();
    !SURNAME_PREFIXES.contains(&prefix.as_str())
}

/// The byte spans of the text's words: runs of letters and digits, with inner apostrophes
/// left out (a possessive "'s" ends the word before it).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, tagged: Vec<Tagged>) -> Vec<&str> {
        add_missed(text, tagged)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn a_comma_designator_joins_the_name_before_it() {
        let text = "Brellan Pump Works, Inc. and Osk Marine, LLC, said Inc. magazine lied.";
        let t = |a: usize, b: usize, coarse| Tagged {
            start: a,
            end: b,
            coarse,
        };
        let tagged = vec![
            t(0, 18, Coarse::Misc),
            t(20, 24, Coarse::Org),
            t(29, 39, Coarse::Org),
            t(51, 55, Coarse::Org),
        ];
        let got: Vec<&str> = designator_after_comma(text, tagged)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            got,
            vec!["Brellan Pump Works, Inc.", "Osk Marine, LLC", "Inc."]
        );
    }

    #[test]
    fn a_camel_case_word_is_a_name_but_not_a_surname() {
        let text = "Shares of VentraPay rose while McAllister and DeWitt sold.";
        assert_eq!(found(text, vec![]), vec!["VentraPay"]);
    }
}
