//! Which article sentences can be quoted alone, and which words of them? A quoted sentence
//! must read whole without the sentences around it:
//! - a real sentence: enough words, starts like one, ends like one (a sentence the page cut
//!   off with "..." is not one, nor one whose quotation runs on into the next sentence), not a
//!   shouted heading or two paragraphs run together, and not
//!   longer than [`MAX_QUOTE`] (a long sentence is skipped, never cut: a cut quote hides what
//!   its source went on to say);
//! - no page junk ("(source: go-public-web-...)", share bars, URLs), by the lexicon's list;
//! - not a label and a figure with no verb ("Copper wire and cable, between 60% and 70% in
//!   2021."), which a scraped list or table leaves in the text;
//! - a main clause: not a name and a comma followed by no verb at all ("China, thanks to an
//!   explosion in exports of dual-use goods, according to officials."), which a paragraph's
//!   elliptical list leaves, nor a role and a relative clause with nothing after it
//!   ("President of the republic who is steering it towards the north."), as a glossary entry
//!   reads;
//! - no opening connective ("But", "Moreover", "In addition"), which leans on the sentence
//!   before, and no opening pronoun or demonstrative ("It", "They", "These products") that
//!   points back to something it does not name; "This week" is a time, not a pointer, and
//!   passes; a subject pronoun after an opening phrase that names no one ("On October 18 it
//!   said", "When asked about the shipments, he said") is caught too;
//! - no definite subject that only an earlier sentence identifies ("The move drew protests",
//!   "After the talks, the shipments resumed"; "the deal between Russia and Iran" says which),
//!   no demonstrative inside ("Russia paid for these shipments", "such weapons"; "this week"
//!   and "those who" pass), no "also" among the first words ("Russia also sent"), no pair
//!   ("the two countries", "both sides") the sentence has not named two actors for, no "the
//!   latter", no actor named by its tie to another ("its neighbour", "his guest"), no part of
//!   things the sentence has not named ("about 8,000 of them");
//! - no reporting clause whose speaker is a bare pronoun (", he said"): [`pronoun_speaker`]
//!   tells the caller, which keeps such a sentence when the attribution names the speaker;
//! - a dateline ("BRUSSELS - ", "WASHINGTON — ") is left out of the words quoted: the quote
//!   starts after it, still the article's own words.
//!
//! Whether a sentence that is mostly a quotation names its speaker is for the caller, which
//! knows the attributions ([`quoted_share`] says how much of it is quoted).

use std::sync::OnceLock;

use sinew_types::Span;

use crate::lexicon::{leading_entry, lexicon};
use crate::text::words;

/// A sentence with at least this share of its characters inside quotation marks is mostly a
/// quotation: quoted only with its speaker named.
pub(crate) const QUOTATION_SHARE: f64 = 0.4;

/// Longest article sentence quoted, in bytes.
pub(crate) const MAX_QUOTE: usize = 360;

/// Fewest words a quoted sentence has.
const MIN_WORDS: usize = 6;

/// Words before a subject pronoun within which an unnamed opening phrase leaves it
/// unresolved ("On October 18 it said").
const OPENING_WORDS: usize = 8;

/// Capitalised words that name no one: a pronoun after them still points back.
const NAMELESS_CAPITALS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The words of `span` fit to quote alone: the sentence without its dateline; `None` when it
/// is unfit (see the module doc).
pub(crate) fn standalone(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    let skip = dateline(s);
    let span = Span::new(span.start + skip, span.end);
    let s = &s[skip..];
    if s.len() > MAX_QUOTE
        || !sentence_shaped(s)
        || has_junk(s)
        || label_and_figure(s)
        || no_main_clause(s)
    {
        return None;
    }
    if leans_on_context(s) {
        return None;
    }
    Some(span)
}

