//! Who wrote the article: metadata names (unless they are the publisher's account), the
//! byline shown near the headline ("By ...", "Written by ...", a line marked as a byline, a
//! person named after the dateline), elements marked as the author and links to an author
//! page; what bylines run into a name (dates, reading times, roles) is cut.

use super::super::dom::Dom;
use super::super::tag::Tag;
use super::lines::{around, lines_from, Line, DATELINE_WINDOW};
use super::{fold, is_web_url, squash, Page};
use crate::date;

/// Words that introduce a byline.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "authored by",
    "words by",
    "text by",
    "article by",
    "author",
    "authors",
    "writer",
    "contributor",
    "contributors",
    // Other languages of the field's pages ("von", "par", "por": see `PREPOSITIONS`).
    "von",
    "autor",
    "autorin",
    "auteur",
    "par",
    "por",
    "autore",
    "автор",
    "авторы",
    "作者",
    "记者",
    "記者",
];

/// Byline labels that are also everyday prepositions and particles: "Von der Leyen says
/// ..." under a headline is not a byline. After them the name must look like a person's.
const PREPOSITIONS: &[&str] = &["von", "par", "por"];

/// Whether a byline's text can be a name: a few words, no URL, e-mail or machine value, and
/// not a user name ("kffnirmitap", "andrew.keaveney") or a placeholder.
fn plausible_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let lower = s.to_lowercase();
    // Placeholders, and labels that stand where a name should.
    let placeholder = [
        "undefined",
        "null",
        "admin",
        "webmaster",
        "administrator",
        "none",
        "updated",
        "published",
        "posted",
        "share",
        "follow",
        "author",
        "by",
    ]
    .contains(&lower.trim_end_matches([':', '.', ' ']));
    // What stands beside a name in a byline, not a name: "Sat", "Jun 2".
    let calendar = s.split_whitespace().all(|w| {
        let w = w.trim_end_matches(['.', ',']).to_ascii_lowercase();
        w.chars().all(|c| c.is_ascii_digit())
            || date::MONTH_NAMES
                .iter()
                .any(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && w.len() <= 4))
            || date::WEEKDAY_NAMES
                .iter()
                .any(|d| d.starts_with(&w) && w.len() >= 3)
    });
    let handle = words == 1
        && (s.contains(['.', '_', '@'])
            || s.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()));
    (1..=12).contains(&words)
        && s.len() <= 120
        && !placeholder
        && !calendar
        && !handle
        && !is_web_url(s)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && date::find_date(s).is_none()
}

/// The name in a byline line: "By Jane Doe", "Written by Jane Doe | June 3, 2024",
/// "by Jane Doe on June 3"; the label alone gives an empty name.
fn byline_name(line: &str) -> Option<String> {
    let squashed = squash(line);
    let lower = squashed.to_lowercase();
    let label = BYLINE_LABELS.iter().find(|l| {
        lower.starts_with(*l)
            && lower[l.len()..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ' ' | ':' | '\u{ff1a}'))
    })?;
    // Lower-casing can change a character's length ("İ"): the label's end must also be a
    // character boundary of the line itself.
    let name = clean_name(
        squashed
            .get(label.len()..)?
            .trim_start_matches([':', ' ', '\u{ff1a}']),
    );
    if PREPOSITIONS.contains(label) && !person_like(&name) {
        return None;
    }
    Some(name)
}

