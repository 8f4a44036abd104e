//! Key judgments: sentences written from the ledger and the network in plain analyst
//! English, each citing the statements it rests on, with whole article sentences under it
//! that bear it out.
//!
//! Templates over structured results, nothing else:
//! - a figure stated by two or more documents: how many accounts put it where (the ledger's
//!   consensus when they agree, the range of their statements otherwise), over what time;
//!   then how it moved between reports (a running total that rose with each report), or who
//!   disagrees with whom and by how much (a conflict), or that the accounts agree;
//! - a pact, visit or sanctions tie the network holds that two or more documents report,
//!   and how many do.
//!
//! Every number written is a statement's stated value or the group's consensus, as the
//! ledger holds them ([`Judgment::values`] lists them so a test can hold the text to the
//! ledger). A judgment whose statements all come from derivative digests is not written: a
//! digest repeats others and never carries a judgment alone.

use std::collections::BTreeSet;

use chrono::Datelike;
use sinew_analysis::{format_value, LedgerClaim, LedgerGroup, TieKind, Verdict};
use sinew_types::{Claim, QuantityKind, Span};

use super::timeline::month_year;
use super::{find_sentence, picks, Corpus, Used};
use crate::model::{CitedSentence, Judgment};
use crate::text::{capitalise, count_words, squash, the_named, words};
use crate::themes::{flow_theme, theme_of, tie_theme};

/// Judgments read from figures.
const MAX_FIGURE_JUDGMENTS: usize = 5;
/// Judgments read from pacts, visits and sanctions.
const MAX_TIE_JUDGMENTS: usize = 2;
/// Article sentences under one judgment.
pub(super) const MAX_EVIDENCE: usize = 2;

/// A statement of a group found in the given documents.
#[derive(Clone, Copy)]
pub(super) struct Located<'c> {
    pub(super) member: &'c LedgerClaim,
    pub(super) claim: &'c Claim,
    pub(super) doc: usize,
    pub(super) span: Span,
}

impl<'a> Corpus<'a> {
    pub(super) fn judgments(&self, used: &mut Used) -> Vec<Judgment> {
        let mut out = self.change_judgments(used);
        let mut figures: Vec<(usize, Judgment)> = Vec::new();
        for g in picks::figure_groups(self.findings.ledger) {
            if out.len() + figures.len() >= MAX_FIGURE_JUDGMENTS {
                break;
            }
            if let Some(j) = self.figure_judgment(g, used) {
                figures.push(j);
            }
        }
        // the figures most independent accounts give first (ledger order among equals): a
        // briefing leads with what is best established
        figures.sort_by_key(|f| std::cmp::Reverse(f.0));
        out.extend(figures.into_iter().map(|(_, j)| j));
        let mut ties = 0;
        for f in picks::political_flows(self.findings.network) {
            if ties >= MAX_TIE_JUDGMENTS {
                break;
            }
            if let Some(j) = self.tie_judgment(f, used) {
                out.push(j);
                ties += 1;
            }
        }
        out
    }