/// Bytes of a leading dateline ("BRUSSELS - ", "PYONGYANG/SEOUL — ", "(Reuters) - ") and the
/// spaces after it; 0 when there is none.
fn dateline(s: &str) -> usize {
    for dash in [" - ", " — ", " – ", "— ", " —"] {
        let Some(at) = s.find(dash) else { continue };
        let head = &s[..at];
        if at > 48 || head.split_whitespace().count() > 5 || head.trim().is_empty() {
            continue;
        }
        let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
        let shouted = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
        let wire = head.starts_with('(') && head.ends_with(')');
        if shouted || wire {
            let rest = &s[at + dash.len()..];
            return s.len() - rest.trim_start().len();
        }
    }
    0
}

fn sentence_shaped(s: &str) -> bool {
    let n_words = s.split_whitespace().count();
    if n_words < MIN_WORDS || s.contains("\n\n") || s.contains("\r\n\r\n") {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || matches!(first, '“' | '"' | '‘')) {
        return false;
    }
    let end = s.trim_end_matches(['”', '"', '’', '\'', ')', '»']);
    if !end.ends_with(['.', '!', '?']) || end.ends_with("..") {
        return false;
    }
    // a quotation opened and not closed goes on in the next sentence: cut off
    if s.matches('“').count() != s.matches('”').count() || s.matches('"').count() % 2 == 1 {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    lower * 2 > letters
}

/// True when `s` is a label and a figure, not a clause: a name before its first comma, a
/// figure right after it, and no verb anywhere ("Copper wire and cable, between 60% and
/// 70% in 2021."; "Valves, 210% since 2019."), as lists and tables scraped into text give.
/// Who counted is no verb of the line: an attribution tail (", according to calculations
/// cited by the report", ", officials said") is read past, and a quoted aside counts only
/// with a listed verb (“rose sharply”), not an "-ed" word, which after a figure reads as a
/// participle (“probably headed north”).
fn label_and_figure(s: &str) -> bool {
    let Some((label, rest)) = s.split_once(',') else {
        return false;
    };
    let rest = rest.trim_start();
    let lead: Vec<String> = words(rest).take(1).collect();
    let figure_first = rest.starts_with(|c: char| c.is_ascii_digit() || "$€£¥+-−".contains(c))
        || lead.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "between"
                    | "up"
                    | "down"
                    | "about"
                    | "around"
                    | "over"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "roughly"
            )
        });
    if label.split_whitespace().count() > 6 || !figure_first {
        return false;
    }
    // A capitalised word before an "-s" word is how a label starts ("Steel valves"), so
    // the label is read for listed and "-ed" verbs only.
    let (plain, quoted) = split_quoted(rest);
    !has_verb(label, false, true)
        && !has_verb(without_attribution(&plain), true, true)
        && !has_verb(&quoted, false, false)
}

/// Words after which an "-ed" word is an adjective ("a combined force", "their joined lines").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
    "those", "some", "any", "no", "each", "every",
];

/// True when `s` has no main clause (see the module doc): a short name, a comma, and no verb
/// after it outside an attribution tail or a quotation; or up to eight words naming no verb,
/// then "who"/"which" and its verb, and no finite verb of the main clause after that. A verb
/// right after the relative's verb, another verb or an "-ly" word belongs to its verb group
/// ("who has led", "who is closely engaged"), not to a main clause, and an "-ed" word after
/// a determiner is an adjective ("a combined force").
fn no_main_clause(s: &str) -> bool {
    if let Some((label, rest)) = s.split_once(',') {
        let short = (1..=4).contains(&label.split_whitespace().count());
        let named = label.starts_with(|c: char| c.is_uppercase());
        let (plain, quoted) = split_quoted(rest);
        if short
            && named
            && !has_verb(label, false, true)
            && !has_verb(without_attribution(&plain), true, true)
            && !has_verb(&quoted, false, true)
        {
            return true;
        }
    }
    relative_only(s)
}

