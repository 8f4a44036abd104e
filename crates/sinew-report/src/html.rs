//! The briefing as one self-contained HTML file: inline CSS, no scripts, no external
//! resources. Everything taken from articles is escaped. A citation opens the cited sentence
//! in place, its words marked, by CSS `:target` alone.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write;

use sinew_types::{Citation, DocId};

use crate::layout::{date_line, kind_label, parts, pieces, speaker_label, Part};
use crate::model::{Briefing, CitedSentence, FigureRow};

const STYLE: &str = "
body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d232b;background:#fff;margin:0}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.8rem;margin:.2rem 0}h2{margin-top:2.2rem;border-bottom:1px solid #d6dbe1;padding-bottom:.2rem}
.date{color:#5b6572;margin-top:0}
nav ul{list-style:none;padding-left:0}
li{margin:.35rem 0}
li.quote{list-style:none;border-left:3px solid #c7d2de;padding-left:.7rem;margin-left:-1.2rem}
sup.cite a{text-decoration:none;font-size:.75em;padding:0 .15em;color:#0b57a4}
sup.cite a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin-top:.6rem}
th,td{border:1px solid #d6dbe1;padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#eef2f6}
td small{color:#5b6572}
.hedged{font-style:italic}
dt{font-weight:600;margin-top:.7rem}dt .type{font-weight:400;color:#5b6572;font-size:.85em}
dd{margin-left:1.2rem}
ol.sources li{word-break:break-word}
:target{background:#fff6d6}
.pop{display:none}
.pop:target{display:block;margin:.35rem 0;padding:.4rem .65rem;border-left:3px solid #0b57a4;background:#f4f8fc;font-weight:400;font-size:.92rem}
.pop mark{background:#ffe27a;color:#1d232b}.pop a{font-size:.85em;color:#0b57a4}
.judgments>li{font-weight:600}.judgments blockquote{font-weight:400;margin:.3rem 0 .3rem 1rem;border-left:3px solid #c7d2de;padding-left:.7rem}
.speaker{font-style:normal;color:#5b6572}
ol.notes li{font-size:.9rem;color:#38414b}ol.notes mark{background:#ffe27a;color:#1d232b}
ol.notes li:target{outline:2px solid #0b57a4}
.kind{color:#5b6572;font-size:.85em}
";

/// Renders the briefing as one self-contained HTML page. Each citation opens its words in
/// place: it is a
/// `<sup class="cite"><a href="#cite-I" title=... data-doc=... data-start=... data-end=... data-note="K">n</a></sup>`
/// (`n` is the source's number, `I` counts the citations of the page) followed by
/// `<span class="pop" id="cite-I">`, hidden until the link makes it the target, which shows
/// the cited sentence with the span in a `<mark>` and links to its note `<li id="note-K">`
/// (the same sentence, in the list of citations at the end). No script: CSS `:target` opens
/// it. The figures are `<table id="figures">`.
pub fn render_html(b: &Briefing) -> String {
    let numbers: HashMap<&DocId, usize> = b.sources.iter().map(|s| (&s.doc, s.number)).collect();
    let dates: HashMap<&DocId, String> = b
        .sources
        .iter()
        .map(|s| {
            let date = s
                .published
                .map_or_else(|| "undated".to_string(), |p| p.to_string());
            (&s.doc, date)
        })
        .collect();
    let counter = Cell::new(0usize);
    let cite = |c: &Citation| -> String {
        let n = numbers.get(&c.doc).copied().unwrap_or(0);
        let note = b.note_number(c).unwrap_or(0);
        let i = counter.get() + 1;
        counter.set(i);
        let mut out = format!(
            "<sup class=\"cite\"><a href=\"#cite-{i}\" title=\"{}\" data-doc=\"{}\" data-start=\"{}\" data-end=\"{}\" data-note=\"{note}\">{n}</a></sup>",
            esc(&format!("{}, bytes {}–{}", c.source, c.span.start, c.span.end)),
            esc(&c.doc.0),
            c.span.start,
            c.span.end
        );
        if let Some(nt) = b.notes.get(note.wrapping_sub(1)) {
            let _ = write!(
                out,
                "<span class=\"pop\" id=\"cite-{i}\"><q>{}<mark>{}</mark>{}</q> <a href=\"#note-{note}\">[{n}] {}, {}</a></span>",
                esc(&nt.before),
                esc(&nt.marked),
                esc(&nt.after),
                esc(&c.source),
                esc(dates.get(&c.doc).map_or("undated", String::as_str))
            );
        }
        out
    };
    let sentence = |s: &CitedSentence| -> String {
        let mut out = String::new();
        if let Some(who) = speaker_label(s) {
            let _ = write!(out, "<span class=\"speaker\">{}:</span> ", esc(who));
        }
        for (run, cites) in pieces(&s.text, &s.marks, s.citations.len()) {
            out.push_str(&esc(run));
            for c in cites {
                out.push_str(&cite(&s.citations[c]));
            }
        }
        out
    };
    let list = |h: &mut String, items: &[CitedSentence]| {
        h.push_str("<ul>\n");
        for s in items {
            let class = if s.verbatim { " class=\"quote\"" } else { "" };
            let _ = writeln!(h, "<li{class}>{}</li>", sentence(s));
        }
        h.push_str("</ul>\n");
    };

    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        h,
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        esc(&b.title)
    );
    let _ = writeln!(
        h,
        "<header>\n<h1>{}</h1>\n<p class=\"date\">{}</p>\n</header>",
        esc(&b.title),
        esc(&date_line(b))
    );
    let layout = parts(b);
    h.push_str("<nav id=\"contents\">\n<h2>Contents</h2>\n<ul>\n");
    for (_, anchor, heading) in &layout {
        let _ = writeln!(h, "<li><a href=\"#{anchor}\">{}</a></li>", esc(heading));
    }
    h.push_str("</ul>\n</nav>\n");

    for (part, anchor, heading) in &layout {
        let _ = writeln!(h, "<section id=\"{anchor}\">\n<h2>{}</h2>", esc(heading));
        match part {
            Part::Judgments => {
                h.push_str("<ol class=\"judgments\">\n");
                for j in &b.judgments {
                    let _ = write!(h, "<li>{}", sentence(&j.sentence));
                    for e in &j.evidence {
                        let _ = write!(h, "\n<blockquote>{}</blockquote>", sentence(e));
                    }
                    h.push_str("</li>\n");
                }
                h.push_str("</ol>\n");
            }
            Part::Section(i) => {
                let s = &b.sections[*i];
                list(&mut h, &s.sentences);
                if !s.figures.is_empty() {
                    h.push_str("<h3>Figures</h3>\n");
                    list(&mut h, &s.figures);
                }
            }
            Part::Network => list(&mut h, &b.network),
            Part::Figures => figures_table(&mut h, &b.figures, &cite),
            Part::Disagreements => list(&mut h, &b.disagreements),
            Part::Voices => {
                for v in &b.voices {
                    let _ = writeln!(h, "<h3>{}</h3>", esc(&v.source));
                    list(&mut h, &v.sentences);
                }
            }
            Part::Timeline => {
                h.push_str("<ul class=\"timeline\">\n");
                for t in &b.timeline {
                    let _ = writeln!(
                        h,
                        "<li><time datetime=\"{}\">{}</time>: {}</li>",
                        t.date,
                        esc(&t.when),
                        sentence(&t.line)
                    );
                }
                h.push_str("</ul>\n");
            }
            Part::Notes => {
                h.push_str("<ol class=\"notes\">\n");
                for n in &b.notes {
                    let src = b.sources.get(n.source.wrapping_sub(1));
                    let _ = writeln!(
                        h,
                        "<li id=\"note-{}\" value=\"{}\"><a href=\"#src-{}\">[{}]</a> {}, {}: <q>{}<mark>{}</mark>{}</q></li>",
                        n.number,
                        n.number,
                        n.source,
                        n.source,
                        esc(&n.citation.source),
                        src.and_then(|s| s.published)
                            .map_or_else(|| "undated".to_string(), |p| p.to_string()),
                        esc(&n.before),
                        esc(&n.marked),
                        esc(&n.after)
                    );
                }
                h.push_str("</ol>\n");
            }
            Part::Glossary => {
                h.push_str("<dl>\n");
                for g in &b.glossary {
                    let _ = writeln!(
                        h,
                        "<dt>{} <span class=\"type\">[{}]</span></dt>\n<dd>{}</dd>",
                        esc(&g.name),
                        esc(&g.label()),
                        sentence(&g.description)
                    );
                }
                h.push_str("</dl>\n");
            }
            Part::Sources => {
                h.push_str("<ol class=\"sources\">\n");
                for s in &b.sources {
                    let _ = write!(
                        h,
                        "<li id=\"src-{}\" value=\"{}\"><strong>{}</strong>",
                        s.number,
                        s.number,
                        esc(s.title.as_deref().unwrap_or(&s.source))
                    );
                    if s.title.is_some() && s.url.as_deref() != Some(s.source.as_str()) {
                        let _ = write!(h, " ({})", esc(&s.source));
                    }
                    if let Some(site) = s.site.as_deref() {
                        let _ = write!(h, ", {}", esc(site));
                    }
                    if let Some(p) = s.published {
                        let _ = write!(h, ", <time datetime=\"{p}\">{p}</time>");
                    }
                    if let Some(u) = &s.url {
                        // shown as text: a link would leave the self-contained file
                        let _ = write!(h, ", <code>{}</code>", esc(u));
                    }
                    let _ = write!(
                        h,
                        " <span class=\"kind\">{}; cited {} time{}</span>",
                        esc(kind_label(s.kind)),
                        s.cited,
                        if s.cited == 1 { "" } else { "s" }
                    );
                    h.push_str("</li>\n");
                }
                h.push_str("</ol>\n");
            }
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn figures_table(h: &mut String, rows: &[FigureRow], cite: &dyn Fn(&Citation) -> String) {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    h.push_str("<table id=\"figures\">\n<thead>\n<tr><th>#</th><th>Flow</th><th>Measure</th>");
    if width > 0 {
        let _ = write!(h, "<th colspan=\"{width}\">What each source says</th>");
    }
    h.push_str("</tr>\n</thead>\n<tbody>\n");
    for (n, r) in rows.iter().enumerate() {
        let flow = r.actors();
        let mut measure = esc(&r.measure);
        if let Some(per) = &r.per {
            let _ = write!(measure, " <small>(per {})</small>", esc(per));
        }
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{measure}</td>",
            n + 1,
            esc(&flow)
        );
        for i in 0..width {
            match r.cells.get(i) {
                Some(c) => {
                    let class = if c.hedged { " class=\"hedged\"" } else { "" };
                    let _ = write!(h, "<td{class}>{}{}", esc(&c.value), cite(&c.citation));
                    let notes: Vec<&str> = c
                        .time
                        .iter()
                        .chain(c.attribution.iter())
                        .map(String::as_str)
                        .collect();
                    if !notes.is_empty() || c.hedged {
                        let mut small =
                            notes.iter().map(|n| esc(n)).collect::<Vec<_>>().join(" · ");
                        if c.hedged {
                            small.push_str(if notes.is_empty() {
                                "hedged"
                            } else {
                                " · hedged"
                            });
                        }
                        let _ = write!(h, "<br><small>{small}</small>");
                    }
                    h.push_str("</td>");
                }
                None => h.push_str("<td></td>"),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Escapes text for element content and double- or single-quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes() {
        assert_eq!(
            esc("<script>x</script> & \"q\" 'a' é"),
            "&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39; é"
        );
    }
}
