//! When does a figure hold? A claim's time as the dates it pins the figure to ([`When`]: a
//! period, a running total since a day, a running total counted on a day, or unknown), and
//! the constraints a group's dated members put on a newcomer ([`TimeFrame`]): periods must
//! overlap and be of like length (`MAX_WINDOW_RATIO` in `group.rs`: a year is not a month), a
//! running total since a day agrees with periods ending after it, and a running total's
//! counts on different days are reports of one figure (the ledger orders them as updates),
//! as long as none was counted before another says the count began.

use chrono::NaiveDate;
use sinew_types::{Claim, TimeKind};

use crate::group::MAX_WINDOW_RATIO;

/// Dates a claim's time pins the figure to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// Nothing resolved: agrees with anything.
    Unknown,
    /// A closed period, both ends inclusive.
    Period(NaiveDate, NaiveDate),
    /// An open period from a date ("since August 2023"): a running total.
    Since(NaiveDate),
    /// A running total as counted on a day (its time names when it was reported, "in
    /// February North Korea had shipped over 10,000 containers"), not a window it covers.
    AsOf(NaiveDate),
}

impl When {
    pub(crate) fn of(claim: &Claim) -> When {
        let Some(t) = &claim.time else {
            return When::Unknown;
        };
        match (t.kind, t.start_date, t.end_date) {
            (TimeKind::Duration, _, _) => When::Unknown,
            (TimeKind::Since, Some(s), _) => When::Since(s),
            (TimeKind::Since, None, _) => When::Unknown,
            (TimeKind::Until, _, _) => When::Unknown,
            (_, Some(s), Some(e)) => When::Period(s.min(e), s.max(e)),
            (_, Some(d), None) | (_, None, Some(d)) => When::Period(d, d),
            (_, None, None) => When::Unknown,
        }
    }

    /// The claim's time for a running total: a period names the day it was counted (its
    /// last day), not a window of its own.
    pub(crate) fn of_running(claim: &Claim) -> When {
        match When::of(claim) {
            When::Period(_, e) => When::AsOf(e),
            w => w,
        }
    }

    pub(crate) fn dated(self) -> bool {
        !matches!(self, When::Unknown)
    }
}

/// The time constraints a cluster's dated members put on a newcomer. Pairwise-overlapping
/// periods share a common day, so a few extremes stand for all members.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeFrame {
    /// Latest start of a member period.
    max_start: NaiveDate,
    /// Earliest end of a member period.
    min_end: NaiveDate,
    /// Latest start of a member running total.
    pub(crate) max_since: NaiveDate,
    /// Earliest start of a member running total.
    pub(crate) min_since: NaiveDate,
    /// Shortest and longest member period, in days.
    min_len: i64,
    max_len: i64,
    /// Earliest day a member running total was counted on.
    min_as_of: NaiveDate,
}

impl TimeFrame {
    pub(crate) fn open() -> TimeFrame {
        TimeFrame {
            max_start: NaiveDate::MIN,
            min_end: NaiveDate::MAX,
            max_since: NaiveDate::MIN,
            min_since: NaiveDate::MAX,
            min_len: i64::MAX,
            max_len: 0,
            min_as_of: NaiveDate::MAX,
        }
    }

    /// Two periods agree when they overlap and are of like length (one window: the year, the
    /// month); a running total since a date agrees with another running total, and with a
    /// period that ends after the date.
    /// Whether any member was dated.
    pub(crate) fn dated(&self) -> bool {
        self.min_end != NaiveDate::MAX
            || self.max_since != NaiveDate::MIN
            || self.min_as_of != NaiveDate::MAX
    }

    /// Whether a member was dated by a closed period.
    pub(crate) fn has_period(&self) -> bool {
        self.min_end != NaiveDate::MAX
    }

    /// Whether a member counts since a day.
    pub(crate) fn has_since(&self) -> bool {
        self.max_since != NaiveDate::MIN
    }

    /// Whether `when` and the members' times agree for figures that are no running totals:
    /// [`TimeFrame::admits`], and a figure since a day ("warmed 1.7°F since 1970") is not one
    /// over a closed period ("2°F in 2012-2021"): the two measure from different starts.
    pub(crate) fn admits_level(&self, when: When) -> bool {
        self.admits(when)
            && match when {
                When::Since(_) => !self.has_period(),
                When::Period(..) => !self.has_since(),
                _ => true,
            }
    }

    pub(crate) fn admits(&self, when: When) -> bool {
        match when {
            When::Unknown => true,
            When::Period(s, e) => {
                let len = days(s, e) as f64;
                s <= self.min_end
                    && self.max_start <= e
                    && e >= self.max_since
                    && len <= self.min_len as f64 * MAX_WINDOW_RATIO
                    && self.max_len as f64 <= len * MAX_WINDOW_RATIO
            }
            // A count that began after another was already counted is another count.
            When::Since(s) => s <= self.min_end && s <= self.min_as_of,
            // Counted after every member's count began and no earlier than a member period
            // starts.
            When::AsOf(d) => d >= self.max_since && d >= self.max_start,
        }
    }

    pub(crate) fn add(&mut self, when: When) {
        match when {
            When::Unknown => {}
            When::Period(s, e) => {
                self.max_start = self.max_start.max(s);
                self.min_end = self.min_end.min(e);
                self.min_len = self.min_len.min(days(s, e));
                self.max_len = self.max_len.max(days(s, e));
            }
            When::Since(s) => {
                self.max_since = self.max_since.max(s);
                self.min_since = self.min_since.min(s);
            }
            When::AsOf(d) => self.min_as_of = self.min_as_of.min(d),
        }
    }
}

/// The days of a period, both ends counted.
fn days(s: NaiveDate, e: NaiveDate) -> i64 {
    (e - s).num_days() + 1
}
