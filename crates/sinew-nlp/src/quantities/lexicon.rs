//! Word lists for quantities: number words, scales, currencies, units, qualifiers, rates and
//! the words that end a counted-noun phrase. Facts written down as data.

/// What a unit phrase after a number makes of the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitKind {
    Percent,
    Money,
    Measure,
}

/// A unit phrase: its spelling, canonical unit, kind, whether case matters, and the rate it
/// carries ("barrels per day").
pub(super) struct UnitEntry {
    pub(super) phrase: &'static str,
    pub(super) unit: &'static str,
    pub(super) kind: UnitKind,
    pub(super) case_sensitive: bool,
    pub(super) per: Option<&'static str>,
}

const fn u(phrase: &'static str, unit: &'static str, kind: UnitKind) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind,
        case_sensitive: false,
        per: None,
    }
}

const fn cs(phrase: &'static str, unit: &'static str, kind: UnitKind) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind,
        case_sensitive: true,
        per: None,
    }
}

const fn rate(phrase: &'static str, unit: &'static str, per: &'static str) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind: UnitKind::Measure,
        case_sensitive: false,
        per: Some(per),
    }
}

use UnitKind::{Measure as Me, Money as Mo, Percent as Pc};

/// Phrases that may follow a number (after its scale word). A space in a phrase stands for
/// one or more spaces in the text. The longest match wins.
pub(super) static UNITS: &[UnitEntry] = &[
    // Percentages.
    u("%", "percent", Pc),
    u("％", "percent", Pc),
    u("percent", "percent", Pc),
    u("per cent", "percent", Pc),
    u("per-cent", "percent", Pc),
    u("pct", "percent", Pc),
    u("percentage points", "percentage_point", Pc),
    u("percentage point", "percentage_point", Pc),
    u("percentage-point", "percentage_point", Pc),
    cs("pp", "percentage_point", Pc),
    u("basis points", "basis_point", Pc),
    u("basis point", "basis_point", Pc),
    u("bps", "basis_point", Pc),
    // Currencies written after the number.
    u("dollars", "USD", Mo),
    u("dollar", "USD", Mo),
    u("us dollars", "USD", Mo),
    u("u.s. dollars", "USD", Mo),
    u("american dollars", "USD", Mo),
    u("hong kong dollars", "HKD", Mo),
    u("canadian dollars", "CAD", Mo),
    u("australian dollars", "AUD", Mo),
    u("singapore dollars", "SGD", Mo),
    u("taiwan dollars", "TWD", Mo),
    u("new taiwan dollars", "TWD", Mo),
    u("new zealand dollars", "NZD", Mo),
    u("€", "EUR", Mo),
    u("₽", "RUB", Mo),
    u("euros", "EUR", Mo),
    u("euro", "EUR", Mo),
    u("pounds sterling", "GBP", Mo),
    u("british pounds", "GBP", Mo),
    u("sterling", "GBP", Mo),
    u("yen", "JPY", Mo),
    u("japanese yen", "JPY", Mo),
    u("yuan", "CNY", Mo),
    u("chinese yuan", "CNY", Mo),
    u("renminbi", "CNY", Mo),
    u("rmb", "CNY", Mo),
    u("rubles", "RUB", Mo),
    u("roubles", "RUB", Mo),
    u("ruble", "RUB", Mo),
    u("rouble", "RUB", Mo),
    u("russian rubles", "RUB", Mo),
    u("won", "KRW", Mo),
    u("south korean won", "KRW", Mo),
    u("korean won", "KRW", Mo),
    u("north korean won", "KPW", Mo),
    u("rupees", "INR", Mo),
    u("rupee", "INR", Mo),
    u("indian rupees", "INR", Mo),
    u("pakistani rupees", "PKR", Mo),
    u("swiss francs", "CHF", Mo),
    u("francs", "CHF", Mo),
    u("hryvnias", "UAH", Mo),
    u("hryvnia", "UAH", Mo),
    u("turkish lira", "TRY", Mo),
    u("lira", "TRY", Mo),
    u("saudi riyals", "SAR", Mo),
    u("riyals", "SAR", Mo),
    u("iranian rials", "IRR", Mo),
    u("rials", "IRR", Mo),
    u("dirhams", "AED", Mo),
    u("reais", "BRL", Mo),
    u("brazilian reais", "BRL", Mo),
    u("mexican pesos", "MXN", Mo),
    u("rand", "ZAR", Mo),
    cs("USD", "USD", Mo),
    cs("EUR", "EUR", Mo),
    cs("GBP", "GBP", Mo),
    cs("JPY", "JPY", Mo),
    cs("CNY", "CNY", Mo),
    cs("RUB", "RUB", Mo),
    cs("KRW", "KRW", Mo),
    cs("KPW", "KPW", Mo),
    cs("INR", "INR", Mo),
    cs("CHF", "CHF", Mo),
    cs("CAD", "CAD", Mo),
    cs("AUD", "AUD", Mo),
    cs("HKD", "HKD", Mo),
    cs("TWD", "TWD", Mo),
    cs("SGD", "SGD", Mo),
    cs("NZD", "NZD", Mo),
    cs("UAH", "UAH", Mo),
    cs("TRY", "TRY", Mo),
    cs("BRL", "BRL", Mo),
    cs("SAR", "SAR", Mo),
    cs("AED", "AED", Mo),
    cs("IRR", "IRR", Mo),
    cs("ZAR", "ZAR", Mo),
    cs("MXN", "MXN", Mo),
    // Speed (before length, so that the longer phrase wins).
    u("kilometers per hour", "km/h", Me),
    u("kilometres per hour", "km/h", Me),
    u("kilometers an hour", "km/h", Me),
    u("kilometres an hour", "km/h", Me),
    u("km per hour", "km/h", Me),
    u("km/h", "km/h", Me),
    u("kph", "km/h", Me),
    u("kmh", "km/h", Me),
    u("miles per hour", "mph", Me),
    u("miles an hour", "mph", Me),
    u("mph", "mph", Me),
    u("meters per second", "m/s", Me),
    u("metres per second", "m/s", Me),
    u("m/s", "m/s", Me),
    u("knots", "kn", Me),
    // Length.
    u("kilometers", "km", Me),
    u("kilometres", "km", Me),
    u("kilometer", "km", Me),
    u("kilometre", "km", Me),
    u("km", "km", Me),
    u("meters", "m", Me),
    u("metres", "m", Me),
    u("meter", "m", Me),
    u("metre", "m", Me),
    cs("m", "m", Me),
    u("centimeters", "cm", Me),
    u("centimetres", "cm", Me),
    u("cm", "cm", Me),
    u("millimeters", "mm", Me),
    u("millimetres", "mm", Me),
    u("millimeter", "mm", Me),
    u("millimetre", "mm", Me),
    u("mm", "mm", Me),
    u("nautical miles", "nmi", Me),
    u("miles", "mi", Me),
    u("mile", "mi", Me),
    u("feet", "ft", Me),
    u("foot", "ft", Me),
    u("ft", "ft", Me),
    u("inches", "in", Me),
    u("inch", "in", Me),
    // Mass.
    u("kilograms", "kg", Me),
    u("kilogrammes", "kg", Me),
    u("kilogram", "kg", Me),
    u("kilos", "kg", Me),
    u("kg", "kg", Me),
    u("grams", "g", Me),
    u("gram", "g", Me),
    cs("g", "g", Me),
    u("metric tons", "t", Me),
    u("metric tonnes", "t", Me),
    u("tonnes", "t", Me),
    u("tonne", "t", Me),
    u("tons", "t", Me),
    u("ton", "t", Me),
    cs("t", "t", Me),
    u("pounds", "lb", Me),
    u("lbs", "lb", Me),
    u("lb", "lb", Me),
    // Volume and energy.
    rate("barrels per day", "barrel", "day"),
    rate("barrels a day", "barrel", "day"),
    rate("bpd", "barrel", "day"),
    rate("b/d", "barrel", "day"),
    u("barrels", "barrel", Me),
    u("barrel", "barrel", Me),
    u("bbl", "barrel", Me),
    u("cubic meters", "m3", Me),
    u("cubic metres", "m3", Me),
    u("m3", "m3", Me),
    u("m³", "m3", Me),
    u("bcm", "bcm", Me),
    u("liters", "l", Me),
    u("litres", "l", Me),
    u("liter", "l", Me),
    u("litre", "l", Me),
    u("gallons", "gal", Me),
    u("square kilometers", "km2", Me),
    u("square kilometres", "km2", Me),
    u("sq km", "km2", Me),
    u("km2", "km2", Me),
    u("km²", "km2", Me),
    u("square miles", "mi2", Me),
    u("hectares", "ha", Me),
    u("acres", "acre", Me),
    u("megawatts", "MW", Me),
    u("gigawatts", "GW", Me),
    u("kilowatts", "kW", Me),
    cs("MW", "MW", Me),
    cs("GW", "GW", Me),
    cs("kW", "kW", Me),
    cs("MWh", "MWh", Me),
    cs("GWh", "GWh", Me),
    cs("TWh", "TWh", Me),
    cs("kWh", "kWh", Me),
    u("°C", "°C", Me),
    u("°F", "°F", Me),
    // Durations.
    u("years", "year", Me),
    u("year", "year", Me),
    u("months", "month", Me),
    u("month", "month", Me),
    u("weeks", "week", Me),
    u("week", "week", Me),
    u("days", "day", Me),
    u("day", "day", Me),
    u("hours", "hour", Me),
    u("hour", "hour", Me),
    u("minutes", "minute", Me),
    u("minute", "minute", Me),
    u("seconds", "second", Me),
    u("second", "second", Me),
    u("decades", "decade", Me),
    u("decade", "decade", Me),
    u("centuries", "century", Me),
    u("century", "century", Me),
];