/// The second half of [`no_main_clause`]: "President of the republic who is steering it".
fn relative_only(s: &str) -> bool {
    let lex = lexicon();
    let signals = lex.list("verb signals");
    // a capitalised word inside the sentence is a name or a month ("since May"), no verb
    let listed =
        |(w, cap): &(String, bool)| !cap && signals.iter().any(|e| e.len() == 1 && e[0] == *w);
    let past = |(w, _): &(String, bool)| w.len() >= 5 && w.ends_with("ed") && w != "hundred";
    let mut tokens: Vec<(String, bool)> = Vec::new();
    for t in s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != ',') {
        // a comma is a token of its own: no comma may come before the relative
        let (word, comma) = match t.strip_suffix(',') {
            Some(w) => (w, true),
            None => (t, false),
        };
        if !word.is_empty() {
            let cap = !tokens.is_empty() && word.starts_with(char::is_uppercase);
            tokens.push((word.to_lowercase(), cap));
        }
        if comma {
            tokens.push((",".into(), false));
        }
    }
    let Some(rel) = tokens
        .iter()
        .take(9)
        .position(|(t, _)| t == "who" || t == "which" || t == ",")
    else {
        return false;
    };
    if rel == 0 || tokens[rel].0 == "," {
        return false;
    }
    if tokens[..rel].iter().any(|t| listed(t) || past(t)) {
        return false;
    }
    // the relative's own verb, right after it
    if !tokens.get(rel + 1).is_some_and(listed) {
        return false;
    }
    let after = &tokens[rel + 2..];
    !after.iter().enumerate().any(|(i, t)| {
        let participle = i == 0 || {
            let prev = &after[i - 1];
            prev.0.ends_with("ly") || listed(prev) || DETERMINERS.contains(&prev.0.as_str())
        };
        !participle && (listed(t) || past(t))
    })
}

/// `s` without its quoted stretches (“...”, "..."), and those stretches joined.
fn split_quoted(s: &str) -> (String, String) {
    let (mut plain, mut quoted) = (String::new(), String::new());
    let mut open: Option<char> = None;
    for c in s.chars() {
        match (open, c) {
            (None, '“') => open = Some('”'),
            (None, '"') => open = Some('"'),
            (Some(close), c) if c == close => {
                open = None;
                quoted.push(' ');
            }
            (Some(_), c) => quoted.push(c),
            (None, c) => plain.push(c),
        }
    }
    (plain, quoted)
}

/// `s` up to its attribution tail: "according to ..." to the end, or a last comma-set part
/// of a few words that reports who spoke (", officials said.", ", said the ministry.").
fn without_attribution(s: &str) -> &str {
    let lower = s.to_lowercase();
    if let Some(at) = lower.find("according to") {
        let at_word = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
        if at_word && lower.is_char_boundary(at) && s.is_char_boundary(at) {
            return &s[..at];
        }
    }
    if let Some(comma) = s.trim_end().rfind(',') {
        let tail: Vec<String> = words(&s[comma + 1..]).collect();
        let reports = tail.iter().any(|w| {
            matches!(
                w.as_str(),
                "said" | "says" | "say" | "reported" | "reports" | "estimated" | "estimates"
            )
        });
        if reports && tail.len() <= 6 {
            return &s[..comma];
        }
    }
    s
}

/// Does `s` hold a verb: an auxiliary or common verb of the lexicon's `verb signals`, when
/// `past` a word in "-ed" ("shipped", not "hundred"), or, when `after_names`, an "-s" word
/// right after a capitalised one ("Norway exports").
fn has_verb(s: &str, after_names: bool, past: bool) -> bool {
    let lex = lexicon();
    let signals = lex.list("verb signals");
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|t| !t.is_empty())
        .collect();
    tokens.iter().enumerate().any(|(i, t)| {
        let w = t.to_lowercase();
        let listed = signals.iter().any(|e| e.len() == 1 && e[0] == w);
        let past = past && w.len() >= 5 && w.ends_with("ed") && w != "hundred";
        let after_name = after_names
            && i > 0
            && tokens[i - 1].starts_with(char::is_uppercase)
            && t.starts_with(char::is_lowercase)
            && w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us");
        listed || past || after_name
    })
}

