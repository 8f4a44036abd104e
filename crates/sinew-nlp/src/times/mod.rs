//! Time expressions, resolved against the publication date when it is known.
//!
//! One left-to-right pass over a light token stream ([`lex`]): at each token the grammar below
//! tries the forms that can start there, keeps the longest, and jumps past it, so matches never
//! overlap and the cost stays linear in the text. Each form looks at a handful of tokens only.
//!
//! Conventions (TIMEX3-like): signal words that change the meaning ("since", "by", "between",
//! "from", "before", "after") are part of the span; plain prepositions ("in", "on", "during")
//! are not. Relative expressions need the publication date; without it they are still
//! reported, with no dates and no value. "The previous year" and its kin count from the last
//! resolved expression before them (the discourse anchor), else from publication.

mod cal;
mod dates;
mod durations;
mod grammar;
mod lex;
mod relative;

use chrono::NaiveDate;
use sinew_types::{Span, TimeExpr};

/// Finds the time expressions of `text`, sorted by start and non-overlapping.
///
/// `published` is the article's publication date; relative expressions ("last December",
/// "this week", "two years ago") are resolved against it, and left without dates when it is
/// `None`.
pub fn find_times(text: &str, published: Option<NaiveDate>) -> Vec<TimeExpr> {
    let toks = lex::tokenize(text);
    let mut g = grammar::Grammar::new(&toks, text, published);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(found) = g.at(i) else {
            i += 1;
            continue;
        };
        let span = Span::new(toks[i].start, toks[found.end - 1].end);
        if found.kind != sinew_types::TimeKind::Duration {
            if let Some(d) = found.start_date.or(found.end_date) {
                g.set_anchor(d);
            }
        }
        out.push(TimeExpr {
            span,
            text: text[span.start..span.end].to_string(),
            start_date: found.start_date,
            end_date: found.end_date,
            grain: found.grain,
            kind: found.kind,
            timex: found.timex,
        });
        i = found.end.max(i + 1);
    }
    out
}
