//! Word lists for quantities: number words, scales, currencies, units, qualifiers, rates and
//! the words that end a counted-noun phrase. Facts written down as data.

/// What a unit phrase after a number makes of the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitKind {
    Percent,
    Money,
    Measure,
}

/// A unit phrase: its spelling, canonical unit, kind, whether case matters, the rate it
/// carries ("barrels per day"), and whether it is a word ("gallon") rather than a symbol
/// ("gal"): only words may follow "a" ("a gallon").
pub(super) struct UnitEntry {
    pub(super) phrase: &'static str,
    pub(super) unit: &'static str,
    pub(super) kind: UnitKind,
    pub(super) case_sensitive: bool,
    pub(super) per: Option<&'static str>,
    pub(super) word: bool,
}

/// A unit written as a word (matched ignoring case).
const fn w(phrase: &'static str, unit: &'static str, kind: UnitKind) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind,
        case_sensitive: false,
        per: None,
        word: true,
    }
}

/// A unit symbol or abbreviation matched ignoring case ("km", "mph").
const fn sy(phrase: &'static str, unit: &'static str, kind: UnitKind) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind,
        case_sensitive: false,
        per: None,
        word: false,
    }
}

/// A symbol or code whose case matters ("USD", "pp", "NM").
const fn cs(phrase: &'static str, unit: &'static str, kind: UnitKind) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind,
        case_sensitive: true,
        per: None,
        word: false,
    }
}

/// A unit that carries its rate ("barrels a day", "tpd").
const fn rate(phrase: &'static str, unit: &'static str, per: &'static str) -> UnitEntry {
    UnitEntry {
        phrase,
        unit,
        kind: UnitKind::Measure,
        case_sensitive: false,
        per: Some(per),
        word: false,
    }
}

use UnitKind::{Measure as Me, Money as Mo, Percent as Pc};

