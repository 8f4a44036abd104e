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

/// Units of time that can be counted, shifted or named relatively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    /// Saturday and Sunday.
    Weekend,
    Week,
    /// Two weeks.
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// How surely a month word names a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthWord {
    /// "December": a month in any case.
    Full,
    /// "Dec", "Sept": a month when capitalised or next to a number.
    Abbr,
    /// "May", "March", "Mar": also ordinary words.
    Ambiguous,
}

/// The words the grammar cares about; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    Other,
    Month(u32, MonthWord),
    /// ISO weekday (Monday = 1), and whether the word is an abbreviation ("Tue").
    Weekday(u32, bool),
    /// A unit and whether the word was plural.
    Unit(Unit, bool),
    /// A unit abbreviation read only next to a number: "h", "hrs", "min", "sec", "d", "w", "y".
    UnitAbbr(Unit),
    /// "night(s)": a day when counting stays.
    Night,
    Half,
    /// A cardinal number word ("three", "twenty").
    Number(u32),
    Hundred,
    Thousand,
    /// "a" or "an": one of something.
    A,
    /// An ordinal word: "first" .. "twentieth", "thirtieth".
    Ordinal(u32),
    /// "few", "several", "some", "couple": an unstated small count.
    Few(u32),
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(u32),
    Last,
    /// "final": the last of a larger period ("the final quarter of 2023"), never the one
    /// before now as "last" is.
    Final,
    This,
    Next,
    Past,
    /// "coming", "upcoming".
    Coming,
    Current,
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
    /// "beginning", "start".
    Beginning,
    /// "starting", "commencing".
    Starting,
    Of,
    In,
    On,
    At,
    During,
    For,
    Over,
    Within,
    Ago,
    Yesterday,
    Today,
    Tomorrow,
    Now,
    Than,
    Not,
    As,
    More,
    Less,
    Greater,
    All,
    Another,
    /// "rest", "remainder", "remaining".
    Rest,
    Date,
    Fiscal,
    Calendar,
    School,
    Eve,
    /// The first word of a holiday's name ("Christmas", "Labor", "New").
    HolidayHead,
    /// "twenties" .. "nineties": the decade's tens.
    Decade(u32),
    /// "FY", "CY", "SY": fiscal, calendar and school year codes.
    YearCode,
    /// "EOY": the end of the year.
    Eoy,
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
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
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
    names_not_seasons(&mut toks);
    toks
}

