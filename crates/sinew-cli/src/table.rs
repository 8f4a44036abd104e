//! Readable tables for a terminal.

use std::io::{self, Write};

use sinew_engine::{ClaimView, EntitySummary, LedgerGroup, Verdict, WhatIf};

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn row(out: &mut dyn Write, cells: &[String], widths: &[usize]) -> io::Result<()> {
    let line: Vec<String> = cells
        .iter()
        .zip(widths)
        .map(|(c, w)| format!("{:<w$}", cut(c, *w), w = *w))
        .collect();
    writeln!(out, "{}", line.join("  ").trim_end())
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{v}")
    }
}

/// The claims table of `sinew claims`.
pub(crate) fn claims(out: &mut dyn Write, claims: &[ClaimView]) -> io::Result<()> {
    let header = [
        "doc",
        "quote",
        "value",
        "unit",
        "per",
        "subject → object",
        "measure",
        "time",
        "according to",
    ];
    let widths = [18, 34, 16, 10, 6, 26, 34, 16, 24];
    row(out, &header.map(str::to_string), &widths)?;
    for c in claims {
        let q = &c.claim.quantity;
        let value = match q.value_max {
            Some(max) => format!("{}–{}", fmt_value(q.value), fmt_value(max)),
            None => fmt_value(q.value),
        };
        let value = match &q.qualifier {
            Some(qual) => format!("{qual} {value}"),
            None => value,
        };
        let parties = format!(
            "{} → {}",
            c.claim.subject.as_deref().unwrap_or("?"),
            c.claim.object.as_deref().unwrap_or("?")
        );
        let cells = [
            c.source.clone(),
            c.quote.clone(),
            value,
            q.unit.clone().unwrap_or_default(),
            q.per.clone().unwrap_or_default(),
            parties,
            c.claim.measure.clone(),
            c.claim
                .time
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            c.claim.attribution.clone().unwrap_or_default(),
        ];
        row(out, &cells, &widths)?;
    }
    writeln!(out, "{} claims", claims.len())
}

/// The entities table of `sinew entities`.
pub(crate) fn entities(out: &mut dyn Write, entities: &[EntitySummary]) -> io::Result<()> {
    let widths = [36, 18, 16, 9, 9];
    let header = ["entity", "type", "country", "mentions", "documents"];
    row(out, &header.map(str::to_string), &widths)?;
    for e in entities {
        let cells = [
            e.canonical.clone(),
            e.entity_type.as_str().to_string(),
            e.country.clone().unwrap_or_default(),
            e.mentions.to_string(),
            e.documents.to_string(),
        ];
        row(out, &cells, &widths)?;
    }
    writeln!(out, "{} entities", entities.len())
}

/// The ledger listing of `sinew ledger`: each group's verdict, actors, measure, consensus and
/// reason, then its claims with their part in the verdict.
pub(crate) fn ledger(
    out: &mut dyn Write,
    groups: &[LedgerGroup],
    claims: &[ClaimView],
) -> io::Result<()> {
    for g in groups {
        let mut head = format!(
            "[{}] {} → {} · {} · {}",
            g.verdict.as_str(),
            g.subject.as_deref().unwrap_or("?"),
            g.object.as_deref().unwrap_or("?"),
            g.measure,
            crate::json::consensus_text(g),
        );
        head.push_str(&format!(
            " · {} source{}",
            g.sources,
            if g.sources == 1 { "" } else { "s" }
        ));
        if let Some(a) = &g.attribution {
            head.push_str(&format!(" · {a}"));
        }
        writeln!(out, "{head}  ({})", g.id)?;
        writeln!(out, "    {}", g.explanation)?;
        for m in &g.claims {
            let Some(v) = claims.get(m.claim) else {
                continue;
            };
            let cells = [v.source.clone(), v.quote.clone(), m.note.clone()];
            write!(out, "    ")?;
            row(out, &cells, &[18, 36, 70])?;
        }
    }
    let conflicts = groups
        .iter()
        .filter(|g| g.verdict == Verdict::Conflict)
        .count();
    writeln!(
        out,
        "{} group{}, {} conflict{}",
        groups.len(),
        if groups.len() == 1 { "" } else { "s" },
        conflicts,
        if conflicts == 1 { "" } else { "s" }
    )
}

/// `sinew whatif`: the change, the flows it touches, and the dependencies on them.
pub(crate) fn what_if(out: &mut dyn Write, w: &WhatIf, claims: &[ClaimView]) -> io::Result<()> {
    let kind = w
        .cut
        .kind
        .map_or("every kind".to_string(), |k| k.as_str().to_string());
    let change = if w.cut.factor == 0.0 {
        "cut".to_string()
    } else {
        format!("scaled to {:.0}%", w.cut.factor * 100.0)
    };
    writeln!(
        out,
        "What if {} → {} ({kind}) is {change}?",
        w.cut.from, w.cut.to
    )?;
    if w.flows.is_empty() {
        writeln!(out, "  no stored flow from {} to {}", w.cut.from, w.cut.to)?;
    }
    for f in &w.flows {
        let volumes: Vec<&str> = f.volumes.iter().map(|v| v.text.as_str()).collect();
        writeln!(
            out,
            "  flow {} → {} ({}): {}",
            f.from,
            f.to,
            f.kind.as_str(),
            if volumes.is_empty() {
                "no volume stated".to_string()
            } else {
                volumes.join(", ")
            }
        )?;
    }
    for a in &w.affected {
        let mark = if a.below { "BELOW" } else { "ok" };
        writeln!(out, "  {mark:<5} {}", a.explanation)?;
        for &i in &a.dependency.claims {
            if let Some(v) = claims.get(i) {
                writeln!(out, "        {}  \u{201c}{}\u{201d}", v.source, v.quote)?;
            }
        }
    }
    writeln!(
        out,
        "dependencies below {:.0}% of supply: {} of {}",
        w.threshold,
        w.below().count(),
        w.affected.len()
    )
}