/// Phrases that may follow a number (after its scale word). A space in a phrase stands for
/// one or more spaces in the text. The longest match wins; on a tie, the first. Unit
/// symbols with SI prefixes, powers and quotients ("mGy", "km/s2") and prefixed unit names
/// ("nanometers") are read by `units.rs`, not listed here.
pub(super) static UNITS: &[UnitEntry] = &[
    // Percentages.
    sy("%", "percent", Pc),
    sy("％", "percent", Pc),
    w("percent", "percent", Pc),
    w("per cent", "percent", Pc),
    w("per-cent", "percent", Pc),
    sy("pct", "percent", Pc),
    cs("pc", "percent", Pc),
    w("percentage points", "percentage_point", Pc),
    w("percentage point", "percentage_point", Pc),
    w("percentage-point", "percentage_point", Pc),
    cs("pp", "percentage_point", Pc),
    sy("ppt", "percentage_point", Pc),
    sy("ppts", "percentage_point", Pc),
    w("percentage pts", "percentage_point", Pc),
    w("basis points", "basis_point", Pc),
    w("basis point", "basis_point", Pc),
    sy("bps", "basis_point", Pc),
    cs("bp", "basis_point", Pc),
    // Currencies written after the number.
    w("dollars", "USD", Mo),
    w("dollar", "USD", Mo),
    w("us dollars", "USD", Mo),
    w("u.s. dollars", "USD", Mo),
    w("american dollars", "USD", Mo),
    w("hong kong dollars", "HKD", Mo),
    w("canadian dollars", "CAD", Mo),
    w("australian dollars", "AUD", Mo),
    w("singapore dollars", "SGD", Mo),
    w("taiwan dollars", "TWD", Mo),
    w("new taiwan dollars", "TWD", Mo),
    w("new zealand dollars", "NZD", Mo),
    sy("€", "EUR", Mo),
    sy("₽", "RUB", Mo),
    sy("£", "GBP", Mo),
    w("euros", "EUR", Mo),
    w("euro", "EUR", Mo),
    w("pounds sterling", "GBP", Mo),
    w("british pounds", "GBP", Mo),
    w("sterling", "GBP", Mo),
    w("egyptian pounds", "EGP", Mo),
    w("yen", "JPY", Mo),
    w("japanese yen", "JPY", Mo),
    w("yuan", "CNY", Mo),
    w("chinese yuan", "CNY", Mo),
    w("renminbi", "CNY", Mo),
    sy("rmb", "CNY", Mo),
    w("rubles", "RUB", Mo),
    w("roubles", "RUB", Mo),
    w("ruble", "RUB", Mo),
    w("rouble", "RUB", Mo),
    w("russian rubles", "RUB", Mo),
    w("russian roubles", "RUB", Mo),
    w("won", "KRW", Mo),
    w("south korean won", "KRW", Mo),
    w("korean won", "KRW", Mo),
    w("north korean won", "KPW", Mo),
    w("rupees", "INR", Mo),
    w("rupee", "INR", Mo),
    w("indian rupees", "INR", Mo),
    w("pakistani rupees", "PKR", Mo),
    w("swiss francs", "CHF", Mo),
    w("francs", "CHF", Mo),
    w("hryvnias", "UAH", Mo),
    w("hryvnia", "UAH", Mo),
    w("turkish lira", "TRY", Mo),
    w("lira", "TRY", Mo),
    w("liras", "TRY", Mo),
    w("saudi riyals", "SAR", Mo),
    w("riyals", "SAR", Mo),
    w("iranian rials", "IRR", Mo),
    w("rials", "IRR", Mo),
    w("dirhams", "AED", Mo),
    w("reais", "BRL", Mo),
    w("brazilian reais", "BRL", Mo),
    w("mexican pesos", "MXN", Mo),
    w("philippine pesos", "PHP", Mo),
    w("rand", "ZAR", Mo),
    w("shekels", "ILS", Mo),
    w("zlotys", "PLN", Mo),
    w("zloty", "PLN", Mo),
    w("baht", "THB", Mo),
    w("rupiah", "IDR", Mo),
    w("ringgit", "MYR", Mo),
    w("naira", "NGN", Mo),
    w("tenge", "KZT", Mo),
    w("swedish kronor", "SEK", Mo),
    w("norwegian kroner", "NOK", Mo),
    w("danish kroner", "DKK", Mo),
    w("vietnamese dong", "VND", Mo),
    w("forints", "HUF", Mo),
    w("forint", "HUF", Mo),
    w("kronor", "SEK", Mo),
    w("krona", "SEK", Mo),
    w("lei", "RON", Mo),
    w("cedis", "GHS", Mo),
    w("birr", "ETB", Mo),
    w("taka", "BDT", Mo),
    w("kyat", "MMK", Mo),
    w("lari", "GEL", Mo),
    // Named by several countries: the country in the sentence decides (`context.rs`).
    w("pesos", "peso", Mo),
    w("peso", "peso", Mo),
    w("dinars", "dinar", Mo),
    w("dinar", "dinar", Mo),
    w("crowns", "crown", Mo),
    w("kroner", "krone", Mo),
    w("krone", "krone", Mo),
    // Minor units, when the text does not say of which currency.
    w("cents", "cent", Mo),
    w("cent", "cent", Mo),
    w("pennies", "penny", Mo),
    w("penny", "penny", Mo),
    w("pence", "penny", Mo),
    // "50p": pence glued to the digits (British prices); "720p" is a screen, see units.rs.
    cs("p", "penny", Mo),
    w("dimes", "dime", Mo),
    w("dime", "dime", Mo),
    // Speed (before length, so that the longer phrase wins).
    w("kilometers per hour", "km/h", Me),
    w("kilometres per hour", "km/h", Me),
    w("kilometers an hour", "km/h", Me),
    w("kilometres an hour", "km/h", Me),
    sy("km per hour", "km/h", Me),
    sy("kph", "km/h", Me),
    sy("kmh", "km/h", Me),
    w("miles per hour", "mph", Me),
    w("miles an hour", "mph", Me),
    sy("mph", "mph", Me),
    // Engine speed, fuel economy and trace concentrations as news abbreviates them.
    sy("rpm", "rpm", Me),
    sy("mpg", "mpg", Me),
    sy("ppb", "ppb", Me),
    sy("ppm", "ppm", Me),
    w("meters per second", "m/s", Me),
    w("metres per second", "m/s", Me),
    w("knots", "kn", Me),
    w("knot", "kn", Me),
    sy("kn", "kn", Me),
    // Length.
    w("kilometers", "km", Me),
    w("kilometres", "km", Me),
    w("kilometer", "km", Me),
    w("kilometre", "km", Me),
    w("meters", "m", Me),
    w("metres", "m", Me),
    w("meter", "m", Me),
    w("metre", "m", Me),
    w("centimeters", "cm", Me),
    w("centimetres", "cm", Me),
    w("centimeter", "cm", Me),
    w("centimetre", "cm", Me),
    w("millimeters", "mm", Me),
    w("millimetres", "mm", Me),
    w("millimeter", "mm", Me),
    w("millimetre", "mm", Me),
    w("microns", "µm", Me),
    w("micron", "µm", Me),
    w("nautical miles", "nmi", Me),
    w("nautical mile", "nmi", Me),
    sy("nmi", "nmi", Me),
    w("miles", "mi", Me),
    w("mile", "mi", Me),
    sy("mi", "mi", Me),
    w("feet", "ft", Me),
    w("foot", "ft", Me),
    sy("ft", "ft", Me),
    w("inches", "in", Me),
    w("inch", "in", Me),
    w("yards", "yd", Me),
    w("yard", "yd", Me),
    sy("yd", "yd", Me),
    sy("yds", "yd", Me),
    w("light years", "ly", Me),
    w("light-years", "ly", Me),
    w("light year", "ly", Me),
    w("light-year", "ly", Me),
    // Mass.
    w("kilograms", "kg", Me),
    w("kilogrammes", "kg", Me),
    w("kilogram", "kg", Me),
    w("kilos", "kg", Me),
    w("grams", "g", Me),
    w("gram", "g", Me),
    w("grammes", "g", Me),
    w("metric tons", "t", Me),
    w("metric tonnes", "t", Me),
    w("tonnes", "t", Me),
    w("tonne", "t", Me),
    w("tons", "t", Me),
    w("ton", "t", Me),
    w("pounds", "lb", Me),
    sy("lbs", "lb", Me),
    sy("lb", "lb", Me),
    w("ounces", "oz", Me),
    w("ounce", "oz", Me),
    sy("oz", "oz", Me),
    // Volume.
    rate("barrels per day", "barrel", "day"),
    rate("barrels a day", "barrel", "day"),
    rate("bpd", "barrel", "day"),
    rate("b/d", "barrel", "day"),
    // Oil output in millions or thousands of barrels a day ("1.2 mb/d", "300 kb/d"): the
    // scale is part of the symbol (`unit_scale`).
    rate("mb/d", "barrel", "day"),
    rate("mbpd", "barrel", "day"),
    rate("mmb/d", "barrel", "day"),
    rate("mmbpd", "barrel", "day"),
    rate("mbd", "barrel", "day"),
    rate("kb/d", "barrel", "day"),
    rate("kbpd", "barrel", "day"),
    rate("tpd", "t", "day"),
    // Commodities: grain in bushels, gas in million British thermal units, oil in barrels of
    // oil equivalent, containers in twenty-foot equivalent units, gems in carats.
    w("bushels", "bushel", Me),
    w("bushel", "bushel", Me),
    sy("mmbtu", "MMBtu", Me),
    sy("boe", "boe", Me),
    cs("TEUs", "TEU", Me),
    cs("TEU", "TEU", Me),
    w("carats", "ct", Me),
    w("carat", "ct", Me),
    w("barrels", "barrel", Me),
    w("barrel", "barrel", Me),
    sy("bbl", "barrel", Me),
    sy("bcm", "bcm", Me),
    w("liters", "l", Me),
    w("litres", "l", Me),
    w("liter", "l", Me),
    w("litre", "l", Me),
    w("gallons", "gal", Me),
    w("gallon", "gal", Me),
    sy("gal", "gal", Me),
    w("cups", "cup", Me),
    w("cup", "cup", Me),
    w("tablespoons", "tbsp", Me),
    w("tablespoon", "tbsp", Me),
    sy("tbsp", "tbsp", Me),
    sy("tbs", "tbsp", Me),
    w("teaspoons", "tsp", Me),
    w("teaspoon", "tsp", Me),
    sy("tsp", "tsp", Me),
    w("pints", "pt", Me),
    w("pint", "pt", Me),
    w("fluid ounces", "fl_oz", Me),
    sy("fl oz", "fl_oz", Me),
    // Area (squares and cubes of any length are read by `units.rs` too).
    sy("sq km", "km2", Me),
    sy("sq mi", "mi2", Me),
    sy("sq ft", "ft2", Me),
    sy("sq m", "m2", Me),
    w("hectares", "ha", Me),
    w("hectare", "ha", Me),
    sy("ha", "ha", Me),
    w("acres", "acre", Me),
    w("acre", "acre", Me),
    // Energy, power and the rest, unprefixed (prefixed names are read by `units.rs`).
    w("watts", "W", Me),
    w("watt", "W", Me),
    w("watt-hours", "Wh", Me),
    w("watt hours", "Wh", Me),
    w("watt-hour", "Wh", Me),
    w("joules", "J", Me),
    w("joule", "J", Me),
    w("calories", "cal", Me),
    w("calorie", "cal", Me),
    w("horsepower", "hp", Me),
    sy("hp", "hp", Me),
    w("electronvolts", "eV", Me),
    w("electron volts", "eV", Me),
    w("electron-volts", "eV", Me),
    w("volts", "V", Me),
    w("volt", "V", Me),
    w("amperes", "A", Me),
    w("ampere", "A", Me),
    w("amps", "A", Me),
    w("hertz", "Hz", Me),
    w("pascals", "Pa", Me),
    sy("psi", "psi", Me),
    w("atmospheres", "atm", Me),
    sy("atm", "atm", Me),
    w("sieverts", "Sv", Me),
    w("becquerels", "Bq", Me),
    w("newtons", "N", Me),
    w("ohms", "Ω", Me),
    w("decibels", "dB", Me),
    w("bytes", "B", Me),
    w("byte", "B", Me),
    w("bits", "bit", Me),
    w("bit", "bit", Me),
    // Temperature and angle.
    w("degrees celsius", "°C", Me),
    w("degree celsius", "°C", Me),
    w("degrees centigrade", "°C", Me),
    w("degrees fahrenheit", "°F", Me),
    w("degree fahrenheit", "°F", Me),
    w("degrees kelvin", "K", Me),
    w("kelvins", "K", Me),
    w("kelvin", "K", Me),
    cs("degrees C", "°C", Me),
    cs("degrees F", "°F", Me),
    sy("°c", "°C", Me),
    sy("° c", "°C", Me),
    sy("ºc", "°C", Me),
    sy("°f", "°F", Me),
    sy("° f", "°F", Me),
    sy("ºf", "°F", Me),
    w("degrees", "°", Me),
    w("degree", "°", Me),
    sy("°", "°", Me),
    // Durations.
    w("years", "year", Me),
    w("year", "year", Me),
    sy("yrs", "year", Me),
    sy("yr", "year", Me),
    w("months", "month", Me),
    w("month", "month", Me),
    w("weeks", "week", Me),
    w("week", "week", Me),
    sy("wks", "week", Me),
    w("days", "day", Me),
    w("day", "day", Me),
    w("hours", "hour", Me),
    w("hour", "hour", Me),
    sy("hrs", "hour", Me),
    sy("hr", "hour", Me),
    w("minutes", "minute", Me),
    w("minute", "minute", Me),
    sy("mins", "minute", Me),
    w("seconds", "second", Me),
    w("second", "second", Me),
    sy("secs", "second", Me),
    sy("sec", "second", Me),
    w("decades", "decade", Me),
    w("decade", "decade", Me),
    w("centuries", "century", Me),
    w("century", "century", Me),
];

