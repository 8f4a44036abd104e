//! Analysis over stored claims: grouping the same figure across sources.
//!
//! v1 holds one operation, [`group_figures`]: claims that state the same figure (same actors,
//! unit, rate and a similar measure at compatible times) are put in one [`FigureGroup`], so a
//! briefing can show what each source says about it side by side. Everything here is a pure
//! function of plain structs; no database access.

mod group;
mod words;

pub use group::{group_figures, FigureGroup};
