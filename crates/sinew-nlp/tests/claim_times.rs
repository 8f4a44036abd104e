//! Which time a claim's figure takes: the time of its own clause, not a neighbouring
//! clause's; never a recurrence ("every month") or a clock time without a date; "now" is the
//! publication day, and the claim is valued with it (the mention keeps PRESENT_REF); "between X and Y", two TIMEX3 dates, dates a figure with the range. Sentences
//! written for these tests.

use sinew_nlp::annotate;
use sinew_types::DocId;

/// The time text of the claim stating `quote` in `text`, published 2024-06-01.
fn time_of(text: &str, quote: &str) -> Option<String> {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
        .time
        .map(|t| t.text)
}

#[test]
fn a_figure_takes_the_time_of_its_own_clause() {
    let text = "China's exports to Russia reached 600 million dollars last December, a level \
                unseen since Xi's visit in March.";
    assert_eq!(
        time_of(text, "600 million").as_deref(),
        Some("last December")
    );
    let text = "Russia shipped 2 million tonnes of oil to India in May, after talks that began \
                in January.";
    assert_eq!(time_of(text, "2 million").as_deref(), Some("May"));
}

#[test]
fn now_dates_a_figure_to_publication() {
    let text = "China now supplies 90% of Russia's microchips.";
    assert_eq!(time_of(text, "90%").as_deref(), Some("now"));
}

/// The TIMEX3 value of the claim stating `quote` in `text`, published 2024-06-01, and of
/// the document's time mentions.
fn values_of(
    text: &str,
    quote: &str,
    published: Option<chrono::NaiveDate>,
) -> (Option<String>, Vec<String>) {
    let a = annotate(text, published, &DocId("test".into()));
    let claim = a
        .claims
        .iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"));
    let mentions = a.times.iter().filter_map(|t| t.timex.clone()).collect();
    (claim.time.as_ref().and_then(|t| t.timex.clone()), mentions)
}

#[test]
fn a_figure_stated_now_is_valued_with_the_publication_day() {
    let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    let text = "Turkey currently buys 40% of its gas from Russia.";
    let (claim, mentions) = values_of(text, "40%", day);
    assert_eq!(claim.as_deref(), Some("2024-06-01"));
    // the mention itself keeps TimeML's value
    assert_eq!(mentions, vec!["PRESENT_REF".to_string()]);
    let text = "At present the mine employs 1,200 workers.";
    assert_eq!(
        values_of(text, "1,200", day).0.as_deref(),
        Some("2024-06-01")
    );
    // with no publication date there is no day to give
    assert_eq!(
        values_of(text, "1,200", None).0.as_deref(),
        Some("PRESENT_REF")
    );
}

#[test]
fn a_baseline_and_its_time_do_not_date_the_figure() {
    // the time right after the figure a change is measured from is that figure's
    let text = "Operating profit was $4.1 billion, up from $3.2 billion a year earlier.";
    assert_eq!(time_of(text, "4.1 billion"), None);
    // "from the same quarter in 2023" is the baseline; the opening time dates the figure
    let text = "In the third quarter of 2024, the insurer wrote $9 billion of premiums, up 14% \
                from the same quarter in 2023.";
    assert_eq!(
        time_of(text, "14%").as_deref(),
        Some("the third quarter of 2024")
    );
}

#[test]
fn a_fiscal_year_named_by_its_last_month_dates_the_figure() {
    let text = "Exports to Japan reached $12 billion in the fiscal year to March 2024.";
    let (claim, _) = values_of(
        text,
        "12 billion",
        chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
    );
    assert_eq!(claim.as_deref(), Some("FY2024"));
}

#[test]
fn sets_and_clock_times_do_not_date_a_figure() {
    let text = "Russia sends 300 million dollars of oil to China every month.";
    assert_eq!(time_of(text, "300 million"), None);
    let text = "At 5 pm, Russia said it had shipped 1,500 tanks to Belarus in 2023.";
    assert_eq!(time_of(text, "1,500").as_deref(), Some("2023"));
}

