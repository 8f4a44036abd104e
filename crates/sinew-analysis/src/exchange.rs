//! Both sides of an exchange: "North Korea sent shells to Russia in exchange for food, oil
//! and technology" says that shells go one way and food, oil and technology the other. The
//! side with a figure is a claim; the side without one (usually the return) would be lost,
//! so each side is read here from the sentence as an unquantified supply tie
//! ([`TieKind::Supply`], with the goods in words), stored with the document's political ties
//! and turned into flows by the network.
//!
//! Rules, in the sentence's words: an exchange cue ("in exchange for", "in return for", "as
//! payment for"); a verb of supply before it whose subject gives ("sent", "supplied",
//! "provided") or a verb of receipt whose subject gets ("received", "bought"); the giver and
//! getter are the countries named before the verb and after it (before the cue); without a
//! verb, the first two countries before the cue in order ("North Korea's shells for Russia
//! in exchange for ..."). The goods of the forward side are the verb's object words; those of
//! the return side run from the cue to the end of the clause, lists included.

use crate::politics::{PoliticalTie, SentenceActors, TieKind};

/// Cues that introduce the other side of an exchange.
const CUES: &[&str] = &[
    "in exchange for",
    "in return for",
    "as payment for",
    "in payment for",
];
/// Verb forms whose subject gives.
const GIVES: &[&str] = &[
    "sent",
    "sends",
    "send",
    "sending",
    "supplied",
    "supplies",
    "supply",
    "supplying",
    "provided",
    "provides",
    "provide",
    "providing",
    "shipped",
    "ships",
    "ship",
    "shipping",
    "delivered",
    "delivers",
    "deliver",
    "delivering",
    "gave",
    "gives",
    "give",
    "giving",
    "sold",
    "sells",
    "sell",
    "selling",
    "transferred",
    "transfers",
    "transfer",
    "exported",
    "exports",
    "offered",
    "offers",
];
/// Verb forms whose subject gets.
const GETS: &[&str] = &[
    "received",
    "receives",
    "receive",
    "receiving",
    "bought",
    "buys",
    "buy",
    "buying",
    "imported",
    "imports",
    "obtained",
    "obtains",
    "acquired",
    "acquires",
    "got",
    "gets",
];
/// How many words a verb's object may take before the cue.
const MAX_OBJECT_WORDS: usize = 10;
/// Words that end the return side's goods ("..., which", "..., according to").
const GOODS_END: &[&str] = &[
    " from ",
    " which ",
    " according ",
    " while ",
    " but ",
    " that ",
    " as ",
    " since ",
    " said ",
    " officials ",
];

/// The supply ties of the exchanges `s` states: one each way, the goods in words.
pub(crate) fn exchange_ties(s: &SentenceActors<'_>) -> Vec<PoliticalTie> {
    let Some(text) = s.sentence.slice(s.text) else {
        return Vec::new();
    };
    let lower = text.to_lowercase();
    let Some((cue_at, cue)) = CUES
        .iter()
        .filter_map(|c| lower.find(c).map(|p| (p, *c)))
        .min_by_key(|&(p, _)| p)
    else {
        return Vec::new();
    };
    let base = s.sentence.start;
    let cue_start = base + cue_at;
    let cue_end = cue_start + cue.len();
    // The verb nearest the cue, of either list, and close to it: a verb further back
    // belongs to another clause.
    let verb = [(GIVES, true), (GETS, false)]
        .iter()
        .filter_map(|&(list, gives)| last_word_in(&lower[..cue_at], list).map(|p| (p, gives)))
        .max_by_key(|&((start, _), _)| start)
        .filter(|&((_, end), _)| words(&lower[end..cue_at]).count() <= MAX_OBJECT_WORDS);
    let actors: Vec<&(String, sinew_types::Span)> = s
        .actors
        .iter()
        .filter(|(_, sp)| sp.end <= cue_start)
        .collect();
    let (giver, getter, goods_from) = match verb {
        Some(((vs, ve), gives)) => {
            let (vs, ve) = (base + vs, base + ve);
            let before = actors.iter().rev().find(|(_, sp)| sp.end <= vs);
            let other = |n: &String| before.is_none_or(|(b, _)| b != n);
            // The other side after the verb ("sent shells to Moscow in exchange for"), or
            // after the cue with "from" ("in exchange for food from Russia").
            let after = actors
                .iter()
                .find(|(n, sp)| sp.start >= ve && other(n))
                .map(|(n, _)| n)
                .or_else(|| {
                    s.actors
                        .iter()
                        .find(|(n, sp)| {
                            sp.start >= cue_start
                                && other(n)
                                && lower[..sp.start - base].trim_end().ends_with(" from")
                        })
                        .map(|(n, _)| n)
                });
            let (Some(before), Some(after)) = (before, after) else {
                return Vec::new();
            };
            let after = &(after.clone(), s.sentence);
            if gives {
                (before.0.clone(), after.0.clone(), ve)
            } else {
                (after.0.clone(), before.0.clone(), ve)
            }
        }
        None => {
            let mut names = actors.iter().map(|(n, _)| n);
            let (Some(a), Some(b)) = (names.next(), names.find(|n| *n != &actors[0].0)) else {
                return Vec::new();
            };
            (a.clone(), b.clone(), actors[0].1.end)
        }
    };
    if giver == getter {
        return Vec::new();
    }
    let forward = goods_between(s, goods_from, cue_start);
    let back = return_goods(&text[cue_end - base..]);
    let tie = |from: &str, to: &str, goods: Option<String>| PoliticalTie {
        from: from.to_string(),
        to: to.to_string(),
        kind: TieKind::Supply,
        doc: s.doc.clone(),
        span: s.sentence,
        goods,
    };
    let mut out = Vec::new();
    if let Some(g) = forward {
        out.push(tie(&giver, &getter, Some(g)));
    }
    if let Some(g) = back {
        out.push(tie(&getter, &giver, Some(g)));
    }
    out
}