/// True when `s` holds page furniture or a scraper's tag.
pub(crate) fn has_junk(s: &str) -> bool {
    let lower = s.to_lowercase();
    lexicon()
        .list("junk")
        .iter()
        .any(|e| lower.contains(&e.join(" ")))
}

/// True when `s` opens with a connective or a pointer back to an earlier sentence.
pub(crate) fn leans_on_context(s: &str) -> bool {
    let lex = lexicon();
    let body = s.trim_start_matches(['“', '"', '‘', '\'', '(']);
    let ws: Vec<String> = words(body).collect();
    if leading_entry(&ws, lex.list("connectives")).is_some() || closed_connective(body) {
        return true;
    }
    if let Some(n) = leading_entry(&ws, lex.list("pronouns")) {
        // "This week", "That year": a time, not a pointer
        let time = ws.get(n).is_some_and(|w| {
            lex.list("time nouns")
                .iter()
                .any(|e| e.len() == 1 && &e[0] == w)
        });
        // "Those who fled": it points forward, at the clause after it
        let forward = ws.first().is_some_and(|w| w == "those")
            && ws
                .get(1)
                .is_some_and(|w| matches!(w.as_str(), "who" | "which" | "that"));
        if !time && !forward {
            return true;
        }
    }
    unnamed_opening_pronoun(body)
        || unresolved_definite(body).is_some()
        || clause_starts(body)
            .into_iter()
            .any(|at| pointing_subject(&words(&body[at..]).collect::<Vec<_>>()))
        || also_opening(&ws)
        || demonstrative_inside(&ws)
        || related_by_pronoun(&ws)
        || part_of_unnamed(&ws)
        || unnamed_pair(body)
}

/// An opener from the lexicon's "closed connectives" that a comma closes ("Since then, ...",
/// "In return, ..."): it points at what the sentence before said.
fn closed_connective(body: &str) -> bool {
    // each entry as the sentence would open with it, written once
    static OPENINGS: OnceLock<Vec<String>> = OnceLock::new();
    let openings = OPENINGS.get_or_init(|| {
        lexicon()
            .list("closed connectives")
            .iter()
            .map(|e| format!("{},", e.join(" ")))
            .collect()
    });
    let lower = body.to_lowercase();
    openings.iter().any(|o| lower.starts_with(o.as_str()))
}

/// The noun of a definite plural subject that the sentence does not identify ("the missiles
/// have a range of 900 km", "According to officials, the new rules require ..."): "the",
/// perhaps one lower-case modifier, a lower-case plural noun, and then no words that say which
/// ("the missiles of the northern army", "the rules on exports"). Such a noun is resolved only
/// by an earlier sentence; `None` when the sentence's subject is not one.
pub(crate) fn unresolved_definite(s: &str) -> Option<String> {
    let body = s.trim_start_matches(['“', '"', '‘', '\'', '(']);
    let lex = lexicon();
    let post = |w: &str| {
        lex.list("post-modifiers")
            .iter()
            .any(|e| e.len() == 1 && e[0] == w)
    };
    for at in clause_starts(body) {
        let raw: Vec<&str> = body[at..].split_whitespace().take(4).collect();
        let bare: Vec<String> = raw
            .iter()
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .collect();
        if !bare.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            continue;
        }
        let lower = |i: usize| {
            bare.get(i)
                .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase()))
        };
        // "the missiles have", "the new rules require": the noun is the first plural
        let Some(noun) = [1, 2].into_iter().find(|&i| {
            lower(i) && (i == 1 || lower(1) && !raw[1].ends_with(',')) && plural(&bare[i])
        }) else {
            continue;
        };
        if raw[noun].ends_with([',', ';', ':']) {
            return None;
        }
        // the noun must be the subject: a verb follows it ("the missiles have", "the trucks
        // crossed"), not more of a compound ("the artillery shells trade") or words that say
        // which ("the missiles of", "the trucks that")
        let verb = |w: &str| {
            let w = w.to_lowercase();
            !post(&w)
                && (w.ends_with("ed")
                    || lex
                        .list("verb signals")
                        .iter()
                        .any(|e| e.len() == 1 && e[0] == w))
        };
        return bare
            .get(noun + 1)
            .filter(|next| verb(next))
            .map(|_| bare[noun].clone());
    }
    None
}

