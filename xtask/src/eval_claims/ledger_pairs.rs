//! `eval-claims --verbose`: the ledger's pair errors, gold concept by concept and group by
//! group, so a reader sees which lines the ledger split and which it merged, and why (each
//! line's group, actors, kind, unit, measure and time as read).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Gold, Predicted};

/// The ledger's pair errors: each gold concept whose matched lines sit in more than one group
/// (split), and each group holding matched lines of more than one concept (merged), with every
/// line's document, quote, group and what the claim was read as.
pub(super) fn listing(gold: &[Gold], pred: &[Predicted], matches: &[Option<usize>]) -> String {
    let show = |i: usize| {
        let g = &gold[i];
        let p = &pred[matches[i].unwrap_or_default()];
        format!(
            "    {} {:?} [{}] group {} ({} -> {}; {} {}{}; {:?}; time {})\n",
            g.doc,
            g.quote,
            g.concept,
            p.group.map_or("-".to_string(), |k| k.to_string()),
            p.subject.as_deref().unwrap_or("-"),
            p.object.as_deref().unwrap_or("-"),
            p.kind,
            p.unit.as_deref().unwrap_or("-"),
            if p.vague { ", vague" } else { "" },
            p.measure,
            p.time.as_deref().unwrap_or("-"),
        )
    };
    let matched: Vec<usize> = (0..gold.len()).filter(|&i| matches[i].is_some()).collect();
    let mut by_concept: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in &matched {
        by_concept
            .entry(gold[i].concept.as_str())
            .or_default()
            .push(i);
        if let Some(k) = pred[matches[i].unwrap_or_default()].group {
            by_group.entry(k).or_default().push(i);
        }
    }
    let mut split = String::new();
    let mut n_split = 0;
    for (concept, lines) in &by_concept {
        let mut groups: Vec<Option<usize>> = lines
            .iter()
            .map(|&i| pred[matches[i].unwrap_or_default()].group)
            .collect();
        groups.sort_unstable();
        groups.dedup();
        if lines.len() > 1 && (groups.len() > 1 || groups[0].is_none()) {
            n_split += 1;
            let _ = writeln!(split, "  {concept}:");
            lines.iter().for_each(|&i| split.push_str(&show(i)));
        }
    }
    let mut merged = String::new();
    let mut n_merged = 0;
    for (k, lines) in &by_group {
        let mut concepts: Vec<&str> = lines.iter().map(|&i| gold[i].concept.as_str()).collect();
        concepts.sort_unstable();
        concepts.dedup();
        if concepts.len() > 1 {
            n_merged += 1;
            let _ = writeln!(merged, "  group {k}:");
            lines.iter().for_each(|&i| merged.push_str(&show(i)));
        }
    }
    format!(
        "ledger concepts split ({n_split}):\n{split}ledger groups merged ({n_merged}):\n{merged}"
    )
}
