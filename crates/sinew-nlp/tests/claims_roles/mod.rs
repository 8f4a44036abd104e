//! Claims: who did it to whom. One file per topic, each with sentences written for these
//! tests and the near-misses that must not change: companies and bodies as parties
//! (`companies.rs`), undirected pairs (`pairs.rs`), possessives and demonyms
//! (`possessives.rs`), parties named by modifiers inside the figure's noun phrases
//! (`modifiers.rs`), the passive and participle clauses (`passive.rs`), and speakers,
//! who are attribution and not parties (`attribution.rs`), and parties carried over from the
//! discourse to a figure whose sentence names none (`discourse.rs`).

mod attribution;
mod clauses;
mod companies;
mod discourse;
mod modifiers;
mod pairs;
mod passive;
mod possessives;

use sinew_nlp::annotate;
use sinew_types::DocId;

/// A claim's subject and object.
type Parties = (Option<String>, Option<String>);

/// Subject and object of the claim whose figure contains `quote`.
fn parties(text: &str, quote: &str) -> Parties {
    let c = annotate(text, None, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"));
    (c.subject, c.object)
}

fn pair(a: &str, b: &str) -> Parties {
    (Some(a.to_string()), Some(b.to_string()))
}

fn only(a: &str) -> Parties {
    (Some(a.to_string()), None)
}

/// Checks each `(text, quote, expected)`, naming the text that fails.
fn check(cases: &[(&str, &str, Parties)]) {
    for (text, quote, want) in cases {
        assert_eq!(&parties(text, quote), want, "{text}");
    }
}