    pub(super) fn located(&self, g: &'a LedgerGroup) -> Vec<Located<'a>> {
        let claims = self.findings.claims;
        let shown: BTreeSet<usize> = picks::statements(g).into_iter().collect();
        let mut out: Vec<Located<'a>> = g
            .claims
            .iter()
            .filter(|m| shown.contains(&m.claim))
            .filter_map(|m| {
                let claim = claims.get(&m.claim)?;
                // the same figure in another currency is shown beside it, never counted
                if claim.restates.is_some() {
                    return None;
                }
                let (doc, span) = self.locate(claim)?;
                Some(Located {
                    member: m,
                    claim,
                    doc,
                    span,
                })
            })
            .collect();
        out.sort_by_key(|l| (l.doc, l.span.start));
        out
    }

    /// A figure's key judgment, with the number of independent accounts it rests on.
    fn figure_judgment(&self, g: &'a LedgerGroup, used: &mut Used) -> Option<(usize, Judgment)> {
        let (subject, object) = (g.subject.as_deref()?, g.object.as_deref()?);
        let measure_words: Vec<String> = words(&g.measure).collect();
        let theme = theme_of(&measure_words, &[])
            .map(|(t, _)| t)
            .or_else(|| flow_theme(g.kind));
        if !self.figure_in_focus(Some(subject), Some(object), theme) {
            return None;
        }
        let located = self.located(g);
        let docs: BTreeSet<usize> = located.iter().map(|l| l.doc).collect();
        let originals: Vec<&Located<'_>> =
            located.iter().filter(|l| !self.derivative(l.doc)).collect();
        if docs.len() < 2 || originals.is_empty() {
            return None;
        }
        // the ledger's independent sources, or fewer when the focus leaves some out (one
        // account per document and attribution shown), or when bodies of one state speak:
        // its government is one account however many of its bodies give the figure
        let shown = originals
            .iter()
            .map(|l| {
                let who = l
                    .claim
                    .attribution
                    .as_deref()
                    .map(|a| squash(a).to_lowercase());
                (&l.member.source, who)
            })
            .collect::<BTreeSet<_>>()
            .len();
        let (voices, merged) = self.government_voices(&originals);
        let accounts = g.sources.min(voices).clamp(1, shown);
        let stated = |l: &Located<'_>| l.member.bounds.stated;
        // a vague amount ("thousands of trucks") states no figure: the range and the trend are
        // read from the precise statements, and the vague ones are quoted in their own words
        let precise: Vec<Located<'a>> = located
            .iter()
            .filter(|l| !l.claim.quantity.vague)
            .copied()
            .collect();
        let mut vague: Vec<String> = Vec::new();
        for l in located.iter().filter(|l| l.claim.quantity.vague) {
            let words = format!("“{}”", squash(&l.claim.quantity.text));
            if !vague.contains(&words) {
                vague.push(words);
            }
        }
        let ends = if precise.is_empty() {
            &located
        } else {
            &precise
        };
        let lowest = ends.iter().min_by(|a, b| stated(a).total_cmp(&stated(b)))?;
        let highest = ends.iter().max_by(|a, b| stated(a).total_cmp(&stated(b)))?;

        let mut values = Vec::new();
        // a digest's statements are cited but add no account of their own
        let digest = if located.iter().any(|l| self.derivative(l.doc)) {
            ", and a digest repeating others,"
        } else {
            ""
        };
        let once = match merged.as_slice() {
            [] => String::new(),
            [one] => format!(" ({one} counted once)"),
            many => format!(" ({} each counted once)", crate::text::and_list(many)),
        };
        let mut text = format!(
            "{}{once}{digest} put {} {}",
            count_words(accounts, "account"),
            head(g, subject, object),
            time_phrase(g, &located)
        )
        .trim_end()
        .to_string();
        text.push_str(" at ");
        let agree = g.verdict == Verdict::Agree;
        if precise.is_empty() {
            text.push_str(&vague.join(" and "));
        } else {
            self.figure_values(g, lowest, highest, &mut text, &mut values);
            if !vague.is_empty() {
                text.push_str(&format!(" (elsewhere only {})", vague.join(" and ")));
            }
        }
        let (mut citations, mut marks) = (Vec::new(), Vec::new());
        for l in &located {
            citations.push(self.citation(l.doc, l.span));
            marks.push(text.len());
        }
        if let Some(clause) = self.trend(g, &precise, &mut values) {
            text.push_str("; ");
            text.push_str(&clause.0);
            for (c, at) in clause.1 {
                citations.push(c);
                marks.push(at + text.len() - clause.0.len());
            }
        } else if agree {
            text.push_str(if accounts > 1 {
                "; the accounts agree within rounding"
            } else {
                "; they agree within rounding"
            });
        } else if g.verdict == Verdict::Update {
            // the ledger's reading: a running total that changed between reports; up unless a
            // later statement put it lower
            let noun = stated_noun(located.iter().map(|l| l.claim));
            text.push_str(&match g.revised {
                Some(r) if r.same_source => {
                    format!("; its source has since revised the {noun} down")
                }
                Some(_) => format!("; a later report puts the {noun} lower"),
                // no dated statements show it rising (the rise clause would say so): the
                // ledger read the counts as steps, but which came first is not known
                None => format!(
                    "; the reports' dates do not show whether the {noun} rose or they disagree"
                ),
            });
        }
        text.push('.');
        let evidence = self.evidence(located.iter().map(|l| (l.doc, l.span)), used);
        let judgment = Judgment {
            sentence: CitedSentence {
                text: capitalise(&text),
                citations,
                marks,
                verbatim: false,
                speaker: None,
            },
            group: Some(g.id.clone()),
            values,
            evidence,
            change: None,
        };
        Some((accounts, judgment))
    }

    /// The figure a judgment puts the group at: the consensus when the statements agree (and
    /// the range of statements behind it when they differ), else the range of statements.
    fn figure_values(
        &self,
        g: &LedgerGroup,
        lowest: &Located<'_>,
        highest: &Located<'_>,
        text: &mut String,
        values: &mut Vec<f64>,
    ) {
        let (unit, per) = (g.unit.as_deref(), g.per.as_deref());
        let stated = |l: &Located<'_>| l.member.bounds.stated;
        match g.consensus.value.filter(|_| g.verdict == Verdict::Agree) {
            Some(v) => {
                text.push_str(&format_value(v, unit, per));
                values.push(v);
                if !same(stated(lowest), stated(highest), unit) {
                    text.push_str(&format!(
                        " (statements from {})",
                        range(
                            qualifier(lowest),
                            stated(lowest),
                            &written(highest, unit, per),
                            unit,
                            per
                        )
                    ));
                    values.extend([stated(lowest), stated(highest)]);
                }
            }
            None => {
                text.push_str(&range(
                    qualifier(lowest),
                    stated(lowest),
                    &written(highest, unit, per),
                    unit,
                    per,
                ));
                values.push(stated(lowest));
                if !same(stated(lowest), stated(highest), unit) {
                    values.push(stated(highest));
                }
            }
        }
    }

    /// Who gives a statement: its attribution, else its outlet.
    pub(super) fn who(&self, l: &Located<'_>) -> String {
        if let Some(a) = l.claim.attribution.as_deref().map(squash) {
            if !a.is_empty() {
                return the_named(&a);
            }
        }
        let d = &self.docs[l.doc].doc;
        d.site
            .clone()
            .or_else(|| d.title.clone())
            .map(|s| format!("a report in {}", squash(&s)))
            .unwrap_or_else(|| format!("a report in {}", d.source))
    }

    /// The pacts, visits and sanctions between two actors, and how many documents report them.
    fn tie_judgment(&self, f: &sinew_analysis::Flow, used: &mut Used) -> Option<Judgment> {
        let mut ties: Vec<(usize, &sinew_analysis::PoliticalTie)> = picks::ties(f)
            .iter()
            .filter_map(|t| {
                let d = *self.numbers.get(&t.doc)?;
                t.span.slice(self.text(d)).map(|_| (d, t))
            })
            .collect();
        ties.sort_by_key(|(d, t)| (*d, t.span.start));
        // a judgment needs two documents, one of them more than a digest: one report of a tie
        // is a lead, not a finding, and a digest repeats others
        let reporting = |k: TieKind, digest: bool| -> BTreeSet<usize> {
            ties.iter()
                .filter(|(d, t)| t.kind == k && self.derivative(*d) == digest)
                .map(|(d, _)| *d)
                .collect()
        };
        let kinds: Vec<TieKind> = [TieKind::Pact, TieKind::Visit, TieKind::Sanctions]
            .into_iter()
            .filter(|k| {
                let originals = reporting(*k, false).len();
                originals >= 1 && originals + reporting(*k, true).len() >= 2
            })
            .collect();
        let theme = kinds.first().and_then(|k| tie_theme(*k));
        if !self.figure_in_focus(Some(&f.from), Some(&f.to), theme)
            || ties.iter().all(|(d, _)| self.derivative(*d))
            || kinds.is_empty()
        {
            return None;
        }
        let (from, to) = (squash(&f.from), squash(&f.to));
        let mut text = String::new();
        let (mut citations, mut marks) = (Vec::new(), Vec::new());
        for (i, k) in kinds.iter().enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            text.push_str(&match k {
                TieKind::Pact => format!("{from} and {to} have struck a pact"),
                TieKind::Visit if f.symmetric => format!("{from} and {to} have exchanged visits"),
                TieKind::Visit => format!("{from} has paid a visit to {to}"),
                TieKind::Sanctions => format!("{from} has imposed sanctions on {to}"),
                TieKind::Supply => String::new(),
            });
            // the reports are the original documents; digests, however many, repeat them
            text.push_str(&format!(
                ", by {}{}",
                count_words(reporting(*k, false).len(), "report"),
                if reporting(*k, true).is_empty() {
                    ""
                } else {
                    " and a digest repeating others"
                }
            ));
            for (d, t) in ties.iter().filter(|(_, t)| t.kind == *k) {
                citations.push(self.citation(*d, t.span));
                marks.push(text.len());
            }
        }
        text.push('.');
        let evidence = self.evidence(
            ties.iter()
                .filter(|(_, t)| kinds.contains(&t.kind))
                .map(|(d, t)| (*d, t.span)),
            used,
        );
        Some(Judgment {
            sentence: CitedSentence {
                text,
                citations,
                marks,
                verbatim: false,
                speaker: None,
            },
            group: None,
            values: Vec::new(),
            evidence,
            change: None,
        })
    }

