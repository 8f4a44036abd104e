//! Plain text to clean text: junk lines dropped, paragraphs kept, headline and date found.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::date;
use crate::junk;
use crate::widgets;

/// How many non-blank lines at the top may hold the headline, kicker, logo and date.
const HEADER_LINES: usize = 12;

/// Clean text and what its top and bottom lines said about the article.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) site: Option<String>,
}

#[derive(Debug)]
struct Line<'a> {
    /// Borrowed from the input where it needed no normalising (most lines).
    text: Cow<'a, str>,
    keep: bool,
    /// A blank line stood just above this one.
    blank_before: bool,
}

/// How line breaks in the raw text relate to paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// A text file: lines may be hard-wrapped paragraphs.
    Plain,
    /// Rendered HTML blocks: every line is a whole block.
    Blocks,
}

/// Cleans raw text (any line endings). Never fails; the text may come back empty.
/// `declared_lang` (a language tag the source states) says how a numeric date that reads
/// either way is written; without it the text's own language does.
pub(crate) fn clean(raw: &str, layout: Layout, declared_lang: Option<&str>) -> Cleaned {
    let mut lines: Vec<Line> = Vec::new();
    let mut blank_before = false;
    let unified: std::borrow::Cow<'_, str> = if raw.contains('\r') {
        raw.replace("\r\n", "\n").into()
    } else {
        raw.into()
    };
    for raw_line in unified.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
        let text = match widgets::strip_ticker_chips(&junk::normalise_line(raw_line)) {
            Cow::Borrowed(_) => junk::normalise_line(raw_line),
            Cow::Owned(s) => Cow::Owned(s),
        };
        if text.is_empty() {
            blank_before = true;
            continue;
        }
        lines.push(Line {
            text,
            keep: true,
            blank_before,
        });
        blank_before = false;
    }
    let mut out = Cleaned::default();

    for line in &mut lines {
        if junk::is_junk(&line.text) || widgets::is_ticker_line(&line.text) {
            line.keep = false;
        } else if let Some(site) = junk::source_site(&line.text) {
            out.site = Some(site.to_string());
            line.keep = false;
        }
    }
    drop_quote_cards(&mut lines);

    let header_end = header_end(&lines);
    let crumb_title = clean_header(&mut lines[..header_end]);
    let top_end = (header_end + 3).min(lines.len());
    // Asked only of a text whose dateline reads either way ("03/10/2023"): month first in
    // English, day first elsewhere.
    let order = || {
        declared_lang
            .or_else(|| crate::lang::identify_lang(raw))
            .map_or(date::DayOrder::MonthFirst, date::DayOrder::of_locale)
    };
    out.published = find_published(&mut lines[..top_end], &order);
    out.title = find_title(&mut lines[..header_end]).or(crumb_title);

    out.text = join_paragraphs(&lines, layout == Layout::Plain);
    out
}

/// Drops the lines of stock-quote cards ([`widgets::quote_card_lines`]) among the kept ones.
fn drop_quote_cards(lines: &mut [Line<'_>]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].keep).collect();
    let texts: Vec<&str> = kept.iter().map(|&i| &*lines[i].text).collect();
    let card = widgets::quote_card_lines(&texts);
    for (&i, drop) in kept.iter().zip(card) {
        if drop {
            lines[i].keep = false;
        }
    }
}

/// Prose: a long line, or a sentence of some length that ends like one.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_sentence = line
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')'])
        .ends_with(['.', '!', ';']);
    words >= 25 || line.len() > 250 || (words >= 8 && ends_sentence)
}

/// Index one past the header: the lines before the first prose line, at most
/// [`HEADER_LINES`] of them.
fn header_end(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .take(HEADER_LINES)
        .position(|l| l.keep && is_prose(&l.text))
        .unwrap_or(lines.len().min(HEADER_LINES))
}

