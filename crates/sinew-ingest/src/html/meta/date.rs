//! When the article was published: the URL's date, meta tags and microdata, the dateline
//! shown near the headline (labelled "published" or "updated", relative ones counted back
//! from the fetch), `<time>` elements, a closing "Posted on" line, JSON-LD and elements
//! marked as dates, in the order of how often each was right on the dev pages.

use chrono::{NaiveDate, NaiveDateTime};

use super::super::dom::Dom;
use super::super::tag::Tag;
use super::lines::{around, lines_from, DATELINE_WINDOW};
use super::{squash, Page};
use crate::date;

/// The date with day and month exchanged, when both are 12 or less.
fn swapped(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (d.day() <= 12 && d.day() != d.month())
        .then(|| NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()))
        .flatten()
}

/// Words that say a date is when the article was first published.
const PUBLISHED_CUES: [&str; 3] = ["publish", "posted", "written"];

/// Words that say a date is when the article was last changed.
const UPDATED_CUES: [&str; 3] = ["updated", "modified", "reviewed"];

/// Where the last of `cues` stands in `lower`, if any does.
fn last_cue(lower: &str, cues: &[&str]) -> Option<usize> {
    cues.iter().filter_map(|c| lower.rfind(c)).max()
}

/// The date the page shows with the article: the first short line with a date in the
/// headline's container and the text after it (a `<time>` counts by its `datetime`), a date
/// labelled "published" or "posted" preferred to one labelled "updated".
fn shown_date(
    dom: &Dom<'_>,
    headline: usize,
    visible: &dyn Fn(usize) -> bool,
    order: date::DayOrder,
    fetched: Option<NaiveDateTime>,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut found: Vec<(NaiveDate, bool, bool)> = Vec::new();
    let mut label = (false, false);
    for line in lines_from(dom, around(dom, headline), visible, DATELINE_WINDOW) {
        // Runs of layout whitespace are not text: "Dec 26, 2025   •  A. Writer".
        let squashed = squash(&line.text);
        let text = squashed.as_str();
        let lower = text.to_lowercase();
        let (label_published, label_updated) = std::mem::take(&mut label);
        let line_published = label_published || last_cue(&lower, &PUBLISHED_CUES).is_some();
        let line_updated = label_updated || last_cue(&lower, &UPDATED_CUES).is_some();
        let dates = if text.len() > 120 {
            Vec::new()
        } else {
            date::find_date_spans_in(&lower, order)
        };
        // A `<time>` gives its date by its `datetime` (its text may be "3 days ago", or
        // another day than the machine-readable one), its label standing beside it; unless
        // the line writes that day out among others, each with its own label.
        if let Some(d) = line
            .stamp
            .filter(|&d| !dates.iter().any(|&(t, _, _)| t == d))
        {
            found.push((d, line_published, line_updated));
            continue;
        }
        if dates.is_empty() {
            // A dateline that is mostly "3 hours ago" counts back from when the page was
            // fetched; it is looked for only where that moment is known.
            let relative = fetched
                .filter(|_| text.len() <= 120)
                .and_then(|at| Some((at, date::find_relative(&lower)?)))
                .filter(|(_, (_, from, to))| lower.len().saturating_sub(to - from) <= 50);
            if let Some(when) = relative.and_then(|(at, (ago, _, _))| at.checked_sub_signed(ago)) {
                found.push((when.date(), line_published, line_updated));
                continue;
            }
            if text.len() <= 30 {
                // A label set apart from its date ("Last updated:" in one element, the
                // date in the next) labels the next line.
                label = (line_published, line_updated);
            }
            continue;
        }
        // A dateline is mostly its dates, or marks one up as a `<time>`; a date inside a
        // sentence is not one.
        let dated: usize = dates.iter().map(|(_, from, to)| to - from).sum();
        let dateline = line.stamp.is_some() || lower.len().saturating_sub(dated) <= 50;
        if !(line_published || line_updated || dateline) {
            continue;
        }
        let first = found.len();
        for &(d, from, _) in &dates {
            // Each date takes the label that stands nearest before it in the line ("Written
            // by A. Writer, updated on May 2, 2025"; "Updated May 2, 2025, originally
            // published April 30, 2025"), else the line's.
            let before = &lower[..from];
            let (p, u) = (
                last_cue(before, &PUBLISHED_CUES),
                last_cue(before, &UPDATED_CUES),
            );
            let (published, updated) = match (p, u) {
                (Some(p), Some(u)) => (p > u, u > p),
                (Some(_), None) => (true, false),
                (None, Some(_)) => (false, true),
                // A label after the line's only date ("May 2, 2025 (updated)") is its.
                (None, None) if dates.len() == 1 => (line_published, line_updated),
                (None, None) => (false, false),
            };
            found.push((d, published, updated));
        }
        // Two dates on one line with no labels ("May 21, 2025  April 24, 2025 by ..."): the
        // earlier is when it was published, the later when it was updated.
        if found.len() - first > 1 && found[first..].iter().all(|&(_, p, u)| !p && !u) {
            let earliest = found[first..].iter().map(|(d, _, _)| *d).min();
            for f in &mut found[first..] {
                f.2 = Some(f.0) != earliest;
            }
        }
    }
    // Only an "updated" date shown: the metadata's publication date, if any, is better.
    let shown = found
        .iter()
        .find(|(_, published, _)| *published)
        .or_else(|| found.iter().find(|(_, _, updated)| !*updated))
        .map(|(d, _, _)| *d);
    (shown, found.first().map(|(d, _, _)| *d))
}