/// Currency symbols and codes written before the number, longest first where they share an
/// ending ("US$" before "$"). Codes are matched case-sensitively.
pub(super) static CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("NZ$", "NZD"),
    ("CA$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₴", "UAH"),
    ("₺", "TRY"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("RUB", "RUB"),
    ("KRW", "KRW"),
    ("INR", "INR"),
    ("CHF", "CHF"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("HKD", "HKD"),
    ("UAH", "UAH"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
];

/// A scale word: its spelling, multiplier, and whether it needs money around it ("$3m").
pub(super) struct Scale {
    pub(super) word: &'static str,
    pub(super) mult: f64,
    pub(super) money_only: bool,
    pub(super) case_sensitive: bool,
}

const fn sc(word: &'static str, mult: f64) -> Scale {
    Scale {
        word,
        mult,
        money_only: false,
        case_sensitive: false,
    }
}

const fn money_sc(word: &'static str, mult: f64) -> Scale {
    Scale {
        word,
        mult,
        money_only: true,
        case_sensitive: true,
    }
}

/// Scale words and abbreviations after a number.
pub(super) static SCALES: &[Scale] = &[
    sc("hundred", 1e2),
    sc("thousand", 1e3),
    sc("million", 1e6),
    sc("billion", 1e9),
    sc("trillion", 1e12),
    sc("dozen", 12.0),
    sc("lakh", 1e5),
    sc("crore", 1e7),
    sc("mn", 1e6),
    sc("mln", 1e6),
    sc("bn", 1e9),
    sc("bln", 1e9),
    sc("tn", 1e12),
    sc("trn", 1e12),
    sc("k", 1e3),
    money_sc("m", 1e6),
    money_sc("M", 1e6),
    money_sc("b", 1e9),
    money_sc("B", 1e9),
    money_sc("T", 1e12),
];

/// Cardinal number words below twenty.
pub(super) fn small_number(w: &str) -> Option<u32> {
    let n = match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    };
    Some(n)
}

/// Tens words.
pub(super) fn tens_number(w: &str) -> Option<u32> {
    let n = match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(n)
}

/// Words that make a number a fraction when hyphenated to it ("two-thirds", "one-half").
pub(super) fn is_fraction_word(w: &str) -> bool {
    matches!(
        w,
        "half"
            | "halves"
            | "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fourth"
            | "fourths"
            | "fifth"
            | "fifths"
            | "sixth"
            | "sixths"
            | "eighth"
            | "eighths"
            | "tenth"
            | "tenths"
    )
}

/// Vague plural amounts followed by "of": the word and the figure it stands for.
pub(super) fn vague_plural(w: &str) -> Option<f64> {
    let v = match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "tens" => 20.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    };
    Some(v)
}

