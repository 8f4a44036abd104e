//! The briefing as Markdown. Everything taken from articles is escaped, so article text can
//! neither inject HTML nor change the document's structure.

use std::collections::HashMap;
use std::fmt::Write;

use sinew_types::{Citation, DocId};

use crate::layout::{date_line, kind_label, parts, pieces, speaker_label, Part};
use crate::model::{Briefing, CitedSentence, FigureRow};

/// Renders the briefing as Markdown. A citation is a link `[n](#note-K "SOURCE, DATE: “WORDS”")`
/// to its note (the cited words in their sentence, with the document and date); `n` is the
/// source's number in the list of sources weighed.
pub fn render_markdown(b: &Briefing) -> String {
    let numbers: HashMap<&DocId, usize> = b.sources.iter().map(|s| (&s.doc, s.number)).collect();
    let dates: HashMap<&DocId, String> = b
        .sources
        .iter()
        .map(|s| {
            (
                &s.doc,
                s.published
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "undated".into()),
            )
        })
        .collect();
    let cite = |c: &Citation| -> String {
        let n = numbers.get(&c.doc).copied().unwrap_or(0);
        let note = b.note_number(c).unwrap_or(0);
        let quote = b
            .notes
            .get(note.wrapping_sub(1))
            .map(|x| x.marked.clone())
            .unwrap_or_default();
        let title = format!(
            "{}, {}: “{}”",
            c.source,
            dates.get(&c.doc).map_or("undated", String::as_str),
            quote
        )
        .replace('"', "'");
        // escaped like article text: a title may hold the article's markup
        format!("[{n}](#note-{note} \"{}\")", escape(&title, false))
    };
    let sentence = |s: &CitedSentence| -> String {
        let mut out = String::new();
        if let Some(who) = speaker_label(s) {
            let _ = write!(out, "*{}:* ", escape(who, false));
        }
        for (i, (run, cites)) in pieces(&s.text, &s.marks, s.citations.len())
            .into_iter()
            .enumerate()
        {
            out.push_str(&escape(run, i == 0 && out.is_empty()));
            for c in cites {
                out.push(' ');
                out.push_str(&cite(&s.citations[c]));
            }
        }
        out
    };

    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escape(&b.title, false));
    let _ = writeln!(md, "*{}*\n", escape(&date_line(b), false));
    let layout = parts(b);
    md.push_str("## Contents\n\n");
    for (_, anchor, heading) in &layout {
        let _ = writeln!(md, "- [{}](#{anchor})", escape(heading, false));
    }
    md.push('\n');

    for (part, anchor, heading) in &layout {
        let _ = writeln!(
            md,
            "<a id=\"{anchor}\"></a>\n\n## {}\n",
            escape(heading, false)
        );
        match part {
            Part::Judgments => {
                for j in &b.judgments {
                    let _ = writeln!(md, "- **{}**", sentence(&j.sentence));
                    for e in &j.evidence {
                        let _ = writeln!(md, "  - > {}", sentence(e));
                    }
                }
                md.push('\n');
            }
            Part::Section(i) => {
                let s = &b.sections[*i];
                bullets(&mut md, &s.sentences, &sentence);
                if !s.figures.is_empty() {
                    md.push_str("**Figures**\n\n");
                    bullets(&mut md, &s.figures, &sentence);
                }
            }
            Part::Network => bullets(&mut md, &b.network, &sentence),
            Part::Figures => figures_table(&mut md, &b.figures, &cite),
            Part::Disagreements => bullets(&mut md, &b.disagreements, &sentence),
            Part::Voices => {
                for v in &b.voices {
                    let _ = writeln!(md, "**{}**\n", escape(&v.source, false));
                    bullets(&mut md, &v.sentences, &sentence);
                }
            }
            Part::Timeline => {
                for t in &b.timeline {
                    let _ = writeln!(
                        md,
                        "- **{}**: {}",
                        escape(&t.when, false),
                        sentence(&t.line)
                    );
                }
                md.push('\n');
            }
            Part::Glossary => {
                for g in &b.glossary {
                    let _ = writeln!(
                        md,
                        "- **{}** ({}): {}",
                        escape(&g.name, false),
                        g.label(),
                        sentence(&g.description)
                    );
                }
                md.push('\n');
            }
            Part::Sources => {
                for s in &b.sources {
                    let mut line = format!(
                        "{}. <a id=\"src-{}\"></a>**{}**",
                        s.number,
                        s.number,
                        escape(s.title.as_deref().unwrap_or(&s.source), false)
                    );
                    if s.title.is_some() && s.url.as_deref() != Some(s.source.as_str()) {
                        let _ = write!(line, " ({})", escape(&s.source, false));
                    }
                    if let Some(site) = s.site.as_deref() {
                        let _ = write!(line, ", {}", escape(site, false));
                    }
                    match s.published {
                        Some(p) => {
                            let _ = write!(line, ", {p}");
                        }
                        None => line.push_str(", undated"),
                    }
                    if let Some(u) = &s.url {
                        let _ = write!(line, ", {}", url(u));
                    }
                    let _ = write!(
                        line,
                        "; {}; cited {} time{}",
                        kind_label(s.kind),
                        s.cited,
                        if s.cited == 1 { "" } else { "s" }
                    );
                    let _ = writeln!(md, "{line}");
                }
                md.push('\n');
            }
            Part::Notes => {
                for n in &b.notes {
                    let src = b.sources.get(n.source.wrapping_sub(1));
                    let _ = writeln!(
                        md,
                        "{}. <a id=\"note-{}\"></a>[{}](#src-{}) {}, {}: “{}**{}**{}”",
                        n.number,
                        n.number,
                        n.source,
                        n.source,
                        escape(&n.citation.source, false),
                        src.and_then(|s| s.published)
                            .map_or_else(|| "undated".to_string(), |p| p.to_string()),
                        escape(&n.before, false),
                        escape(n.marked.trim(), false),
                        escape(&n.after, false)
                    );
                }
                md.push('\n');
            }
        }
    }
    md
}

