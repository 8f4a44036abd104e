//! Figures in text: numbers written in digits or words, with their scale ("4.8 million"),
//! currency, percent sign, unit or counted noun, range, qualifier ("more than") and rate
//! ("a month").
//!
//! One pass over the bytes finds where a number may start (an ASCII digit, or a number word
//! such as "two", "dozens", "a hundred"); everything else is read by looking a few words left
//! and right of that point, so the cost is linear in the text. What reads as a date, a year, a
//! code ("G7", "S-400"), a list number or a time of day is left out.

mod lexicon;
mod scan;

use sinew_types::{Quantity, QuantityKind, Span};

use lexicon::{UnitEntry, UnitKind};
use scan::{
    char_at, char_before, compound_end, is_inline_ws, letters_end, lower_small, match_phrase,
    phrase_ends_at, read_digits, skip_ws, skip_ws_back, word_before,
};

/// Finds the figures in `text`, sorted by start and not overlapping.
///
/// Each [`Quantity`] carries the exact byte span of the words stating it (qualifier, number,
/// unit or counted noun, and an adjacent rate), its value with the scale applied, and the
/// normalised unit: an ISO 4217 code for money, `percent`, a unit symbol, or the counted noun
/// in the singular.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut finder = Finder {
        text,
        out: Vec::new(),
        floor: 0,
        date_tail: None,
    };
    finder.run();
    finder.out
}

/// A number as written, before any scale word.
#[derive(Debug, Clone, Copy)]
struct Head {
    start: usize,
    end: usize,
    value: f64,
    digits: bool,
    /// A bare four-digit integer that could be a year.
    year_like: bool,
    /// A plain integer of at most two digits (a possible day of the month).
    day_like: bool,
    /// Needs a scale, unit or counted noun to count as a figure ("one", "several", "a").
    needs_more: bool,
    vague: bool,
    /// End of the "of" after a vague amount ("dozens of").
    of_end: Option<usize>,
}

/// The second number of a range.
#[derive(Debug, Clone, Copy)]
struct Second {
    value: f64,
    mult: f64,
    end: usize,
    /// Joined by a hyphen with no space ("80-90"): a failed range here is a score or a code.
    hyphen: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Between,
    From,
}

struct Qualifier {
    name: String,
    start: usize,
    /// Inside the span ("over $300 million"), or stated before it ("exceeds ...").
    inner: bool,
}

struct Finder<'a> {
    text: &'a str,
    out: Vec<Quantity>,
    /// End of the last figure found: nothing before it is read again.
    floor: usize,
    /// End of the last day number dropped as part of a date ("May 16 and 17").
    date_tail: Option<usize>,
}

/// Lower-case words right before a year that show it is a date ("in 2023", "the 2024 vote").
fn is_year_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "the"
            | "by"
            | "of"
            | "for"
            | "until"
            | "till"
            | "from"
            | "to"
            | "and"
            | "during"
            | "after"
            | "before"
            | "between"
            | "through"
            | "this"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "early"
            | "late"
            | "mid"
            | "or"
            | "than"
            | "year"
            | "fiscal"
            | "on"
            | "at"
            | "circa"
    )
}

