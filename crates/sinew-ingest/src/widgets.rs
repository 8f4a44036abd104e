//! Which lines of a page are a market-data widget (a stock-quote card, a ticker chip) rather
//! than the article's own words?
//!
//! Finance pages embed a quote card for every company they mention: a column of short lines
//! that pair a label with a number ("Market Cap" / "$244B", "Day's Range" / "$255.52 -
//! $262.03", "Volume" / "302K"). Read as text, each number becomes a figure that no sentence
//! states. A card is recognised by its vocabulary, not by one site's markup: a run of
//! consecutive short lines (no prose line between) holding at least [`MIN_LABELS`] distinct
//! quote labels is dropped whole, the company name and exchange line above the numbers
//! included. One label alone ("Volume", "Open") is a common heading, so one is not enough.
//!
//! A line that is only an exchange and a ticker ("NASDAQ: HOPB") heads such a card and is
//! dropped wherever it stands.
//!
//! Ticker chips inside prose ("Amazon (AMZN +0.21%) Web Services") are the same widget
//! inlined: a bracket holding only an upper-case ticker and a signed percentage is removed
//! from the line. The sign is required, so a bracketed figure the writer put there ("(GDP
//! 3%)") stays.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Distinct quote labels a run of short lines needs to be a card.
const MIN_LABELS: usize = 3;

/// The labels of stock-quote and ticker widgets, lower case, as finance sites print them
/// (written down from the field names that quote pages and data vendors use: price, change,
/// range, volume, valuation and yield fields).
const QUOTE_LABELS: &[&str] = &[
    "today's change",
    "todays change",
    "day's change",
    "change",
    "% change",
    "current price",
    "last price",
    "price",
    "key data points",
    "key stats",
    "key statistics",
    "market cap",
    "market capitalization",
    "day's range",
    "days range",
    "day range",
    "52wk range",
    "52-week range",
    "52 week range",
    "52-wk range",
    "52-week high",
    "52-week low",
    "volume",
    "avg vol",
    "avg volume",
    "average volume",
    "gross margin",
    "dividend yield",
    "dividend",
    "yield",
    "p/e ratio",
    "p/e",
    "pe ratio",
    "eps",
    "eps (ttm)",
    "beta",
    "open",
    "prev close",
    "previous close",
    "bid",
    "ask",
    "shares outstanding",
    "after hours",
    "pre-market",
];

/// Words in a line above which it is no widget label or value: prose.
const MAX_SHORT_WORDS: usize = 8;

fn is_short(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let sentence = words >= 5 && line.trim_end().ends_with(['.', '!', '?']);
    words <= MAX_SHORT_WORDS && !sentence
}

/// The quote label a line is, or starts with ("Market Cap: $244B", "Volume 302K").
fn label_of(line: &str) -> Option<&'static str> {
    let lower = line.trim().trim_end_matches(':').to_lowercase();
    let lower = lower.replace('\u{2019}', "'");
    QUOTE_LABELS.iter().copied().find(|l| {
        lower == *l
            || lower.strip_prefix(l).is_some_and(|rest| {
                rest.starts_with(':')
                    || rest
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '(' | '-'))
            })
    })
}

/// For each line, whether it belongs to a market-data card. `lines` are the page's kept
/// lines in order; blank lines are not lines here.
pub(crate) fn quote_card_lines(lines: &[&str]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if !is_short(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && is_short(lines[i]) {
            i += 1;
        }
        let mut labels: Vec<&str> = lines[start..i].iter().filter_map(|l| label_of(l)).collect();
        labels.sort_unstable();
        labels.dedup();
        if labels.len() >= MIN_LABELS {
            out[start..i].fill(true);
            // A numbered heading right above the card is the article's ("3. Hopfield
            // Brewing" heads the section the card illustrates): it names what the
            // paragraphs after the card are about, so it stays.
            let first_card_line = (start..i)
                .find(|&k| label_of(lines[k]).is_some() || is_ticker_line(lines[k]))
                .unwrap_or(i);
            for k in start..first_card_line {
                if is_numbered_heading(lines[k]) {
                    out[k] = false;
                }
            }
        }
    }
    out
}

/// "3. Hopfield Brewing", "12) Acme Corp": a list number, then a capitalised name.
fn is_numbered_heading(line: &str) -> bool {
    let line = line.trim();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &line[digits..];
    let Some(rest) = rest.strip_prefix(['.', ')']) else {
        return false;
    };
    rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| c.is_uppercase())
}

/// "(AMZN +0.21%)", "(NYSE: CRM -1.2%)": a ticker and a signed change, nothing else.
static TICKER_CHIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s?\((?:[A-Z]{2,6}\s?:\s?)?[A-Z]{1,5}(?:\.[A-Z]{1,2})?\s+[+\-\u{2212}\u{2013}]\s?\d{1,4}(?:[.,]\d+)?\s?%\)",
    )
    .unwrap()
});