/// ISO 4217 codes of the currencies news mentions, written before or after the number
/// ("USD 5m", "5 USD"), matched with their case; codes that are more often something else
/// in English text ("PHP", "AMD", "NPR", "COP") are left out.
pub(super) static ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "KRW", "KPW", "INR", "CHF", "CAD", "AUD", "HKD",
    "TWD", "SGD", "NZD", "UAH", "TRY", "BRL", "SAR", "AED", "IRR", "ZAR", "MXN", "PKR", "ILS",
    "PLN", "THB", "IDR", "MYR", "NGN", "KZT", "SEK", "NOK", "DKK", "VND", "EGP", "CZK", "HUF",
    "RON", "BGN", "ARS", "CLP", "COP", "PEN", "QAR", "KWD", "BHD", "OMR", "IQD", "SYP", "BYN",
    "GEL", "AZN", "UZS", "MNT", "BDT", "LKR", "MMK", "KES", "ETB", "GHS",
];

/// Codes of the currencies that news glues to the digits ("USD5m", "EUR300", "Rs500").
pub(super) static GLUED_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "INR", "CHF", "AUD", "CAD", "HKD", "MYR",
];

/// SI prefixes as written in symbols, with their canonical spelling ("u" and "μ" are "µ",
/// "K" before "B" is "k").
pub(super) static SYMBOL_PREFIXES: &[(&str, &str)] = &[
    ("Ki", "Ki"),
    ("Mi", "Mi"),
    ("Gi", "Gi"),
    ("Ti", "Ti"),
    ("da", "da"),
    ("Y", "Y"),
    ("Z", "Z"),
    ("E", "E"),
    ("P", "P"),
    ("T", "T"),
    ("G", "G"),
    ("M", "M"),
    ("k", "k"),
    ("K", "k"),
    ("h", "h"),
    ("d", "d"),
    ("c", "c"),
    ("m", "m"),
    ("µ", "µ"),
    ("μ", "µ"),
    ("u", "µ"),
    ("n", "n"),
    ("p", "p"),
    ("f", "f"),
    ("a", "a"),
];

