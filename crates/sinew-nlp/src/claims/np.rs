//! The noun phrase a figure is about, when the figure's own words do not name it: the
//! subject of the verb that governs it ("Chinese exports to Russia were worth about $111
//! billion" -> "Chinese exports"), the noun it modifies ("the $200 billion goal"), the noun
//! before "of" ("annual trade of $100 billion"), or, for a figure that continues another
//! ("or more than $9 billion a month", "(about 561 million euros)", "it reached ..."), the
//! phrase the figure before it was about.
//!
//! A measure is never a date, a name, a pronoun or a clause fragment: words inside a time
//! expression are dropped, a phrase left with only names, titles, pronouns or figure-size
//! words ("peak", "total") names nothing, and a phrase that still holds a verb or ends on a
//! preposition is rejected ([`clean`]). Empty is better than junk: callers fall back to the
//! flow verb's noun or a neutral word.

use sinew_types::{Mention, Span, TimeExpr};

use super::verbs::{self, AMOUNT_VERBS, CHANGE_VERBS, MAGNITUDE_NOUNS, PROSPECT_WORDS};
use crate::words::{words, Word};

/// What the phrase finder needs to know about the sentence.
pub(super) struct NpContext<'a> {
    pub(super) text: &'a str,
    pub(super) sentence: Span,
    /// Mentions in the sentence (names are never a measure).
    pub(super) mentions: &'a [Mention],
    /// Time expressions in the sentence (dates are never a measure).
    pub(super) times: &'a [TimeExpr],
}

/// Words between a figure and the verb that governs it ("reached a record level of",
/// "were worth about", "rose to").
const QUALIFIERS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "less",
    "fewer",
    "up",
    "to",
    "at",
    "of",
    "by",
    "a",
    "an",
    "the",
    "new",
    "just",
    "only",
    "approximately",
    "estimated",
    "worth",
    "as",
    "many",
    "much",
    "close",
    "least",
    "from",
    "between",
    "record",
    "level",
    "maximum",
    "minimum",
    "peak",
    "high",
    "low",
    "total",
    "sum",
    "combined",
    "nearly",
    "barely",
    "still",
    "already",
    "now",
    "reportedly",
    "than",
    "for",
];

/// Words that end a phrase going back from its verb: auxiliaries, relatives, clause openers.
const HARD_STOPS: &[&str] = &[
    "that",
    "which",
    "who",
    "whose",
    "while",
    "whereas",
    "with",
    "as",
    "and",
    "but",
    "or",
    "including",
    "said",
    "says",
    "say",
    "told",
    "showed",
    "show",
    "shows",
    "reveals",
    "revealed",
    "according",
    "after",
    "when",
    "where",
    "if",
    "because",
    "although",
    "though",
    "since",
    "during",
    "how",
    "why",
    "whether",
    "via",
];

/// Words that end a phrase going forward: what follows is a complement, not the thing
/// ("exports to Russia" -> "exports").
const SOFT_STOPS: &[&str] = &[
    "to",
    "from",
    "since",
    "by",
    "at",
    "according",
    "toward",
    "towards",
];

/// Verb forms a phrase never contains: auxiliaries and the verbs figures come with.
const VERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "reached",
    "reaches",
    "reaching",
    "accounted",
    "accounts",
    "accounting",
    "exceeded",
    "exceeds",
    "remained",
    "remains",
    "hit",
    "hits",
    "totaled",
    "totalled",
    "totals",
    "totaling",
    "totalling",
    "stood",
    "stands",
    "came",
    "comes",
    "amounted",
    "amounts",
    "passed",
    "topped",
    "doubled",
    "tripled",
    "exploded",
    "skyrocketed",
    "put",
    "puts",
    "said",
    "says",
    "estimated",
    "estimates",
    "costs",
    "cost",
    "equating",
    "making",
    "made",
    "makes",
    "pledged",
    "pledge",
    "seen",
    "saw",
    // Linking verbs of a level, in their base forms ("is expected to reach $679 billion").
    "reach",
    "surpass",
    "surpassed",
    "exceed",
    "top",
    "approach",
    "approached",
    "set",
    "reported",
    "reports",
    "posted",
    "booked",
    "earned",
    "projects",
    "projected",
    "expects",
    "expected",
    "forecast",
    "versus",
    "vs",
    "compared",
];

