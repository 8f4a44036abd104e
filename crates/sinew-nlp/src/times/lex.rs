//! The token stream the time grammar walks: words, digit runs and single punctuation marks,
//! each with its byte span and, for words, the keyword it is (if any).

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// Calendar units that can be counted, shifted or named relatively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

/// The words the grammar cares about; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    Other,
    /// Month number and whether the word is a full, unambiguous name ("December", not "May",
    /// "March" or "Dec").
    Month(u32, bool),
    /// ISO weekday, Monday = 1.
    Weekday(u32),
    /// A unit and whether the word was plural.
    Unit(Unit, bool),
    Half,
    /// A cardinal number word ("three").
    Number(u32),
    /// "a" or "an": one of something.
    A,
    /// "first" .. "fourth".
    Ordinal(u32),
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(u32),
    Last,
    This,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    That,
    Since,
    By,
    Until,
    Through,
    Before,
    After,
    Post,
    Between,
    From,
    To,
    And,
    Or,
    The,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    No,
    End,
    Beginning,
    Middle,
    Of,
    In,
    On,
    During,
    For,
    Over,
    Within,
    Ago,
    Yesterday,
    Today,
    Tomorrow,
    /// Other words after which a bare year reads as a year ("around", "throughout").
    Prep,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) text: &'a str,
    pub(crate) kw: Kw,
    /// First character is upper case.
    pub(crate) cap: bool,
}

/// Splits `text` into tokens in one pass.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Num
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, d)) = it.peek() {
                let same = match kind {
                    Kind::Word => d.is_alphabetic(),
                    _ => d.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
        }
        let word = &text[start..end];
        let kw = if kind == Kind::Word {
            classify(word)
        } else {
            Kw::Other
        };
        toks.push(Tok {
            start,
            end,
            kind,
            text: word,
            kw,
            cap: c.is_uppercase(),
        });
    }
    toks
}

fn classify(word: &str) -> Kw {
    let mut buf = [0u8; 12];
    if word.len() > buf.len() || !word.is_ascii() {
        return Kw::Other;
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    match lower {
        "january" => Kw::Month(1, true),
        "jan" => Kw::Month(1, false),
        "february" => Kw::Month(2, true),
        "feb" => Kw::Month(2, false),
        "march" | "mar" => Kw::Month(3, false),
        "april" => Kw::Month(4, true),
        "apr" => Kw::Month(4, false),
        "may" => Kw::Month(5, false),
        "june" => Kw::Month(6, true),
        "jun" => Kw::Month(6, false),
        "july" => Kw::Month(7, true),
        "jul" => Kw::Month(7, false),
        "august" => Kw::Month(8, true),
        "aug" => Kw::Month(8, false),
        "september" => Kw::Month(9, true),
        "sep" | "sept" => Kw::Month(9, false),
        "october" => Kw::Month(10, true),
        "oct" => Kw::Month(10, false),
        "november" => Kw::Month(11, true),
        "nov" => Kw::Month(11, false),
        "december" => Kw::Month(12, true),
        "dec" => Kw::Month(12, false),
        "monday" => Kw::Weekday(1),
        "tuesday" => Kw::Weekday(2),
        "wednesday" => Kw::Weekday(3),
        "thursday" => Kw::Weekday(4),
        "friday" => Kw::Weekday(5),
        "saturday" => Kw::Weekday(6),
        "sunday" => Kw::Weekday(7),
        "day" => Kw::Unit(Unit::Day, false),
        "days" => Kw::Unit(Unit::Day, true),
        "week" => Kw::Unit(Unit::Week, false),
        "weeks" => Kw::Unit(Unit::Week, true),
        "month" => Kw::Unit(Unit::Month, false),
        "months" => Kw::Unit(Unit::Month, true),
        "quarter" => Kw::Unit(Unit::Quarter, false),
        "quarters" => Kw::Unit(Unit::Quarter, true),
        "year" => Kw::Unit(Unit::Year, false),
        "years" => Kw::Unit(Unit::Year, true),
        "decade" => Kw::Unit(Unit::Decade, false),
        "decades" => Kw::Unit(Unit::Decade, true),
        "half" => Kw::Half,
        "a" | "an" => Kw::A,
        "one" => Kw::Number(1),
        "two" => Kw::Number(2),
        "three" => Kw::Number(3),
        "four" => Kw::Number(4),
        "five" => Kw::Number(5),
        "six" => Kw::Number(6),
        "seven" => Kw::Number(7),
        "eight" => Kw::Number(8),
        "nine" => Kw::Number(9),
        "ten" => Kw::Number(10),
        "eleven" => Kw::Number(11),
        "twelve" => Kw::Number(12),
        "thirteen" => Kw::Number(13),
        "fourteen" => Kw::Number(14),
        "fifteen" => Kw::Number(15),
        "sixteen" => Kw::Number(16),
        "seventeen" => Kw::Number(17),
        "eighteen" => Kw::Number(18),
        "nineteen" => Kw::Number(19),
        "twenty" => Kw::Number(20),
        "thirty" => Kw::Number(30),
        "forty" => Kw::Number(40),
        "fifty" => Kw::Number(50),
        "sixty" => Kw::Number(60),
        "seventy" => Kw::Number(70),
        "eighty" => Kw::Number(80),
        "ninety" => Kw::Number(90),
        "first" => Kw::Ordinal(1),
        "second" => Kw::Ordinal(2),
        "third" => Kw::Ordinal(3),
        "fourth" => Kw::Ordinal(4),
        "spring" => Kw::Season(0),
        "summer" => Kw::Season(1),
        "autumn" | "fall" => Kw::Season(2),
        "winter" => Kw::Season(3),
        "last" => Kw::Last,
        "this" => Kw::This,
        "next" => Kw::Next,
        "past" => Kw::Past,
        "coming" => Kw::Coming,
        "previous" | "preceding" | "prior" => Kw::Previous,
        "following" => Kw::Following,
        "same" => Kw::Same,
        "that" => Kw::That,
        "since" => Kw::Since,
        "by" => Kw::By,
        "until" | "till" | "til" => Kw::Until,
        "through" | "thru" => Kw::Through,
        "before" => Kw::Before,
        "after" => Kw::After,
        "post" => Kw::Post,
        "between" => Kw::Between,
        "from" => Kw::From,
        "to" => Kw::To,
        "and" => Kw::And,
        "or" => Kw::Or,
        "the" => Kw::The,
        "early" => Kw::Early,
        "mid" => Kw::Mid,
        "late" => Kw::Late,
        "earlier" => Kw::Earlier,
        "later" => Kw::Later,
        "no" => Kw::No,
        "end" => Kw::End,
        "beginning" | "start" => Kw::Beginning,
        "middle" => Kw::Middle,
        "of" => Kw::Of,
        "in" => Kw::In,
        "on" => Kw::On,
        "during" => Kw::During,
        "for" => Kw::For,
        "over" => Kw::Over,
        "within" => Kw::Within,
        "ago" => Kw::Ago,
        "yesterday" => Kw::Yesterday,
        "today" => Kw::Today,
        "tomorrow" => Kw::Tomorrow,
        "around" | "circa" | "throughout" | "than" | "as" | "pre" => Kw::Prep,
        _ => Kw::Other,
    }
}