#[test]
fn a_figure_between_two_dates_takes_the_range() {
    // TIMEX3 writes "2021" and "2023"; the change is over both
    let text = "Chinese exports to Russia grew by 64.2% between 2021 and 2023.";
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    let claim = annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains("64.2%"))
        .expect("a claim for 64.2%");
    let time = claim.time.expect("dated");
    assert_eq!(time.text, "2021 and 2023");
    assert_eq!(time.kind, sinew_types::TimeKind::Range);
    assert_eq!(
        (time.start_date, time.end_date),
        (
            chrono::NaiveDate::from_ymd_opt(2021, 1, 1),
            chrono::NaiveDate::from_ymd_opt(2023, 12, 31)
        )
    );
    // a signal outside the span still gives the claim its kind
    let text = "North Korea has shipped 6,700 containers to Russia since August 2023.";
    let claim = annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains("6,700"))
        .expect("a claim for 6,700");
    let time = claim.time.expect("dated");
    assert_eq!(time.text, "August 2023");
    assert_eq!(time.kind, sinew_types::TimeKind::Since);
}

#[test]
fn a_clock_time_on_a_date_dates_a_figure() {
    let text = "At 5 pm on March 3, the ministry said 1,200 drones had been shot down.";
    assert_eq!(time_of(text, "1,200").as_deref(), Some("5 pm on March 3"));
    let text = "Russia fired 40 missiles at Kyiv overnight, the air force said.";
    assert_eq!(time_of(text, "40 missiles").as_deref(), Some("overnight"));
}

#[test]
fn the_clause_decides_in_sport_and_finance() {
    let text = "The club paid 80 million euros for the striker in January, the highest fee since \
                the takeover in 2019.";
    assert_eq!(time_of(text, "80 million").as_deref(), Some("January"));
    let text = "Revenue reached $4.2 billion in the first quarter of 2024, while costs have \
                risen since 2021.";
    assert_eq!(
        time_of(text, "$4.2 billion").as_deref(),
        Some("the first quarter of 2024")
    );
}

#[test]
fn a_restated_figure_takes_the_time_of_the_figure_it_restates() {
    // The bracket restates the dollar figure; both refer to last December, not to March.
    let text = "Since the minister's visit in March, shipments reached a peak of 80 million \
                dollars (about 74 million euros) last December.";
    assert_eq!(
        time_of(text, "80 million").as_deref(),
        Some("last December")
    );
    assert_eq!(
        time_of(text, "74 million").as_deref(),
        Some("last December")
    );
    // Near-miss: with no bracket between, the nearest time in the clause still wins.
    let text = "Shipments reached 80 million dollars in March and 74 million euros last December.";
    assert_eq!(time_of(text, "80 million").as_deref(), Some("March"));
}

#[test]
fn the_baseline_of_a_comparison_is_not_the_figures_time() {
    let text = "Exports were 12% higher than in 2022.";
    assert_eq!(time_of(text, "12%"), None);
    let text = "Sales reached $4 billion in 2023, compared with 2021.";
    assert_eq!(time_of(text, "$4 billion").as_deref(), Some("2023"));
    // Near-miss: a time with no comparison dates the figure.
    let text = "Exports were 12% higher in 2023.";
    assert_eq!(time_of(text, "12%").as_deref(), Some("2023"));
}
#[test]
fn a_sentence_opened_by_a_time_dates_its_figures() {
    // "For 2026," and "As of June," open the sentence and date all of it, even past a comma.
    let text = "For 2025, we expect about a 2% gain in exports, driven by demand from Asia.";
    assert_eq!(time_of(text, "2%").as_deref(), Some("2025"));
    let text = "As of March, the fund held $40 million, its managers said.";
    assert_eq!(time_of(text, "$40 million").as_deref(), Some("March"));
    // A window ending with a month dates a figure as one range.
    let text = "Retail sales rose 1.1% in the three months to April.";
    assert_eq!(
        time_of(text, "1.1%").as_deref(),
        Some("the three months to April")
    );
    // Near miss: a year after "compared with" is the baseline, not the figure's time.
    let text = "Exports rose 4%, compared with 2022.";
    assert_eq!(time_of(text, "4%"), None);
}

#[test]
fn a_figure_with_a_yearly_rate_still_makes_a_claim() {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    let text = "Fraud costs retailers $12 billion annually, the study found.";
    let claims = annotate(text, published, &DocId("test".into())).claims;
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].quantity.per.as_deref(), Some("year"));
}

