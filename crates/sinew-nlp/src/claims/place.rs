//! Where a counted stock stands when its clause puts it in a named place that is none of its
//! parties ("about 2,000 of them had moved into the Vojvodina region", "put the number in
//! Vojvodina at 3,500"): the measure names the place ("engineers in Vojvodina"), so the
//! ledger keeps the part of a deployment in one region apart from the whole of it in the
//! country (`sinew-analysis` `scope::placed`). A flow's destination is its counterpart, not
//! a place of this kind ("to", "via", "at a port in" are left alone), and a state is a party
//! or the whole, never such a part.

use sinew_types::{EntityType, MeasureKind, Quantity, QuantityKind, Span};

use super::actors::{Actor, Role, DETERMINERS};
use crate::words::{has_clause_break, strip_possessive, Word};

/// Prepositions that put what a count counts inside a place.
const INSIDE: &[&str] = &["in", "into", "inside", "within"];

/// The measure with its place ("engineers in Vojvodina"), for a figure that can stand in one
/// ([`applies`]) and whose clause puts it in exactly one place of the entity layer's type
/// `Place` (a region, a city; not a state) right after "in" or "into" (past determiners, a
/// possessive state and a compass word: "into Serbia's northern Vojvodina region"), when
/// that place is neither party nor already in the measure.
pub(super) fn with_place(
    text: &str,
    ws: &[Word<'_>],
    actors: &[Actor<'_>],
    clause: Span,
    parties: (Option<&str>, Option<&str>),
    measure: &str,
) -> Option<String> {
    let mut found: Option<&str> = None;
    for a in actors {
        if a.role != Role::Place
            || a.entity != EntityType::Place
            || a.adjective
            || !clause.contains(a.span)
            || !inside(text, ws, a.span)
        {
            continue;
        }
        match found {
            Some(f) if f != a.name => return None,
            _ => found = Some(a.name),
        }
    }
    // A place taken as a party (a last resort of `roles.rs`) is no part of its own figure.
    let place = found.filter(|f| parties.0 != Some(*f) && parties.1 != Some(*f))?;
    let named = measure.to_lowercase().contains(&place.to_lowercase());
    (!named).then(|| format!("{measure} in {place}"))
}

/// Whether a figure can stand in a place: a count of things, as a stock or of no kind read
/// (a flow's place is its counterpart; a share or a change is of a whole).
pub(super) fn applies(q: &Quantity, kind: MeasureKind) -> bool {
    q.kind == QuantityKind::Count && matches!(kind, MeasureKind::Stock | MeasureKind::Other)
}

/// Whether "in" or "into" governs the mention at `at`, past determiners, compass words and
/// one possessive ("into Serbia's Vojvodina region").
fn inside(text: &str, ws: &[Word<'_>], at: Span) -> bool {
    let mut j = ws.partition_point(|w| w.end <= at.start);
    let mut possessives = 0;
    while j > 0 {
        let w = &ws[j - 1];
        if w.is_any(DETERMINERS) {
            j -= 1;
        } else if possessives == 0 && strip_possessive(w.text) != w.text {
            possessives += 1;
            j -= 1;
        } else {
            break;
        }
    }
    j > 0 && ws[j - 1].is_any(INSIDE) && !has_clause_break(text, ws[j - 1].end, at.start)
}
