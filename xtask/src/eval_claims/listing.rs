//! `eval-claims --verbose`: what the figures miss, the claims no gold line has, and each role,
//! time or kind error, with its document, quote and sentence.

use std::fmt::Write as _;

use super::{Gold, Names, Predicted};

/// Misses, false claims and role errors (a party named where the gold names none too),
/// each with its document, quote and sentence.
pub(super) fn listing(
    gold: &[Gold],
    pred: &[Predicted],
    matches: &[Option<usize>],
    names: &Names,
) -> String {
    let mut misses = String::new();
    let mut roles = String::new();
    let mut other = String::new();
    let (mut n_miss, mut n_roles, mut n_other) = (0, 0, 0);
    let show = |o: Option<&String>| o.map_or("-".to_string(), |s| s.clone());
    for (g, m) in gold.iter().zip(matches) {
        let Some(j) = m else {
            n_miss += 1;
            let _ = writeln!(
                misses,
                "  {} {:?} ({} {}; measure {:?})",
                g.doc,
                g.quote,
                g.value.map_or("vague".to_string(), |v| v.to_string()),
                g.unit,
                show(g.measure.as_ref())
            );
            continue;
        };
        let p = &pred[*j];
        let role_ok = names.same_in(&g.doc, g.subject.as_deref(), p.subject.as_deref())
            && names.same_in(&g.doc, g.object.as_deref(), p.object.as_deref());
        let gold_names = g.subject.is_some() || g.object.is_some();
        let guessed = !gold_names && (p.subject.is_some() || p.object.is_some());
        if (gold_names && !role_ok) || guessed {
            n_roles += 1;
            let _ = writeln!(
                roles,
                "  {} {:?}: gold {} -> {}, got {} -> {}{} (measure {:?})\n    | {}",
                g.doc,
                g.quote,
                show(g.subject.as_ref()),
                show(g.object.as_ref()),
                show(p.subject.as_ref()),
                show(p.object.as_ref()),
                super::role_classes::classify(g, p, names)
                    .map_or(String::new(), |c| format!(" [{}]", c.label())),
                p.measure,
                one_line(&p.sentence)
            );
        }
        let time_bad = g.time.is_some() && !super::same_time(g, p.time.as_deref());
        let kind_bad = g
            .kind
            .as_ref()
            .is_some_and(|k| !k.eq_ignore_ascii_case(&p.kind));
        if time_bad || kind_bad {
            n_other += 1;
            let _ = writeln!(
                other,
                "  {} {:?} ({}): time gold {} got {}; kind gold {} got {} (measure {:?})\n    | {}",
                g.doc,
                g.quote,
                g.unit,
                show(g.time.as_ref()),
                show(p.time.as_ref()),
                show(g.kind.as_ref()),
                p.kind,
                p.measure,
                one_line(&p.sentence)
            );
        }
    }
    let mut used = vec![false; pred.len()];
    for j in matches.iter().flatten() {
        used[*j] = true;
    }
    let docs: std::collections::HashSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let mut extra = String::new();
    let mut n_extra = 0;
    for (p, u) in pred.iter().zip(&used) {
        if *u || !docs.contains(p.doc.as_str()) {
            continue;
        }
        n_extra += 1;
        let _ = writeln!(
            extra,
            "  {} {:?} ({} {}{}; {} -> {}; measure {:?})\n    | {}",
            p.doc,
            p.quote,
            p.value,
            show(p.unit.as_ref()),
            if p.vague { ", vague" } else { "" },
            show(p.subject.as_ref()),
            show(p.object.as_ref()),
            p.measure,
            one_line(&p.sentence)
        );
    }
    format!(
        "misses ({n_miss}):\n{misses}false claims ({n_extra}):\n{extra}role errors, parties named where the gold names none included ({n_roles}):\n{roles}\
         time or kind errors ({n_other}):\n{other}"
    )
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
