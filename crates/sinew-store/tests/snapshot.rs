//! Snapshots of stored contents: what the tables hold after known puts, as text, compared with
//! tests/snapshots/. Set `UPDATE_SNAPSHOTS=1` to rewrite an expected file after a deliberate
//! change, then review the diff.

use std::path::Path;

use crate::backends::{backends, Location};
use crate::common::{dump, plain, rich};

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_SNAPSHOTS=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a);
        let line = first.unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "snapshot {} differs at line {}:\nexpected: {:?}\n  actual: {:?}\n(UPDATE_SNAPSHOTS=1 \
             rewrites it)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line),
        );
    }
}

#[test]
fn stored_contents_match_the_snapshot() {
    // The same puts give the same rows in either store.
    for backend in backends() {
        let store = &*backend.store;
        let (a, ann_a) = rich();
        let (b, ann_b) = plain();
        store.put(&b, &ann_b).expect("put");
        store
            .put_batch(&[(a.clone(), ann_a.clone()), (b, ann_b)])
            .expect("batch");
        store.put(&a, &ann_a).expect("re-put");
        let alert = sinew_types::Alert {
            kind: sinew_types::AlertKind::NewFlow,
            key: "china->russia:dual_use".into(),
            doc: a.id.clone(),
            subject: Some("China".into()),
            object: Some("Russia".into()),
            message: "new flow: China -> Russia (dual_use): $4.8 billion".into(),
        };
        store.put_alerts(&[alert.clone(), alert]).expect("alerts");
        let dumped = match &backend.location {
            Location::File(path) => dump(path),
            #[cfg(feature = "postgres")]
            Location::Url(url) => crate::common::dump_pg(url),
            #[cfg(not(feature = "postgres"))]
            Location::Url(_) => unreachable!("no PostgreSQL store in this build"),
        };
        check("two_documents.txt", &dumped);
    }
}