/// A name without what bylines put after it: a date, a separator and a role or reading
/// time, "on ...".
fn clean_name(text: &str) -> String {
    let mut name = squash(text);
    if let Some((_, start, _)) = date::find_date_span(&name) {
        name.truncate(start);
    }
    // A date run into the name by the markup: "Luke KimDecember 17, 2025".
    if let Some(pos) = glued_month(&name) {
        name.truncate(pos);
    }
    // A reading time run in: "the Lavazza Team 2–3 minutes", "Jane Doe 4 min read".
    let words: Vec<&str> = name.split(' ').collect();
    if let Some(at) = words.windows(2).position(|w| {
        w[0].starts_with(|c: char| c.is_ascii_digit()) && w[1].to_lowercase().starts_with("min")
    }) {
        name = words[..at].join(" ");
    }
    for sep in [
        "|",
        ". Reviewed by",
        " Reviewed by",
        "\u{2022}",
        "\u{22c5}",
        " \u{b7} ",
        " on ",
        " - ",
        " \u{2014} ",
        " \u{2013} ",
        " Published",
        " Updated",
    ] {
        if let Some(pos) = name.find(sep) {
            name.truncate(pos);
        }
    }
    name.trim_end_matches([
        ',', ' ', '|', '-', '\u{2014}', '\u{2013}', '\u{b7}', '\u{2022}', '\u{22c5}', '*',
        '\u{25cf}',
    ])
    .to_string()
}

/// Whether element `i` or one of its two nearest ancestors is marked as a byline by its
/// class, id, `rel` or `itemprop`.
fn marked_byline(dom: &Dom<'_>, mut i: usize) -> bool {
    for _ in 0..3 {
        let marked = ["class", "id", "rel", "itemprop"].iter().any(|a| {
            dom.attr_raw(i, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                (v.contains("author")
                    && !v.contains("avatar")
                    && !v.contains("img")
                    && !v.contains("image"))
                    || v.contains("byline")
                    || v.contains("writer")
            })
        });
        if marked {
            return true;
        }
        match dom.nodes[i].parent {
            p if p != u32::MAX => i = p as usize,
            _ => return false,
        }
    }
    false
}

/// The author as the page shows it near the headline: "By Jane Doe", a "By" or "Written by"
/// label followed by the name, or a short line in an element marked as a byline.
fn byline(
    dom: &Dom<'_>,
    headline: usize,
    visible: &dyn Fn(usize) -> bool,
    site: Option<&str>,
) -> Option<String> {
    let lines = lines_from(dom, around(dom, headline), visible, DATELINE_WINDOW);
    for (
        n,
        Line {
            text: line,
            owner: at,
            ..
        },
    ) in lines.iter().enumerate()
    {
        if line.len() > 150 {
            continue;
        }
        if let Some(name) = byline_name(line) {
            if name.is_empty() {
                // The label stands alone; the name is the next line.
                if let Some(next) = lines.get(n + 1) {
                    let next = squash(&next.text);
                    if plausible_name(&next) {
                        return Some(next);
                    }
                }
            } else if plausible_name(&name) {
                return Some(name);
            }
            continue;
        }
        if line.len() <= 80 && marked_byline(dom, *at) {
            let name = link_name(dom, *at).unwrap_or_else(|| clean_name(line));
            if plausible_name(&name) {
                return Some(name);
            }
        }
    }
    // No labelled byline: a dateline that names a person after its date ("Dec 17, 2025
    // Julian K. Arni", "Dec. 19, 2025 \u{b7} Niko Matsakis on behalf of ...").
    // The site's own name in that place is the publisher, not a person.
    lines
        .iter()
        .find_map(|line| dated_name(&squash(&line.text)))
        .filter(|name| site.is_none_or(|s| fold(s) != fold(name)))
}

/// The person named after the date that opens a short dateline.
fn dated_name(line: &str) -> Option<String> {
    if line.len() > 100 {
        return None;
    }
    let (_, start, end) = date::find_date_span(line)?;
    // Only a label may stand before the date ("Published August 7, 2023 by Nicole Burke").
    let head = line[..start].trim().trim_end_matches(':').to_lowercase();
    let head = head.strip_suffix(" on").unwrap_or(&head);
    if !["", "published", "posted", "updated", "last updated"].contains(&head) {
        return None;
    }
    let rest = line[end..].trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{b7}' | '\u{2022}' | '\u{22c5}' | '|' | '-' | '\u{2013}' | '\u{2014}' | ','
            )
    });
    let rest = rest
        .strip_prefix("by ")
        .or_else(|| rest.strip_prefix("By "))
        .unwrap_or(rest);
    let name = clean_name(rest);
    let name = [" on behalf of", " in ", " for "]
        .iter()
        .fold(name, |n, cut| match n.find(cut) {
            Some(pos) => n[..pos].to_string(),
            None => n,
        });
    person_like(&name).then_some(name)
}

