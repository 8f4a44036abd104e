//! Key judgments over time (issue 16): a figure that grows from report to report is written
//! as a rise, each step cited; sources that disagree are compared at comparable times, each
//! voice by its latest figure, not one source's old figure against another's current one.
//! The sentences are written here (countries, goods and dates of no dev file).

use std::path::Path;

use sinew_engine::BriefingConfig;
use sinew_report::Briefing;

use crate::common::{ingest, memory_engine};

fn write(dir: &Path, name: &str, published: &str, text: &str) {
    std::fs::write(dir.join(name), format!("Published {published}\n\n{text}\n")).unwrap();
}

fn briefing(dir: &Path) -> Briefing {
    let engine = memory_engine();
    ingest(&engine, &[dir.to_path_buf()]);
    engine
        .briefing(&BriefingConfig::default())
        .expect("briefing")
}

/// The key judgment whose text holds `words`.
fn judgment<'b>(b: &'b Briefing, words: &str) -> &'b str {
    let found: Vec<&str> = b
        .judgments
        .iter()
        .map(|j| j.sentence.text.as_str())
        .filter(|t| t.contains(words))
        .collect();
    assert_eq!(found.len(), 1, "{words}: {:#?}", b.judgments);
    found[0]
}

#[test]
fn two_voices_disagree_at_comparable_times_not_an_old_figure_against_a_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        "November 4, 2024",
        "Kazakhstan's transport ministry said in October that Kazakhstan had sent more than \
         300 railcars of wheat to Uzbekistan since May 2024.",
    );
    write(
        tmp.path(),
        "b.txt",
        "June 18, 2025",
        "Kazakhstan's transport ministry said this month that Kazakhstan had sent more than \
         2,000 railcars of wheat to Uzbekistan since May 2024.",
    );
    write(
        tmp.path(),
        "c.txt",
        "July 22, 2025",
        "Uzbekistan's customs committee said this month that Kazakhstan had sent about 1,200 \
         railcars of wheat to Uzbekistan since May 2024.",
    );
    let b = briefing(tmp.path());
    let t = judgment(&b, "railcars");
    // the ministry's own count rose; the customs committee's later, lower count disagrees
    // with the ministry's current one, not with its October figure
    assert!(
        t.contains("the lower 40% below the higher"),
        "no comparable disagreement: {t}"
    );
    let clause = &t[t.find("Uzbekistan's customs committee").expect(t)..];
    assert!(clause.contains("about 1,200 railcars (July 2025)"), "{t}");
    assert!(
        clause.contains("more than 2,000 railcars (June 2025)"),
        "{t}"
    );
    assert!(!clause.contains("300"), "an old figure compared: {t}");
    assert!(!t.contains("times the lower"), "{t}");
}

#[test]
fn a_figure_that_grows_over_time_is_a_rise_with_each_step_cited() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "a.txt",
        "March 12, 2025",
        "Serbia's defence ministry said on Tuesday that Belarus has deployed about 200 \
         soldiers to Serbia.",
    );
    write(
        tmp.path(),
        "b.txt",
        "May 20, 2025",
        "A NATO official said on Monday that Belarus has deployed some 600 soldiers to Serbia.",
    );
    write(
        tmp.path(),
        "c.txt",
        "August 27, 2025",
        "A Serbian army spokesman said on Tuesday that Belarus has deployed more than 1,100 \
         soldiers to Serbia.",
    );
    let b = briefing(tmp.path());
    let j = b
        .judgments
        .iter()
        .find(|j| j.sentence.text.contains("soldiers"))
        .unwrap_or_else(|| panic!("{:#?}", b.judgments));
    let t = &j.sentence.text;
    assert!(t.contains("has risen over time"), "{t}");
    let steps = ["200 soldiers (", "600 soldiers (", "1,100 soldiers ("];
    let at: Vec<usize> = steps
        .iter()
        .map(|s| t.find(s).unwrap_or_else(|| panic!("{s} missing: {t}")))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "steps out of order: {t}"
    );
    // each step is followed by its own citation
    for s in steps {
        let end = t.find(s).unwrap() + s.len();
        let close = end + t[end..].find(')').unwrap() + 1;
        assert!(
            j.sentence.marks.contains(&close),
            "{s} not cited at {close}: {t} {:?}",
            j.sentence.marks
        );
    }
    assert!(
        !t.contains("puts it at"),
        "a rise read as a disagreement: {t}"
    );
}

#[test]
fn undated_counts_are_not_said_to_have_risen() {
    let tmp = tempfile::tempdir().unwrap();
    // no publication dates and no times of saying: which count came first is unknown
    std::fs::write(
        tmp.path().join("a.txt"),
        "North Macedonia has sent about 300 trucks of flour to Albania since March 2023, \
         the North Macedonian economy ministry said.\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("b.txt"),
        "Albania's customs office said North Macedonia has sent more than 500 trucks of flour \
         to Albania since March 2023.\n",
    )
    .unwrap();
    let b = briefing(tmp.path());
    let t = judgment(&b, "trucks");
    assert!(!t.contains("later reports"), "{t}");
    assert!(!t.contains("has risen"), "{t}");
}
