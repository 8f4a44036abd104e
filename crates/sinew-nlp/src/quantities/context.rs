//! Is a bare "35m" (no currency before it) millions or metres? News uses both: "paid 35m for
//! the striker", "a 35m budget" against "a 35m-long hull", "the 100m sprint". The words of
//! the sentence near the figure decide, in a window of a fixed number of bytes, so reading
//! stays linear in the text.
//!
//! Rules, in order: a length cue (a dimension word, a race, a unit of length) makes metres;
//! otherwise a money or audience cue ("paid", "deal", "budget", "viewers") makes millions;
//! with no cue the figure stays metres, the reading of science and sport prose, where a
//! glued "m" is most often written.

use super::scan::letters_end;

/// Bytes read either side of the figure: about a dozen words.
const WINDOW: usize = 80;

/// Words that state a length, height or distance, or a race run over one.
fn is_length_cue(w: &str) -> bool {
    matches!(
        w,
        "long"
            | "tall"
            | "high"
            | "deep"
            | "wide"
            | "length"
            | "height"
            | "depth"
            | "width"
            | "distance"
            | "altitude"
            | "elevation"
            | "away"
            | "sprint"
            | "race"
            | "freestyle"
            | "butterfly"
            | "backstroke"
            | "breaststroke"
            | "hurdles"
            | "relay"
            | "dash"
            | "metres"
            | "meters"
            | "feet"
            | "ft"
            | "km"
            | "pool"
            | "runway"
            | "tunnel"
            | "tower"
            | "wall"
            | "below"
            | "above"
            | "underground"
            | "underwater"
    )
}

/// Words that make a glued "m" a million: payment, value, budgets, audiences.
fn is_million_cue(w: &str) -> bool {
    matches!(
        w,
        "paid"
            | "pay"
            | "pays"
            | "cost"
            | "costs"
            | "worth"
            | "fee"
            | "deal"
            | "fund"
            | "funding"
            | "budget"
            | "raised"
            | "raise"
            | "loan"
            | "bid"
            | "price"
            | "sold"
            | "valued"
            | "valuation"
            | "revenue"
            | "revenues"
            | "profit"
            | "profits"
            | "loss"
            | "losses"
            | "investment"
            | "invested"
            | "transfer"
            | "spent"
            | "spend"
            | "contract"
            | "salary"
            | "wages"
            | "debt"
            | "bonus"
            | "sales"
            | "turnover"
            | "population"
            | "viewers"
            | "users"
            | "subscribers"
            | "voters"
            | "residents"
            | "customers"
    )
}

