//! Claims on the seed articles against ../shared/gold/seed-claims.dev.jsonl.
//!
//! A predicted claim matches a gold one when it is in the same document, its value is within
//! 0.5% (and `value_max` too for ranges) and its unit is the same. Matching is one-to-one.

use serde_json::Value;
use sinew_engine::ClaimView;

use crate::common::{ingest, memory_engine, shared};

fn close(a: f64, b: f64) -> bool {
    if b == 0.0 {
        a == 0.0
    } else {
        ((a - b) / b).abs() <= 0.005
    }
}

fn matches(gold: &Value, c: &ClaimView) -> bool {
    let q = &c.claim.quantity;
    if gold["doc"].as_str() != Some(c.source.as_str()) {
        return false;
    }
    if !gold["value"].as_f64().is_some_and(|v| close(q.value, v)) {
        return false;
    }
    if let Some(max) = gold["value_max"].as_f64() {
        if !q.value_max.is_some_and(|m| close(m, max)) {
            return false;
        }
    }
    gold["unit"].as_str() == q.unit.as_deref()
}

#[test]
fn seed_claims_meet_the_gold_bar() {
    let Some(shared) = shared() else { return };
    let engine = memory_engine();
    let summary = ingest(&engine, &[shared.join("seeds")]);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    let gold: Vec<Value> = std::fs::read_to_string(shared.join("gold/seed-claims.dev.jsonl"))
        .expect("gold file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let docs: Vec<&str> = {
        let mut d: Vec<&str> = gold.iter().filter_map(|g| g["doc"].as_str()).collect();
        d.dedup();
        d
    };
    let predicted: Vec<ClaimView> = engine
        .claims(None)
        .expect("claims")
        .into_iter()
        .filter(|c| docs.contains(&c.source.as_str()))
        .collect();

    let mut used = vec![false; predicted.len()];
    let mut matched = 0;
    let mut parties_right = 0;
    let mut report = String::new();
    for g in &gold {
        let hit = predicted
            .iter()
            .enumerate()
            .find(|(i, c)| !used[*i] && matches(g, c));
        match hit {
            Some((i, c)) => {
                used[i] = true;
                matched += 1;
                let subject_ok = g["subject"].as_str() == c.claim.subject.as_deref();
                let object_ok = g["object"].as_str() == c.claim.object.as_deref();
                if subject_ok && object_ok {
                    parties_right += 1;
                } else {
                    report.push_str(&format!(
                        "  parties  {:<34} gold {:?} -> {:?}, got {:?} -> {:?}\n",
                        g["quote"].as_str().unwrap_or(""),
                        g["subject"].as_str(),
                        g["object"].as_str(),
                        c.claim.subject,
                        c.claim.object
                    ));
                }
            }
            None => report.push_str(&format!("  missed   {}\n", g["quote"])),
        }
    }
    for (c, u) in predicted.iter().zip(&used) {
        if !u {
            report.push_str(&format!("  extra    {:?} in {}\n", c.quote, c.source));
        }
    }
    let recall = matched as f64 / gold.len() as f64;
    let precision = if predicted.is_empty() {
        0.0
    } else {
        matched as f64 / predicted.len() as f64
    };
    let parties = if matched == 0 {
        0.0
    } else {
        parties_right as f64 / matched as f64
    };
    eprintln!(
        "seed claims: gold {}, predicted {}, matched {matched}; recall {recall:.3}, precision {precision:.3}, subject+object right {parties:.3}\n{report}",
        gold.len(),
        predicted.len()
    );
    assert!(recall >= 0.9, "recall {recall:.3} < 0.9\n{report}");
    assert!(precision >= 0.8, "precision {precision:.3} < 0.8\n{report}");
    assert!(
        parties >= 0.8,
        "subject/object right on {parties:.3} < 0.8 of matched claims\n{report}"
    );
}