/// How much visible text after the article may hold a closing "Posted on ..." line.
const TRAILER_WINDOW: usize = 300;

/// A date given at the very end of the article or just after it, as blogs close a post
/// ("Posted on the 15/12/2025 at 19:00 by ..."): a short line that says it was published,
/// or is only a date.
fn trailer_date(
    dom: &Dom<'_>,
    root: usize,
    visible: &dyn Fn(usize) -> bool,
    order: date::DayOrder,
) -> Option<NaiveDate> {
    // From the article's last lines (the closing line may sit inside it) on past its end.
    let end = dom.nodes[root].end as usize;
    let mut start = end;
    let mut seen = 0;
    while start > root + 1 && seen < TRAILER_WINDOW {
        start -= 1;
        if dom.nodes[start].tag == Tag::Text {
            seen += dom.text(start).trim().len();
        }
    }
    lines_from(dom, start, visible, 2 * TRAILER_WINDOW)
        .iter()
        .find_map(|line| {
            let text = squash(&line.text);
            let lower = text.to_lowercase();
            if text.len() > 120 || lower.contains("updated") || lower.contains("modified") {
                return None;
            }
            let (d, from, to) = date::find_date_span_in(&text, order)?;
            let said = last_cue(&lower, &PUBLISHED_CUES).is_some();
            (said || text.len() - (to - from) <= 5).then_some(d)
        })
}

/// Whether the words just before element `i` (its label) say it is the publication date
/// ("Published", "Posted on"), not the update's.
fn labelled_published(dom: &Dom<'_>, i: usize) -> bool {
    let label = (i.saturating_sub(8)..i)
        .rev()
        .filter(|&j| dom.nodes[j].tag == Tag::Text)
        .map(|j| dom.text(j).trim())
        .find(|t| !t.is_empty());
    label.is_some_and(|l| {
        let lower = l.to_lowercase();
        l.len() <= 40
            && (lower.contains("publish") || lower.contains("posted"))
            && !lower.contains("updat")
            && !lower.contains("modif")
    })
}

/// A `datePublished` in microdata on an element other than `<meta>` (`<abbr>`, `<span>`,
/// `<time>`): its `content`, `datetime` or `title`, else its text.
fn itemprop_date(dom: &Dom<'_>) -> Option<NaiveDate> {
    (0..dom.nodes.len()).find_map(|i| {
        let node = dom.nodes[i];
        if node.tag == Tag::Text || node.tag == Tag::Meta {
            return None;
        }
        if !dom
            .attr_raw(i, "itemprop")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("datePublished"))
        {
            return None;
        }
        ["content", "datetime", "title"]
            .iter()
            .find_map(|a| dom.attr(i, a).and_then(|v| date::parse_date(&v)))
            .or_else(|| date::parse_date(&dom.inner_text(i)))
    })
}

/// The first visible element anywhere whose class or id says it holds the publication
/// date ("post-date", "published", "entry-date") and whose short text is a date.
fn marked_date(
    dom: &Dom<'_>,
    visible: &dyn Fn(usize) -> bool,
    order: date::DayOrder,
) -> Option<NaiveDate> {
    (0..dom.nodes.len()).find_map(|i| {
        let node = dom.nodes[i];
        if node.tag == Tag::Text || node.end as usize - i > 16 || !visible(i) {
            return None;
        }
        let marked = ["class", "id"].iter().any(|a| {
            dom.attr_raw(i, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                (v.contains("date") || v.contains("publish") || v.contains("posted"))
                    && !v.contains("updat")
                    && !v.contains("modif")
            })
        });
        if !marked {
            return None;
        }
        let text = dom.inner_text(i);
        let text = text.trim();
        let (d, from, to) = date::find_date_span_in(text, order).filter(|_| text.len() <= 80)?;
        (text.len() - (to - from) <= 40).then_some(d)
    })
}

