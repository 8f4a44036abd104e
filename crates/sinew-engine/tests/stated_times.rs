//! A key judgment dates each statement by its own time (issue 16): a report published in
//! January that says "In November officials said ... more than 400" gives a figure of
//! November, not of January. The demo's first judgment dated "more than 1,000 containers" by
//! its report though the sentence says "In October".

use std::path::Path;

use sinew_engine::BriefingConfig;

use crate::common::{ingest, memory_engine};

fn write(dir: &Path, name: &str, published: &str, text: &str) {
    std::fs::write(dir.join(name), format!("Published {published}\n\n{text}\n")).unwrap();
}

#[test]
fn a_rise_is_dated_by_the_statements_own_times_not_their_reports() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        "January 8, 2025",
        "In November officials in Tbilisi said Azerbaijan had delivered more than 400 tankers \
         of fuel to Georgia since May 2024.",
    );
    write(
        tmp.path(),
        "b.txt",
        "April 22, 2025",
        "Officials in Tbilisi said last month that Azerbaijan had delivered more than 900 \
         tankers of fuel to Georgia since May 2024.",
    );
    // a later, lower estimate from another source: the highest count still rose
    write(
        tmp.path(),
        "c.txt",
        "June 3, 2025",
        "A Baku energy analyst estimated that Azerbaijan has delivered about 700 tankers of \
         fuel to Georgia since May 2024.",
    );
    let engine = memory_engine();
    ingest(&engine, &[tmp.path().to_path_buf()]);
    let b = engine
        .briefing(&BriefingConfig::default())
        .expect("briefing");
    let rise: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .filter(|t| t.contains("has risen between reports"))
        .collect();
    assert_eq!(rise.len(), 1, "{:#?}", b.judgments);
    let t = rise[0];
    assert!(
        t.contains(
            "from more than 400 tankers (November 2024) to more than 900 tankers (March 2025)"
        ),
        "{t}"
    );
    assert!(
        !t.contains("January 2025") && !t.contains("April 2025"),
        "{t}"
    );
}