fn bullets(md: &mut String, list: &[CitedSentence], sentence: &dyn Fn(&CitedSentence) -> String) {
    for s in list {
        let _ = writeln!(md, "- {}", sentence(s));
    }
    md.push('\n');
}

fn figures_table(md: &mut String, rows: &[FigureRow], cite: &dyn Fn(&Citation) -> String) {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    md.push_str("| # | Flow | Measure |");
    for i in 1..=width {
        let _ = write!(md, " Figure {i} |");
    }
    md.push_str("\n|---|---|---|");
    md.push_str(&"---|".repeat(width));
    md.push('\n');
    for (n, r) in rows.iter().enumerate() {
        let flow = r.actors();
        let mut measure = r.measure.clone();
        if let Some(per) = &r.per {
            let _ = write!(measure, " (per {per})");
        }
        let _ = write!(
            md,
            "| {} | {} | {} |",
            n + 1,
            escape(&flow, false),
            escape(&measure, false)
        );
        for i in 0..width {
            match r.cells.get(i) {
                Some(c) => {
                    let mut notes: Vec<&str> = c
                        .time
                        .iter()
                        .chain(c.attribution.iter())
                        .map(String::as_str)
                        .collect();
                    if c.hedged {
                        notes.push("hedged");
                    }
                    let notes = if notes.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", notes.join("; "))
                    };
                    let _ = write!(
                        md,
                        " {}{} {} |",
                        escape(&c.value, false),
                        escape(&notes, false),
                        cite(&c.citation)
                    );
                }
                None => md.push_str("  |"),
            }
        }
        md.push('\n');
    }
    md.push('\n');
}

/// A source's URL: an autolink for `http`/`https`, else escaped text, so that a `javascript:`
/// or `data:` URL from a feed or a JSON Lines record is shown, never followed. Inside the
/// autolink, the characters that would end it or that it may not hold (ASCII controls,
/// space, `<`, `>`) are percent-encoded, so the link goes where the URL says and nowhere else.
fn url(u: &str) -> String {
    let web = u.split_once(':').is_some_and(|(scheme, rest)| {
        rest.starts_with("//")
            && (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
    });
    if !web {
        return escape(u, false);
    }
    let mut out = String::with_capacity(u.len() + 2);
    out.push('<');
    for c in u.chars() {
        if c.is_ascii_control() || matches!(c, ' ' | '<' | '>') {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

/// Escapes Markdown and HTML syntax in `s`, which becomes one line. `line_start` also escapes
/// what would open a list or heading at the start of a line.
fn escape(s: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    if line_start {
        // "1. Foo" or "- foo" at the start of a list item would open a nested list
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        } else if out.starts_with(['-', '+', '=']) {
            out.insert(0, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, url};

    #[test]
    fn links_only_web_urls() {
        for (u, expected) in [
            ("https://example.org/a?b=1", "<https://example.org/a?b=1>"),
            (
                "HTTP://example.org/a b<c>",
                "<HTTP://example.org/a%20b%3Cc%3E>",
            ),
            ("http://x/\nline", "<http://x/%0Aline>"),
            ("javascript:alert(1)", "javascript:alert(1)"),
            ("<javascript:alert(1)>", "\\<javascript:alert(1)\\>"),
            ("data:text/html,<b>", "data:text/html,\\<b\\>"),
            ("https:alert(1)", "https:alert(1)"),
            ("example.org/page", "example.org/page"),
        ] {
            assert_eq!(url(u), expected, "{u}");
        }
    }

    #[test]
    fn escapes() {
        for (s, start, expected) in [
            (
                "<script>alert(1)</script>",
                false,
                "\\<script\\>alert(1)\\</script\\>",
            ),
            ("AT&T *bold* [x](y)", false, "AT\\&T \\*bold\\* \\[x\\](y)"),
            ("1. first", true, "1\\. first"),
            ("1. first", false, "1. first"),
            ("- item", true, "\\- item"),
            ("a|b", false, "a\\|b"),
            ("“curly” é", true, "“curly” é"),
        ] {
            assert_eq!(escape(s, start), expected, "{s}");
        }
    }
}
