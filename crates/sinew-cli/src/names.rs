//! What to call a document in a table: its source name ("index.txt"), unless another document
//! among those shown has the same name, in which case the name gets the shortest prefix of the
//! document's id that tells them apart ("index.txt#3f2a", "index.txt#9c01").
//!
//! The store keeps a file's name without its folders (`Document::source`, the JSON contract's
//! `doc`), so two files called `index.txt` in different folders can only be told apart by
//! content; the id is that content's hash, and `sinew extract` and the JSON outputs show it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sinew_types::DocId;

/// Fewest hex digits of an id shown, so that names stay stable as documents are added.
const MIN_ID_DIGITS: usize = 4;

/// A display name for each document in `docs` (id, source name), unique among them.
pub(crate) fn doc_names<'a>(
    docs: impl IntoIterator<Item = (&'a DocId, &'a str)>,
) -> HashMap<DocId, String> {
    let mut by_name: BTreeMap<&str, BTreeSet<&DocId>> = BTreeMap::new();
    for (id, name) in docs {
        by_name.entry(name).or_default().insert(id);
    }
    let mut out = HashMap::new();
    for (name, ids) in by_name {
        if ids.len() == 1 {
            out.extend(ids.into_iter().map(|id| (id.clone(), name.to_string())));
            continue;
        }
        let digits = distinguishing_len(&ids);
        for id in ids {
            let short: String = id.0.chars().take(digits).collect();
            out.insert(id.clone(), format!("{name}#{short}"));
        }
    }
    out
}

/// The shortest prefix length (at least [`MIN_ID_DIGITS`]) at which the ids all differ.
fn distinguishing_len(ids: &BTreeSet<&DocId>) -> usize {
    let longest = ids.iter().map(|id| id.0.chars().count()).max().unwrap_or(0);
    (MIN_ID_DIGITS..longest)
        .find(|&n| {
            let prefixes: BTreeSet<String> = ids
                .iter()
                .map(|id| id.0.chars().take(n).collect())
                .collect();
            prefixes.len() == ids.len()
        })
        .unwrap_or(longest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shared_by_two_documents_get_the_shortest_distinguishing_id() {
        let (a, b, c) = (
            DocId("3f2a11aa00000000".into()),
            DocId("3f2a22bb00000000".into()),
            DocId("9c0100000000ffff".into()),
        );
        let names = doc_names([
            (&a, "index.txt"),
            (&b, "index.txt"),
            (&c, "other.txt"),
            (&a, "index.txt"),
        ]);
        assert_eq!(names[&a], "index.txt#3f2a1");
        assert_eq!(names[&b], "index.txt#3f2a2");
        assert_eq!(names[&c], "other.txt");
    }
}