/// A capitalised season before another capitalised word that is no time word starts a name,
/// not a time: "the Winter Olympics", "the Summer Games", "the Spring Festival", "the
/// Autumn Statement". ("Winter 2023" and "Spring, when" stay seasons.)
fn names_not_seasons(toks: &mut [Tok<'_>]) {
    for i in 1..toks.len() {
        let (before, after) = toks.split_at_mut(i);
        let season = &mut before[i - 1];
        let next = &after[0];
        if matches!(season.kw, Kw::Season(_))
            && season.cap
            && next.kind == Kind::Word
            && next.cap
            && next.kw == Kw::Other
        {
            season.kw = Kw::Other;
        }
    }
}

fn classify(word: &str) -> Kw {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return Kw::Other;
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    use MonthWord::{Abbr, Ambiguous, Full};
    match lower {
        "january" => Kw::Month(1, Full),
        "jan" => Kw::Month(1, Abbr),
        "february" => Kw::Month(2, Full),
        "feb" => Kw::Month(2, Abbr),
        "march" | "mar" => Kw::Month(3, Ambiguous),
        "april" => Kw::Month(4, Full),
        "apr" => Kw::Month(4, Abbr),
        "may" => Kw::Month(5, Ambiguous),
        "june" => Kw::Month(6, Full),
        "jun" => Kw::Month(6, Abbr),
        "july" => Kw::Month(7, Full),
        "jul" => Kw::Month(7, Abbr),
        "august" => Kw::Month(8, Full),
        "aug" => Kw::Month(8, Abbr),
        "september" => Kw::Month(9, Full),
        "sep" | "sept" => Kw::Month(9, Abbr),
        "october" => Kw::Month(10, Full),
        "oct" => Kw::Month(10, Abbr),
        "november" => Kw::Month(11, Full),
        "nov" => Kw::Month(11, Abbr),
        "december" => Kw::Month(12, Full),
        "dec" => Kw::Month(12, Abbr),
        "monday" => Kw::Weekday(1, false),
        "tuesday" => Kw::Weekday(2, false),
        "wednesday" => Kw::Weekday(3, false),
        "thursday" => Kw::Weekday(4, false),
        "friday" => Kw::Weekday(5, false),
        "saturday" => Kw::Weekday(6, false),
        "sunday" => Kw::Weekday(7, false),
        "mon" => Kw::Weekday(1, true),
        "tue" | "tues" => Kw::Weekday(2, true),
        "wed" => Kw::Weekday(3, true),
        "thu" | "thur" | "thurs" => Kw::Weekday(4, true),
        "fri" => Kw::Weekday(5, true),
        "sat" => Kw::Weekday(6, true),
        "sun" => Kw::Weekday(7, true),
        "second" => Kw::Ordinal(2),
        "seconds" => Kw::Unit(Unit::Second, true),
        "sec" | "secs" | "s" => Kw::UnitAbbr(Unit::Second),
        "minute" => Kw::Unit(Unit::Minute, false),
        "minutes" => Kw::Unit(Unit::Minute, true),
        "min" | "mins" => Kw::UnitAbbr(Unit::Minute),
        "hour" => Kw::Unit(Unit::Hour, false),
        "hours" => Kw::Unit(Unit::Hour, true),
        "h" | "hr" | "hrs" => Kw::UnitAbbr(Unit::Hour),
        "day" => Kw::Unit(Unit::Day, false),
        "days" => Kw::Unit(Unit::Day, true),
        "d" => Kw::UnitAbbr(Unit::Day),
        "night" | "nights" => Kw::Night,
        "weekend" => Kw::Unit(Unit::Weekend, false),
        "weekends" => Kw::Unit(Unit::Weekend, true),
        "week" | "workweek" => Kw::Unit(Unit::Week, false),
        "weeks" | "workweeks" => Kw::Unit(Unit::Week, true),
        "w" | "wk" | "wks" => Kw::UnitAbbr(Unit::Week),
        "fortnight" => Kw::Unit(Unit::Fortnight, false),
        "fortnights" => Kw::Unit(Unit::Fortnight, true),
        "month" => Kw::Unit(Unit::Month, false),
        "months" => Kw::Unit(Unit::Month, true),
        "quarter" => Kw::Unit(Unit::Quarter, false),
        "quarters" => Kw::Unit(Unit::Quarter, true),
        "year" => Kw::Unit(Unit::Year, false),
        "years" => Kw::Unit(Unit::Year, true),
        "y" | "yr" | "yrs" => Kw::UnitAbbr(Unit::Year),
        "decade" => Kw::Unit(Unit::Decade, false),
        "decades" => Kw::Unit(Unit::Decade, true),
        "century" => Kw::Unit(Unit::Century, false),
        "centuries" => Kw::Unit(Unit::Century, true),
        "half" => Kw::Half,
        "a" | "an" => Kw::A,
        "zero" => Kw::Number(0),
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
        "hundred" => Kw::Hundred,
        "thousand" => Kw::Thousand,
        "first" => Kw::Ordinal(1),
        "third" => Kw::Ordinal(3),
        "fourth" => Kw::Ordinal(4),
        "fifth" => Kw::Ordinal(5),
        "sixth" => Kw::Ordinal(6),
        "seventh" => Kw::Ordinal(7),
        "eighth" => Kw::Ordinal(8),
        "ninth" => Kw::Ordinal(9),
        "tenth" => Kw::Ordinal(10),
        "eleventh" => Kw::Ordinal(11),
        "twelfth" => Kw::Ordinal(12),
        "thirteenth" => Kw::Ordinal(13),
        "fourteenth" => Kw::Ordinal(14),
        "fifteenth" => Kw::Ordinal(15),
        "sixteenth" => Kw::Ordinal(16),
        "seventeenth" => Kw::Ordinal(17),
        "eighteenth" => Kw::Ordinal(18),
        "nineteenth" => Kw::Ordinal(19),
        "twentieth" => Kw::Ordinal(20),
        "thirtieth" => Kw::Ordinal(30),
        "few" | "several" | "some" => Kw::Few(3),
        "couple" => Kw::Few(2),
        "spring" => Kw::Season(0),
        "summer" => Kw::Season(1),
        "autumn" | "fall" => Kw::Season(2),
        "winter" => Kw::Season(3),
        "last" => Kw::Last,
        "final" => Kw::Final,
        "this" => Kw::This,
        "next" => Kw::Next,
        "past" => Kw::Past,
        "coming" | "upcoming" => Kw::Coming,
        "current" => Kw::Current,
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
        "mid" | "middle" => Kw::Mid,
        "late" => Kw::Late,
        "earlier" => Kw::Earlier,
        "later" => Kw::Later,
        "no" => Kw::No,
        "end" => Kw::End,
        "beginning" | "start" => Kw::Beginning,
        "starting" | "commencing" => Kw::Starting,
        "of" => Kw::Of,
        "in" => Kw::In,
        "on" => Kw::On,
        "at" => Kw::At,
        "during" => Kw::During,
        "for" => Kw::For,
        "over" => Kw::Over,
        "within" => Kw::Within,
        "ago" => Kw::Ago,
        "yesterday" => Kw::Yesterday,
        "today" => Kw::Today,
        "tomorrow" | "tmrw" | "tmr" => Kw::Tomorrow,
        "now" => Kw::Now,
        "than" => Kw::Than,
        "not" => Kw::Not,
        "as" => Kw::As,
        "more" => Kw::More,
        "less" | "fewer" => Kw::Less,
        "greater" => Kw::Greater,
        "all" | "whole" | "entire" => Kw::All,
        "another" => Kw::Another,
        "rest" | "remainder" | "remaining" => Kw::Rest,
        "date" => Kw::Date,
        "fiscal" | "financial" => Kw::Fiscal,
        "calendar" => Kw::Calendar,
        "school" | "academic" => Kw::School,
        "eve" => Kw::Eve,
        "twenties" => Kw::Decade(20),
        "thirties" => Kw::Decade(30),
        "forties" => Kw::Decade(40),
        "fifties" => Kw::Decade(50),
        "sixties" => Kw::Decade(60),
        "seventies" => Kw::Decade(70),
        "eighties" => Kw::Decade(80),
        "nineties" => Kw::Decade(90),
        "fy" | "cy" | "sy" => Kw::YearCode,
        "eoy" => Kw::Eoy,
        "christmas" | "xmas" | "boxing" | "new" | "good" | "easter" | "thanksgiving" | "black"
        | "halloween" | "independence" | "labor" | "memorial" | "valentine" | "valentines"
        | "earth" | "victory" | "saint" | "st" | "international" | "veterans" | "armistice"
        | "remembrance" | "mlk" | "martin" | "columbus" | "presidents" | "mother" | "mothers"
        | "father" | "fathers" => Kw::HolidayHead,
        "around" | "circa" | "throughout" | "pre" | "about" => Kw::Prep,
        _ => Kw::Other,
    }
}
