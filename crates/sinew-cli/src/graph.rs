//! The network as GraphML and GEXF 1.3, the graph formats Gephi (and yEd, NetworkX) open.
//! Written by hand: a few elements, everything taken from articles escaped. Flows are edges of
//! their goods kind (or `political`); the political layer from events adds edges of kind
//! `event` with their PLOVER `category`, count of `events`, first and last days and evidence.

use std::fmt::Write as _;
use std::io::{self, Write};

use sinew_engine::{EventTie, Flow, NetworkView};

/// Text escaped for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// What an edge shows: its latest figure, its largest dependency share, its citations.
struct EdgeFacts {
    volume: String,
    value: Option<f64>,
    share: Option<f64>,
    first: String,
    last: String,
    citations: String,
}

fn facts(f: &Flow, view: &NetworkView) -> EdgeFacts {
    let (network, claims) = (&view.network, &view.claims);
    let latest = f.headline();
    let share = network
        .dependencies
        .iter()
        .filter(|d| {
            d.supplier.eq_ignore_ascii_case(&f.from)
                && d.dependent.eq_ignore_ascii_case(&f.to)
                && d.kind == f.kind
        })
        .map(|d| d.share)
        .fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
    let dates: Vec<String> = f
        .volumes
        .iter()
        .filter_map(|v| v.period)
        .flat_map(|(s, e)| [Some(s), e])
        .flatten()
        .map(|d| d.to_string())
        .collect();
    let mut citations = String::new();
    for &i in &f.claims {
        if let Some(v) = claims.get(i) {
            if !citations.is_empty() {
                citations.push_str("; ");
            }
            let _ = write!(
                citations,
                "{}:{}-{} \u{201c}{}\u{201d}",
                v.source, v.span.start, v.span.end, v.quote
            );
        }
    }
    for t in &f.ties {
        if let Some((doc, words)) = view.tie_words.get(&(t.doc.clone(), t.span)) {
            if !citations.is_empty() {
                citations.push_str("; ");
            }
            let _ = write!(
                citations,
                "{} {doc}:{}-{} \u{201c}{words}\u{201d}",
                t.kind.as_str(),
                t.span.start,
                t.span.end
            );
        }
    }
    let ties: Vec<&str> = f.ties.iter().map(|t| t.kind.as_str()).collect();
    EdgeFacts {
        volume: latest
            .map(|v| v.text.clone())
            .unwrap_or_else(|| ties.join(", ")),
        // A vague figure has no number to give: its words are the volume.
        value: latest.filter(|v| !v.vague).and_then(|v| v.value),
        share,
        first: dates.iter().min().cloned().unwrap_or_default(),
        last: dates.iter().max().cloned().unwrap_or_default(),
        citations,
    }
}

/// What an event tie's edge shows: its id, first and last days, and its evidence sentences.
struct EventFacts {
    id: String,
    first: String,
    last: String,
    citations: String,
}

fn event_facts(t: &EventTie, view: &NetworkView) -> EventFacts {
    let mut citations = String::new();
    for r in t.evidence.iter().filter_map(|&i| view.event_reports.get(i)) {
        if !citations.is_empty() {
            citations.push_str("; ");
        }
        let _ = write!(
            citations,
            "{}:{}-{} \u{201c}{}\u{201d}",
            r.source, r.event.sentence.start, r.event.sentence.end, r.sentence
        );
    }
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    EventFacts {
        id: crate::json::event_tie_id(t),
        first: day(t.first),
        last: day(t.last),
        citations,
    }
}