/// Words that say nothing about what is measured.
const FUNCTION_WORDS: &[&str] = &[
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
    "that",
    "of",
    "in",
    "on",
    "for",
    "and",
    "or",
    "with",
    "between",
    "among",
    "per",
    "each",
    "every",
    "also",
    "only",
    "alone",
    "now",
    "then",
    "still",
    "but",
    "so",
    "yet",
    "however",
    "while",
    "meanwhile",
    "moreover",
    "typically",
    "both",
    "two",
    "all",
];

pub(super) const PRONOUNS: &[&str] = &[
    "it",
    "they",
    "them",
    "this",
    "that",
    "which",
    "he",
    "she",
    "we",
    "these",
    "those",
    "i",
    "you",
    "there",
    "what",
    "it's",
    "it’s",
    "that's",
    "that’s",
    "there's",
    "there’s",
    "your",
    "my",
];

/// Titles: capitalised, but no more a measure than the name they precede.
const TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "prime",
    "chancellor",
    "king",
    "queen",
    "general",
    "state",
    "leader",
    "chairman",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "director",
];

/// Past forms of the verbs of change and flow that are not "-ed" forms.
const IRREGULAR_PAST: &[&str] = &[
    "rose", "risen", "grew", "grown", "fell", "fallen", "sent", "sold", "built", "gave", "given",
    "bought", "paid", "spent", "lent", "shrank", "slid", "made",
];

/// Is `w` a verb form the phrase may not hold? Auxiliaries and the verbs figures come with,
/// and verbs of change and flow in a form no noun has ("rose", "shipped", "increasing");
/// "exports", "rise" and "increase" are nouns as often as verbs and pass.
fn is_verb(w: &Word<'_>) -> bool {
    if w.is_any(VERBS) {
        return true;
    }
    let lower = w.text.to_lowercase();
    let inflected = lower.ends_with("ed") || lower.ends_with("ing") || w.is_any(IRREGULAR_PAST);
    inflected
        && (w.is_any(CHANGE_VERBS) || verbs::flow_verb(w.text).is_some())
        && !w.is_any(&["shipping", "manufacturing", "spending", "funding"])
}

/// Can `w` modify a noun as the goods it names ("oil" in "Russia's oil exports", "solar
/// panel")? A lower-case word that is neither a function word, a pronoun nor a verb form.
pub(super) fn goods_modifier(w: &Word<'_>) -> bool {
    w.text.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && w.text.starts_with(|c: char| c.is_ascii_lowercase())
        && !w.is_any(FUNCTION_WORDS)
        && !w.is_any(PRONOUNS)
        && !w.is_any(SOFT_STOPS)
        && !is_verb(w)
}

/// Does an actor named in `[start, at)` act as the subject of a verb there ("and the EU
/// pledged €5 billion")? Then the clause has a subject of its own.
pub(super) fn actor_subject(ctx: &NpContext<'_>, start: usize, at: usize) -> bool {
    let ws = words(ctx.text, start, at);
    ctx.mentions
        .iter()
        .filter(|m| start <= m.span.start && m.span.end <= at)
        .any(|m| {
            ws.iter()
                .filter(|w| w.start >= m.span.end)
                .take(2)
                .any(|w| governs(w))
        })
}