impl<'a> Finder<'a> {
    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                i = self.at_digit(i).max(i + 1);
            } else if b.is_ascii_alphabetic() {
                let end = letters_end(text, i);
                let boundary = !char_before(text, i).is_some_and(char::is_alphanumeric);
                let mut next = end;
                if boundary && is_start_word(&text[i..end]) {
                    if let Some(head) = self.word_head(i) {
                        next = self.finish(head).max(end);
                    }
                }
                i = next.max(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// A number written in digits at `i`; returns where scanning resumes.
    fn at_digit(&mut self, i: usize) -> usize {
        let text = self.text;
        if let Some(p) = char_before(text, i) {
            let glued_code = p.is_alphabetic()
                || matches!(p, '+' | '#' | '@' | '_')
                || (matches!(p, '-' | '/' | '.' | ':' | '‑')
                    && char_before(text, i - p.len_utf8()).is_some_and(char::is_alphanumeric));
            if p == '+' {
                return phone_end(text, i);
            }
            if glued_code {
                return glued_end(text, i);
            }
        }
        if let Some(end) = self.numbered_line(i) {
            return end;
        }
        match read_digits(text, i) {
            // "06", "000": a code or a clock, not a count.
            Ok(d) if d.plain && d.len > 1 && text.as_bytes()[i] == b'0' => glued_end(text, d.end),
            Ok(d) => {
                let year_like = d.plain && d.len == 4 && (1800.0..=2100.0).contains(&d.value);
                let day_like = d.plain && d.len <= 2 && (1.0..=31.0).contains(&d.value);
                let head = Head {
                    start: i,
                    end: d.end,
                    value: d.value,
                    digits: true,
                    year_like,
                    day_like,
                    needs_more: false,
                    vague: false,
                    of_end: None,
                };
                self.finish(head)
            }
            Err(end) => glued_end(text, end),
        }
    }

    /// "1. Summary", "2-1. Impact", "(3)" at the start of a line: list numbering.
    fn numbered_line(&self, i: usize) -> Option<usize> {
        let text = self.text;
        let mut j = i;
        while let Some(c) = char_before(text, j) {
            if c == '\n' || c == '\r' {
                break;
            }
            if is_inline_ws(c)
                || matches!(
                    c,
                    '•' | '·' | '*' | '-' | '–' | '▪' | '◦' | '○' | '>' | '#' | '('
                )
            {
                j -= c.len_utf8();
            } else {
                return None;
            }
        }
        let bytes = text.as_bytes();
        let mut k = i;
        while k < bytes.len()
            && (bytes[k].is_ascii_digit() || matches!(bytes[k], b'-' | b'.' | b')'))
        {
            k += 1;
        }
        let run = &text[i..k];
        let ends_list = run.ends_with('.') || run.ends_with(')');
        (ends_list && char_at(text, k).is_none_or(char::is_whitespace)).then_some(k)
    }

    /// A number written in words at `i` (already known to start with a number word).
    fn word_head(&self, i: usize) -> Option<Head> {
        let text = self.text;
        let end = letters_end(text, i);
        let mut buf = [0u8; 16];
        let w = lower_small(&text[i..end], &mut buf)?;
        let head = |end, value, needs_more, vague, of_end| Head {
            start: i,
            end,
            value,
            digits: false,
            year_like: false,
            day_like: false,
            needs_more,
            vague,
            of_end,
        };
        match w {
            "a" | "an" => {
                let (s, e) = next_word(text, end)?;
                let next = text[s..e].to_ascii_lowercase();
                match next.as_str() {
                    "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen" => {
                        Some(head(end, 1.0, true, false, None))
                    }
                    "few" => Some(head(e, 3.0, true, true, None)),
                    _ => None,
                }
            }
            "half" => {
                let (s, e) = next_word(text, end)?;
                if !matches!(text[s..e].to_ascii_lowercase().as_str(), "a" | "an") {
                    return None;
                }
                let (s2, e2) = next_word(text, e)?;
                let scale = text[s2..e2].to_ascii_lowercase();
                matches!(
                    scale.as_str(),
                    "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
                )
                .then(|| head(e, 0.5, true, false, None))
            }
            "several" => Some(head(end, 3.0, true, true, None)),
            _ => {
                if let Some(base) = lexicon::vague_plural(w) {
                    return self.vague_head(i, end, w, base);
                }
                let (value, e) = cardinal_words(text, i)?;
                Some(head(
                    e,
                    f64::from(value),
                    w == "one" && value == 1,
                    false,
                    None,
                ))
            }
        }
    }

    /// "dozens of", "tens of thousands of", "hundreds".
    fn vague_head(&self, i: usize, end: usize, w: &str, base: f64) -> Option<Head> {
        let text = self.text;
        let is_of = |s: usize, e: usize| text[s..e].eq_ignore_ascii_case("of");
        let mut value = base;
        let mut head_end = end;
        let mut of_end = None;
        if let Some((_, e)) = next_word(text, end).filter(|&(s, e)| is_of(s, e)) {
            of_end = Some(e);
            let unit = match w {
                "tens" => Some(10.0),
                "hundreds" => Some(100.0),
                "dozens" => Some(12.0),
                _ => None,
            };
            if let (Some(unit), Some((s2, e2))) = (unit, next_word(text, e)) {
                let scale = match text[s2..e2].to_ascii_lowercase().as_str() {
                    "thousands" => Some(1e3),
                    "millions" => Some(1e6),
                    "billions" => Some(1e9),
                    _ => None,
                };
                if let Some(scale) = scale {
                    value = 2.0 * unit * scale;
                    head_end = e2;
                    of_end = next_word(text, e2)
                        .filter(|&(s3, e3)| is_of(s3, e3))
                        .map(|(_, e3)| e3);
                }
            }
        }
        if matches!(w, "tens" | "scores") && of_end.is_none() {
            return None;
        }
        Some(Head {
            start: i,
            end: head_end,
            value,
            digits: false,
            year_like: false,
            day_like: false,
            needs_more: false,
            vague: true,
            of_end,
        })
    }

    /// Reads everything around `head`, pushes the figure when it is one, and returns where
    /// scanning resumes.
    fn finish(&mut self, head: Head) -> usize {
        match self.read(head) {
            Ok(q) => {
                let end = q.span.end;
                self.floor = end;
                self.out.push(q);
                end
            }
            Err(resume) => resume,
        }
    }

    fn read(&mut self, head: Head) -> Result<Quantity, usize> {
        let text = self.text;
        let skip = if head.digits {
            glued_end(text, head.start)
        } else {
            head.end
        };

        // Currency before the number.
        let prefix = if head.digits {
            self.currency_prefix(head.start)
        } else {
            None
        };
        let money = prefix.is_some();

        // Scale words.
        let (mult, after_scale) = self.scales(head.end, money, head.digits);

        if head.digits && after_scale == head.end {
            let next = char_at(text, head.end);
            let next2 = char_at(text, head.end + 1);
            if matches!(next, Some(':' | '/')) && next2.is_some_and(|c| c.is_ascii_digit()) {
                return Err(skip);
            }
            let q = skip_ws(text, head.end);
            let clock = [
                "a.m.", "p.m.", "am", "pm", "GMT", "UTC", "o'clock", "hrs", "h",
            ];
            if clock
                .iter()
                .any(|c| match_phrase(text, q, c, c.len() > 2).is_some())
            {
                return Err(skip);
            }
        }

        // Qualifier and range marker before the number.
        let lead = prefix.map_or(head.start, |(s, _)| s);
        let qualifier = self.qualifier(lead);
        let before_qual = qualifier
            .as_ref()
            .filter(|q| q.inner)
            .map_or(lead, |q| q.start);
        let marker = word_before(text, before_qual, self.floor).and_then(|(s, e)| {
            match text[s..e].to_ascii_lowercase().as_str() {
                "between" => Some((Marker::Between, s)),
                "from" => Some((Marker::From, s)),
                _ => None,
            }
        });
        let marker_kind = marker.map(|m| m.0);

        // A range right after the number ("80-90%", "from 147 to 241 billion").
        let mut second = None;
        if head.of_end.is_none() && !head.vague {
            match self.range_second(after_scale, marker_kind, money) {
                Some(s) if s.hyphen && !range_ok(head.value, mult, &s) => {
                    return Err(glued_end(text, s.end))
                }
                Some(s) if range_ok(head.value, mult, &s) => second = Some(s),
                _ => {}
            }
        }

        // Unit, currency or percent after the number (or after "of").
        let unit_pos = head.of_end.or(second.map(|s| s.end)).unwrap_or(after_scale);
        let glued_ok = head.digits && unit_pos == head.end;
        let mut unit = self.unit_at(unit_pos, glued_ok);
        if head.digits && after_scale == head.end && unit.is_none() && second.is_none() {
            // Glued to letters that are no unit ("21st", "1990s", "5G"), or hyphened to a word
            // that is no unit ("400-strong").
            let next = char_at(text, head.end);
            let hyphen_word =
                next == Some('-') && char_at(text, head.end + 1).is_some_and(char::is_alphabetic);
            if next.is_some_and(char::is_alphabetic) || hyphen_word {
                return Err(skip);
            }
        }
        if !head.digits
            && unit.is_none()
            && char_at(text, head.end) == Some('-')
            && after_scale == head.end
            && char_at(text, head.end + 1).is_some_and(char::is_alphabetic)
        {
            // "three-way", "one-on-one": a compound word, not a figure.
            return Err(compound_end(text, head.start));
        }
        // A range after the unit ("between 80% and 90%", "10 km to 15 km").
        if second.is_none() && !head.vague {
            if let Some((entry, unit_end)) = unit {
                if let Some(s) = self.range_second(unit_end, marker_kind, money) {
                    let again = self.unit_at(s.end, s.end == unit_end);
                    if let Some((e2, end2)) = again.filter(|(e2, _)| e2.unit == entry.unit) {
                        if range_ok(head.value, mult, &s) {
                            second = Some(Second { end: end2, ..s });
                            unit = Some((e2, end2));
                        }
                    }
                }
            }
        }

        let mut value = head.value * mult;
        let mut value_max = None;
        if let Some(s) = second {
            let scale_both = mult == 1.0 && s.mult > 1.0 && head.value <= s.value;
            if scale_both {
                value = head.value * s.mult;
            }
            value_max = Some(s.value * s.mult);
        }
        let number_end = second.map_or(after_scale, |s| s.end);
        let scaled = mult > 1.0 || second.is_some_and(|s| s.mult > 1.0);

        // What is counted or measured.
        let mut kind = QuantityKind::Number;
        let mut unit_name: Option<String> = None;
        let mut end = if head.of_end.is_some() {
            head.end
        } else {
            number_end
        };
        let mut per: Option<String> = None;
        if let Some((_, code)) = prefix {
            kind = QuantityKind::Money;
            unit_name = Some(code.to_string());
            if let Some((entry, e)) = unit.filter(|(u, _)| u.kind == UnitKind::Money) {
                end = e;
                unit_name = Some(entry.unit.to_string());
            }
        } else if let Some((entry, e)) = unit {
            end = e;
            let (k, name) = unit_kind(entry, scaled);
            kind = k;
            unit_name = Some(name.to_string());
            per = entry.per.map(str::to_string);
        } else {
            let singular = head.value == 1.0 && mult == 1.0 && second.is_none();
            if let Some(noun) = counted_noun(text, unit_pos, singular) {
                kind = QuantityKind::Count;
                unit_name = Some(noun.unit);
                if let Some(e) = noun.end {
                    end = e;
                }
            }
        }
        if head.needs_more && mult == 1.0 && unit_name.is_none() {
            return Err(head.end);
        }

        // Rate: adjacent ("a month", "per unit") inside the span, or further on in the clause.
        if per.is_none() {
            if let Some((p, e)) = rate_adjacent(text, end) {
                per = Some(p);
                end = e;
            } else {
                per = rate_ahead(text, end);
            }
        }
        if kind == QuantityKind::Measure {
            let speed = match (unit_name.as_deref(), per.as_deref()) {
                (Some("km"), Some("hour")) => Some("km/h"),
                (Some("mi"), Some("hour")) => Some("mph"),
                (Some("m"), Some("second")) => Some("m/s"),
                _ => None,
            };
            if let Some(s) = speed {
                unit_name = Some(s.to_string());
                per = None;
            }
        }

        // Span start: a range marker, an inner qualifier, the currency, the number.
        let mut start = lead;
        if let Some(q) = qualifier.as_ref().filter(|q| q.inner) {
            start = q.start;
        }
        if let (Some((_, s)), Some(_)) = (marker, second) {
            start = s;
        }

        // What reads as something else than a figure.
        let bare = kind == QuantityKind::Number && !scaled && !head.vague;
        if head.year_like && mult == 1.0 && prefix.is_none() {
            let after_date_word = word_before(text, lead, 0)
                .is_some_and(|(s, e)| is_year_context(&text[s..e].to_ascii_lowercase()));
            let possessive = char_before(text, skip_ws_back(text, lead)).is_some_and(|c| c == 's')
                && matches!(
                    char_before(text, skip_ws_back(text, lead) - 1),
                    Some('\'' | '’')
                );
            // "in 2022 won the vote", "in 2023 dollars", "the 2024 elections".
            let dated = qualifier.is_none()
                && kind != QuantityKind::Percent
                && (after_date_word || possessive);
            if bare || dated {
                return Err(number_end.max(head.end));
            }
        }
        if bare && qualifier.is_none() {
            if head.day_like && second.is_none() && self.is_date_day(lead, end) {
                self.date_tail = Some(end);
                return Err(end);
            }
            if second.is_none() && self.is_label_number(lead, end) {
                return Err(end);
            }
        }

        let span = Span::new(start, end);
        Ok(Quantity {
            span,
            text: text[start..end].to_string(),
            value,
            value_max,
            unit: unit_name,
            kind,
            qualifier: qualifier.map(|q| q.name),
            per,
            vague: head.vague,
        })
    }

    /// A day of the month: next to a month name ("June 27", "16 May"), or following one
    /// ("May 16 and 17").
    fn is_date_day(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        let month_before =
            word_before(text, start, 0).is_some_and(|(s, e)| lexicon::is_month(&text[s..e]));
        let month_after = next_word(text, end).is_some_and(|(s, e)| {
            let w = &text[s..e];
            lexicon::is_month(w)
                || (w == "of"
                    && next_word(text, e).is_some_and(|(s2, e2)| lexicon::is_month(&text[s2..e2])))
        });
        let continues = self.date_tail.is_some_and(|tail| {
            text.get(tail..start).is_some_and(|gap| {
                matches!(
                    gap.trim(),
                    "and" | "to" | "-" | "–" | "," | "&" | "or" | "through"
                )
            })
        });
        month_before || month_after || continues
    }

    /// A bare number naming rather than counting: after a capitalised word ("Siberia 2",
    /// "Article 5"), after "No.", or alone in brackets ("[3]").
    fn is_label_number(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        let written_as_label =
            char_at(text, start).is_some_and(|c| c.is_ascii_digit() || c.is_uppercase());
        let after_name = written_as_label
            && word_before(text, start, 0).is_some_and(|(s, _)| {
                let sentence_start = char_before(text, skip_ws_back(text, s))
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '\r' | '“' | '"' | ':'));
                char_at(text, s).is_some_and(char::is_uppercase) && !sentence_start
            });
        let ws = skip_ws_back(text, start);
        let after_no = char_before(text, ws) == Some('.')
            && word_before(text, ws - 1, 0)
                .is_some_and(|(s, e)| matches!(&text[s..e], "No" | "no" | "Nos" | "nr"));
        let bracketed = matches!(char_before(text, start), Some('[' | '('))
            && matches!(char_at(text, end), Some(']' | ')'));
        after_name || after_no || bracketed
    }

    /// A currency symbol or code right before the number ("$", "US$", "€", "USD ").
    fn currency_prefix(&self, i: usize) -> Option<(usize, &'static str)> {
        let text = self.text;
        let j = skip_ws_back(text, i);
        lexicon::CURRENCY_PREFIXES.iter().find_map(|&(p, code)| {
            let s = phrase_ends_at(text, j, p)?;
            (s >= self.floor).then_some((s, code))
        })
    }

    /// Scale words after the number ("million", "bn", "$3m"); returns the multiplier and the
    /// end of the last scale word.
    fn scales(&self, pos: usize, money: bool, glued_ok: bool) -> (f64, usize) {
        let text = self.text;
        let mut mult = 1.0;
        let mut end = pos;
        for round in 0..2 {
            let mut starts = Vec::with_capacity(3);
            if round == 0 && glued_ok && char_at(text, end).is_some_and(char::is_alphabetic) {
                starts.push((end, true));
            }
            let q = skip_ws(text, end);
            if q > end {
                starts.push((q, false));
            }
            if round == 0 && char_at(text, end) == Some('-') {
                starts.push((end + 1, false));
            }
            let mut best: Option<(f64, usize)> = None;
            for &(s, glued) in &starts {
                for sc in lexicon::SCALES {
                    if sc.money_only && !money {
                        continue;
                    }
                    // Single letters ("k", "m", "B") count only glued to the digits.
                    if sc.word.len() == 1 && !glued {
                        continue;
                    }
                    if let Some(e) = match_phrase(text, s, sc.word, sc.case_sensitive) {
                        if best.is_none_or(|(_, be)| e > be) {
                            best = Some((sc.mult, e));
                        }
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            match best {
                Some((m, e)) => {
                    mult *= m;
                    end = e;
                }
                None => break,
            }
        }
        (mult, end)
    }

    /// The unit phrase after a number, longest first: glued ("152mm", "5%"), after spaces, or
    /// after a hyphen ("20-year").
    fn unit_at(&self, pos: usize, glued_ok: bool) -> Option<(&'static UnitEntry, usize)> {
        let text = self.text;
        let mut starts = Vec::with_capacity(3);
        if glued_ok || char_at(text, pos).is_some_and(|c| matches!(c, '%' | '％')) {
            starts.push(pos);
        }
        let q = skip_ws(text, pos);
        if q > pos {
            starts.push(q);
        }
        if char_at(text, pos) == Some('-')
            && char_at(text, pos + 1).is_some_and(char::is_alphabetic)
        {
            starts.push(pos + 1);
        }
        for s in starts {
            let mut best: Option<(&'static UnitEntry, usize)> = None;
            for entry in lexicon::UNITS {
                if let Some(e) = match_phrase(text, s, entry.phrase, entry.case_sensitive) {
                    if best.is_none_or(|(_, be)| e > be) {
                        best = Some((entry, e));
                    }
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// The second number of a range starting at `pos`: "-90", " to 241 billion", " and 90".
    fn range_second(&self, pos: usize, marker: Option<Marker>, money: bool) -> Option<Second> {
        let text = self.text;
        let (after, hyphen) = match char_at(text, pos) {
            Some(c @ ('-' | '–'))
                if char_at(text, pos + c.len_utf8())
                    .is_some_and(|n| n.is_ascii_digit() || n == '$') =>
            {
                (pos + c.len_utf8(), true)
            }
            _ => {
                let q = skip_ws(text, pos);
                match char_at(text, q) {
                    Some(c @ ('–' | '-' | '—')) if q > pos => {
                        (skip_ws(text, q + c.len_utf8()), false)
                    }
                    _ => {
                        let (s, e) = next_word(text, pos)?;
                        let w = text[s..e].to_ascii_lowercase();
                        let joins = w == "to" || (w == "and" && marker == Some(Marker::Between));
                        if !joins {
                            return None;
                        }
                        let n = skip_ws(text, e);
                        if n == e {
                            return None;
                        }
                        (n, false)
                    }
                }
            }
        };
        // An optional currency again ("$3 billion to $5 billion"), only if the first had one.
        let mut at = after;
        if let Some((p, _)) = lexicon::CURRENCY_PREFIXES
            .iter()
            .find(|(p, _)| match_phrase(text, after, p, true).is_some())
        {
            if !money {
                return None;
            }
            at = skip_ws(text, after + p.len());
        }
        let c = char_at(text, at)?;
        let head = if c.is_ascii_digit() {
            let d = read_digits(text, at).ok()?;
            Head {
                start: at,
                end: d.end,
                value: d.value,
                digits: true,
                year_like: false,
                day_like: false,
                needs_more: false,
                vague: false,
                of_end: None,
            }
        } else if c.is_ascii_alphabetic() {
            let end = letters_end(text, at);
            let mut buf = [0u8; 16];
            let w = lower_small(&text[at..end], &mut buf)?;
            if lexicon::small_number(w).is_none() && lexicon::tens_number(w).is_none() {
                return None;
            }
            let (v, e) = cardinal_words(text, at)?;
            Head {
                start: at,
                end: e,
                value: f64::from(v),
                digits: false,
                year_like: false,
                day_like: false,
                needs_more: false,
                vague: false,
                of_end: None,
            }
        } else {
            return None;
        };
        let (mult, end) = self.scales(head.end, money, head.digits);
        // "2024-06-27" and phone numbers chain more than two numbers.
        if hyphen
            && char_at(text, end) == Some('-')
            && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            return Some(Second {
                value: 0.0,
                mult: 1.0,
                end: glued_end(text, end),
                hyphen: true,
            });
        }
        Some(Second {
            value: head.value,
            mult,
            end,
            hyphen,
        })
    }

    /// A qualifier right before `lead`: inside the span ("more than", "~") or stated before it
    /// ("exceeds", "a maximum of").
    fn qualifier(&self, lead: usize) -> Option<Qualifier> {
        let text = self.text;
        let j = skip_ws_back(text, lead);
        if j > self.floor {
            let sym = match char_before(text, j) {
                Some(c @ ('~' | '≈')) => Some((c, "approximately")),
                Some(c @ '<') => Some((c, "less than")),
                Some(c @ '>') => Some((c, "more than")),
                _ => None,
            };
            if let Some((c, name)) = sym {
                let start = j - c.len_utf8();
                if start >= self.floor {
                    return Some(Qualifier {
                        name: name.to_string(),
                        start,
                        inner: true,
                    });
                }
            }
        }
        for seq in lexicon::INNER_QUALIFIERS {
            if let Some(start) = self.words_end_at(lead, seq) {
                return Some(Qualifier {
                    name: seq.join(" "),
                    start,
                    inner: true,
                });
            }
        }
        for (seq, name) in lexicon::OUTER_QUALIFIERS {
            if let Some(start) = self.words_end_at(lead, seq) {
                return Some(Qualifier {
                    name: (*name).to_string(),
                    start,
                    inner: false,
                });
            }
        }
        None
    }

    /// Start of the word sequence `seq` (case-insensitive) ending right before `i`.
    fn words_end_at(&self, i: usize, seq: &[&str]) -> Option<usize> {
        let text = self.text;
        let mut pos = i;
        for w in seq.iter().rev() {
            let (s, e) = word_before(text, pos, self.floor)?;
            if !text[s..e].eq_ignore_ascii_case(w) {
                return None;
            }
            pos = s;
        }
        Some(pos)
    }
}

/// Does a range's second number make a range with the first (it must be larger)?
fn range_ok(first: f64, mult: f64, s: &Second) -> bool {
    let lo = if mult == 1.0 && s.mult > 1.0 && first <= s.value {
        first * s.mult
    } else {
        first * mult
    };
    s.value * s.mult > lo
}

/// Kind and canonical unit for a unit phrase; "500 million pounds" is money.
fn unit_kind(entry: &UnitEntry, scaled: bool) -> (QuantityKind, &'static str) {
    match entry.kind {
        UnitKind::Percent => (QuantityKind::Percent, entry.unit),
        UnitKind::Money => (QuantityKind::Money, entry.unit),
        UnitKind::Measure if entry.unit == "lb" && scaled => (QuantityKind::Money, "GBP"),
        UnitKind::Measure => (QuantityKind::Measure, entry.unit),
    }
}

/// End of a run glued to the digits at `i` (letters, digits, inner hyphens, slashes, dots):
/// the whole code is skipped, so that no part of it is read as a figure.
fn glued_end(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        let inner = matches!(c, '-' | '/' | '.' | ':' | '_' | ',' | '+')
            && char_at(text, i + 1).is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// End of a telephone number after "+": digit groups separated by spaces, dots, hyphens or
/// brackets.
fn phone_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let separator = matches!(bytes[i], b' ' | b'-' | b'.' | b'(' | b')')
            && bytes[i + 1..].iter().take(2).any(u8::is_ascii_digit);
        if bytes[i].is_ascii_digit() || separator {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Could this word start a number written in words?
fn is_start_word(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = lower_small(w, &mut buf) else {
        return false;
    };
    lexicon::small_number(w).is_some()
        || lexicon::tens_number(w).is_some()
        || lexicon::vague_plural(w).is_some()
        || matches!(w, "a" | "an" | "half" | "several")
}

/// The next word after at least one inline space.
fn next_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let q = skip_ws(text, pos);
    if q == pos {
        return None;
    }
    let e = letters_end(text, q);
    (e > q).then_some((q, e))
}

fn lower_word(text: &str, s: usize, e: usize) -> String {
    text[s..e].to_ascii_lowercase()
}

/// A cardinal below a thousand in words: "forty-two", "twenty one", "two hundred and fifty".
/// Fractions ("two-thirds") are not cardinals.
fn cardinal_words(text: &str, i: usize) -> Option<(u32, usize)> {
    let e0 = letters_end(text, i);
    let w0 = lower_word(text, i, e0);
    let mut end = e0;
    let mut value = if let Some(t) = lexicon::tens_number(&w0) {
        let mut v = t;
        // "forty-two" or "twenty one".
        let unit_after = |pos: usize| {
            let e = letters_end(text, pos);
            lexicon::small_number(&lower_word(text, pos, e))
                .filter(|&u| u < 10)
                .map(|u| (u, e))
        };
        if char_at(text, end) == Some('-') {
            if let Some((u, e)) = unit_after(end + 1) {
                v += u;
                end = e;
            }
        } else if let Some((s, _)) = next_word(text, end) {
            if let Some((u, e)) = unit_after(s) {
                v += u;
                end = e;
            }
        }
        v
    } else {
        lexicon::small_number(&w0)?
    };
    if value < 10 {
        if let Some((s, e)) = next_word(text, end) {
            if lower_word(text, s, e) == "hundred" {
                value *= 100;
                end = e;
                // "two hundred and fifty".
                let mut rest = end;
                if let Some((s2, e2)) = next_word(text, end) {
                    if lower_word(text, s2, e2) == "and" {
                        rest = e2;
                    }
                }
                if let Some((s3, _)) = next_word(text, rest) {
                    if let Some((v, e)) = cardinal_words(text, s3).filter(|(v, _)| *v < 100) {
                        value += v;
                        end = e;
                    }
                }
            }
        }
    }
    // "two-thirds", "one-half".
    if char_at(text, end) == Some('-') {
        let s = end + 1;
        let e = letters_end(text, s);
        if lexicon::is_fraction_word(&lower_word(text, s, e)) {
            return None;
        }
    }
    Some((value, end))
}

/// A counted noun found after a number.
struct Noun {
    unit: String,
    /// Where the span may end: `None` when proper names stood between ("4.8 million North
    /// Korean projectiles"), so that the span keeps to the number.
    end: Option<usize>,
}

/// The counted noun after a number: up to four words in the clause, skipping capitalised
/// words, keeping lower-case modifiers, ending at the first plural; stopping at function
/// words and punctuation. With `singular` ("one tank") the phrase ends at the last content
/// word before a stop.
fn counted_noun(text: &str, pos: usize, singular: bool) -> Option<Noun> {
    let mut p = pos;
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut skipped = false;
    for _ in 0..4 {
        let q = skip_ws(text, p);
        if q == p || !char_at(text, q).is_some_and(char::is_alphabetic) {
            break;
        }
        let e = compound_end(text, q);
        let w = &text[q..e];
        if w.ends_with("'s") || w.ends_with("’s") {
            break;
        }
        let lw = w.to_lowercase();
        let first_upper = w.chars().next().is_some_and(char::is_uppercase);
        let all_caps = w.chars().all(|c| !c.is_lowercase());
        if first_upper && !(all_caps && w.len() > 3 && lexicon::looks_plural(&lw)) {
            if lexicon::is_stop_word(&lw) || lexicon::is_month(w) {
                break;
            }
            skipped = true;
            p = e;
            continue;
        }
        if lexicon::is_stop_word(&lw) || lexicon::rate_adverb(&lw).is_some() {
            break;
        }
        if singular {
            if lw.ends_with("ing") || lw.ends_with("ed") || lw.ends_with("ly") {
                break;
            }
            kept.push((q, e));
            p = e;
            continue;
        }
        kept.push((q, e));
        if lexicon::looks_plural(&lw) {
            return Some(noun_phrase(text, &kept, skipped, true));
        }
        p = e;
    }
    (singular && !kept.is_empty()).then(|| noun_phrase(text, &kept, skipped, false))
}

fn noun_phrase(text: &str, kept: &[(usize, usize)], skipped: bool, plural: bool) -> Noun {
    let mut words: Vec<String> = kept
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    if plural {
        if let Some(last) = words.last_mut() {
            *last = lexicon::singular(last);
        }
    }
    let end = kept.last().map(|k| k.1).filter(|_| !skipped);
    Noun {
        unit: words.join(" "),
        end,
    }
}

/// A rate right after the figure: "a month", "per day", "every year", "annually",
/// "per unit", "per capita".
fn rate_adjacent(text: &str, pos: usize) -> Option<(String, usize)> {
    let (s1, e1) = next_word(text, pos)?;
    let w1 = lower_word(text, s1, e1);
    if let Some(p) = lexicon::rate_adverb(&w1) {
        return Some((p.to_string(), e1));
    }
    if !matches!(w1.as_str(), "a" | "an" | "per" | "every" | "each") {
        return None;
    }
    let (s2, e2) = next_word(text, e1)?;
    let w2 = lower_word(text, s2, e2);
    if let Some(p) = lexicon::period(&w2) {
        if matches!(w1.as_str(), "a" | "an") {
            let after = next_word(text, e2).map(|(s, e)| lower_word(text, s, e));
            let relative = after.is_some_and(|a| {
                matches!(
                    a.as_str(),
                    "ago" | "earlier" | "later" | "before" | "after" | "prior" | "from" | "on"
                )
            });
            if relative {
                return None;
            }
        }
        return Some((p.to_string(), e2));
    }
    if w1 == "per" {
        if let Some(p) = lexicon::per_divisor(&w2) {
            return Some((p.to_string(), e2));
        }
        let lower_case = char_at(text, s2).is_some_and(char::is_lowercase);
        if lower_case && !lexicon::is_stop_word(&w2) {
            let e = compound_end(text, s2);
            let w = text[s2..e].to_lowercase();
            let w = if lexicon::looks_plural(&w) {
                lexicon::singular(&w)
            } else {
                w
            };
            return Some((w, e));
        }
    }
    None
}

/// A rate further on in the same clause ("over $300 million worth of goods to Russia every
/// month"): up to ten words, no punctuation or other number crossed.
fn rate_ahead(text: &str, pos: usize) -> Option<String> {
    let mut p = pos;
    let mut prev = String::new();
    for _ in 0..10 {
        let q = skip_ws(text, p);
        if !char_at(text, q).is_some_and(char::is_alphabetic) {
            return None;
        }
        let e = compound_end(text, q);
        let w = text[q..e].to_lowercase();
        let clause_end_after = |end: usize| {
            let n = skip_ws(text, end);
            !char_at(text, n).is_some_and(char::is_alphanumeric)
        };
        if matches!(w.as_str(), "every" | "each" | "per") {
            if let Some((s2, e2)) = next_word(text, e) {
                let w2 = lower_word(text, s2, e2);
                if let Some(period) = lexicon::period(&w2).or_else(|| lexicon::per_divisor(&w2)) {
                    return Some(period.to_string());
                }
            }
        }
        if matches!(w.as_str(), "a" | "an")
            && !matches!(
                prev.as_str(),
                "for"
                    | "in"
                    | "within"
                    | "over"
                    | "after"
                    | "about"
                    | "than"
                    | "once"
                    | "twice"
                    | "half"
                    | "nearly"
                    | "almost"
                    | "just"
                    | "only"
            )
        {
            if let Some((s2, e2)) = next_word(text, e) {
                if let Some(period) = lexicon::period(&lower_word(text, s2, e2)) {
                    if clause_end_after(e2) {
                        return Some(period.to_string());
                    }
                }
            }
        }
        if let Some(period) = lexicon::rate_adverb(&w) {
            if clause_end_after(e) {
                return Some(period.to_string());
            }
        }
        prev = w;
        p = e;
    }
    None
}