/// The publication date, by the sources in the order measured below; `url` is the page's
/// canonical URL, `html_lang` its language tag, `ld_published` and `ld_page` the JSON-LD
/// node's date and whether that node is a bare page.
pub(super) fn published(
    page: &Page<'_, '_>,
    url: Option<&str>,
    html_lang: Option<&str>,
    ld_published: Option<&str>,
    ld_page: bool,
    fetched: Option<NaiveDateTime>,
) -> Option<NaiveDate> {
    let Page {
        dom,
        root,
        visible,
        tags,
        shown_from,
    } = *page;
    let m = |keys: &[&str]| tags.first(keys);
    let in_root = |i: usize| root.is_some_and(|r| i > r && i < dom.nodes[r].end as usize);
    let times: Vec<usize> = dom
        .elements(Tag::Time)
        .filter(|&i| dom.attr_raw(i, "datetime").is_some())
        .collect();
    // A `<time>` labelled as the publication, then the article's own, then one marked up
    // as a publication date.
    let time = times
        .iter()
        .copied()
        .find(|&i| labelled_published(dom, i))
        .or_else(|| times.iter().copied().find(|&i| in_root(i)))
        .or_else(|| {
            times.iter().copied().find(|&i| {
                dom.attr_raw(i, "itemprop").is_some() || dom.attr_raw(i, "pubdate").is_some()
            })
        })
        .or_else(|| {
            // All the page's time stamps name one day: that day is the article's.
            let mut days = times
                .iter()
                .filter_map(|&i| dom.attr(i, "datetime").and_then(|d| date::parse_date(&d)));
            let first = days.next()?;
            days.all(|d| d == first).then(|| times[0])
        });
    // How the page writes a numeric date that reads either way: by its language tag.
    let order = html_lang
        .map(str::to_string)
        .or_else(|| m(&["og:locale"]))
        .map_or(date::DayOrder::MonthFirst, |tag| {
            date::DayOrder::of_locale(&tag)
        });
    let (shown, shown_updated) = shown_from.map_or((None, None), |from| {
        shown_date(dom, from, visible, order, fetched)
    });
    // A shown numeric date whose day and month could be either way round ("09.10.2024")
    // takes the reading that the metadata confirms.
    let ld_date = ld_published.and_then(date::parse_date);
    let shown = shown.map(|d| match ld_date {
        Some(meta) if Some(meta) == swapped(d) => meta,
        _ => d,
    });
    // The order is by how often each source names the day the article was published, as
    // measured on the dev pages: a date in the URL's path is minted by the CMS on
    // publication and is never wrong there (31 of 31); OpenGraph's `article:published_time`
    // and microdata come next (unless the page shows an earlier day, below); then the
    // dateline the reader sees; then a `<time>` element, an "updated" dateline, a closing
    // "Posted on" line (right on only 0.39 of the pages that have one: it can be a
    // comment's), JSON-LD (often a template's stale value: 0.82 right where present; a bare
    // `WebPage` node's date is left out), and an element marked as a date.
    let meta_published = m(&[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published",
        "published_date",
        "publication_date",
        "citation_publication_date",
        "citation_date",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.created",
        "dcterms.date",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "published_time",
        "release_date",
    ])
    .and_then(|d| date::parse_date(&d))
    .or_else(|| {
        // Site-specific names ("w-published-date", "cludo:date" aside): any meta key that
        // speaks of publishing and not of updating.
        let mut keys: Vec<&String> = tags
            .0
            .keys()
            .filter(|k| k.contains("publish") && !k.contains("modif") && !k.contains("updat"))
            .collect();
        keys.sort();
        keys.iter().find_map(|k| date::parse_date(&tags.0[*k]))
    })
    .or_else(|| itemprop_date(dom));
    // A dateline shown more than a day before the metadata's date is when the article was
    // first published: a CMS stamps its metadata anew when a post is moved or republished
    // (a 2013 post stamped 2024), while a page rarely shows an earlier date that is not
    // the article's. A day apart is left to the metadata, which may be another time
    // zone's day. (On the dev pages: 3 right, none lost.)
    let meta_published = meta_published.map(|m| match shown {
        Some(s) if (m - s).num_days() > 1 => s,
        _ => m,
    });
    url.and_then(date::url_date)
        .or(meta_published)
        .or(shown)
        .or_else(|| {
            time.and_then(|t| dom.attr(t, "datetime"))
                .and_then(|d| date::parse_date(&d))
        })
        .or(shown_updated)
        .or_else(|| root.and_then(|r| trailer_date(dom, r, visible, order)))
        .or(ld_date.filter(|_| !ld_page))
        .or_else(|| marked_date(dom, visible, order))
}