/// GraphML: nodes with label, type and claim count; edges with kind, latest volume,
/// dependency share, sources (as weight), dates and citations.
pub(crate) fn graphml(out: &mut dyn Write, view: &NetworkView) -> io::Result<()> {
    let network = &view.network;
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, target, name, ty) in [
        ("label", "node", "label", "string"),
        ("type", "node", "type", "string"),
        ("claims", "node", "claims", "int"),
        ("kind", "edge", "kind", "string"),
        ("volume", "edge", "volume", "string"),
        ("value", "edge", "value", "double"),
        ("share", "edge", "share", "double"),
        ("weight", "edge", "weight", "double"),
        ("first", "edge", "first", "string"),
        ("last", "edge", "last", "string"),
        ("citations", "edge", "citations", "string"),
        ("category", "edge", "category", "string"),
        ("events", "edge", "events", "int"),
    ] {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"sinew\" edgedefault=\"directed\">\n");
    for a in network.actors.iter().chain(&view.event_actors) {
        let _ = writeln!(
            s,
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"type\">{}</data>\
             <data key=\"claims\">{}</data></node>",
            esc(&a.id),
            esc(&a.name),
            a.entity_type.as_str(),
            a.claims
        );
    }
    for f in &network.flows {
        let e = facts(f, view);
        let _ = write!(
            s,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{}\">\
             <data key=\"kind\">{}</data><data key=\"weight\">{}</data>",
            esc(&f.id),
            esc(&sinew_engine::node_id(&f.from)),
            esc(&sinew_engine::node_id(&f.to)),
            !f.symmetric,
            f.kind.as_str(),
            f.sources.max(1)
        );
        if !e.volume.is_empty() {
            let _ = write!(s, "<data key=\"volume\">{}</data>", esc(&e.volume));
        }
        if let Some(v) = e.value {
            let _ = write!(s, "<data key=\"value\">{v}</data>");
        }
        if let Some(v) = e.share {
            let _ = write!(s, "<data key=\"share\">{v}</data>");
        }
        if !e.first.is_empty() {
            let _ = write!(
                s,
                "<data key=\"first\">{}</data><data key=\"last\">{}</data>",
                e.first, e.last
            );
        }
        let _ = writeln!(
            s,
            "<data key=\"citations\">{}</data></edge>",
            esc(&e.citations)
        );
    }
    for t in &view.events {
        let e = event_facts(t, view);
        let _ = writeln!(
            s,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{}\">\
             <data key=\"kind\">event</data><data key=\"category\">{}</data>\
             <data key=\"events\">{}</data><data key=\"weight\">{}</data>\
             <data key=\"first\">{}</data><data key=\"last\">{}</data>\
             <data key=\"citations\">{}</data></edge>",
            esc(&e.id),
            esc(&sinew_engine::node_id(&t.from)),
            esc(&sinew_engine::node_id(&t.to)),
            !t.mutual,
            t.category.as_str(),
            t.events.len(),
            t.documents.max(1),
            e.first,
            e.last,
            esc(&e.citations)
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    out.write_all(s.as_bytes())
}

/// GEXF 1.3: the same nodes and edges, with attributes Gephi shows in its data laboratory.
pub(crate) fn gexf(out: &mut dyn Write, view: &NetworkView) -> io::Result<()> {
    let network = &view.network;
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
         version=\"1.3\">\n",
    );
    s.push_str(
        "  <meta><creator>Sinew</creator><description>Actors and flows drawn from cited \
         claims</description></meta>\n",
    );
    s.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    s.push_str(
        "    <attributes class=\"node\">\n      \
         <attribute id=\"type\" title=\"type\" type=\"string\"/>\n      \
         <attribute id=\"claims\" title=\"claims\" type=\"integer\"/>\n    </attributes>\n",
    );
    s.push_str("    <attributes class=\"edge\">\n");
    for (id, ty) in [
        ("kind", "string"),
        ("volume", "string"),
        ("value", "double"),
        ("share", "double"),
        ("sources", "integer"),
        ("first", "string"),
        ("last", "string"),
        ("citations", "string"),
        ("category", "string"),
        ("events", "integer"),
    ] {
        let _ = writeln!(
            s,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
        );
    }
    s.push_str("    </attributes>\n    <nodes>\n");
    for a in network.actors.iter().chain(&view.event_actors) {
        let _ = writeln!(
            s,
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"type\" \
             value=\"{}\"/><attvalue for=\"claims\" value=\"{}\"/></attvalues></node>",
            esc(&a.id),
            esc(&a.name),
            a.entity_type.as_str(),
            a.claims
        );
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for f in &network.flows {
        let e = facts(f, view);
        let _ = write!(
            s,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" weight=\"{}\" \
             label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/>\
             <attvalue for=\"sources\" value=\"{}\"/>",
            esc(&f.id),
            esc(&sinew_engine::node_id(&f.from)),
            esc(&sinew_engine::node_id(&f.to)),
            if f.symmetric {
                "undirected"
            } else {
                "directed"
            },
            f.sources.max(1),
            f.kind.as_str(),
            f.kind.as_str(),
            f.sources
        );
        if !e.volume.is_empty() {
            let _ = write!(s, "<attvalue for=\"volume\" value=\"{}\"/>", esc(&e.volume));
        }
        if let Some(v) = e.value {
            let _ = write!(s, "<attvalue for=\"value\" value=\"{v}\"/>");
        }
        if let Some(v) = e.share {
            let _ = write!(s, "<attvalue for=\"share\" value=\"{v}\"/>");
        }
        if !e.first.is_empty() {
            let _ = write!(
                s,
                "<attvalue for=\"first\" value=\"{}\"/><attvalue for=\"last\" value=\"{}\"/>",
                e.first, e.last
            );
        }
        let _ = writeln!(
            s,
            "<attvalue for=\"citations\" value=\"{}\"/></attvalues></edge>",
            esc(&e.citations)
        );
    }
    for t in &view.events {
        let e = event_facts(t, view);
        let _ = writeln!(
            s,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" weight=\"{}\" \
             label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"event\"/>\
             <attvalue for=\"category\" value=\"{}\"/><attvalue for=\"events\" value=\"{}\"/>\
             <attvalue for=\"sources\" value=\"{}\"/><attvalue for=\"first\" value=\"{}\"/>\
             <attvalue for=\"last\" value=\"{}\"/><attvalue for=\"citations\" value=\"{}\"/>\
             </attvalues></edge>",
            esc(&e.id),
            esc(&sinew_engine::node_id(&t.from)),
            esc(&sinew_engine::node_id(&t.to)),
            if t.mutual { "undirected" } else { "directed" },
            t.documents.max(1),
            t.category.as_str(),
            t.category.as_str(),
            t.events.len(),
            t.documents,
            e.first,
            e.last,
            esc(&e.citations)
        );
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            esc("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(esc("bell\u{7}"), "bell ");
    }
}