/// "NASDAQ: HOPB", "(NYSE:CRM)": a line that is only an exchange and a ticker, the head of a
/// quote card whatever follows it.
static TICKER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\(?(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|NYSEAMERICAN|AMEX|LSE|LON|TSX|TSXV|ASX|HKEX|SGX|NSE|BSE|TYO|XETRA|ETR|EPA|OTC|OTCMKTS)\s?:\s?[A-Z][A-Z0-9.]{0,6}\)?$",
    )
    .unwrap()
});

/// Whether a whole line is an exchange-and-ticker label.
pub(crate) fn is_ticker_line(line: &str) -> bool {
    line.len() <= 24 && TICKER_LINE.is_match(line.trim())
}

/// The line without its inline ticker chips.
pub(crate) fn strip_ticker_chips(line: &str) -> Cow<'_, str> {
    if !line.contains('%') {
        return Cow::Borrowed(line);
    }
    TICKER_CHIP.replace_all(line, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_card_is_dropped_whole() {
        let lines = [
            "Shares of the brewer fell after it cut its forecast for the year, analysts said on Tuesday.",
            "3. Hopfield Brewing",
            "NASDAQ: HOPB",
            "Today's Change",
            "(1.20%) $0.34",
            "Current Price",
            "$28.10",
            "Market Cap",
            "$3.1B",
            "Day's Range",
            "$27.60 - $28.40",
            "Volume",
            "1.2M",
            "The company now expects sales to grow 4% this year, down from 6%.",
        ];
        let card = quote_card_lines(&lines);
        assert!(
            !card[0] && !card[13],
            "prose around the card stays: {card:?}"
        );
        assert!(
            !card[1],
            "the numbered heading above the card stays: {card:?}"
        );
        assert!(card[2..13].iter().all(|&c| c), "{card:?}");
    }

    #[test]
    fn a_name_above_the_card_that_is_no_numbered_heading_goes_with_it() {
        let lines = [
            "Expand",
            "Quillon Systems",
            "NYSE: QLN",
            "Market Cap",
            "$9.8B",
            "Volume",
            "410K",
            "Dividend Yield",
            "1.10%",
        ];
        assert!(quote_card_lines(&lines).iter().all(|&c| c));
        assert!(is_numbered_heading("7. Quillon Systems"));
        assert!(is_numbered_heading("12) Quillon"));
        assert!(!is_numbered_heading("2024. The year"));
        assert!(!is_numbered_heading("3.5 million"));
        assert!(!is_numbered_heading("4. quillon"));
    }

    #[test]
    fn labels_with_values_on_one_line_count() {
        let lines = ["Market Cap: $12B", "P/E Ratio 14.2", "Dividend Yield 2.1%"];
        assert_eq!(quote_card_lines(&lines), vec![true, true, true]);
    }

    #[test]
    fn one_label_or_a_table_of_prose_is_not_a_card() {
        // A heading that happens to be a label, between prose lines.
        let lines = [
            "Trading was thin across Asian markets on Monday as investors waited for data.",
            "Volume",
            "Turnover on the Tokyo exchange fell to its lowest level since August, brokers said.",
        ];
        assert_eq!(quote_card_lines(&lines), vec![false; 3]);
        // Two labels among short lines: a near miss, kept.
        let lines = ["Price", "$4.99", "Open", "Mon-Fri 9am-5pm"];
        assert_eq!(quote_card_lines(&lines), vec![false; 4]);
        // A long line that mentions the labels is prose.
        let lines = [
            "The market cap, the volume and the dividend yield all rose in the quarter, the bank said.",
        ];
        assert_eq!(quote_card_lines(&lines), vec![false]);
    }

    #[test]
    fn exchange_ticker_lines() {
        assert!(is_ticker_line("NASDAQ: HOPB"));
        assert!(is_ticker_line("(NYSE:CRM)"));
        assert!(is_ticker_line("LSE: BP."));
        // Near misses: prose that starts with an exchange, a lower-case ticker.
        assert!(!is_ticker_line("NYSE: shares fell"));
        assert!(!is_ticker_line("Nasdaq: The index rose 2% on Friday."));
    }

    #[test]
    fn ticker_chips_leave_prose() {
        assert_eq!(
            strip_ticker_chips(
                "giants: Amazon (AMZN +0.21%) Web Services and Oracle (ORCL -7.03%) Cloud."
            ),
            "giants: Amazon Web Services and Oracle Cloud."
        );
        assert_eq!(
            strip_ticker_chips("Salesforce (NYSE: CRM +1.5%) rose."),
            "Salesforce rose."
        );
        // No sign: a figure the writer bracketed stays.
        let kept = "Growth (GDP 3%) was slow, and Acme (ACME) rose 2%.";
        assert_eq!(strip_ticker_chips(kept), kept);
        // A lower-case word is no ticker.
        let kept = "Prices (ex food +2.1%) rose.";
        assert_eq!(strip_ticker_chips(kept), kept);
    }
}