/// Qualifiers written right before the figure, kept inside its span, longest first. The
/// first element is what is stored.
pub(super) static INNER_QUALIFIERS: &[&[&str]] = &[
    &["a", "little", "more", "than"],
    &["slightly", "more", "than"],
    &["slightly", "less", "than"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["as", "high", "as"],
    &["as", "low", "as"],
    &["in", "excess", "of"],
    &["a", "little", "over"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["close", "to"],
    &["just", "over"],
    &["just", "under"],
    &["just", "below"],
    &["just", "above"],
    &["well", "over"],
    &["well", "above"],
    &["well", "below"],
    &["upwards", "of"],
    &["an", "estimated"],
    &["over"],
    &["under"],
    &["nearly"],
    &["almost"],
    &["approximately"],
    &["approx"],
    &["about"],
    &["around"],
    &["roughly"],
    &["some"],
    &["circa"],
    &["exactly"],
    &["estimated"],
    &["below"],
    &["above"],
];

/// Qualifiers stated by a verb or a noun before the figure: matched, stored under the second
/// element, and left outside the span ("exceeds 300 million dollars", "a maximum of ...").
pub(super) static OUTER_QUALIFIERS: &[(&[&str], &str)] = &[
    (&["a", "maximum", "of"], "maximum"),
    (&["a", "minimum", "of"], "minimum"),
    (&["a", "peak", "of"], "peak"),
    (&["exceeds"], "exceeds"),
    (&["exceeded"], "exceeded"),
    (&["exceeding"], "exceeding"),
    (&["exceed"], "exceed"),
    (&["surpassed"], "surpassed"),
    (&["surpassing"], "surpassing"),
    (&["surpasses"], "surpasses"),
    (&["topped"], "topped"),
    (&["tops"], "tops"),
];

/// Words naming a period a rate is stated per ("a month", "every year"), canonical.
pub(super) fn period(w: &str) -> Option<&'static str> {
    let p = match w {
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "annum" => "year",
        "hour" => "hour",
        "minute" => "minute",
        "second" => "second",
        "quarter" => "quarter",
        "decade" => "decade",
        _ => return None,
    };
    Some(p)
}

/// Adverbs that state a rate on their own ("annually").
pub(super) fn rate_adverb(w: &str) -> Option<&'static str> {
    let p = match w {
        "daily" => "day",
        "weekly" => "week",
        "monthly" => "month",
        "yearly" | "annually" => "year",
        "quarterly" => "quarter",
        "hourly" => "hour",
        _ => return None,
    };
    Some(p)
}