/// Two to four words, each a capitalised word or an initial ("K."), no digits: the shape
/// of a person's name, stricter than [`plausible_name`] for a line with no byline label.
fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && plausible_name(name)
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '\u{2019}' | '-'))
        })
}

/// The text of an element marked as the author anywhere on the page (`rel="author"`,
/// `itemprop="author"`, a class naming the author), for pages whose byline is far from the
/// headline.
fn marked_author(dom: &Dom<'_>, visible: &dyn Fn(usize) -> bool) -> Option<String> {
    (0..dom.nodes.len()).find_map(|i| {
        let node = dom.nodes[i];
        if node.tag == Tag::Text || node.end as usize - i > 12 {
            return None;
        }
        let is = |attr: &str, value: &str| {
            dom.attr_raw(i, attr)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
        };
        // rel and itemprop say "author" on purpose, wherever the theme puts them (author
        // boxes sit in asides and footers); a class must be on something shown.
        let marked = is("rel", "author")
            || is("itemprop", "author")
            || visible(i)
                && dom.attr_raw(i, "class").is_some_and(|c| {
                    c.split_ascii_whitespace().any(|t| {
                        let t = t.to_ascii_lowercase();
                        // "author", "author-name", "wp-block-post-author-name",
                        // "byline__name"; not "author-avatar" or "authors-list".
                        t == "author"
                            || (t.contains("author") || t.contains("byline")) && t.contains("name")
                    })
                });
        if !marked {
            return None;
        }
        let text = squash(&dom.inner_text(i));
        let name = link_name(dom, i)
            .or_else(|| byline_name(&text))
            .unwrap_or_else(|| clean_name(&text));
        plausible_name(&name).then_some(name)
    })
}

