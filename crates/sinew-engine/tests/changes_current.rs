//! A change stated in one sentence with both its values ("has risen from less than 3%
//! before the drought to more than a third"): the network's current dependency is the
//! later value, whether it is the larger or the smaller, though neither is dated; before,
//! the two tied and the group id chose. The sentences are written here.

use std::path::Path;

use crate::common::{ingest, memory_engine};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(
        dir.join(name),
        format!("Published March 3, 2025\n\n{text}\n"),
    )
    .unwrap();
}

/// The current dependency of `dependent` on `supplier`: its share.
fn current_share(dir: &Path, dependent: &str, supplier: &str) -> Vec<f64> {
    let engine = memory_engine();
    ingest(&engine, &[dir.to_path_buf()]);
    let view = engine.network().expect("network");
    view.network
        .dependencies
        .iter()
        .filter(|d| d.current && d.dependent == dependent && d.supplier == supplier)
        .map(|d| d.share)
        .collect()
}

#[test]
fn the_later_value_of_a_change_is_the_current_dependency() {
    let cases = [
        (
            "Kazakhstan's share of Uzbekistan's wheat imports has risen from less than 3% \
             before the drought to more than a third, traders say.",
            "Uzbekistan",
            "Kazakhstan",
            33.3,
        ),
        (
            "Belarus's share of Serbia's tractor imports has fallen from about 40% before \
             the war to 9%, dealers say.",
            "Serbia",
            "Belarus",
            9.0,
        ),
    ];
    for (text, dependent, supplier, want) in cases {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "a.txt", text);
        let got = current_share(tmp.path(), dependent, supplier);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert!((got[0] - want).abs() < 0.5, "{text}: {got:?}");
    }
}