/// Does the sentence around the figure at `start..end` read a glued "m" as millions?
pub(super) fn m_is_million(text: &str, start: usize, end: usize) -> bool {
    // "35m-long", "20m-high": the cue glued after the "m".
    let after_m = end + 1;
    if text.as_bytes().get(after_m) == Some(&b'-') {
        let s = after_m + 1;
        let e = letters_end(text, s);
        if is_length_cue(&text[s..e].to_ascii_lowercase()) {
            return false;
        }
    }
    let (lo, hi) = window(text, start, end);
    let mut million = false;
    let mut i = lo;
    let bytes = text.as_bytes();
    while i < hi {
        if bytes[i].is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let e = letters_end(text, i).min(hi);
            let w = text[i..e].to_ascii_lowercase();
            if is_length_cue(&w) {
                return false;
            }
            million |= is_million_cue(&w);
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    million
}

/// Does any word of the sentence near `start..end` pass `cue`?
fn any_word(text: &str, start: usize, end: usize, mut cue: impl FnMut(&str) -> bool) -> bool {
    let (lo, hi) = window(text, start, end);
    let bytes = text.as_bytes();
    let mut i = lo;
    while i < hi {
        if bytes[i].is_ascii_alphabetic() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let e = letters_end(text, i).min(hi);
            if cue(&text[i..e].to_ascii_lowercase()) {
                return true;
            }
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

/// Words that say a weight is meant.
fn is_weight_cue(w: &str) -> bool {
    matches!(
        w,
        "weigh"
            | "weighs"
            | "weighed"
            | "weighing"
            | "weight"
            | "weights"
            | "heavy"
            | "heavier"
            | "lighter"
            | "kg"
            | "kilograms"
            | "ounces"
            | "lbs"
            | "fish"
            | "baby"
            | "diet"
    )
}

/// "cost 20 or 30 pounds", "paid 300 pounds": spelt-out pounds are sterling in a sentence
/// about paying, with no word of weight near.
pub(super) fn pounds_are_money(text: &str, start: usize, end: usize) -> bool {
    any_word(text, start, end, is_million_cue) && !any_word(text, start, end, is_weight_cue)
}

/// Words of a screen or a video, where "720p" is lines.
fn is_screen_cue(w: &str) -> bool {
    matches!(
        w,
        "video"
            | "videos"
            | "resolution"
            | "screen"
            | "screens"
            | "display"
            | "stream"
            | "streaming"
            | "camera"
            | "hd"
            | "pixels"
            | "monitor"
            | "tv"
            | "youtube"
    )
}

/// Words of a share price quoted in pence.
fn is_share_price_cue(w: &str) -> bool {
    matches!(
        w,
        "shares" | "share" | "stock" | "stocks" | "pence" | "ftse" | "closed" | "trading"
    )
}

/// "slumped 18pc to 240p": a glued "p" of 100 or more is pence in a sentence about money or
/// share prices, with no word of a screen near (else "720p" is a video's lines).
pub(super) fn p_is_pence(text: &str, start: usize, end: usize) -> bool {
    any_word(text, start, end, |w| {
        is_million_cue(w) || is_share_price_cue(w)
    }) && !any_word(text, start, end, is_screen_cue)
}

/// The ISO code of a currency several countries name alike ("pesos", "dinars", "kroner",
/// "crowns"),
/// from a country named near it; pesos are Mexico's and kroner Norway's when none is.
pub(super) fn shared_currency(
    name: &str,
    text: &str,
    start: usize,
    end: usize,
) -> Option<&'static str> {
    let table: &[(&str, &str)] = match name {
        "peso" => &[
            ("philippine", "PHP"),
            ("philippines", "PHP"),
            ("filipino", "PHP"),
            ("manila", "PHP"),
            ("argentina", "ARS"),
            ("argentine", "ARS"),
            ("chile", "CLP"),
            ("chilean", "CLP"),
            ("colombia", "COP"),
            ("colombian", "COP"),
            ("uruguay", "UYU"),
            ("dominican", "DOP"),
            ("cuba", "CUP"),
            ("cuban", "CUP"),
            ("mexico", "MXN"),
            ("mexican", "MXN"),
        ],
        "dinar" => &[
            ("kuwait", "KWD"),
            ("kuwaiti", "KWD"),
            ("iraq", "IQD"),
            ("iraqi", "IQD"),
            ("jordan", "JOD"),
            ("jordanian", "JOD"),
            ("bahrain", "BHD"),
            ("algeria", "DZD"),
            ("algerian", "DZD"),
            ("tunisia", "TND"),
            ("tunisian", "TND"),
            ("serbia", "RSD"),
            ("serbian", "RSD"),
            ("libya", "LYD"),
            ("libyan", "LYD"),
        ],
        "krone" => &[
            ("denmark", "DKK"),
            ("danish", "DKK"),
            ("copenhagen", "DKK"),
            ("norway", "NOK"),
            ("norwegian", "NOK"),
            ("oslo", "NOK"),
        ],
        "crown" => &[
            ("czech", "CZK"),
            ("prague", "CZK"),
            ("norway", "NOK"),
            ("norwegian", "NOK"),
            ("sweden", "SEK"),
            ("swedish", "SEK"),
            ("denmark", "DKK"),
            ("danish", "DKK"),
            ("iceland", "ISK"),
            ("icelandic", "ISK"),
        ],
        _ => return None,
    };
    let mut found = None;
    any_word(text, start, end, |w| {
        found = table.iter().find(|(c, _)| *c == w).map(|(_, code)| *code);
        found.is_some()
    });
    found.or(match name {
        "peso" => Some("MXN"),
        "krone" => Some("NOK"),
        _ => None,
    })
}

/// Words of weather or heat, which make a glued "F" degrees Fahrenheit ("hit 104F").
pub(super) fn temperature_cue(text: &str, start: usize, end: usize) -> bool {
    any_word(text, start, end, |w| {
        matches!(
            w,
            "temperature"
                | "temperatures"
                | "heat"
                | "heatwave"
                | "degrees"
                | "hot"
                | "hottest"
                | "cold"
                | "coldest"
                | "weather"
                | "warm"
                | "warmest"
                | "thermometer"
                | "forecast"
                | "freezing"
        )
    })
}

/// The bytes of the figure's sentence within [`WINDOW`] of it, cut at a full stop,
/// question or exclamation mark, or line break, and on char boundaries.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut lo = start;
    while lo > 0 && start - lo < WINDOW {
        let b = bytes[lo - 1];
        // A decimal point ("35.5m") is no full stop.
        let stop = matches!(b, b'!' | b'?' | b'\n')
            || (b == b'.' && !bytes.get(lo).is_some_and(u8::is_ascii_digit));
        if stop {
            break;
        }
        lo -= 1;
    }
    let mut hi = end;
    while hi < bytes.len() && hi - end < WINDOW {
        let b = bytes[hi];
        let stop = matches!(b, b'!' | b'?' | b'\n')
            || (b == b'.' && !bytes.get(hi + 1).is_some_and(u8::is_ascii_digit));
        if stop {
            break;
        }
        hi += 1;
    }
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::m_is_million;

    fn at(text: &str, figure: &str) -> bool {
        let s = text.find(figure).expect("figure in text");
        m_is_million(text, s, s + figure.len() - 1)
    }

    #[test]
    fn cues_decide() {
        assert!(at("The club paid 35m for the striker.", "35m"));
        assert!(at("The show drew 12m viewers last night.", "12m"));
        assert!(!at("The hull is 35m long and the club paid for it.", "35m"));
        assert!(!at("She won the 100m sprint.", "100m"));
        assert!(!at("A 20m-high wall was built with the budget.", "20m"));
        assert!(!at("The crater is 35m across.", "35m"));
        assert!(at("Its budget was cut. They paid 2.5m for it.", "2.5m"));
    }

    fn span(text: &str, figure: &str) -> (usize, usize) {
        let s = text.find(figure).expect("figure in text");
        (s, s + figure.len())
    }

    #[test]
    fn pounds_pence_and_degrees() {
        let t = "Fans paid 40 pounds a seat.";
        let (s, e) = span(t, "40 pounds");
        assert!(super::pounds_are_money(t, s, e));
        let t = "The sack weighed 40 pounds, the shop said it cost little.";
        let (s, e) = span(t, "40 pounds");
        assert!(!super::pounds_are_money(t, s, e));
        let t = "Its shares closed at 312p in London.";
        let (s, e) = span(t, "312p");
        assert!(super::p_is_pence(t, s, e));
        let t = "The camera shoots 720p video at a price of little.";
        let (s, e) = span(t, "720p");
        assert!(!super::p_is_pence(t, s, e));
        let t = "Temperatures topped 104F in Phoenix.";
        let (s, e) = span(t, "104F");
        assert!(super::temperature_cue(t, s, e));
    }
}
