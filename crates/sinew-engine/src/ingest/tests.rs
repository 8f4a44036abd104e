//! The analysis cadence of a run.

use super::*;

/// The analysis steps of a run of `n` documents, before the one at its end.
fn steps(raise: bool, n: usize) -> usize {
    let (mut pending, mut count) = (0, 0);
    for _ in 0..n {
        pending += 1;
        if pending >= analysis_step(raise) {
            pending = 0;
            count += 1;
        }
    }
    count
}

#[test]
fn a_load_without_alerts_is_analysed_once_at_its_end() {
    // Fixed steps when alerts are raised: each step's alerts are against the ones before.
    assert_eq!(steps(true, 1_000_000), 1_000_000 / ANALYSE_EVERY);
    // None before the end otherwise, however long the run.
    assert_eq!(steps(false, 1_000_000), 0);
    // Short runs are analysed once, at their end, either way.
    assert_eq!(steps(true, ANALYSE_EVERY - 1), 0);
}
