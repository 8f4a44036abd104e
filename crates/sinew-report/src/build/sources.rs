//! The numbered source list and the period the sources cover.

use chrono::NaiveDate;

use super::Corpus;
use crate::model::SourceEntry;

impl Corpus<'_> {
    /// The documents in source-number order (publication date, then source name).
    pub(super) fn sources(&self) -> Vec<SourceEntry> {
        self.docs
            .iter()
            .enumerate()
            .map(|(i, b)| SourceEntry {
                number: i + 1,
                doc: b.doc.id.clone(),
                source: b.doc.source.clone(),
                title: b.doc.title.clone(),
                site: b
                    .doc
                    .site
                    .clone()
                    .or_else(|| b.doc.url.as_deref().and_then(host)),
                published: b.doc.published,
                url: b.doc.url.clone(),
                kind: b.kind,
                cited: 0,
            })
            .collect()
    }

    /// First and last publication dates among the sources.
    pub(super) fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self.docs.iter().filter_map(|d| d.doc.published);
        dates.clone().min().zip(dates.max())
    }
}

/// The host of an `http(s)` address, without a leading "www.": the outlet a page that names
/// no site is known by ("wire.example.org").
fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::host;

    #[test]
    fn hosts_name_the_outlet() {
        assert_eq!(
            host("https://www.Kesra-Times.example/2024/05/x?id=1").as_deref(),
            Some("kesra-times.example")
        );
        assert_eq!(
            host("http://wire.example.org:8080#top").as_deref(),
            Some("wire.example.org")
        );
        assert_eq!(host("file:///tmp/a.html"), None);
        assert_eq!(host("https://"), None);
    }
}