#[test]
fn a_change_is_not_dated_by_its_baseline() {
    // The baseline follows "from", "since" or "on the previous year"; a level stated just
    // before dates the change.
    let text = "Rail freight reached 52 million tonnes in 2023, up 9% on the previous year.";
    assert_eq!(time_of(text, "9%").as_deref(), Some("2023"));
    let text = "Card spending rose 14% from 2022, the bank said.";
    assert_eq!(time_of(text, "14%"), None);
    // Near misses: a window of the change, and a time that is not after the figure.
    let text = "Exports grew 30% from 2021 to 2023.";
    assert_eq!(time_of(text, "30%").as_deref(), Some("2021 to 2023"));
    let text = "In 2023, imports rose 12% from a year earlier.";
    assert_eq!(time_of(text, "12%").as_deref(), Some("2023"));
}

#[test]
fn a_time_past_another_figure_and_a_new_clause_dates_that_figure() {
    // the later year belongs to the relative clause of the target, not to the growth rate
    let text = "Sales of the cooperative were 14.2% higher than in 2021 and beat the \
                $90 million target that its board had fixed for 2025, the report said.";
    assert_eq!(time_of(text, "14.2%"), None);
    assert_eq!(time_of(text, "$90 million").as_deref(), Some("2025"));
    // with no new clause in between, one time dates both figures
    let text = "The port handled 3 million tonnes worth $400 million in 2022.";
    assert_eq!(time_of(text, "3 million tonnes").as_deref(), Some("2022"));
}

#[test]
fn a_citation_year_is_no_time() {
    let text = "The survey found that 61 percent of farms used drip irrigation (Ortega 2023).";
    assert_eq!(time_of(text, "61 percent"), None);
    let text = "In 2019, 61 percent of farms used drip irrigation (Ortega and Lind 2023).";
    assert_eq!(time_of(text, "61 percent").as_deref(), Some("2019"));
}

#[test]
fn a_time_inside_a_change_baseline_dates_the_baseline() {
    let text = "The average toll will be $4.10 over the whole of 2027, down from its 2026 \
                average of $4.60.";
    assert_ne!(time_of(text, "$4.10").as_deref(), Some("2026"));
    assert_eq!(time_of(text, "$4.60").as_deref(), Some("2026"));
}

#[test]
fn a_contrast_opens_a_clause_with_its_own_time() {
    let text = "Chile sold almost no copper to Vietnam before 2020 but has since become a big \
                supplier, shipping 40,000 tonnes a month lately.";
    assert_ne!(
        time_of(text, "40,000 tonnes").as_deref(),
        Some("before 2020")
    );
    assert_ne!(time_of(text, "40,000 tonnes").as_deref(), Some("2020"));
}

#[test]
fn figures_in_one_phrase_share_its_time() {
    let text = "About 40% of the cotton and roughly 25% of the wool that Peru imported in 2022 \
                came from Bolivia.";
    assert_eq!(time_of(text, "About 40%").as_deref(), Some("2022"));
    let text = "The chain hopes to open 300 shops in Spain and another 50 in Portugal by 2029.";
    assert_eq!(time_of(text, "300 shops").as_deref(), Some("2029"));
}

/// The claim stating `quote` in `text`, published 2024-06-01.
fn claim_of(text: &str, quote: &str) -> sinew_types::Claim {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1);
    annotate(text, published, &DocId("test".into()))
        .claims
        .into_iter()
        .find(|c| text[c.span.start..c.span.end].contains(quote))
        .unwrap_or_else(|| panic!("no claim {quote:?} in {text:?}"))
}

#[test]
fn a_limit_is_no_flow_and_takes_no_time_from_another_clause() {
    use sinew_types::MeasureKind::Other;
    let text = "Chile has sold over 3 million tonnes of copper to Peru since April last year, \
                beyond the cap of 900,000 tonnes a year agreed by both governments.";
    let cap = claim_of(text, "900,000");
    assert_eq!(cap.kind, Other);
    assert_eq!(cap.time, None);
    // The running total keeps its own time.
    assert_eq!(
        time_of(text, "3 million").as_deref(),
        Some("April last year")
    );
    let text = "Under the accord, no more than 4,000 seasonal workers are allowed into Norway \
                each year.";
    assert_eq!(claim_of(text, "4,000").kind, Other);
    let text = "Imports of steel are limited to 2 million tonnes in 2025.";
    assert_eq!(claim_of(text, "2 million").kind, Other);
    assert_eq!(time_of(text, "2 million").as_deref(), Some("2025"));
    // Near-misses: a price cap is a price; a peak reached is no limit; "up to" a hedge with
    // nothing allowing or advising stays a flow.
    let text = "Greece agreed to a price cap of $45 a barrel on Iranian crude.";
    assert_eq!(claim_of(text, "$45").kind, sinew_types::MeasureKind::Price);
    let text = "Sales of tin to Malaysia reached a maximum of 90 million dollars last March.";
    assert_ne!(claim_of(text, "90 million").kind, Other);
    let text = "Bolivia shipped up to 5,000 tonnes of tin to Malaysia in March.";
    assert_ne!(claim_of(text, "5,000").kind, Other);
}