/// Letters and digits only, lower case: two spellings of one headline compare equal.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops header furniture: breadcrumbs (returning their last segment as a headline
/// candidate), the tag list between a breadcrumb and the repeated headline, the first of two
/// spellings of one headline, and logo tokens.
fn clean_header(header: &mut [Line<'_>]) -> Option<String> {
    let mut crumb: Option<(usize, String)> = None;
    for (i, line) in header.iter_mut().enumerate() {
        if !line.keep {
            continue;
        }
        if let Some(last) = junk::breadcrumb(&line.text) {
            if crumb.is_none() {
                crumb = Some((i, last.to_string()));
            }
            line.keep = false;
        } else if junk::is_logo_token(&line.text) {
            line.keep = false;
        }
    }
    if let Some((at, title)) = &crumb {
        let folded = fold(title);
        if let Some(repeat) = header
            .iter()
            .skip(at + 1)
            .position(|l| l.keep && fold(&l.text) == folded)
        {
            for line in &mut header[at + 1..at + 1 + repeat] {
                line.keep = false;
            }
        }
    }
    for i in 0..header.len() {
        if !header[i].keep {
            continue;
        }
        let folded = fold(&header[i].text);
        let again = header[i + 1..]
            .iter()
            .any(|l| l.keep && !folded.is_empty() && fold(&l.text) == folded);
        if again {
            header[i].keep = false;
        }
    }
    crumb.map(|(_, t)| t).filter(|t| looks_like_headline(t))
}

fn looks_like_headline(line: &str) -> bool {
    let words = crate::lang::word_count(line);
    let first = line.chars().next();
    (2..=30).contains(&words)
        && line.len() <= 300
        && !line.ends_with(['.', ',', ';', ':', '\u{3002}', '\u{ff0c}'])
        // A capital, where the script has them (Chinese and Japanese have none).
        && (line.chars().any(char::is_uppercase) || line.chars().any(crate::lang::is_wide))
        && first.is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}'))
        // "1. Summary" or "• point" is a list item, not a headline.
        && !line.split_whitespace().next().is_some_and(|w| w.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit()))
        && date::find_date(line).is_none()
}