/// A unit symbol that takes SI prefixes: its spelling, canonical form, the prefixes it
/// takes (as written), and whether it may stand alone without one ("N", "A" and "B" are
/// too often a letter of a name or a grade).
pub(super) struct BaseSymbol {
    pub(super) sym: &'static str,
    pub(super) canon: &'static str,
    pub(super) prefixes: &'static [&'static str],
    pub(super) bare: bool,
}

const fn base(
    sym: &'static str,
    canon: &'static str,
    prefixes: &'static [&'static str],
    bare: bool,
) -> BaseSymbol {
    BaseSymbol {
        sym,
        canon,
        prefixes,
        bare,
    }
}

const MICRO: [&str; 3] = ["µ", "μ", "u"];

/// Symbols with the prefixes that make real units with them; "a" (atto) only before "m",
/// so that "as" and "at" stay words.
pub(super) static BASE_SYMBOLS: &[BaseSymbol] = &[
    base(
        "m",
        "m",
        &[
            "k", "c", "d", "m", MICRO[0], MICRO[1], MICRO[2], "n", "p", "f", "a",
        ],
        true,
    ),
    base(
        "g",
        "g",
        &["k", "m", MICRO[0], MICRO[1], MICRO[2], "n"],
        true,
    ),
    base("t", "t", &[], true),
    base(
        "s",
        "s",
        &["m", MICRO[0], MICRO[1], MICRO[2], "n", "p", "f"],
        true,
    ),
    base("min", "min", &[], true),
    base("h", "h", &[], true),
    base(
        "l",
        "l",
        &["m", "c", "d", "h", MICRO[0], MICRO[1], MICRO[2]],
        true,
    ),
    base(
        "L",
        "l",
        &["m", "c", "d", "h", MICRO[0], MICRO[1], MICRO[2]],
        true,
    ),
    base("Hz", "Hz", &["k", "M", "G", "T"], true),
    base("W", "W", &["m", "k", "M", "G", "T"], true),
    base("Wh", "Wh", &["k", "M", "G", "T"], true),
    base("J", "J", &["k", "M", "G", "T"], true),
    base("eV", "eV", &["k", "M", "G", "T"], true),
    base("V", "V", &["m", "k", "M"], true),
    base("A", "A", &["m", "k"], false),
    base("Ah", "Ah", &["m"], true),
    base("Pa", "Pa", &["h", "k", "M", "G"], true),
    base("bar", "bar", &["m"], true),
    base("N", "N", &["k", "M"], false),
    base("Gy", "Gy", &["m", MICRO[0], MICRO[1], MICRO[2]], true),
    base("Sv", "Sv", &["m", MICRO[0], MICRO[1], MICRO[2]], true),
    base("Bq", "Bq", &["k", "M", "G", "T"], true),
    base(
        "B",
        "B",
        &["k", "K", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti"],
        false,
    ),
    base("bit", "bit", &["k", "M", "G", "T"], true),
    base("b", "bit", &["k", "M", "G", "T"], false),
    base("b", "b", &["f", "p", "n", "a"], false),
    base("cd", "cd", &[], true),
    base(
        "mol",
        "mol",
        &["m", MICRO[0], MICRO[1], MICRO[2], "n", "k"],
        true,
    ),
    base("a", "a", &["k", "M", "G"], false),
    base("cal", "cal", &["k"], true),
    base("Ω", "Ω", &["k", "M"], true),
    base("dB", "dB", &[], true),
];

/// SI prefixes as written in unit names ("nano" in "nanometers").
pub(super) static NAME_PREFIXES: &[(&str, &str)] = &[
    ("yotta", "Y"),
    ("zetta", "Z"),
    ("exa", "E"),
    ("peta", "P"),
    ("tera", "T"),
    ("giga", "G"),
    ("mega", "M"),
    ("kilo", "k"),
    ("hecto", "h"),
    ("deci", "d"),
    ("centi", "c"),
    ("milli", "m"),
    ("micro", "µ"),
    ("nano", "n"),
    ("pico", "p"),
    ("femto", "f"),
    ("atto", "a"),
    ("kibi", "Ki"),
    ("mebi", "Mi"),
    ("gibi", "Gi"),
    ("tebi", "Ti"),
];

/// Unit names that take a name prefix, plural first, and their symbol ("watt-hours" ->
/// "Wh", "annum" -> "a" as in "gigaannum").
pub(super) static PREFIXED_NAMES: &[(&str, &str)] = &[
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("grammes", "g"),
    ("grams", "g"),
    ("gramme", "g"),
    ("gram", "g"),
    ("seconds", "s"),
    ("second", "s"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("watt-hours", "Wh"),
    ("watt hours", "Wh"),
    ("watt-hour", "Wh"),
    ("watt hour", "Wh"),
    ("watts", "W"),
    ("watt", "W"),
    ("joules", "J"),
    ("joule", "J"),
    ("hertz", "Hz"),
    ("electronvolts", "eV"),
    ("electronvolt", "eV"),
    ("electron volts", "eV"),
    ("electron-volts", "eV"),
    ("volts", "V"),
    ("volt", "V"),
    ("amperes", "A"),
    ("ampere", "A"),
    ("amps", "A"),
    ("pascals", "Pa"),
    ("pascal", "Pa"),
    ("bytes", "B"),
    ("byte", "B"),
    ("bits", "bit"),
    ("bit", "bit"),
    ("grays", "Gy"),
    ("gray", "Gy"),
    ("sieverts", "Sv"),
    ("sievert", "Sv"),
    ("becquerels", "Bq"),
    ("becquerel", "Bq"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("annums", "a"),
    ("annum", "a"),
    ("anna", "a"),
    ("years", "a"),
    ("year", "a"),
    ("calories", "cal"),
    ("calorie", "cal"),
    ("barns", "b"),
    ("barn", "b"),
    ("newtons", "N"),
    ("newton", "N"),
    ("moles", "mol"),
    ("mole", "mol"),
    ("bars", "bar"),
    ("bar", "bar"),
    ("ohms", "Ω"),
    ("ohm", "Ω"),
];

/// Units that a lone "a" does not make a figure of, because the phrase is an idiom ("a bit
/// more", "a ton of", "set foot", "a degree in law") or a time ("a year", left to times):
/// judged on the word as written, so that "half a tonne" still counts.
pub(super) fn idiom_after_a(word: &str, unit: &str) -> bool {
    matches!(
        word,
        "bit" | "ton" | "tons" | "pound" | "foot" | "yard" | "degree"
    ) || matches!(
        unit,
        "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "second"
            | "decade"
            | "century"
            | "percent"
    )
}

/// Currency symbols written before the number, longest first where they share an ending
/// ("US$" before "$"); ISO codes ([`ISO_CODES`]) are read besides these.
pub(super) static CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("HK$", "HKD"),
    ("HK $", "HKD"),
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
    ("CN¥", "CNY"),
    ("JP¥", "JPY"),
    ("¥", "JPY"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₴", "UAH"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("RMB", "CNY"),
    // Malaysian ringgit, written "RM5bn" or "RM 5bn".
    ("RM", "MYR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    // Indonesian rupiah, written "Rp 50 trillion" or "Rp50tn".
    ("Rp", "IDR"),
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

/// Nouns a year names the period of ("2019 sales", "the 2024 budget"), in the singular: a
/// bare year before them is a date, not a count.
pub(super) fn is_period_noun(w: &str) -> bool {
    matches!(
        w,
        "sale"
            | "revenue"
            | "profit"
            | "earning"
            | "result"
            | "figure"
            | "budget"
            | "election"
            | "season"
            | "census"
            | "export"
            | "import"
            | "output"
            | "forecast"
            | "estimate"
            | "level"
            | "price"
            | "report"
            | "data"
            | "total"
            | "growth"
            | "deficit"
            | "surplus"
            | "target"
            | "campaign"
            | "invasion"
            | "summit"
            | "games"
            | "olympics"
            | "edition"
            | "model"
            | "agreement"
            | "deal"
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

/// The last words of the qualifiers, lower-case: a number after any other word has none.
pub(super) fn ends_qualifier(w: &str) -> bool {
    let inner = INNER_QUALIFIERS
        .iter()
        .any(|q| q.last().is_some_and(|l| *l == w));
    inner
        || OUTER_QUALIFIERS
            .iter()
            .any(|(q, _)| q.last().is_some_and(|l| *l == w))
}

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

/// Words before a number that state a change ("rose 2.5 to 123.4", "fell by one to 554"):
/// a "to" after the number gives the new level.
pub(super) fn is_change_word(w: &str) -> bool {
    matches!(
        w,
        "by" | "rose"
            | "fell"
            | "gained"
            | "lost"
            | "added"
            | "shed"
            | "jumped"
            | "dropped"
            | "climbed"
            | "slipped"
            | "eased"
            | "edged"
            | "firmed"
            | "slid"
            | "declined"
            | "increased"
            | "decreased"
            | "rising"
            | "falling"
            | "gaining"
            | "losing"
            | "up"
            | "down"
            | "rises"
            | "falls"
            | "gains"
    )
}

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

/// Adverbs that state a rate on their own ("annually"), and comparisons with the same
/// period before ("year-on-year").
pub(super) fn rate_adverb(w: &str) -> Option<&'static str> {
    let p = match w {
        "daily" | "day-on-day" => "day",
        "weekly" | "week-on-week" => "week",
        "monthly" | "month-on-month" | "month-over-month" => "month",
        "yearly" | "annually" | "year-on-year" | "year-over-year" | "yoy" => "year",
        "quarterly" | "quarter-on-quarter" | "quarter-over-quarter" => "quarter",
        "hourly" => "hour",
        _ => return None,
    };
    Some(p)
}

/// Periods abbreviated after a slash ("$15/hr", "10 t/yr").
pub(super) fn period_abbreviation(w: &str) -> Option<&'static str> {
    let p = match w {
        "h" | "hr" => "hour",
        "d" => "day",
        "wk" => "week",
        "mo" | "mth" => "month",
        "yr" | "y" | "a" => "year",
        "min" => "minute",
        "s" | "sec" => "second",
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
    sinew_types::text::MONTH_NAMES.contains(&w)
        || matches!(
            w,
            "Jan"
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
        // "35 pts": index points.
        "pts" => "point",
        "sorties" => "sortie",
        "rookies" => "rookie",
        "zombies" => "zombie",
        "selfies" => "selfie",
        "goalies" => "goalie",
        "brownies" => "brownie",
        "hippies" => "hippie",
        "prairies" => "prairie",
        "smoothies" => "smoothie",
        "species" => "species",
        "headquarters" => "headquarters",
        "barracks" => "barracks",
        "means" => "means",
        "hostages" => "hostage",
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

/// A capitalised plural naming people by nation, place, faith or party ("Ukrainians",
/// "Gazans", "Israelis", "Londoners", "Republicans"): a counted noun, not a name to read past.
pub(super) fn is_people_plural(w: &str) -> bool {
    let lower_tail = w.chars().skip(1).all(char::is_lowercase);
    if !lower_tail || w.len() < 5 {
        return false;
    }
    // Not "-ers": "Reuters", "Rangers" and "Brothers" are names.
    let suffix = ["ans", "ites", "ists"].iter().any(|s| w.ends_with(s));
    suffix
        || matches!(
            w,
            "Israelis"
                | "Iraqis"
                | "Yemenis"
                | "Pakistanis"
                | "Somalis"
                | "Kuwaitis"
                | "Saudis"
                | "Bangladeshis"
                | "Nepalis"
                | "Britons"
                | "Londoners"
                | "New Yorkers"
                | "Kurds"
                | "Turks"
                | "Arabs"
                | "Jews"
                | "Muslims"
                | "Catholics"
                | "Democrats"
                | "Poles"
                | "Czechs"
                | "Afghans"
                | "Uyghurs"
                | "Uighurs"
                | "Rohingya"
        )
}

/// Adjectives that name people on their own after a number ("30,000 dead", "12 wounded").
pub(super) fn is_people_adjective(w: &str) -> bool {
    matches!(
        w,
        "dead" | "wounded" | "injured" | "missing" | "displaced" | "homeless" | "unemployed"
    )
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

/// The scale a unit symbol carries in itself ("mb/d" is millions of barrels a day, "kb/d"
/// thousands), matched ignoring case; 1 for every other unit.
pub(super) fn unit_scale(symbol: &str) -> f64 {
    match symbol.to_ascii_lowercase().as_str() {
        "mb/d" | "mbpd" | "mmb/d" | "mmbpd" | "mbd" => 1e6,
        "kb/d" | "kbpd" => 1e3,
        _ => 1.0,
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
            ("sorties", "sortie"),
            ("casualties", "casualty"),
            ("hostages", "hostage"),
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