#[test]
fn the_time_of_a_saying_does_not_date_what_was_sent() {
    use sinew_types::MeasureKind::{Flow, Stock};
    // A flow with no time of its own: the saying's time is not when it moved.
    let text = "Chile sent 700 tonnes of copper to Peru, the ministry said last week.";
    let c = claim_of(text, "700 tonnes");
    assert_eq!(c.kind, Flow);
    assert_eq!(c.time, None);
    // A flow with a time of its own keeps it, wherever the saying's time stands.
    let text = "In May Chile sent 700 tonnes of copper to Peru, the ministry said last week.";
    assert_eq!(time_of(text, "700 tonnes").as_deref(), Some("May"));
    // A running total or a headcount "now" is as of the saying, a point, not a start.
    let text = "Chile has sent more than 9,000 tonnes of copper to Peru, the ministry said \
                last week.";
    let c = claim_of(text, "9,000");
    assert_eq!(c.kind, Stock);
    assert_eq!(c.time.as_ref().map(|t| t.text.as_str()), Some("last week"));
    assert_eq!(c.time.map(|t| t.kind), Some(sinew_types::TimeKind::Point));
    let text = "Peru has about 4,000 soldiers in Chile, officials said on Tuesday.";
    assert!(time_of(text, "4,000").is_some());
    // Near-miss: "it reported in October" with no comma dates the count itself.
    let text = "Chile has sold about 9,000 tonnes of copper to Peru since June 2023, up from \
                6,000 tonnes it reported in October.";
    assert_eq!(time_of(text, "6,000").as_deref(), Some("October"));
}

#[test]
fn a_count_as_of_a_day_is_a_stock_and_the_figure_is_the_one_before() {
    use sinew_types::MeasureKind::{Flow, Stock};
    let text = "Peru had sold 8,000 tonnes of zinc to Chile as of March.";
    let c = claim_of(text, "8,000");
    assert_eq!(c.kind, Stock);
    assert_eq!(time_of(text, "8,000").as_deref(), Some("March"));
    // Near-miss: shipments in a month are that month's flow.
    let text = "Peru sold 8,000 tonnes of zinc to Chile in March.";
    assert_eq!(claim_of(text, "8,000").kind, Flow);
    // "the figure" is the figure of the sentence before: its measure, kind and unit.
    let text = "Peru has sold about 9,000 tonnes of zinc to Chile since 2022. Analysts put the \
                figure at 7,500.";
    let before = claim_of(text, "9,000");
    let c = claim_of(text, "7,500");
    assert_eq!(c.measure, before.measure);
    assert_eq!(c.kind, before.kind);
    assert_eq!(c.quantity.unit, before.quantity.unit);
    // Near-miss: "the total in Lima" narrows the count; it is not the figure before.
    let text = "Peru has sold about 9,000 tonnes of zinc to Chile since 2022. Analysts put the \
                total in Lima at 700 tonnes.";
    assert_ne!(claim_of(text, "700").measure, before.measure);
}

#[test]
fn a_time_set_off_before_a_list_dates_every_figure_of_the_list() {
    let text = "Brazil harvested 150 million tonnes of soy in 2021: 55 percent for export, 30 \
                percent for feed, and 15 percent for oil.";
    for quote in ["55 percent", "30 percent", "15 percent"] {
        assert_eq!(time_of(text, quote).as_deref(), Some("2021"), "{quote}");
    }
    let text = "Nurses reported burnout in the past year, with 70% citing long shifts, and 40% \
                citing low pay.";
    assert_eq!(time_of(text, "40%").as_deref(), Some("the past year"));
    // Near-miss: a contrast opens a clause of its own, which the time does not frame.
    let text = "The mill hired 400 workers in 2021, while its rival cut 300 jobs and closed 12 \
                plants.";
    assert_eq!(time_of(text, "12 plants"), None);
}