/// A plural common noun, by its ending; nouns that name an institution in the plural
/// ("the authorities") identify themselves.
fn plural(w: &str) -> bool {
    const SELF_NAMING: &[&str] = &["authorities", "media", "news", "police", "odds", "means"];
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ics")
        && !SELF_NAMING.contains(&w)
}

/// The words to quote for sentence `span` when it does not stand alone but the sentence
/// before it (`prev`) does and the two together read whole: both sentences, from the start of
/// `prev`'s quotable words. A definite subject ("the missiles") must be named in `prev`, and a
/// pair ("the two countries") by the two together; the two together must still fit
/// [`MAX_QUOTE`]. `None` otherwise.
/// (The builder asks [`after_standalone`], knowing what `standalone` said of both.)
#[cfg(test)]
pub(crate) fn with_previous(text: &str, prev: Span, span: Span) -> Option<Span> {
    if standalone(text, span).is_some() {
        return None;
    }
    after_standalone(text, prev, standalone(text, prev)?, span)
}

/// The words to quote for `span` with the sentence before it, as `with_previous` gives
/// them, where [`standalone`] was asked already: `span` does not stand alone, and `prev`
/// does, its quotable words being `first`. A briefing asks every sentence whether it stands
/// alone; asking again for each one that does not, and for the one before it, was about a
/// quarter of the time it spent choosing what may be quoted.
pub(crate) fn after_standalone(text: &str, prev: Span, first: Span, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    if !sentence_shaped(s) || has_junk(s) || label_and_figure(s) || no_main_clause(s) {
        return None;
    }
    // a quotation is quoted with its speaker named, which the sentence after it does not do
    if quoted_share(first.slice(text)?) >= QUOTATION_SHARE {
        return None;
    }
    let between = text.get(prev.end..span.start)?;
    if !between.trim().is_empty() || span.end - first.start > MAX_QUOTE {
        return None;
    }
    if let Some(noun) = unresolved_definite(s) {
        let before = first.slice(text)?.to_lowercase();
        let stem = noun.trim_end_matches('s');
        if !before.contains(stem) {
            return None;
        }
    }
    // "the two countries" must be named by the two sentences together
    let both = Span::new(first.start, span.end);
    if unnamed_pair(s) && unnamed_pair(both.slice(text)?) {
        return None;
    }
    Some(both)
}

/// Words that open a phrase before the subject ("After the talks, ...", "When asked, ...").
const OPENERS: &[&str] = &[
    "after",
    "before",
    "during",
    "since",
    "in",
    "on",
    "at",
    "under",
    "when",
    "while",
    "as",
    "following",
    "despite",
    "amid",
    "asked",
    "speaking",
    "if",
    "although",
    "though",
    "by",
    "with",
    "for",
    "from",
    "last",
    "earlier",
    "later",
    "according",
];

/// Byte offsets where a clause's subject may start: the sentence's start, and after the
/// comma that closes an opening phrase ("After the talks, the shipments resumed").
fn clause_starts(s: &str) -> Vec<usize> {
    let mut out = vec![0];
    let first = s
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if !OPENERS.contains(&first.trim_matches(|c: char| !c.is_alphanumeric())) {
        return out;
    }
    let mut at = 0;
    for (i, raw) in s.split_whitespace().take(OPENING_WORDS).enumerate() {
        at = s[at..].find(raw).map_or(at, |p| at + p) + raw.len();
        if i > 0 && raw.ends_with(',') {
            out.push(at);
            break;
        }
    }
    out
}