    /// Whole sentences stating the cited spans, one per document, originals first.
    pub(super) fn evidence(
        &self,
        spans: impl Iterator<Item = (usize, Span)>,
        used: &mut Used,
    ) -> Vec<CitedSentence> {
        let mut spans: Vec<(usize, Span)> = spans.collect();
        spans.sort_by_key(|(d, s)| (self.derivative(*d), *d, s.start));
        let mut docs = BTreeSet::new();
        let mut out = Vec::new();
        for (d, span) in spans {
            if out.len() >= MAX_EVIDENCE || docs.contains(&d) {
                continue;
            }
            let Some(i) = find_sentence(&self.sents[d], span) else {
                continue;
            };
            let s = &self.sents[d][i];
            let sig = self.sentence_signature(s);
            if used.seen(s, &sig) || used.overlapped(s).is_some() {
                continue;
            }
            if let Some(q) = self.quote(s) {
                used.add(s, sig);
                docs.insert(d);
                out.push(q);
            }
        }
        out
    }
}

/// What the figure is, with its actors: "shipments of containers from North Korea to
/// Russia", or the measure alone when it names them ("trade between China and Russia").
pub(super) fn head(g: &LedgerGroup, subject: &str, object: &str) -> String {
    let measure = squash(&g.measure);
    let lower = measure.to_lowercase();
    let names = |n: &str| crate::text::names_actor(&lower, n);
    let measure = lowercase_first(&measure);
    if losses(g) {
        // the subject's own losses, whoever they fought for: "North Korea's soldier casualties"
        if names(subject) {
            measure
        } else {
            format!("{subject}'s {measure}")
        }
    } else if let Some(people) = people(g) {
        // people sent: "the troops North Korea has sent Russia"
        format!("the {people} {subject} has sent {object}")
    } else if sinew_analysis::names_aim(&g.measure) && !names(subject) && !names(object) {
        // an aim or a bound is the pair's, not a flow from one to the other: "China and
        // Russia's goal"
        format!("{subject} and {object}'s {measure}")
    } else if names(subject) || names(object) {
        measure
    } else if bilateral(g) {
        format!("{measure} between {subject} and {object}")
    } else {
        format!("{measure} from {subject} to {object}")
    }
}

