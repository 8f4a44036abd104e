//! Parties named by the modifiers inside a figure's own noun phrases, where no verb says who
//! did what:
//! - a noun of supply or receipt owned by an actor ("Turkish imports of ...", "Kenya's
//!   purchases of ...") or followed by "from X" / "to X" ("shipments of cotton from A to B")
//!   makes a physical amount a flow between parties, not a thing's attribute ([`names_flow`]);
//! - a demonym on the goods after such a noun ("imports of Brazilian soybeans") names the
//!   giver the receipt noun leaves out ([`goods_origin`]);
//! - a physical amount "of" goods a demonym modifies, sent "to" a state ("20 billion cubic
//!   metres of Kazakh gas a year to Uzbekistan"), moves between the two ([`goods_sent_to`]);
//! - a demonym on the noun a sanctioning verb counts ("blacklisted 90 Russian entities",
//!   "added 14 Iranian companies to its sanctions list") names the target, and the actor who
//!   imposes them is the clause's subject, not the demonym's state ([`sanctioned`]);
//! - "the purchases", "these shipments" opening a figure's clause refer to the deed of the
//!   sentence before's verb of flow ("Vietnam bought Thai rice. The purchases were worth
//!   ..."), whose parties the figure takes ([`deed_back`]);
//! - "Of the 10.5 percent, electricity accounted for 0.5 percent": a figure after "Of the"
//!   opening its sentence restates the figure before of the same amount, and the figures
//!   its sentence then divides it into are parts of it, about the same parties ([`part_of`]);
//! - "..., said Jane Roe, CEO of Kestrel Coffee": a figure no one in its clause owns, said
//!   by a person whose title of office at an organisation follows the name, is that
//!   organisation's ([`officer_speaks`]);
//! - a share of what a state's name modifies ("3% of U.S. school buses") is that state's
//!   figure ([`share_of_country`], a last resort; a demonym on a thing only tells its
//!   origin: "30% of Brazilian coffee").

use sinew_types::{EntityType, Quantity, QuantityKind, Span};

use super::actors::{Actor, Role};
use super::verbs;
use crate::words::{has_clause_break, strip_possessive, Word};

