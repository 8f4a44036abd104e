//! Speakers and sources are attribution, never parties: "X said", "X's ministry estimated
//! that", "according to X". Near-misses: the party the speaker names is the subject, and a
//! company reporting its own accounts is (in `companies.rs`).

use super::{check, only, pair};

#[test]
fn a_speaker_is_not_the_subject() {
    check(&[
        (
            "The State Department put the total at 10,000 containers, while Japan's defence \
             ministry estimated that about 6,000 containers had been shipped.",
            "6,000 containers",
            (None, None),
        ),
        (
            "Ukrainian President Volodymyr Zelensky said Russia fired 10,000 shells.",
            "10,000 shells",
            only("Russia"),
        ),
        (
            "Samsung reported that LG had shipped 3 million televisions.",
            "3 million televisions",
            only("LG"),
        ),
    ]);
}

#[test]
fn a_source_after_according_to_is_not_a_party() {
    check(&[(
        "According to Chinese customs data, Brazil exported $40 billion of soy to China.",
        "$40 billion",
        pair("Brazil", "China"),
    )]);
}