/// Trade between two actors either way: the ledger read its measure as trade ("bilateral
/// trade", "trade turnover", "Russia's trade with India"), not as goods or money moving one
/// way ("exports", "payments"). Such a figure has no direction: "trade between China and
/// Russia", "China ↔ Russia".
/// Trade between the two, or an aim or a bound the two share ("the goal for 2024"): no
/// direction to draw.
pub(super) fn bilateral(g: &LedgerGroup) -> bool {
    (g.concept == sinew_analysis::Concept::Trade || sinew_analysis::names_aim(&g.measure))
        && g.subject.is_some()
        && g.object.is_some()
}

/// A count of losses ("soldier casualties", "killed or wounded"): no flow between the two.
pub(super) fn losses(g: &LedgerGroup) -> bool {
    sinew_analysis::names_losses(&g.measure, g.unit.as_deref())
}

/// The people a flow of people counts ("troops", "workers"), when the ledger reads the group
/// as people sent and its words name them.
fn people(g: &LedgerGroup) -> Option<String> {
    (g.kind == sinew_analysis::FlowKind::People && !losses(g))
        .then(|| sinew_analysis::people_noun(&g.measure, g.unit.as_deref()))
        .flatten()
}

/// "since August 2023" for a running total with a start; "in 2023" when most dated
/// statements fall in one year; else nothing.
pub(super) fn time_phrase(g: &LedgerGroup, located: &[Located<'_>]) -> String {
    // a change's time is its baseline ("up 26.3% on the previous year"), not its own
    if g.concept == sinew_analysis::Concept::Change {
        return String::new();
    }
    if g.running_total {
        if let Some((start, _)) = g.period {
            return format!("since {}", month_year(start));
        }
    }
    let years: Vec<i32> = located
        .iter()
        .filter_map(|l| {
            let t = l.claim.time.as_ref()?;
            t.end_date.or(t.start_date).map(|d| d.year())
        })
        .collect();
    let mut best: Option<(i32, usize)> = None;
    for &y in &years {
        let n = years.iter().filter(|&&x| x == y).count();
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((y, n));
        }
    }
    // an aim is set for a year ("the goal for 2024"), a figure is of one ("trade in 2023")
    let at = if sinew_analysis::names_aim(&g.measure) {
        "for"
    } else {
        "in"
    };
    match best {
        Some((y, n)) if n * 2 > years.len() && n >= 2 => format!("{at} {y}"),
        _ => String::new(),
    }
}