/// The index of the first word starting at or after `pos`.
fn word_at(ws: &[Word<'_>], pos: usize) -> usize {
    ws.partition_point(|w| w.start < pos)
}

/// Is the word a noun of supply or receipt ("exports", "purchases", "shipments")?
fn flow_noun(w: &Word<'_>) -> bool {
    w.is_any(verbs::SUPPLY_NOUNS) || w.is_any(verbs::RECEIPT_NOUNS)
}

/// Does a noun of supply or receipt before the figure, in its clause, have a party: an actor
/// right before it ("Indian purchases", "Kenya's imports") or after "from"/"to" in its own
/// phrase ("shipments of cotton from Uzbekistan to Iran")? Then a physical amount the
/// clause states ("rose to 12 million tonnes") is what moved between them.
pub(super) fn names_flow(
    text: &str,
    actors: &[Actor<'_>],
    ws: &[Word<'_>],
    q: Span,
    clause: Span,
) -> bool {
    let end = word_at(ws, q.start);
    let first = word_at(ws, clause.start);
    (first..end).filter(|&k| flow_noun(&ws[k])).any(|k| {
        let noun = &ws[k];
        actors.iter().any(|a| {
            if !clause.contains(a.span) || a.span.end > q.start {
                return false;
            }
            // Up to two words naming the goods may stand between ("Russia's oil exports",
            // "Chinese solar panel exports").
            let owner_before = |at: usize| {
                at <= k && k - at <= 2 && ws[at..k].iter().all(super::np::goods_modifier)
            };
            let next = word_at(ws, a.span.end);
            let owner = a.span.end <= noun.start
                && matches!(a.role, Role::Plain | Role::Recipient)
                && owner_before(next)
                || a.span.end <= noun.start
                    && next > 0
                    && ws.get(next - 1).is_some_and(|w| {
                        w.start < a.span.end && strip_possessive(w.text) != w.text
                    })
                    && owner_before(next);
            let party_after = a.span.start >= noun.end
                && matches!(a.role, Role::Source | Role::Recipient)
                && !has_clause_break(text, noun.end, a.span.start);
            owner || party_after
        })
    })
}

/// "Turkish imports of Brazilian soybeans reached $740 million": the state whose demonym
/// modifies the goods right after "of", after a noun of supply or receipt before the figure
/// in its clause, gave them. `None` when it is the state given as `getter`.
pub(super) fn goods_origin<'m>(
    text: &str,
    actors: &[Actor<'m>],
    ws: &[Word<'_>],
    q: Span,
    clause: Span,
    getter: &str,
) -> Option<&'m str> {
    actors
        .iter()
        .filter(|a| {
            a.adjective
                && a.entity == EntityType::Country
                && a.name != getter
                && clause.contains(a.span)
                && a.span.end <= q.start
        })
        .find(|a| {
            let i = word_at(ws, a.span.start);
            i >= 2
                && ws[i - 1].is("of")
                && ws[i - 2].is_any(verbs::RECEIPT_NOUNS)
                && !has_clause_break(text, ws[i - 2].start, a.span.start)
                // the demonym modifies a noun ("of Brazilian soybeans"), not people
                && ws.get(word_at(ws, a.span.end)).is_some_and(|w| {
                    w.text.starts_with(char::is_lowercase)
                        && !has_clause_break(text, a.span.end, w.start)
                })
        })
        .map(|a| a.name)
}

/// "would carry up to 20 billion cubic metres of Kazakh gas a year to Uzbekistan": a physical
/// amount of goods a demonym of a state modifies, right after the figure ("of Kazakh gas"),
/// that its clause sends "to" another state, moves from the first to the second, whatever
/// the verb (a pipeline carries, a port handles). `None` unless both are named and differ.
pub(super) fn goods_sent_to<'m>(
    text: &str,
    actors: &[Actor<'m>],
    ws: &[Word<'_>],
    q: &Quantity,
    clause: Span,
) -> Option<(&'m str, &'m str)> {
    if q.kind != QuantityKind::Measure {
        return None;
    }
    let at = word_at(ws, q.span.end);
    if !ws.get(at).is_some_and(|w| w.is("of")) {
        return None;
    }
    let origin = actors.iter().find(|a| {
        a.adjective
            && a.entity == EntityType::Country
            && word_at(ws, a.span.start) == at + 1
            // the demonym modifies the goods ("of Kazakh gas"), not people
            && ws.get(word_at(ws, a.span.end)).is_some_and(|w| {
                w.text.starts_with(char::is_lowercase)
                    && !has_clause_break(text, a.span.end, w.start)
            })
    })?;
    let getter = actors.iter().find(|a| {
        a.role == Role::Recipient
            && !a.adjective
            && a.entity == EntityType::Country
            && clause.contains(a.span)
            && a.span.start >= origin.span.end
            && !has_clause_break(text, origin.span.end, a.span.start)
            && word_at(ws, a.span.start)
                .checked_sub(1)
                .and_then(|k| ws.get(k))
                .is_some_and(|w| w.is("to"))
    })?;
    (origin.name != getter.name).then_some((origin.name, getter.name))
}

/// Verbs and nouns of sanctioning: the noun a figure counts after one is the target.
const SANCTIONING: &[&str] = &[
    "sanctioned",
    "sanctions",
    "sanctioning",
    "blacklisted",
    "blacklisting",
    "blacklist",
    "designated",
    "designating",
    "penalised",
    "penalized",
    "embargo",
    "embargoed",
];

/// "Canada says it has blacklisted more than 90 Russian entities", "The United Kingdom
/// added 14 Iranian companies to its sanctions list": a count whose noun a demonym of a
/// state modifies, in a clause of sanctioning, has that state as its target (object) and
/// the actor named before the figure (not a demonym, not a place) as who imposes them. A
/// speaker before the figure counts ("Canada says it has ..."); with none named before, a
/// speaker of the sentence does ("..., the Treasury said").
pub(super) fn sanctioned(
    text: &str,
    actors: &[Actor<'_>],
    ws: &[Word<'_>],
    q: &Quantity,
    clause: Span,
) -> Option<(Option<String>, Option<String>)> {
    if !matches!(q.kind, QuantityKind::Count | QuantityKind::Number) {
        return None;
    }
    let lo = word_at(ws, clause.start);
    let hi = ws.partition_point(|w| w.end <= clause.end);
    if !ws[lo..hi].iter().any(|w| w.is_any(SANCTIONING)) {
        return None;
    }
    // The demonym comes within two words after the figure ("90 Russian entities", "21 more
    // Chinese firms"), before its noun.
    let after = word_at(ws, q.span.end);
    let target = actors.iter().find(|a| {
        let i = word_at(ws, a.span.start);
        a.adjective
            && a.entity == EntityType::Country
            && i >= after
            && i <= after + 1
            && !has_clause_break(text, q.span.end, a.span.start)
    })?;
    let imposer = |a: &&Actor<'_>| {
        !a.adjective && a.name != target.name && matches!(a.role, Role::Plain | Role::Speaker)
    };
    let subject = actors
        .iter()
        .rev()
        .filter(imposer)
        .find(|a| a.span.end <= q.span.start)
        .or_else(|| {
            actors
                .iter()
                .filter(imposer)
                .find(|a| a.role == Role::Speaker)
        })
        .map(|a| a.name.to_string());
    Some((subject, Some(target.name.to_string())))
}

/// "About 3% of U.S. school buses are electric", "half of the UK fleet": a share of a whole
/// that a state's name modifies, right after the figure's "of", is that state's figure. The
/// name must be followed by a lower-case noun. An aside between dashes right after the
/// figure is passed over ("Less than 2% – just over 900 – of U.S. fire trucks").
pub(super) fn share_of_country<'a, 'm>(
    text: &str,
    ws: &[Word<'_>],
    actors: &'a [Actor<'m>],
    q: &Quantity,
) -> Option<&'a Actor<'m>> {
    if !matches!(q.kind, QuantityKind::Percent | QuantityKind::Fraction) {
        return None;
    }
    let mut i = word_at(ws, aside_end(text, q.span.end));
    if !ws.get(i)?.is("of") {
        return None;
    }
    i += 1;
    if ws.get(i)?.is_any(&["the", "all"]) {
        i += 1;
    }
    let at = ws.get(i)?.start;
    // Only the state's name: a demonym on a thing tells where it comes from ("30% of
    // Brazilian coffee" is no party's), or is itself the noun ("of Americans").
    let a = actors.iter().find(|a| {
        a.span.start == at
            && a.entity == EntityType::Country
            && !a.adjective
            && a.role != Role::Speaker
    })?;
    let next = ws.get(word_at(ws, a.span.end))?;
    next.text.starts_with(char::is_lowercase).then_some(a)
}

/// "Vietnam bought 2 million tonnes of Thai rice. The purchases were worth $900 million": a
/// definite description made of a noun of supply or receipt (`nouns`, the description's
/// words) refers to the deed of the previous sentence's verb of flow (`pws`, with its
/// `actors`), and the figure takes that deed's giver and getter. A verb of receipt with no
/// giver named takes the demonym on its goods ("of Thai rice"). `None` unless a giver is
/// found.
pub(super) fn deed_back(
    text: &str,
    nouns: &[&str],
    pws: &[Word<'_>],
    actors: &[Actor<'_>],
) -> Option<(String, Option<String>)> {
    let names_deed = nouns.iter().any(|n| {
        let n = n.to_ascii_lowercase();
        verbs::SUPPLY_NOUNS.contains(&n.as_str())
            || verbs::RECEIPT_NOUNS.contains(&n.as_str())
            || verbs::FLOW_VERBS.iter().any(|(_, noun, _)| *noun == n)
    });
    if !names_deed {
        return None;
    }
    let verb = pws
        .iter()
        .find(|w| verbs::flow_verb(w.text).is_some() && !verbs::noun_like(w.text))?;
    let parties: Vec<Actor<'_>> = actors
        .iter()
        .filter(|a| !matches!(a.role, Role::Speaker | Role::Place))
        .cloned()
        .collect();
    // The active reading where the verb's voice keeps it: the actor before the verb gives,
    // a recipient after it gets.
    let (giver, getter) = super::voice::directed(pws, &parties, verb).unwrap_or_else(|| {
        let giver = parties
            .iter()
            .rev()
            .find(|a| a.role == Role::Plain && !a.adjective && a.span.end <= verb.start);
        let getter = parties.iter().find(|a| {
            a.role == Role::Recipient
                && a.span.start >= verb.end
                && giver.is_none_or(|g| g.name != a.name)
        });
        (
            giver.map(|a| a.name.to_string()),
            getter.map(|a| a.name.to_string()),
        )
    });
    let giver = giver.or_else(|| {
        let getter = getter.as_deref()?;
        // after "of" the demonym's role is a place's
        actors
            .iter()
            .filter(|a| a.adjective && a.entity == EntityType::Country && a.name != getter)
            .find(|a| {
                let i = word_at(pws, a.span.start);
                a.span.start >= verb.end
                    && i >= 1
                    && pws[i - 1].is("of")
                    && !has_clause_break(text, verb.end, a.span.start)
            })
            .map(|a| a.name.to_string())
    })?;
    let getter = getter.filter(|g| *g != giver);
    Some((giver, getter))
}

/// Does a sentence open with "Of the" (or "of these", "of those") right before the figure at
/// `figure`: "Of the 10.5 percent, ..."?
fn opens_with_of_the(text: &str, sentence: Span, figure: Span) -> bool {
    let head = text[sentence.start..figure.start]
        .trim()
        .to_ascii_lowercase();
    let words: Vec<&str> = head.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["of", "the" | "these" | "those" | "that" | "this"]
    )
}

/// Does the sentence open with "Of the" and a figure in digits ("Of the 10.5 percent, ...",
/// "Of the $4 billion, ...")?
fn opens_with_of_the_figure(text: &str, sentence: Span) -> bool {
    let mut words = text[sentence.start..sentence.end].split_whitespace();
    let (Some(of), Some(det), Some(fig)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    of.eq_ignore_ascii_case("of")
        && ["the", "these", "those", "that", "this"].contains(&det.to_ascii_lowercase().as_str())
        && fig.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))
}

/// "Agriculture accounted for 10.5 percent of U.S. emissions. Of the 10.5 percent,
/// electricity accounted for 0.5 percent": is `q` the restated figure (the same amount
/// after "Of the" opening its sentence, `prev` the figure it restates) or a part of the
/// figure `prev` that such an opening restates in `q`'s own sentence (`sentence`)? Either
/// way `q` is about `prev`'s parties.
pub(super) fn part_of(text: &str, prev: &sinew_types::Claim, q: &Quantity, sentence: Span) -> bool {
    if prev.sentence == sentence {
        return opens_with_of_the_figure(text, sentence) && prev.quantity.span.start < q.span.start;
    }
    opens_with_of_the(text, sentence, q.span)
        && prev.quantity.kind == q.kind
        && prev.quantity.unit == q.unit
        && prev.quantity.value == q.value
}

/// The most characters an aside between dashes may span.
const ASIDE_MAX: usize = 80;

/// Where the text after `pos` goes on past an aside between dashes that opens right there
/// ("2% – just over 900 – of ..."): the position after the closing dash, else `pos`.
fn aside_end(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let trimmed = rest.trim_start_matches(' ');
    let Some(dash) = trimmed.chars().next().filter(|c| matches!(c, '–' | '—')) else {
        return pos;
    };
    let open = pos + (rest.len() - trimmed.len()) + dash.len_utf8();
    let mut end = text.len().min(open + ASIDE_MAX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[open..end];
    window
        .find(dash)
        .filter(|&k| !window[..k].contains(['.', ';']))
        .map_or(pos, |k| open + k + dash.len_utf8())
}

/// Titles of office by which a person speaks for an organisation.
const OFFICER_TITLES: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "co-founder",
    "cofounder",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "executive",
    "officer",
];

/// "Next year the plan is to open another 40 stores, said Jane Roe, CEO of Kestrel Coffee":
/// the organisation after "TITLE of/at" in the appositive of a speaking person (a speaker
/// mention, then a comma, up to three title words, "of" or "at", the organisation), after
/// the figure in its sentence. Only for a figure whose own clause names no one.
pub(super) fn officer_speaks<'m>(
    text: &str,
    actors: &[Actor<'m>],
    ws: &[Word<'_>],
    q: Span,
) -> Option<&'m str> {
    actors
        .iter()
        .filter(|a| a.org && a.span.start >= q.end && a.role != Role::Speaker)
        .find(|org| {
            let i = word_at(ws, org.span.start);
            if i < 2 || !ws[i - 1].is_any(&["of", "at"]) {
                return false;
            }
            // Back over the title to the comma after the person's name.
            let mut k = i - 1;
            let mut titled = false;
            while k > 0 && i - 1 - k < 3 {
                let w = &ws[k - 1];
                if !w.is_any(OFFICER_TITLES) && !w.is_any(&["chief", "the", "its", "a"]) {
                    break;
                }
                titled |= w.is_any(OFFICER_TITLES);
                k -= 1;
            }
            let comma_at = ws.get(k).map_or(org.span.start, |w| w.start);
            titled
                && actors.iter().any(|p| {
                    p.entity == EntityType::Person
                        && p.span.start >= q.end
                        && p.span.end <= comma_at
                        && text[p.span.end..comma_at].trim() == ","
                        && (p.role == Role::Speaker || said_before(ws, p.span.start))
                })
        })
        .map(|a| a.name)
}

/// Is the word right before `pos` a verb of saying ("..., said Jane Roe")?
fn said_before(ws: &[Word<'_>], pos: usize) -> bool {
    let i = word_at(ws, pos);
    i > 0 && ws[i - 1].is_any(&["said", "says", "added", "noted", "explained", "told"])
}