/// What "per X" divides by, for words that are not periods ("per capita" -> `person`).
pub(super) fn per_divisor(w: &str) -> Option<&'static str> {
    let p = match w {
        "capita" | "head" | "person" | "people" => "person",
        "tonne" | "ton" => "t",
        "kilogram" | "kg" => "kg",
        "barrel" => "barrel",
        "litre" | "liter" => "l",
        "kilometre" | "kilometer" | "km" => "km",
        "mile" => "mi",
        _ => return None,
    };
    Some(p)
}

/// Month names as written capitalised in dates.
pub(super) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Lower-case words that end a counted-noun phrase: prepositions, conjunctions, determiners,
/// pronouns, auxiliaries and common verbs, adverbs that do not modify a noun.
pub(super) fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        // prepositions
        "of" | "in" | "on" | "at" | "to" | "from" | "by" | "with" | "for" | "into" | "onto"
            | "over" | "under" | "between" | "among" | "amid" | "per" | "since" | "during"
            | "after" | "before" | "through" | "toward" | "towards" | "against" | "about"
            | "across" | "than" | "as" | "via" | "within" | "without" | "including" | "like"
            | "worth" | "until" | "till" | "despite" | "behind" | "beyond" | "near" | "off"
            | "out" | "up" | "down" | "around" | "along" | "upon" | "versus" | "vs"
            // conjunctions and relatives
            | "and" | "or" | "but" | "nor" | "yet" | "so" | "while" | "whereas" | "because"
            | "if" | "that" | "which" | "who" | "whom" | "whose" | "where" | "when" | "though"
            | "although" | "unless" | "whether"
            // determiners and pronouns
            | "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his"
            | "her" | "our" | "your" | "my" | "each" | "every" | "some" | "any" | "no"
            | "all" | "both" | "it" | "they" | "them" | "we" | "he" | "she" | "i" | "you"
            | "us" | "him" | "itself" | "themselves" | "such" | "other" | "another"
            | "what" | "there" | "here"
            // auxiliaries and frequent verbs
            | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "has"
            | "have" | "had" | "do" | "does" | "did" | "will" | "would" | "can" | "could"
            | "may" | "might" | "must" | "shall" | "should" | "said" | "says" | "say"
            | "according" | "got" | "gets" | "get" | "went" | "goes" | "came" | "comes"
            | "made" | "makes" | "took" | "takes" | "gave" | "gives" | "remain" | "remains"
            | "reached" | "reaches" | "rose" | "rises" | "fell" | "falls" | "grew" | "grows"
            | "increased" | "increases" | "decreased" | "decreases" | "stood" | "stands"
            | "seems" | "appears" | "needs" | "includes" | "contains" | "costs" | "means"
            // adverbs and the rest
            | "also" | "only" | "just" | "not" | "more" | "less" | "fewer" | "most"
            | "ago" | "later" | "earlier" | "now" | "then" | "too" | "very" | "still"
            | "already" | "even" | "again" | "ever" | "never" | "last"
            | "next" | "first" | "respectively" | "apiece" | "alone" | "altogether"
            | "thus" | "hence" | "instead" | "perhaps" | "always" | "sometimes"
            | "whereby" | "besides" | "afterwards" | "meanwhile" | "yes" | "please"
            | "times" | "percent" | "cent" | "plus" | "minus"
    )
}