/// Where a month name starts right after a lower-case letter and is followed by a day.
fn glued_month(name: &str) -> Option<usize> {
    const MONTH_NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let bytes = name.as_bytes();
    MONTH_NAMES.iter().find_map(|m| {
        let pos = name.find(m)?;
        let glued = pos > 0 && bytes[pos - 1].is_ascii_lowercase();
        let day = name[pos + m.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        (glued && day).then_some(pos)
    })
}

/// The text of a link inside element `i` (or `i` itself) that reads as a name: bylines link
/// the author's page, and the link leaves out the role or outlet written beside it.
/// A shown link to the author's page ("/authors/trevor-jackins") whose text is the name its
/// address spells: the byline of themes that mark it no other way.
fn author_link(dom: &Dom<'_>, visible: &dyn Fn(usize) -> bool) -> Option<String> {
    dom.elements(Tag::A).filter(|&i| visible(i)).find_map(|i| {
        let href = dom.attr(i, "href")?;
        let path = href.split(['?', '#']).next().unwrap_or("");
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        let slug = parts
            .by_ref()
            .skip_while(|p| !matches!(p.to_ascii_lowercase().as_str(), "author" | "authors"))
            .nth(1)?;
        // The link's first text: a role set in an element after the name is not the name.
        let end = dom.nodes[i].end as usize;
        let text = (i + 1..end)
            .filter(|&j| dom.nodes[j].tag == Tag::Text)
            .map(|j| dom.text(j))
            .find(|t| !t.trim().is_empty())?;
        let name = clean_name(text);
        let first = fold(name.split_whitespace().next()?);
        (person_like(&name) && first.len() >= 2 && fold(slug).starts_with(&first)).then_some(name)
    })
}

fn link_name(dom: &Dom<'_>, i: usize) -> Option<String> {
    let end = dom.nodes[i].end as usize;
    (i..end)
        .filter(|&j| dom.nodes[j].tag == Tag::A)
        .map(|j| clean_name(&dom.inner_text(j)))
        .find(|n| plausible_name(n) && n.split_whitespace().count() >= 2)
}

/// The author: the metadata's unless it names the publisher and the page's byline names a
/// person, else the byline, a Twitter card field, an element marked as the author, or a
/// link to an author page. `ld_author` is JSON-LD's, `site` the site's name.
pub(super) fn author(
    page: &Page<'_, '_>,
    ld_author: Option<String>,
    site: Option<&str>,
) -> Option<String> {
    let Page {
        dom,
        visible,
        tags,
        shown_from,
        ..
    } = *page;
    let m = |keys: &[&str]| tags.first(keys);
    let author = ld_author
        .or_else(|| {
            m(&[
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "dc.creator",
                "byl",
            ])
        })
        .filter(|a| !is_web_url(a))
        .map(|a| match a.get(..3) {
            Some(by) if by.eq_ignore_ascii_case("by ") => clean_name(&a[3..]),
            _ => clean_name(&a),
        })
        .filter(|a| plausible_name(a));
    let shown_byline = || shown_from.and_then(|from| byline(dom, from, visible, site));
    // Metadata that names the publisher as the author (the CMS's organisation account)
    // gives way to a person the page's byline names ("Tracy Parker, Dietitian" for
    // "British Heart Foundation").
    let publisher_named = |a: &str| {
        site.is_some_and(|s| {
            let (a, s) = (a.to_lowercase(), s.to_lowercase());
            a.len() >= 3 && s.len() >= 3 && (a.contains(&s) || s.contains(&a))
        })
    };
    match author {
        Some(a) if publisher_named(&a) => match shown_byline() {
            Some(b) if b != a && person_like(b.split(',').next().unwrap_or_default()) => Some(b),
            _ => Some(a),
        },
        Some(a) => Some(a),
        None => shown_byline(),
    }
    .or_else(|| {
        // Twitter cards label extra fields, and SEO plugins put the CMS account's name
        // in one ("twitter:label1" "Written by"): after the shown byline, which names a
        // guest author where the account does not.
        (1..=4).find_map(|n| {
            let label = tags.0.get(&format!("twitter:label{n}"))?;
            let label = label.trim().to_ascii_lowercase();
            (label == "written by" || label == "author" || label == "by")
                .then(|| tags.0.get(&format!("twitter:data{n}")))
                .flatten()
                .map(|a| clean_name(a))
                .filter(|a| plausible_name(a))
        })
    })
    .or_else(|| marked_author(dom, visible))
    .or_else(|| author_link(dom, visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_other_languages() {
        for (line, want) in [
            ("Von Hans Müller", Some("Hans Müller")),
            ("Par Jean Dupont", Some("Jean Dupont")),
            ("Автор: Иван Петров", Some("Иван Петров")),
            ("作者：王明", Some("王明")),
            // The same words as the start of a sentence are no byline.
            ("Von der Leyen says the bloc will act", None),
            ("Par for the course in Brussels", None),
            ("Por fin, un acuerdo", None),
        ] {
            assert_eq!(byline_name(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn names_and_what_stands_beside_them() {
        // What a byline runs into the name is cut.
        for (text, want) in [
            ("the Lavazza Team 2\u{2013}3 minutes", "the Lavazza Team"),
            ("Jane Doe 4 min read", "Jane Doe"),
            ("Angela Holliday-Bell, MD*", "Angela Holliday-Bell, MD"),
            ("Luke KimDecember 17, 2025", "Luke Kim"),
        ] {
            assert_eq!(clean_name(text), want, "{text}");
        }
        // A weekday, a month and a day, or a label are not names; names that begin like a
        // month are.
        for text in ["Sat", "Jun 2", "Published:", "March", "Sept. 3"] {
            assert!(!plausible_name(text), "{text}");
        }
        for text in [
            "Mark Janssen",
            "Janet",
            "Augustine Ode",
            "May Chen",
            "Junior Diaz",
        ] {
            assert!(plausible_name(text), "{text}");
        }
    }
}
