//! Does extraction drop the market-data widgets and house promotions that finance and
//! business pages put inside the article, and keep the article's own figures? Pages written
//! for these tests.

use sinew_ingest::{parse_bytes, Format, IngestConfig};

fn text_of(page: &str) -> String {
    let mut parsed = parse_bytes(
        "page.html",
        page.as_bytes(),
        Format::Html,
        &IngestConfig::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.docs.remove(0).text
}

const LEAD: &str = "Shares of regional brewers fell on Tuesday after two of them cut their \
                    forecasts, and analysts said more warnings were likely before the summer.";
const TAIL: &str = "Hopfield said it now expects sales to grow 4% this year, down from the 6% \
                    it had forecast in March, because of higher barley prices.";

/// A quote card as finance sites print one: labels and values in divs.
fn card(name: &str, ticker: &str) -> String {
    let pairs = [
        ("Today&#x27;s Change", "(1.20%) $0.34"),
        ("Current Price", "$28.10"),
        ("Market Cap", "$3.1B"),
        ("Day&#x27;s Range", "$27.60 - $28.40"),
        ("52wk Range", "$21.05 - $33.90"),
        ("Volume", "1.2M"),
        ("Dividend Yield", "1.4%"),
    ];
    let cells: String = pairs
        .iter()
        .map(|(l, v)| format!("<div class=\"label\">{l}</div><div class=\"value\">{v}</div>"))
        .collect();
    format!(
        "<section class=\"card\"><h2><a href=\"/quote/{ticker}\">NASDAQ: {ticker}</a></h2><div>{name}</div>{cells}</section>"
    )
}

#[test]
fn quote_cards_and_ticker_chips_are_dropped() {
    let page = format!(
        "<html><body><article><h1>Brewers slide</h1><p>{LEAD}</p>{}<p>The company (HOPB -2.40%) blamed the weather.</p><p>{TAIL}</p>{}</article></body></html>",
        card("Hopfield Brewing", "HOPB"),
        card("Malt &amp; Co", "MALT"),
    );
    let text = text_of(&page);
    assert!(text.contains("Shares of regional brewers"), "{text}");
    assert!(text.contains("sales to grow 4% this year"), "{text}");
    assert!(text.contains("The company blamed the weather."), "{text}");
    for junk in [
        "Market Cap",
        "$28.10",
        "$27.60",
        "1.2M",
        "NASDAQ: HOPB",
        "HOPB -2.40%",
        "MALT",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in: {text}");
    }
}

#[test]
fn a_table_the_article_discusses_stays() {
    // Near miss: a results table with one quote-like header is the article's data.
    let page = format!(
        "<html><body><article><p>{LEAD}</p><table><tr><th>Brewer</th><th>Volume</th><th>Sales</th></tr><tr><td>Hopfield</td><td>1.2m hl</td><td>$310m</td></tr><tr><td>Malt &amp; Co</td><td>0.8m hl</td><td>$190m</td></tr></table><p>{TAIL}</p></article></body></html>"
    );
    let text = text_of(&page);
    assert!(text.contains("$310m"), "{text}");
    assert!(text.contains("$190m"), "{text}");
}

#[test]
fn house_promotions_are_dropped() {
    let page = format!(
        "<html><body><article><p>{LEAD}</p><p>Check out our Brewing Industry Database, featuring profiles of 4,200+ breweries and their 9,800+ executives.</p><p>Bonus: we're gifting you $500 in ad credits when you spend your first $500 with us.</p><p>{TAIL}</p></article></body></html>"
    );
    let text = text_of(&page);
    assert!(!text.contains("4,200+"), "{text}");
    assert!(!text.contains("ad credits"), "{text}");
    assert!(text.contains("sales to grow 4%"), "{text}");
}
