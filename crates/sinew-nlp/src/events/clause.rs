//! How is an event told inside its clause? Negation ("did not sign"), modality (hedged "may",
//! planned "will" / "plans to", denied "denied attacking"), passive voice ("was sanctioned
//! by"), and the words that make a transfer an arms transfer or a troop deployment.
//!
//! Each reads only the few words before the trigger, back to its subject or a clause break:
//! a cue further away belongs to another clause ("officials who may resign said the army
//! attacked" does not hedge the attack).

use sinew_types::{EventKind, EventModality, PloverCategory};

use super::patterns::is_arms_word;

/// How far back from a trigger the cues of its clause are read, in words.
const WINDOW: usize = 6;

/// Negators.
const NEGATORS: &[&str] = &["not", "never", "cannot", "no", "neither", "nor", "without"];

/// Hedges (as in the claims' attribution module, read here for events).
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "probably",
    "possibly",
    "likely",
    "apparently",
    "purportedly",
    "suspected",
    "rumoured",
    "rumored",
];

/// Cues of an event still to come.
const PLANNED: &[&str] = &[
    "will",
    "would",
    "shall",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "ready",
    "willing",
    "expected",
    "set",
    "going",
    "prepared",
    "preparing",
    "due",
    "aims",
    "seeks",
    "wants",
    "hopes",
    "proposed",
    "offered",
    "promised",
    "pledged",
    "vowed",
];

/// Cues of a denial of the event.
const DENIALS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "dismissed",
];

/// Forms of "be" that make a past participle passive.
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be", "am"];

/// What the words before a trigger say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cues {
    pub(super) negated: bool,
    pub(super) modality: EventModality,
}

/// Reads the cues in `lower[from..trigger]` (the trigger's own clause, `from` its subject's
/// end or a clause start), nearest first.
pub(super) fn cues(lower: &[String], from: usize, trigger: usize) -> Cues {
    let from = from.max(trigger.saturating_sub(WINDOW));
    let mut negated = false;
    let mut modality = EventModality::Asserted;
    for w in lower[from..trigger].iter().rev() {
        let w = w.as_str();
        if NEGATORS.contains(&w) || w.ends_with("n't") || w.ends_with("n’t") {
            negated = true;
        } else if DENIALS.contains(&w) {
            modality = EventModality::Denied;
        } else if modality == EventModality::Asserted && HEDGES.contains(&w) {
            modality = EventModality::Hedged;
        } else if modality == EventModality::Asserted && PLANNED.contains(&w) {
            modality = EventModality::Planned;
        }
    }
    Cues { negated, modality }
}

/// Is `w` shaped like a past participle ("banned", "taken", "shot")?
pub(super) fn is_participle(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("en") || matches!(w, "shot" | "held" | "met" | "sent" | "hit")
}

/// Is `w` a form of "be"?
pub(super) fn is_be(w: &str) -> bool {
    BE.contains(&w)
}

/// Is `w` a form of "be", "have" or a modal, which a verb's subject stands before?
pub(super) fn is_auxiliary(w: &str) -> bool {
    BE.contains(&w)
        || matches!(
            w,
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "may"
                | "might"
                | "could"
                | "can"
                | "should"
                | "must"
                | "shall"
        )
}

/// Participles that, after "be" and before "to", tell a stance rather than a passive act
/// ("Israel is opposed to French mediation").
const STANCES: &[&str] = &["opposed", "committed", "determined", "prepared", "resigned"];

/// Is the trigger at `i` a passive participle ("was sanctioned", "have been killed")?
pub(super) fn is_passive(lower: &[String], i: usize) -> bool {
    let w = lower[i].as_str();
    if !is_participle(w) {
        return false;
    }
    if STANCES.contains(&w) && lower.get(i + 1).is_some_and(|n| n == "to") {
        return false;
    }
    // "was sanctioned", "were reportedly killed"
    (1..=2).any(|back| {
        i.checked_sub(back)
            .is_some_and(|k| BE.contains(&lower[k].as_str()))
    })
}

/// Does "denied" at `i` deny an event ("denied that", "denied attacking") rather than refuse
/// something ("denied permission")? Then it is a modality cue, not a `REJECT`.
pub(super) fn is_denial(lower: &[String], i: usize) -> bool {
    let Some(next) = lower.get(i + 1) else {
        return false;
    };
    matches!(
        next.as_str(),
        "that"
            | "reports"
            | "claims"
            | "allegations"
            | "involvement"
            | "responsibility"
            | "having"
            | "any"
    ) || (next.ends_with("ing") && next.len() > 5)
}

/// Words after a supply verb that make it material aid rather than arms.
const AID_GOODS: &[&str] = &[
    "aid",
    "food",
    "medicine",
    "medicines",
    "supplies",
    "assistance",
    "relief",
    "funds",
    "money",
    "loans",
    "fuel",
    "help",
    "humanitarian",
    "equipment",
    "vaccines",
    "doctors",
    "goods",
    "grain",
    "rice",
    "wheat",
    "flour",
    "tents",
    "blankets",
    "water",
];

/// Words after a supply verb that make it a troop deployment.
const TROOPS: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "warships",
    "personnel",
    "units",
];

/// What a supply verb ("sent", "shipped", "delivered") moves, read in the few words after it:
/// arms make an arms transfer (`AID`), troops a deployment (`MOBILIZE`), aid goods `AID`,
/// anything else no event ("sent a letter").
pub(super) fn transfer(
    after: &[String],
) -> Option<(PloverCategory, Option<EventKind>, Option<&'static str>)> {
    for w in after.iter().take(WINDOW) {
        let w = w.as_str();
        if is_arms_word(w) {
            return Some((PloverCategory::Aid, Some(EventKind::ArmsTransfer), None));
        }
        if TROOPS.contains(&w) {
            return Some((
                PloverCategory::Mobilize,
                Some(EventKind::TroopDeployment),
                Some("troops"),
            ));
        }
        if AID_GOODS.contains(&w) {
            return Some((PloverCategory::Aid, None, None));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn low(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn reads_negation_and_modality_before_the_trigger() {
        let ws = low("russia did not sign the treaty");
        assert!(cues(&ws, 1, 3).negated);
        let ws = low("china may impose sanctions");
        assert_eq!(cues(&ws, 1, 2).modality, EventModality::Hedged);
        let ws = low("japan plans to send aid");
        assert_eq!(cues(&ws, 1, 3).modality, EventModality::Planned);
        let ws = low("iran denied attacking the ship");
        assert_eq!(cues(&ws, 1, 2).modality, EventModality::Denied);
        assert!(is_denial(&ws, 1));
        let ws = low("russia signed the treaty");
        assert_eq!(
            cues(&ws, 1, 1),
            Cues {
                negated: false,
                modality: EventModality::Asserted
            }
        );
    }

    #[test]
    fn tells_passive_participles() {
        let ws = low("three soldiers were killed by a bomb");
        assert!(is_passive(&ws, 3));
        let ws = low("rebels killed three soldiers");
        assert!(!is_passive(&ws, 1));
    }

    #[test]
    fn a_supply_verb_is_read_from_what_it_moves() {
        assert_eq!(
            transfer(&low("millions of shells to russia")).unwrap().1,
            Some(EventKind::ArmsTransfer)
        );
        assert_eq!(
            transfer(&low("troops to the border")).unwrap().0,
            PloverCategory::Mobilize
        );
        assert_eq!(
            transfer(&low("food to gaza")).unwrap(),
            (PloverCategory::Aid, None, None)
        );
        assert_eq!(transfer(&low("a letter to the king")), None);
    }
}
