//! Which site published the page, and the title without it: the site's name beside the
//! OpenGraph title in `<title>`, and the site's name or host name that titles carry before or
//! after the headline (" | Site", "Site: ", "标题_新华网", "- freederia.com").

use super::super::entities::decode_str;
use super::squash;
use super::title::strip_label;

/// What a title sets between a headline and a site's name or tag line.
pub(super) const TITLE_SEPARATORS: [char; 6] =
    ['|', '-', '\u{2013}', '\u{2014}', '\u{b7}', '\u{2022}'];

/// The site's name that a page's `<title>` sets beside its OpenGraph title with a
/// separator ("Engora Data Blog: Small adventures ..." beside "Small adventures ...").
pub(super) fn site_beside_title(title: String, og_title: &str) -> Option<String> {
    let title = squash(&decode_str(&title));
    let og_title = og_title.trim();
    if og_title.is_empty() || title.len() <= og_title.len() {
        return None;
    }
    let rest = if let Some(head) = title.strip_suffix(og_title) {
        let head = head.trim_end();
        head.strip_suffix(':')
            .or_else(|| head.strip_suffix(TITLE_SEPARATORS))?
    } else {
        let tail = title.strip_prefix(og_title)?.trim_start();
        tail.strip_prefix(TITLE_SEPARATORS)?
    };
    let rest = rest.trim();
    (!rest.is_empty() && rest.split_whitespace().count() <= 6).then(|| rest.to_string())
}

/// Strips a trailing " | Site" or " - Site" from a page title.
pub(super) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut title = strip_label(title);
    // "Site | Headline": the site's name before a separator.
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", ": "] {
            let prefixed = title
                .get(..site.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(site))
                && title[site.len()..].starts_with(sep);
            if prefixed && title.len() > site.len() + sep.len() {
                title = title[site.len() + sep.len()..].to_string();
                break;
            }
        }
    }
    // Chinese and Japanese titles set the site's name beside the headline without spaces
    // ("标题_新华网", "标题｜人民网").
    let cjk_seps: &[&str] = if title.chars().any(crate::lang::is_wide) {
        &["_", "｜", "|", "-", "—"]
    } else {
        &[]
    };
    for _ in 0..3 {
        let cut = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]
            .iter()
            .chain(cjk_seps)
            .find_map(|sep| {
                let pos = title.rfind(sep)?;
                let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
                let tail_words = crate::lang::word_count(tail);
                let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
                let head_words = crate::lang::word_count(head);
                // After a pipe, a long tail is a tag line ("History of coffee | Origin, Spread").
                let site_like = (*sep == " | " && head_words >= 3)
                    || (tail_words <= 5
                        && head_words >= 2
                        && (matches!(*sep, " | " | " • ")
                            || cjk_seps.contains(sep)
                            || tail.chars().next().is_some_and(|c| c.is_uppercase())));
                (is_site || site_like).then_some(pos)
            });
        match cut {
            Some(pos) => title.truncate(pos),
            None => break,
        }
    }
    title.trim().to_string()
}

/// Whether a word is a host name ("freederia.com", "davidbau.com"): labels of letters,
/// digits and hyphens, dot-separated, ending in a top-level domain of letters.
fn is_host(word: &str) -> bool {
    let mut labels = word.split('.');
    let Some(tld) = word.rsplit('.').next() else {
        return false;
    };
    word.contains('.')
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && labels.all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// A title without the site's host name before or after it ("davidbau.com Vibe Coding",
/// "Headline - freederia.com"), as some pages put it in the headline itself.
pub(super) fn strip_domain(title: &str) -> String {
    let mut t = title.trim();
    // A separator must stand beside the host: "Booking.com to cut jobs" is a headline.
    if let Some((first, rest)) = t.split_once(' ') {
        let trimmed = rest.trim_start_matches(['|', '-', '\u{2013}', '\u{2014}', ':', ' ']);
        if is_host(first) && trimmed.len() < rest.len() && trimmed.split_whitespace().count() >= 2 {
            t = trimmed;
        }
    }
    if let Some((head, last)) = t.rsplit_once(' ') {
        let head = head.trim_end_matches(['|', '-', '\u{2013}', '\u{2014}', ':', ' ']);
        if is_host(last)
            && head.len() < t.len() - last.len() - 1
            && head.split_whitespace().count() >= 2
        {
            t = head;
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_beside_a_title() {
        let cases = [
            (
                "Martian Concrete Construction - freederia.com",
                "Martian Concrete Construction",
            ),
            (
                "davidbau.com | Vibe Coding at Scale",
                "Vibe Coding at Scale",
            ),
            // A company named by its address is part of the headline.
            ("Booking.com to cut jobs", "Booking.com to cut jobs"),
            ("Shares of Amazon.com", "Shares of Amazon.com"),
            ("Version 2.0 released", "Version 2.0 released"),
        ];
        for (title, want) in cases {
            assert_eq!(strip_domain(title), want, "{title}");
        }
    }

    #[test]
    fn titles() {
        let cases = [
            (
                "Kim meets Putin | World News | The Paper",
                None,
                "Kim meets Putin",
            ),
            (
                "Russia and China sign deal - BBC News",
                None,
                "Russia and China sign deal",
            ),
            ("Kim Jong Un – a profile", None, "Kim Jong Un – a profile"),
            ("Trade rises - example", Some("example"), "Trade rises"),
            ("Single", None, "Single"),
            (
                "History of coffee | Origin, Spread, Ethiopia, Arabia, Facts",
                None,
                "History of coffee",
            ),
            (
                "Planning in Event Management • Event Institute",
                None,
                "Planning in Event Management",
            ),
            (
                "The Harbour Times | Port Traffic Rises Again",
                Some("The Harbour Times"),
                "Port Traffic Rises Again",
            ),
            (
                "## Regolith Binding Agents",
                None,
                "Regolith Binding Agents",
            ),
            ("Title: Model Merging", None, "Model Merging"),
            ("C# Tips and Tricks", None, "C# Tips and Tricks"),
            ("#1 Pick for Travel", None, "#1 Pick for Travel"),
            ("Home Gym Must Haves \u{22c6}", None, "Home Gym Must Haves"),
            (
                "*A Treatise on Coffee* (1792)",
                None,
                "A Treatise on Coffee (1792)",
            ),
        ];
        for (input, site, want) in cases {
            assert_eq!(strip_site_suffix(input, site), want, "{input}");
        }
    }
}
