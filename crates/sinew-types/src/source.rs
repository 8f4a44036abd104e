//! How was a document made? `SourceKind`: an original report, an official statement, an
//! analysis, or a derivative digest that only repeats other outlets. The ledger counts
//! independent sources with it: a digest adds no weight of its own.

use serde::{Deserialize, Serialize};

/// How a document was made, as its own cues tell (`sinew_ingest::source_kind` reads them).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A report written from its own reporting: the usual news article.
    #[default]
    Original,
    /// A government, ministry or agency statement, press release or fact sheet.
    Official,
    /// Commentary or research (a think tank's analysis, an opinion piece).
    Analysis,
    /// A digest that only summarises other outlets: an aggregator's roundup or an
    /// AI-written daily report. Counted once, and never alone an independent source.
    Derivative,
}

impl SourceKind {
    /// Every kind, in display order.
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Original,
        SourceKind::Official,
        SourceKind::Analysis,
        SourceKind::Derivative,
    ];

    /// `original`, `official`, `analysis` or `derivative`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Original => "original",
            SourceKind::Official => "official",
            SourceKind::Analysis => "analysis",
            SourceKind::Derivative => "derivative",
        }
    }

    /// The kind named `s`, as [`SourceKind::as_str`] writes it.
    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(SourceKind::parse("digest"), None);
    }
}