/// Plural forms that do not end in "s", and plurals whose singular no suffix rule gives.
fn irregular_plural(w: &str) -> Option<&'static str> {
    let s = match w {
        "people" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "personnel" => "personnel",
        "police" => "police",
        "staff" => "staff",
        "aircraft" => "aircraft",
        "spacecraft" => "spacecraft",
        "cattle" => "cattle",
        "livestock" => "livestock",
        "sheep" => "sheep",
        "fish" => "fish",
        "deer" => "deer",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "series" => "series",
        "species" => "species",
        "lives" => "life",
        "knives" => "knife",
        "wives" => "wife",
        "wolves" => "wolf",
        "thieves" => "thief",
        "shelves" => "shelf",
        "leaves" => "leaf",
        "crises" => "crisis",
        "analyses" => "analysis",
        "theses" => "thesis",
        "bases" => "base",
        "movies" => "movie",
        "ties" => "tie",
        "lies" => "lie",
        "pies" => "pie",
        "cookies" => "cookie",
        "calories" => "calorie",
        "shoes" => "shoe",
        "toes" => "toe",
        "canoes" => "canoe",
        "buses" => "bus",
        "gases" => "gas",
        "lenses" => "lens",
        "data" => "data",
        "media" => "media",
        "criteria" => "criterion",
        _ => return None,
    };
    Some(s)
}

/// Words ending in "s" that are not plurals (or that a noun phrase never ends on).
fn not_plural(w: &str) -> bool {
    w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || w.ends_with("ous")
        || w.ends_with("'s")
        || w.ends_with("’s")
        || matches!(
            w,
            "news"
                | "gas"
                | "bias"
                | "atlas"
                | "canvas"
                | "chaos"
                | "kudos"
                | "lens"
                | "politics"
                | "economics"
                | "physics"
                | "mathematics"
                | "logistics"
                | "whereas"
                | "perhaps"
                | "always"
                | "towards"
                | "afterwards"
                | "besides"
                | "thus"
                | "yes"
                | "its"
                | "his"
                | "hers"
                | "ours"
                | "yours"
                | "theirs"
        )
}

/// True when `w` (lower-case) looks like a plural noun.
pub(super) fn looks_plural(w: &str) -> bool {
    if irregular_plural(w).is_some() {
        return true;
    }
    w.len() >= 3 && w.ends_with('s') && !not_plural(w) && !is_stop_word(w)
}

/// The singular of a plural-looking lower-case word.
pub(super) fn singular(w: &str) -> String {
    if let Some(s) = irregular_plural(w) {
        return s.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    for suffix in ["ches", "shes", "xes", "sses", "zzes", "oes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !w.ends_with("ss") => stem.to_string(),
        _ => w.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        let cases = [
            ("containers", "container"),
            ("batteries", "battery"),
            ("rounds", "round"),
            ("people", "person"),
            ("troops", "troop"),
            ("churches", "church"),
            ("boxes", "box"),
            ("classes", "class"),
            ("echoes", "echo"),
            ("aircraft", "aircraft"),
            ("vehicles", "vehicle"),
            ("missiles", "missile"),
        ];
        for (p, s) in cases {
            assert_eq!(singular(p), s, "{p}");
        }
    }

    #[test]
    fn plural_looks() {
        for w in ["tanks", "people", "drones", "batteries"] {
            assert!(looks_plural(w), "{w}");
        }
        for w in ["was", "this", "process", "bonus", "analysis", "its", "as"] {
            assert!(!looks_plural(w), "{w}");
        }
    }
}