/// "the move ...", "the shipments ...": a definite subject whose noun points back, with no
/// words after it that say which one is meant.
fn pointing_subject(ws: &[String]) -> bool {
    let lex = lexicon();
    let is = |list: &str, w: Option<&String>| {
        w.is_some_and(|w| lex.list(list).iter().any(|e| e.len() == 1 && &e[0] == w))
    };
    ws.first().is_some_and(|w| w == "the")
        && is("pointing nouns", ws.get(1))
        && !is("post-modifiers", ws.get(2))
}

/// "also" among the first words, a long subject's included ("Japan and the United States
/// also said"): the sentence adds to one before it ("Russia also sent"); "also known as"
/// names, and passes.
fn also_opening(ws: &[String]) -> bool {
    ws.iter().take(OPENING_WORDS).enumerate().any(|(i, w)| {
        w == "also" && !matches!(ws.get(i + 1).map(String::as_str), Some("known" | "called"))
    })
}

/// A demonstrative after the first word ("Russia paid for these shipments", "such weapons",
/// "this would"): it points at what an earlier sentence named. "This week", "these days",
/// "those who ...", "such as" point at a time or forward, and pass.
fn demonstrative_inside(ws: &[String]) -> bool {
    let lex = lexicon();
    let time = |w: &str| {
        let one = w.strip_suffix('s').unwrap_or(w);
        lex.list("time nouns")
            .iter()
            .any(|e| e.len() == 1 && (e[0] == w || e[0] == one))
    };
    ws.iter().enumerate().skip(1).any(|(i, w)| {
        let next = ws.get(i + 1).map_or("", String::as_str);
        match w.as_str() {
            "this" => !time(next),
            "these" => !time(next),
            "those" => {
                !time(next) && !matches!(next, "who" | "which" | "that" | "of" | "in" | "with")
            }
            "such" => !matches!(next, "as" | "that"),
            "latter" => i > 0 && ws[i - 1] == "the",
            _ => false,
        }
    })
}

/// "about 8,000 of them", "some of those" with no plural noun before it in the sentence for
/// "them" to stand for ("Officials said about 8,000 of them had moved"): the things counted
/// are named in an earlier sentence. "10,000 soldiers were sent, and some of them moved"
/// names them.
fn part_of_unnamed(ws: &[String]) -> bool {
    ws.windows(2).enumerate().any(|(i, w)| {
        w[0] == "of"
            && matches!(w[1].as_str(), "them" | "those")
            && !ws[..i].iter().any(|x| plural(x))
    })
}

/// A possessive pronoun and a noun that names an actor by its tie to another ("its
/// neighbour", "his guest": `[relational nouns]`): who is meant only an earlier sentence says.
fn related_by_pronoun(ws: &[String]) -> bool {
    let lex = lexicon();
    ws.windows(2).any(|w| {
        matches!(w[0].as_str(), "its" | "their" | "his" | "her")
            && lex
                .list("relational nouns")
                .iter()
                .any(|e| e.len() == 1 && e[0] == w[1])
    })
}

/// "the two countries", "both sides" (perhaps with one lower-case word before the noun: "the
/// two authoritarian countries") with fewer than two names before it in the sentence: the
/// pair is named in an earlier sentence.
fn unnamed_pair(s: &str) -> bool {
    let lex = lexicon();
    let pair = |w: &str| {
        lex.list("pairs")
            .iter()
            .any(|e| e.len() == 1 && e[0] == w.to_lowercase())
    };
    let tokens: Vec<&str> = s.split_whitespace().collect();
    // each token's word once (it is read as the word, the next and the one after)
    let bare: Vec<&str> = tokens
        .iter()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let mut runs = 0;
    let mut in_run = false;
    for (i, raw) in tokens.iter().enumerate() {
        let w = bare[i];
        let lower = w.to_lowercase();
        let at = |k: usize| bare.get(i + k).copied().unwrap_or_default();
        let next = at(1);
        // "the two countries", or with one lower-case word between ("the two authoritarian
        // countries", "both neighbouring states")
        let noun_from = |k: usize| {
            pair(at(k))
                || (at(k).chars().next().is_some_and(char::is_lowercase)
                    && !tokens[i + k - 1].ends_with(',')
                    && pair(at(k + 1)))
        };
        let is_pair = (lower == "the" && next.eq_ignore_ascii_case("two") && noun_from(2))
            || (lower == "both" && noun_from(1));
        if is_pair && runs < 2 {
            return true;
        }
        // a sentence's first word is capitalised whatever it is: an opener or a function word
        // there names no one (the passage may hold two sentences)
        let opens_sentence = i == 0 || tokens[i - 1].ends_with(['.', '!', '?']);
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            && !NAMELESS_CAPITALS.contains(&lower.as_str())
            && !(opens_sentence
                && (OPENERS.contains(&lower.as_str()) || FUNCTION_WORDS.contains(&lower.as_str())));
        if capital && !in_run {
            runs += 1;
        }
        in_run = capital && !raw.ends_with([',', ';', ':']);
    }
    false
}

