//! Counted nouns whose modifiers are names: names joined by "and"/"or" before the noun
//! ("12 Turkish and Greek trawlers"), and a rate after such a noun ("250 Krasnopol shells a
//! week"), where the span keeps to the number because names stand between.

use super::quantities::check;

#[test]
fn names_joined_by_and_or_before_the_noun() {
    check(
        "The coastguard detained 12 Turkish and Greek trawlers overnight.",
        &[("12", 12.0, None, "trawler", "", "")],
    );
    check(
        "Regulators fined 3 US or European lenders for the breach.",
        &[("3", 3.0, None, "lender", "", "")],
    );
    check(
        "The ministry listed 40 Indian and Sri Lankan suppliers.",
        &[("40", 40.0, None, "supplier", "", "")],
    );
}

#[test]
fn a_conjunction_before_a_number_or_a_month_ends_the_noun() {
    // "and" then a number: two figures, each with its own noun.
    check(
        "Inspectors found 5 Belgian and 7 Dutch vessels in breach.",
        &[
            ("5", 5.0, None, "", "", ""),
            ("7", 7.0, None, "vessel", "", ""),
        ],
    );
    // "and" then a month is a date, not a name that owns the noun.
    check(
        "Output was 9 Pacific and March figures were lower.",
        &[("9", 9.0, None, "", "", "")],
    );
}

#[test]
fn a_rate_after_a_noun_past_names_is_the_figures() {
    check(
        "Ukraine says Russia fires about 250 Krasnopol shells a week near the town.",
        &[("about 250", 250.0, None, "shell", "about", "week")],
    );
    check(
        "The port now handles 30 Panamax ships per month.",
        &[("30", 30.0, None, "ship", "", "month")],
    );
    // No rate: the noun's span is unchanged.
    check(
        "The yard delivered 4 Arleigh Burke destroyers to the navy.",
        &[("4", 4.0, None, "destroyer", "", "")],
    );
}

#[test]
fn a_state_before_a_count_of_plural_things_is_handed_them() {
    // "sent Kyiv 8 armoured vehicles": the state gets the vehicles; no model "Kyiv 8".
    check(
        "Portugal sent Chile 6 patrol boats.",
        &[("6 patrol boats", 6.0, None, "patrol boat", "", "")],
    );
    check(
        "Norway gave Estonia 12 howitzers in spring.",
        &[("12 howitzers", 12.0, None, "howitzer", "", "")],
    );
    // Near-misses: a model number after a name that is no state stays a label, and so
    // does a state's number before a singular noun.
    check("The Falcon 9 rockets flew in May.", &[]);
    check("They built the Estonia 2 terminal.", &[]);
}

#[test]
fn a_model_name_with_its_number_is_read_past() {
    // "200 Fath-360 missiles": the model with its number is a name between.
    check(
        "Tehran shipped more than 200 Fath-360 missiles.",
        &[("more than 200", 200.0, None, "missile", "more than", "")],
    );
    check(
        "The air force bought 24 Su-35 jets.",
        &[("24", 24.0, None, "jet", "", "")],
    );
}