/// Are these words only qualifiers of a figure ("about", "more than", "a record")?
pub(super) fn only_qualifiers(ws: &[Word<'_>]) -> bool {
    ws.iter().all(|w| w.is_any(QUALIFIERS))
}

/// Is `w` right before a figure a verb governing it, in any form ("rise to", "exports")?
pub(super) fn governs(w: &Word<'_>) -> bool {
    is_verb(w) || w.is_any(CHANGE_VERBS) || verbs::flow_verb(w.text).is_some()
}

/// A gerund or participle outside the known lists ("agreeing", "citing"): no part of a
/// noun phrase going back from its verb.
fn is_participle(w: &Word<'_>) -> bool {
    let lower = w.text.to_lowercase();
    lower.len() > 5
        && lower.ends_with("ing")
        && !w.is_any(&[
            "shipping",
            "manufacturing",
            "spending",
            "funding",
            "financing",
            "housing",
            "lending",
        ])
}

/// Prepositions a noun phrase may hold inside it: "trade between China and Russia",
/// "dependence on China for high-priority products", "imports of goods".
fn inner_preposition(ws: &[Word<'_>], i: usize) -> bool {
    let w = &ws[i];
    if w.is("of") || w.is("between") {
        return true;
    }
    let back = &ws[i.saturating_sub(5)..i];
    if w.is("and") {
        return back.iter().any(|b| b.is("between"));
    }
    // "Chinese exports to Russia", "exports of oil from Iraq", "trade with Hungary": the
    // complements of a trade noun.
    if w.is_any(&["to", "from", "with"]) {
        // "exports of crude oil from Armenia to Iran": the noun may be six words back.
        let trade_noun = ws[i.saturating_sub(7)..i].iter().any(|n| {
            n.is_any(verbs::SUPPLY_NOUNS) || n.is_any(verbs::RECEIPT_NOUNS) || n.is("trade")
        });
        if trade_noun {
            return true;
        }
    }
    w.is_any(&["on", "for", "in"])
        && back.iter().any(|b| {
            b.is_any(&[
                "dependence",
                "reliance",
                "dependency",
                "share",
                "spending",
                "expenditure",
                "investment",
                "tariffs",
                "duties",
            ])
        })
}

/// Prepositions and comparatives that never start a noun a figure modifies.
const NOT_MODIFIED: &[&str] = &[
    "before", "after", "during", "since", "until", "than", "into", "onto", "over", "under",
    "above", "below", "within", "without", "through", "across", "against", "among", "via",
];

impl NpContext<'_> {
    fn in_time(&self, w: &Word<'_>) -> bool {
        self.times
            .iter()
            .any(|t| t.span.start <= w.start && w.end <= t.span.end)
    }

    fn in_mention(&self, w: &Word<'_>) -> bool {
        self.mentions
            .iter()
            .any(|m| m.span.start <= w.start && w.end <= m.span.end)
    }

    /// The subject phrase of the verb that governs a figure at `at`, read back from it
    /// within `[start, at)`.
    pub(super) fn governing(&self, start: usize, at: usize) -> Option<String> {
        let ws = words(self.text, start, at);
        let mut i = ws.len();
        while i > 0 && (ws[i - 1].is_any(QUALIFIERS) || self.in_time(&ws[i - 1])) {
            i -= 1;
        }
        // The verb and its auxiliaries ("had reached", "were worth").
        // "sent shells in exchange for $500 million": the figure is the other side of a
        // trade, and the phrase before the cue is not what it measures.
        if i >= 2 && ws[i - 1].is_any(&["exchange", "return"]) && ws[i - 2].is("in") {
            return None;
        }
        let mut saw_verb = false;
        // A noun-like verb form ("imports") is a verb only right before the figure: in
        // "crude imports has risen from 2%" it is the subject's noun.
        // "is set to rise to", "is expected to reach": the verb's "to" and the word of
        // prospect before it belong to the verb.
        let prospect = |k: usize| ws[k].is("to") && k > 0 && ws[k - 1].is_any(PROSPECT_WORDS);
        while i > 0
            && ((governs(&ws[i - 1]) && !(saw_verb && verbs::noun_like(ws[i - 1].text)))
                || (saw_verb && ws[i - 1].is_any(&["now", "already", "also", "reportedly"]))
                || (saw_verb && (prospect(i - 1) || (i < ws.len() && prospect(i)))))
        {
            // "The fund paid $1bn": the subject of a verb of flow is an actor, and the
            // figure is what moved; the verb's noun names it (the caller's fallback).
            if !saw_verb && verbs::flow_verb(ws[i - 1].text).is_some() {
                return None;
            }
            saw_verb = true;
            i -= 1;
        }
        // "bilateral trade which rose 26.3 percent": the relative's antecedent.
        if saw_verb && i > 0 && ws[i - 1].is_any(&["which", "that"]) {
            i -= 1;
        }
        // "imports from Korea, dominated by cars, steel and electronics, came to": the
        // subject is before the interrupter, not its last noun.
        if saw_verb && i > 0 && self.text[ws[i - 1].end..ws[i].start].contains(',') {
            let opened = (i.saturating_sub(12)..i).rev().find(|&k| {
                k > 0
                    && self.text[ws[k - 1].end..ws[k].start].contains(',')
                    && super::clauses::opens_interrupter(
                        &ws[k].text.to_lowercase(),
                        &ws.get(k + 1)
                            .map_or(String::new(), |w| w.text.to_lowercase()),
                    )
            });
            if let Some(k) = opened {
                i = k;
            }
        }
        let end = i;
        while i > 0 {
            let w = &ws[i - 1];
            // "aim to raise bilateral trade to $200 billion": a verb after the infinitive's
            // "to" governs the phrase and is no part of it.
            let infinitive = i >= 2 && ws[i - 2].is("to") && w.is_any(AMOUNT_VERBS);
            // "Lukoil cut oil output by 5%": a verb that changes an amount stands before it.
            let stop = infinitive
                || w.is_any(verbs::CHANGING_FORMS)
                || (w.is_any(HARD_STOPS) && !inner_preposition(&ws, i - 1))
                || is_verb(w)
                || w.is_any(PRONOUNS)
                || is_participle(w)
                // "raised its interest rate to 16%": a verb outside the lists, known by the
                // determiner it governs.
                || (w.text.ends_with("ed")
                    && !self.in_mention(w)
                    && ws.get(i).is_some_and(|n| {
                        n.is_any(&["its", "the", "a", "an", "their", "his", "her", "our"])
                    }))
                || (w.is_any(&["to", "with", "from", "by", "at", "for", "on", "in", "after"])
                    && !inner_preposition(&ws, i - 1));
            if stop {
                break;
            }
            i -= 1;
        }
        let np = self.clean(&ws[i..end])?;
        // "Armenia exported wheat worth $6 billion": the goods a verb of flow moved, named
        // as its noun does ("exports of wheat"), as "Armenia's exports of wheat" would be.
        match i.checked_sub(1).and_then(|v| verbs::flow_verb(ws[v].text)) {
            Some((noun, _)) if end < ws.len() && ws[end].is("worth") => {
                Some(format!("{noun} of {np}"))
            }
            _ => Some(np),
        }
    }

    /// The phrase opening a clause at `start`, up to its verb or `at`: a last resort.
    pub(super) fn opening(&self, start: usize, at: usize) -> Option<String> {
        let ws = words(self.text, start, at);
        let end = (0..ws.len())
            .find(|&i| {
                is_verb(&ws[i])
                    || is_participle(&ws[i])
                    || (ws[i].is_any(HARD_STOPS) && i > 0 && !inner_preposition(&ws, i))
            })
            .unwrap_or(ws.len());
        // Only a verbless phrase heading its sentence counts ("Machine tool spare parts, 80%
        // in 2023", "Bearings, 345% ..."): an opening that runs into a verb is a clause.
        let heads = ws.get(..end).and_then(<[Word<'_>]>::last).is_some_and(|w| {
            self.text[w.end..at]
                .trim_start_matches(['”', '"', '’', ' '])
                .starts_with([',', ':', '—', '–'])
        });
        if !heads {
            return None;
        }
        self.clean(&ws[..end])
    }

    /// The noun a figure modifies ("the $200 billion goal", "a $5 billion loan"), read from
    /// the words right after it.
    pub(super) fn modified_noun(&self, after: &[Word<'_>]) -> Option<String> {
        let take: Vec<&Word<'_>> = after
            .iter()
            .take_while(|w| {
                w.text.chars().all(|c| c.is_lowercase() || c == '-')
                    && !w.is_any(FUNCTION_WORDS)
                    && !w.is_any(SOFT_STOPS)
                    && !w.is_any(PRONOUNS)
                    && !w.is_any(NOT_MODIFIED)
                    && !w.is_any(verbs::CHANGE_NOUNS)
                    && !governs(w)
                    && !w.text.ends_with("ed")
                    && !w.text.ends_with("ly")
                    && !self.in_time(w)
                    && !w.is_any(&["last", "next", "this", "a", "per", "year", "month", "day"])
            })
            .take(2)
            .collect();
        if take.is_empty() {
            return None;
        }
        let ws: Vec<Word<'_>> = take.into_iter().copied().collect();
        self.clean(&ws)
    }

    /// The words as a measure, or `None` when they name nothing: dates dropped, the ends
    /// trimmed of function words, pronouns and verbs, cut at a complement ("to Russia"),
    /// and at least one word that is neither a name, a title nor a figure-size word.
    pub(super) fn clean(&self, ws: &[Word<'_>]) -> Option<String> {
        let mut kept: Vec<&Word<'_>> = ws.iter().filter(|w| !self.in_time(w)).collect();
        // Cut at the first complement: "Chinese exports to Russia" -> "Chinese exports".
        if let Some(p) = kept.iter().skip(1).position(|w| w.is_any(SOFT_STOPS)) {
            kept.truncate(p + 1);
        }
        let drop_lead = |w: &Word<'_>| {
            w.is_any(FUNCTION_WORDS)
                || w.is_any(PRONOUNS)
                || w.is_any(SOFT_STOPS)
                || w.is_any(HARD_STOPS)
                // "increased bilateral trade": a participle used as an adjective says
                // nothing a reader needs.
                || is_verb(w)
                || (w.text.len() > 1 && w.text.chars().all(|c| !c.is_lowercase()))
                // "usually an average": an adverb opens no noun phrase.
                || (w.text.len() > 4 && w.text.ends_with("ly"))
        };
        while kept.first().is_some_and(|w| drop_lead(w)) {
            kept.remove(0);
        }
        while kept.last().is_some_and(|w| {
            w.is_any(FUNCTION_WORDS) || w.is_any(PRONOUNS) || w.is_any(SOFT_STOPS) || is_verb(w)
        }) {
            kept.pop();
        }
        if kept.is_empty() || kept.len() > 8 {
            return None;
        }
        // A verb or pronoun left inside is a clause, not a phrase.
        // Inner words the ends were trimmed of: "trade between X and Y", "trade with X".
        let inner_and = |w: &Word<'_>| w.is_any(&["and", "or", "with"]);
        if kept
            .iter()
            .any(|w| is_verb(w) || w.is_any(PRONOUNS) || (w.is_any(HARD_STOPS) && !inner_and(w)))
        {
            return None;
        }
        // The sentence's first word after a dateline ("BEIJING - Trade between ...").
        let sentence_start = words(self.text, self.sentence.start, self.sentence.end)
            .iter()
            .find(|w| !(w.text.len() > 1 && w.text.chars().all(|c| !c.is_lowercase())))
            .map(|w| w.start);
        let names_something = kept.iter().any(|w| {
            let lower = w.text.chars().next().is_some_and(char::is_lowercase)
                || Some(w.start) == sentence_start
                || !w.is_any(TITLES);
            lower
                && !self.in_mention(w)
                && !w.is_any(verbs::TIE_WORDS)
                && !w.is_any(FUNCTION_WORDS)
                && !w.is_any(MAGNITUDE_NOUNS)
                && !w.text.chars().all(|c| c.is_ascii_digit())
        });
        if !names_something {
            return None;
        }
        // Numbers inside ("just 13 8 billion below", "5 CVS Health") are list debris.
        if kept
            .iter()
            .any(|w| w.text.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        // "Snowflake reported free cash flow": a past form after the first word is a verb,
        // and the words a clause.
        if kept.iter().skip(1).any(|w| {
            let lower = w.text.to_lowercase();
            lower.len() > 4 && lower.ends_with("ed") && !self.in_mention(w)
        }) {
            return None;
        }
        // A lone participle ("valued") names nothing.
        if kept.len() == 1 && kept[0].text.len() > 4 && kept[0].text.ends_with("ed") {
            return None;
        }
        // A lone adjective ("massive", "modest", "annual") names nothing.
        let adjective = |w: &Word<'_>| {
            let lower = w.text.to_lowercase();
            ["ive", "ous", "ful", "ual", "est", "able", "ible"]
                .iter()
                .any(|e| lower.ends_with(e))
        };
        if kept.last().is_some_and(|w| adjective(w)) {
            return None;
        }
        // "Xi Jinping's visit" is a tie, not a thing counted.
        if kept.last().is_some_and(|w| w.is_any(verbs::TIE_WORDS)) {
            return None;
        }
        let mut words: Vec<String> = kept.iter().map(|w| w.text.to_string()).collect();
        // "Trade between ..." opening a sentence is "trade" in a measure; a name keeps its case.
        let touches_name = self
            .mentions
            .iter()
            .any(|m| m.span.start < kept[0].end && kept[0].start < m.span.end);
        if Some(kept[0].start) == sentence_start && !touches_name {
            let first = &words[0];
            let rest_lower = first.chars().skip(1).all(|c| !c.is_uppercase());
            if rest_lower {
                words[0] = first.to_lowercase();
            }
        }
        Some(words.join(" "))
    }
}

/// Does the text between two figures only continue the first ("from $147 billion in 2021
/// to $241 billion", "$111 billion, or more than $9 billion a month", "600 million dollars
/// (about 561 million euros)")? Then the second is about what the first is about.
pub(super) fn continues(ctx: &NpContext<'_>, between: Span) -> bool {
    const LINKS: &[&str] = &[
        "to",
        "and",
        "or",
        "from",
        "in",
        "by",
        "on",
        "a",
        "an",
        "the",
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "over",
        "more",
        "than",
        "less",
        "up",
        "average",
        "month",
        "year",
        "day",
        "week",
        "per",
        "now",
        "exceeds",
        "exceeded",
        "while",
        "then",
        "last",
        "approximately",
        "equivalent",
        "equating",
        "of",
        "at",
        "least",
        // a period named by what marks it: "from less than 2% before the war to more than a
        // third", "from 5% since the invasion to 12%"
        "before",
        "after",
        "since",
        "during",
        "war",
        "invasion",
        "pandemic",
        "crisis",
    ];
    let ws = words(ctx.text, between.start, between.end);
    ws.len() <= 8 && ws.iter().all(|w| w.is_any(LINKS) || ctx.in_time(w))
}

/// Is the phrase anaphoric, naming its thing only by reference ("the total", "them")?
pub(super) fn is_anaphoric(after: &[Word<'_>], before: &[Word<'_>]) -> bool {
    let of_them =
        after.len() >= 2 && after[0].is("of") && after[1].is_any(&["them", "those", "these", "it"]);
    let put_total = before.len() >= 2
        && before[before.len() - 1].is("at")
        && before
            .iter()
            .rev()
            .take(6)
            .any(|w| w.is_any(MAGNITUDE_NOUNS));
    of_them || put_total
}

/// Nouns that name a figure without narrowing what it counts ("the figure", "the total").
const FIGURE_NOUNS: &[&str] = &["figure", "estimate", "number", "total", "tally", "count"];

/// Do the clause's words right before a figure name an earlier figure as a whole: "put the
/// figure at", "the total was", "this number stood at"? Not "the total in Russia at" (a
/// narrower count) nor "of them" (a part).
pub(super) fn names_the_figure(before: &[Word<'_>]) -> bool {
    let n = before.len();
    let names = |i: usize| {
        i >= 1 && before[i].is_any(FIGURE_NOUNS) && before[i - 1].is_any(&["the", "this", "that"])
    };
    match n {
        0..=1 => false,
        _ if before[n - 1].is("at") && names(n - 2) => true,
        _ if before[n - 1].is_any(&["was", "is", "stood", "stands"]) => names(n - 2),
        _ => {
            n >= 3
                && before[n - 1].is("at")
                && before[n - 2].is_any(&["stood", "stands", "was", "is"])
                && names(n - 3)
        }
    }
}