/// The offsets of the last whole word of `list` in `text`.
fn last_word_in(text: &str, list: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (start, w) in words(text) {
        if list.contains(&w) {
            best = Some((start, start + w.len()));
        }
    }
    best
}

/// Lower-case words of `text` with their offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .scan(0usize, move |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The goods words between `from` and `to` (absolute offsets), actors and their
/// prepositions left out ("shells to Russia" -> "shells").
fn goods_between(s: &SentenceActors<'_>, from: usize, to: usize) -> Option<String> {
    let mut text = String::new();
    let mut at = from;
    for (_, sp) in s
        .actors
        .iter()
        .filter(|(_, sp)| from <= sp.start && sp.end <= to)
    {
        text.push_str(s.text.get(at..sp.start)?);
        text.push(' ');
        at = sp.end;
    }
    text.push_str(s.text.get(at..to)?);
    const EDGE: &[&str] = &[
        "to", "from", "the", "with", "for", "of", "a", "an", "its", "their",
    ];
    let mut kept: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let edge = |w: &&str| EDGE.contains(&w.to_lowercase().as_str());
    while kept.first().is_some_and(edge) {
        kept.remove(0);
    }
    while kept.last().is_some_and(edge) {
        kept.pop();
    }
    (!kept.is_empty() && kept.len() <= MAX_OBJECT_WORDS).then(|| kept.join(" "))
}

/// The goods after the cue: up to the clause's end, a list kept whole.
fn return_goods(rest: &str) -> Option<String> {
    let lower = rest.to_lowercase();
    let mut end = rest
        .find(['.', ';', '(', '—', '“', '"'])
        .unwrap_or(rest.len());
    for stop in GOODS_END {
        if let Some(p) = lower.find(stop) {
            // Back up over the comma before a stop word (", which").
            let p = rest[..p].trim_end_matches([',', ' ']).len();
            end = end.min(p);
        }
    }
    let goods = rest[..end].trim().trim_end_matches(',').trim();
    let n = goods.split_whitespace().count();
    (n > 0 && n <= 14).then(|| goods.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sinew_types::{DocId, Span};

    fn ties(text: &str, actors: &[(&str, &str)]) -> Vec<(String, String, String)> {
        let doc = DocId("d".into());
        let actors = actors
            .iter()
            .map(|(words, name)| {
                let at = text.find(words).expect("actor words in text");
                (name.to_string(), Span::new(at, at + words.len()))
            })
            .collect();
        exchange_ties(&SentenceActors {
            doc: &doc,
            text,
            sentence: Span::new(0, text.len()),
            actors,
        })
        .into_iter()
        .map(|t| (t.from, t.to, t.goods.unwrap_or_default()))
        .collect()
    }

    fn t(a: &str, b: &str, g: &str) -> (String, String, String) {
        (a.into(), b.into(), g.into())
    }

    #[test]
    fn both_sides_of_an_exchange() {
        let got = ties(
            "Pyongyang has sent artillery shells to Moscow in exchange for food, oil and \
             technology, officials said.",
            &[("Pyongyang", "North Korea"), ("Moscow", "Russia")],
        );
        assert_eq!(
            got,
            [
                t("North Korea", "Russia", "artillery shells"),
                t("Russia", "North Korea", "food, oil and technology"),
            ]
        );
        // The other side named after the cue, with "from".
        let got = ties(
            "Minsk provides tractors in exchange for grain and other goods from Hanoi.",
            &[("Minsk", "Belarus"), ("Hanoi", "Vietnam")],
        );
        assert_eq!(
            got,
            [
                t("Belarus", "Vietnam", "tractors"),
                t("Vietnam", "Belarus", "grain and other goods"),
            ]
        );
        // A verb of receipt: the subject gets.
        let got = ties(
            "Iran received wheat from Kazakhstan in return for fertiliser.",
            &[("Iran", "Iran"), ("Kazakhstan", "Kazakhstan")],
        );
        assert_eq!(
            got,
            [
                t("Kazakhstan", "Iran", "wheat"),
                t("Iran", "Kazakhstan", "fertiliser"),
            ]
        );
    }

    #[test]
    fn no_cue_or_one_country_is_no_exchange() {
        assert!(ties(
            "Pyongyang has sent artillery shells to Moscow, officials said.",
            &[("Pyongyang", "North Korea"), ("Moscow", "Russia")],
        )
        .is_empty());
        assert!(ties(
            "Moscow gave loans in exchange for access to ports.",
            &[("Moscow", "Russia")],
        )
        .is_empty());
        // A verb far back belongs to another clause.
        assert!(ties(
            "Pyongyang is providing shells to Moscow, and observers wonder what the regime of \
             the third Kim will get or receive in exchange for its help.",
            &[("Pyongyang", "North Korea"), ("Moscow", "Russia")],
        )
        .is_empty());
    }
}