/// A statement's figure with its bound ("more than 11,000 containers"), in the group's unit.
pub(super) fn written(l: &Located<'_>, unit: Option<&str>, per: Option<&str>) -> String {
    format!(
        "{}{}",
        qualifier(l),
        format_value(l.member.bounds.stated, unit, per)
    )
}

/// How a statement bounds its figure, as the judgment writes it: "more than " for a lower
/// bound ("over", "at least"), "about " for an approximation ("roughly", "nearly"), else "".
fn qualifier(l: &Located<'_>) -> &'static str {
    let Some(w) = l.claim.quantity.qualifier.as_deref().map(str::to_lowercase) else {
        return "";
    };
    let any = |xs: &[&str]| xs.iter().any(|x| w.contains(x));
    if any(&[
        "more than",
        "over",
        "above",
        "exceed",
        "at least",
        "upwards of",
    ]) {
        "more than "
    } else if any(&[
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "close to",
    ]) {
        "about "
    } else {
        ""
    }
}

/// "6,700 to more than 11,000 containers": the unit written once for a counted noun.
fn range(low_words: &str, low: f64, high: &str, unit: Option<&str>, per: Option<&str>) -> String {
    let counted = unit.is_some_and(|u| u.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-'))
        && unit != Some("percent");
    let low = if counted {
        format_value(low, None, None)
    } else {
        format_value(low, unit, per)
    };
    let bare = high
        .trim_start_matches("more than ")
        .trim_start_matches("about ");
    if bare.starts_with(&format!("{low} ")) || low == bare {
        // one figure, perhaps with a bound
        return high.to_string();
    }
    // the low end keeps its own bound: "about 4,200 to more than 9,000 trucks"
    format!("{low_words}{low} to {high}")
}

fn same(a: f64, b: f64, unit: Option<&str>) -> bool {
    format_value(a, unit, None) == format_value(b, unit, None)
}

/// What the statements of a figure give: a "count" when every one counts something ("6,700
/// containers"), else a "figure" ("$240 billion", "26%", "2 million tonnes").
pub(super) fn stated_noun<'c>(claims: impl IntoIterator<Item = &'c Claim>) -> &'static str {
    let counts = claims
        .into_iter()
        .all(|c| matches!(c.quantity.kind, QuantityKind::Count | QuantityKind::Number));
    if counts {
        "count"
    } else {
        "figure"
    }
}

pub(super) fn lowercase_first(s: &str) -> String {
    // keep proper names and acronyms: lower the first letter only before a lower-case one
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() && !is_name(s) => {
            a.to_lowercase().collect::<String>() + &s[a.len_utf8()..]
        }
        _ => s.to_string(),
    }
}

/// True when the first word is a proper name or adjective: it stays capitalised.
fn is_name(s: &str) -> bool {
    let first = s
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    !matches!(
        first.as_str(),
        "trade"
            | "shipments"
            | "exports"
            | "imports"
            | "share"
            | "growth"
            | "deliveries"
            | "supplies"
            | "annual"
            | "total"
            | "bilateral"
            | "high"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_counts_read_plainly() {
        assert_eq!(
            range(
                "",
                6700.0,
                "more than 11,000 containers",
                Some("container"),
                None
            ),
            "6,700 to more than 11,000 containers"
        );
        assert_eq!(
            range(
                "about ",
                4200.0,
                "more than 9,000 trucks",
                Some("truck"),
                None
            ),
            "about 4,200 to more than 9,000 trucks"
        );
        assert_eq!(
            range("", 240e9, "$241 billion", Some("USD"), None),
            "$240 billion to $241 billion"
        );
        assert_eq!(
            lowercase_first("Shipments of containers"),
            "shipments of containers"
        );
        assert_eq!(lowercase_first("Russian dependence"), "Russian dependence");
    }
}