/// The headline: the first kept header line that looks like one, skipping a kicker
/// ("E-commerce", "Analysis") that stands just above a longer headline; the kicker is dropped.
fn find_title(header: &mut [Line<'_>]) -> Option<String> {
    let kept: Vec<usize> = (0..header.len()).filter(|&i| header[i].keep).collect();
    for (n, &i) in kept.iter().enumerate() {
        let line = &header[i].text;
        let words = line.split_whitespace().count();
        let next = kept.get(n + 1).map(|&j| &*header[j].text);
        let kicker = words <= 3
            && line.len() <= 30
            && next.is_some_and(|next| {
                looks_like_headline(next) && next.split_whitespace().count() > words
            });
        if kicker {
            header[i].keep = false;
            continue;
        }
        // A line running on into a lower-case line is the start of a wrapped sentence.
        let runs_on = header.get(i + 1).is_some_and(|n| {
            n.keep && !n.blank_before && n.text.chars().next().is_some_and(char::is_lowercase)
        });
        if runs_on {
            return None;
        }
        if looks_like_headline(line) {
            return Some(line.to_string());
        }
    }
    None
}

/// The publication date from a short line near the top; lines that are only a date are
/// dropped. A "Published" date is preferred to an "Updated" one.
fn find_published(top: &mut [Line<'_>], order: &dyn Fn() -> date::DayOrder) -> Option<NaiveDate> {
    let mut updated = None;
    for line in top.iter_mut().filter(|l| l.keep) {
        if line.text.len() > 120 || is_prose(&line.text) {
            continue;
        }
        let Some((mut date, start, end)) = date::find_date_span(&line.text) else {
            continue;
        };
        let day_first = date::find_date_span_in(&line.text, date::DayOrder::DayFirst);
        if day_first.is_some_and(|(d, _, _)| d != date) && order() == date::DayOrder::DayFirst {
            date = day_first.map_or(date, |(d, _, _)| d);
        }
        if junk::is_dateline(&line.text, start, end) {
            line.keep = false;
        }
        let lower = line.text.to_lowercase();
        if lower.contains("updated") || lower.contains("modified") {
            updated = updated.or(Some(date));
        } else {
            return Some(date);
        }
    }
    updated
}

/// Joins lines into paragraphs separated by one blank line. Hard-wrapped text (most lines of
/// similar width, continuing into the next) is unwrapped first.
fn join_paragraphs(lines: &[Line<'_>], may_be_wrapped: bool) -> String {
    let kept: Vec<&str> = lines.iter().filter(|l| l.keep).map(|l| &*l.text).collect();
    let wrapped = may_be_wrapped && is_hard_wrapped(&kept);
    let mut out = String::with_capacity(kept.iter().map(|l| l.len() + 2).sum());
    let mut prev: Option<&str> = None;
    // A blank or dropped line ends a paragraph even in hard-wrapped text.
    let mut broken = false;
    for l in lines {
        broken |= l.blank_before;
        if !l.keep {
            broken = true;
            continue;
        }
        let line: &str = &l.text;
        if let Some(p) = prev {
            if wrapped && !broken && continues(p, line) {
                out.push(' ');
            } else {
                out.push_str("\n\n");
            }
        }
        out.push_str(line);
        prev = Some(line);
        broken = false;
    }
    out
}

fn starts_list_item(line: &str) -> bool {
    line.starts_with(['•', '-', '*', '–', '·', '▪', '◦', '●'])
        || line.split_whitespace().next().is_some_and(|w| {
            w.len() <= 4
                && w.ends_with(['.', ')'])
                && w.trim_end_matches(['.', ')'])
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric())
        })
}

fn continues(prev: &str, line: &str) -> bool {
    prev.chars().count() >= 45 && !starts_list_item(line)
}

/// Hard wrapping: at least four lines, nearly all at most 100 characters, and at least a third
/// of them running on into a next line that starts in lower case.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    let long = lines.iter().filter(|l| l.chars().count() > 100).count();
    if long * 10 > lines.len() {
        return false;
    }
    let runs_on = lines
        .windows(2)
        .filter(|w| {
            w[0].chars().count() >= 45 && w[1].chars().next().is_some_and(char::is_lowercase)
        })
        .count();
    runs_on * 3 >= lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_table() {
        // (input, expected text, expected title)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("", "", None),
            ("\n\n  \n", "", None),
            ("top of page\nlhpgop\n\nBig Headline Here\n\n\n\nFirst paragraph.\r\n", "Big Headline Here\n\nFirst paragraph.", Some("Big Headline Here")),
            (
                "E-commerce\nRussia Gains from North Koreas Spending\nRussia Gains from North Korea's Spending\nBody text that is long enough to count as prose for sure.",
                "Russia Gains from North Korea's Spending\n\nBody text that is long enough to count as prose for sure.",
                Some("Russia Gains from North Korea's Spending"),
            ),
            (
                "Home » Kim Meets Putin in Russia\nAsia News Politics Russia\n\nKim Meets Putin in Russia\n\nKim arrived on Tuesday, officials said in a statement.\n\nSource: Al Jazeera",
                "Kim Meets Putin in Russia\n\nKim arrived on Tuesday, officials said in a statement.",
                Some("Kim Meets Putin in Russia"),
            ),
            (
                "The signing of a pact between the two leaders this week has caused concern.\nSubscribe\nMore prose follows here.\n.\n_",
                "The signing of a pact between the two leaders this week has caused concern.\n\nMore prose follows here.",
                None,
            ),
            (
                "The text of this report was wrapped at a fixed width by an old\nsystem, so that each paragraph runs over several lines and\nthe lines must be joined again.\n\nA second paragraph follows and it is also wrapped across\ntwo lines of text.",
                "The text of this report was wrapped at a fixed width by an old system, so that each paragraph runs over several lines and the lines must be joined again.\n\nA second paragraph follows and it is also wrapped across two lines of text.",
                None,
            ),
        ];
        for (input, text, title) in cases {
            let c = clean(input, Layout::Plain, None);
            assert_eq!(c.text, *text, "text of {input:?}");
            assert_eq!(c.title.as_deref(), *title, "title of {input:?}");
        }
    }

    #[test]
    fn dates_and_sites() {
        let c = clean("Headline About Trade\nPublished 12 June 2024\n\nBody of the article goes here at some length, with facts.\n\nSource: Reuters", Layout::Plain, None);
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 6, 12));
        assert_eq!(c.site.as_deref(), Some("Reuters"));
        assert!(!c.text.contains("Published"));
        let c = clean(
            "Report Title Line\nGOOVER DAILY REPORT June 27, 2024\ngoover\n\nText.",
            Layout::Plain,
            None,
        );
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 6, 27));
        assert!(c.text.contains("GOOVER DAILY REPORT"));
        assert!(!c.text.contains("\ngoover"));
    }

    #[test]
    fn slash_dates_by_language() {
        let fr = "Les ports rouvrent après la tempête\nPublié le 03/10/2023\n\nLes autorités \
                  portuaires ont annoncé mardi la réouverture des quais, après trois jours de \
                  fermeture. Les navires attendus dans la rade pourront accoster dès demain \
                  matin, selon le communiqué de la capitainerie.";
        let en = "Ports Reopen After the Storm\nPublished 03/10/2023\n\nThe port authority said \
                  on Tuesday that the quays would reopen after three days in which the ships \
                  that were expected in the roads had to wait for the weather to turn.";
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        // The text's language, where the source states none.
        assert_eq!(clean(fr, Layout::Plain, None).published, date(2023, 10, 3));
        assert_eq!(clean(en, Layout::Plain, None).published, date(2023, 3, 10));
        // A stated language wins.
        assert_eq!(
            clean(en, Layout::Plain, Some("en-GB")).published,
            date(2023, 10, 3)
        );
        // A date that reads one way only is read that way whatever the language.
        let us = en.replace("03/10/2023", "10/31/2023");
        assert_eq!(
            clean(&us, Layout::Plain, Some("fr")).published,
            date(2023, 10, 31)
        );
    }
}