/// Sentence-initial capitals that name no one.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "that", "both", "its", "their", "his", "her",
    "our", "we", "it", "they", "he", "she", "there", "and", "but",
];

/// True when a reporting clause has a bare pronoun for its speaker ("..., he said", "She
/// added that ..."): the caller keeps the sentence only when the attribution names who.
pub(crate) fn pronoun_speaker(s: &str) -> bool {
    let tokens: Vec<String> = s
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    const VERBS: &[&str] = &[
        "said",
        "says",
        "added",
        "adds",
        "told",
        "noted",
        "stressed",
        "warned",
        "explained",
        "wrote",
        "argued",
        "insisted",
        "claimed",
        "stated",
        "announced",
        "believes",
        "thinks",
    ];
    tokens.windows(2).any(|w| {
        (matches!(w[0].as_str(), "he" | "she" | "they" | "it") && VERBS.contains(&w[1].as_str()))
            || (VERBS.contains(&w[0].as_str()) && matches!(w[1].as_str(), "he" | "she"))
    })
}

/// A subject pronoun in the first words, with no name or noun phrase before it ("On October
/// 18 it said", "Ten days later they moved"), or right after an opening phrase that names no
/// one ("When asked about the shipments, he said": a determiner inside such a phrase opens no
/// subject).
fn unnamed_opening_pronoun(s: &str) -> bool {
    let tokens: Vec<&str> = s.split_whitespace().take(OPENING_WORDS + 1).collect();
    let bare = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let opener = tokens
        .first()
        .is_some_and(|t| OPENERS.contains(&bare(t).to_lowercase().as_str()));
    let comma = tokens
        .iter()
        .take(OPENING_WORDS)
        .skip(1)
        .position(|t| t.ends_with(','))
        .map(|p| p + 1);
    for (i, raw) in tokens.iter().enumerate() {
        let w = bare(raw);
        if i > 0 && matches!(w.as_str(), "it" | "they" | "he" | "she") {
            return true;
        }
        if comma.is_some_and(|c| i > c) {
            // the word after the opening phrase is the subject, and it is no pronoun
            return false;
        }
        // a determiner opens a noun phrase that may be the subject ("the ministry said it"),
        // unless it is inside an opening phrase that a comma closes
        let determiner =
            matches!(w.as_str(), "the" | "a" | "an") && !(opener && comma.is_some_and(|c| i <= c));
        let named = i > 0
            && (w.chars().next().is_some_and(char::is_uppercase)
                && !NAMELESS_CAPITALS.contains(&w.to_lowercase().as_str())
                || determiner);
        if named {
            return false;
        }
        if raw.ends_with(',') && i > 0 && comma != Some(i) {
            return false;
        }
    }
    false
}

/// The share of `s`'s characters inside quotation marks (curly or straight double).
pub(crate) fn quoted_share(s: &str) -> f64 {
    let total = s.chars().count().max(1);
    let mut inside = false;
    let mut quoted = 0usize;
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if inside => quoted += 1,
            _ => {}
        }
    }
    quoted as f64 / total as f64
}

#[cfg(test)]
mod tests;