#[test]
fn the_parts_of_a_total_are_counted_when_it_is() {
    let text = "The retailer now has about 900 shops, including 600 shops in Spain, 200 shops in \
                Portugal and 100 shops in France.";
    for quote in ["600 shops", "200 shops"] {
        assert_eq!(time_of(text, quote).as_deref(), Some("now"), "{quote}");
    }
    let text = "The bank lent $5 billion in 2022, including $2 billion to farmers.";
    assert_eq!(time_of(text, "$2 billion").as_deref(), Some("2022"));
}

#[test]
fn figures_listed_alike_share_their_time() {
    let text = "The grant ceiling for 2025, which is $9,000 for students and $12,000 for \
                veterans, is the highest yet.";
    assert_eq!(
        time_of(text, "$12,000").as_deref(),
        time_of(text, "$9,000").as_deref()
    );
    assert!(time_of(text, "$12,000").is_some());
    // Near-miss: a baseline after "up from" is another figure, not one listed alike.
    let text = "Exports rose in 2023 to $5 billion, up from $4 billion.";
    assert_eq!(time_of(text, "$5 billion").as_deref(), Some("2023"));
    assert_eq!(time_of(text, "$4 billion"), None);
}

/// A flow with no time in its sentence, right after a dated figure of the same two parties in
/// the same paragraph, is of that time; a new paragraph, other parties, or a stock do not
/// take it.
#[test]
fn the_next_sentence_about_the_same_pair_keeps_the_time() {
    let text = "Trade between Chile and Peru reached $4.2 billion in 2022, customs data show. \
                Chilean exports to Peru were worth about $2.6 billion.";
    assert_eq!(
        time_of(text, "$2.6 billion").as_deref(),
        Some("2022"),
        "{text}"
    );
    let other_pair = "Trade between Chile and Peru reached $4.2 billion in 2022. \
                      Argentine exports to Bolivia were worth about $1.1 billion.";
    assert_eq!(time_of(other_pair, "$1.1 billion"), None, "{other_pair}");
    let new_paragraph = "Trade between Chile and Peru reached $4.2 billion in 2022.\n\n\
                         Chilean exports to Peru were worth about $2.6 billion.";
    assert_eq!(
        time_of(new_paragraph, "$2.6 billion"),
        None,
        "{new_paragraph}"
    );
}

#[test]
fn a_saying_time_that_opens_the_sentence_dates_every_count_it_reports() {
    // "On March 3 the ministry said ..., and that ...": both reported counts are as of the day
    // the sentence opens with, comma or not.
    for text in [
        "On March 3 the ministry said Belarus had sent 900 soldiers to Serbia, and that 40 \
         tanks had been moved to Serbia by rail.",
        "On March 3, the ministry said Belarus had sent 900 soldiers to Serbia, and that 40 \
         tanks had been moved to Serbia by rail.",
    ] {
        assert_eq!(time_of(text, "900").as_deref(), Some("March 3"), "{text}");
        assert_eq!(
            time_of(text, "40 tanks").as_deref(),
            Some("March 3"),
            "{text}"
        );
    }
    // Near-miss: the second clause's own time dates its count.
    let text = "On March 3 the ministry said Belarus had sent 900 soldiers to Serbia, and that 40 \
                tanks had been moved to Serbia by rail in May.";
    assert_eq!(time_of(text, "40 tanks").as_deref(), Some("May"));
}

/// "up 12% on 2022": a year after "on" is what the change is measured against; the change
/// is of the level's time. Near-miss: "rose 12% on Monday" is dated by its day.
#[test]
fn a_year_after_on_is_the_baseline_of_a_change() {
    let text = "Chile imported 9 million tonnes of Peruvian copper ore in 2023, up 12% on 2022.";
    assert_eq!(time_of(text, "12%").as_deref(), Some("2023"));
    assert_eq!(
        time_of("Copper prices in Lima rose 12% on Monday.", "12%").as_deref(),
        Some("Monday")
    );
}
