//! Language identification of clean text, and how it combines with a page's declared language.
//!
//! The classifier is `whatlang` (trigram profiles of 70 languages, data compiled in). It sees a
//! bounded sample from the start of the text, so its cost does not grow with the article.
//! Short or ambiguous text gives `None` rather than a guess.
//!
//! A fast path skips whatlang, whose cost is mostly fixed per call: 40+ words, nine in ten ASCII,
//! a fifth of them English function words and "the" one word in a hundred or more is English.
//! A short text (6 to 39 words: a headline, a feed item, one sentence) takes a stricter one:
//! every word ASCII, "the" among them and a quarter of them English function words, two
//! different ones at least. On one-sentence documents whatlang was most of the annotate cost.
//! Under 40 letters (a CJK character counting three) or under 0.9 confidence the answer is
//! `None`.
//!
//! Which language a document gets: a JSON Lines record's own `lang` field is taken as given;
//! otherwise a confident detection wins over `<html lang>` or a feed's `<language>`/`xml:lang`
//! (templates declare `en` on pages in other languages), and the declaration, reduced to its
//! primary subtag, stands only when the text cannot tell.

use whatlang::Lang;

/// Bytes of clean text the classifier sees: a few paragraphs decide a language, and the cap
/// keeps the cost per document flat.
const SAMPLE_BYTES: usize = 2048;

/// Below this many letters a sample is too short to call (ideographs and kana count
/// [`WIDE_LETTER_WEIGHT`] each, since one of them carries about a word).
const MIN_LETTERS: usize = 40;

/// The weight of one CJK ideograph, kana or Hangul syllable in [`MIN_LETTERS`].
const WIDE_LETTER_WEIGHT: usize = 3;

/// whatlang's confidence (0 to 1: the margin of the best language over the runner-up, scaled
/// by sample size) from which a detection is trusted; its own "reliable" mark is above 0.9.
const MIN_CONFIDENCE: f64 = 0.9;

/// The ISO 639-1 code of the language of `text`, when the start of it is long and clear
/// enough to tell; `None` for short, mixed or ambiguous text.
pub fn identify_lang(text: &str) -> Option<&'static str> {
    let sample = sample(text);
    if letter_weight(sample) < MIN_LETTERS {
        return None;
    }
    if plainly_english(sample) || short_and_plainly_english(sample) {
        return Some("en");
    }
    let info = whatlang::detect(sample)?;
    if info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    Some(iso_639_1(info.lang()))
}

/// The language a document gets from its declared language (`<html lang>`, already reduced to
/// its primary subtag) and its text. A confident detection wins, because site templates
/// often declare `en` on every page whatever its language; the declaration stands when the
/// text is too short or too mixed to tell.
/// English function words: in English prose about two words in five are one of these; in
/// other languages written in Latin letters they are rare ("in", "was" and "will" aside).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are",
    "be", "by", "this", "you", "at", "or", "from", "have", "an", "they", "not", "but", "can",
    "your", "will", "has", "their", "which", "were", "been", "its", "would",
];

/// A fast path before whatlang (whose cost is mostly fixed per call, about a tenth of the
/// extraction budget for a page): at least 40 words, nine in ten ASCII, a fifth of them
/// English function words and "the" among them (one word in a hundred: marketing copy
/// uses it sparingly). Such a sample is English.
fn plainly_english(sample: &str) -> bool {
    let (mut words, mut function, mut the, mut non_ascii) = (0usize, 0usize, 0usize, 0usize);
    for word in sample.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if !word.is_ascii() {
            non_ascii += 1;
            continue;
        }
        let mut lower = [0u8; 8];
        if word.len() > lower.len() {
            continue;
        }
        for (d, s) in lower.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let lower = &lower[..word.len()];
        if lower == b"the" {
            the += 1;
        }
        if ENGLISH_FUNCTION_WORDS.iter().any(|w| w.as_bytes() == lower) {
            function += 1;
        }
    }
    words >= 40 && non_ascii * 10 <= words && function * 5 >= words && the * 100 >= words
}

/// Function words of English that no other language written in Latin letters uses as a
/// common word (unlike "in", "is", "was", "an", "a"; "of" is Dutch, "for" Danish, "to" Czech,
/// "over" Dutch): three different ones in a short ASCII text say English where "the" is missing ("More than a third of Serbia's
/// imports come from Belarus, officials said" was read as Catalan and left unannotated).
const ENGLISH_ONLY_WORDS: &[&str] = &[
    "the", "and", "that", "with", "from", "this", "have", "they", "not", "but", "your", "has",
    "their", "which", "were", "been", "its", "would", "than", "said", "says", "after", "about",
    "into", "more", "less", "while", "since", "during",
];

/// The fast path for a short text (6 to 39 words), stricter than [`plainly_english`] because a
/// few words prove less: no word outside ASCII, a quarter of the words English function words
/// and at least two different ones with "the" among them (a word other languages written in
/// Latin letters do not have); or, without "the", three different [`ENGLISH_ONLY_WORDS`]
/// making a sixth of the words.
fn short_and_plainly_english(sample: &str) -> bool {
    let (mut words, mut function, mut the) = (0usize, 0usize, false);
    let (mut only, mut only_seen) = (0usize, 0u64);
    let mut seen = 0u64;
    for word in sample.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        if word.is_empty() {
            continue;
        }
        if !word.is_ascii() {
            return false;
        }
        words += 1;
        if words >= 40 {
            return false;
        }
        if let Some(i) = ENGLISH_FUNCTION_WORDS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(word))
        {
            function += 1;
            seen |= 1 << i;
            the |= i == 0;
        }
        if let Some(i) = ENGLISH_ONLY_WORDS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(word))
        {
            only += 1;
            only_seen |= 1 << i;
        }
    }
    words >= 6
        && ((the && function * 4 >= words && seen.count_ones() >= 2)
            || (only * 6 >= words && only_seen.count_ones() >= 3))
}

pub(crate) fn choose_lang(declared: Option<String>, text: &str) -> Option<String> {
    match identify_lang(text) {
        Some(detected) => Some(detected.to_string()),
        None => declared,
    }
}

/// A declared language tag (`en-GB`, `pt_BR`, ` EN `) reduced to its primary subtag, lower
/// case (`en`); `None` unless that is two or three ASCII letters.
pub(crate) fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

/// The longest prefix of `text` of at most [`SAMPLE_BYTES`] bytes that ends on a character
/// boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn letter_weight(sample: &str) -> usize {
    sample
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| if is_wide(c) { WIDE_LETTER_WEIGHT } else { 1 })
        .sum()
}

/// Words in `s`: whitespace-separated, with a run of ideographs or kana (written without
/// spaces) counted as one word for every two characters.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .map(|w| match w.chars().filter(|&c| is_wide(c)).count() {
            0 => 1,
            n => n.div_ceil(2),
        })
        .sum()
}

/// CJK ideographs, kana and Hangul syllables.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// whatlang names languages by ISO 639-3; Sinew stores ISO 639-1. Mandarin is `zh`, Iranian
/// Persian `fa`, Norwegian Bokmål `nb`.
fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_fast_path_takes_web_english_and_nothing_else() {
        // Marketing English uses "the" sparingly; its function words still give it away.
        let web = "Looking for a simple way to plan your meals? Our team builds weekly menus \
                   for busy families, and you can swap any dish on the menu with one tap. Every recipe \
                   lists its prep time, its cost per serving and what you need to buy, so \
                   your shopping list is ready before you are. Try it free for two weeks and \
                   see how much time you save.";
        assert!(plainly_english(web), "web English");
        // Other languages in Latin letters share a few short words with English ("in",
        // "is", "was", "an", "of") but never a fifth of their words.
        let others = [
            "De regering heeft dinsdag nieuwe maatregelen aangekondigd om boeren te helpen \
             die last hebben van de droogte. Het pakket is groter dan vorig jaar en omvat \
             leningen, subsidies en advies over water. In het noorden van het land was de \
             schade het grootst, zei de minister, en daar gaat het meeste geld naartoe.",
            "Die Regierung hat am Dienstag neue Massnahmen angekuendigt, um Landwirten zu \
             helfen, die unter der Duerre leiden. Das Paket ist groesser als im letzten Jahr \
             und umfasst Kredite, Zuschuesse und Beratung zum Wasser. Im Norden war der \
             Schaden am groessten, sagte die Ministerin, und dorthin geht das meiste Geld.",
            "El gobierno anuncio el martes nuevas medidas para ayudar a los agricultores \
             afectados por la sequia. El paquete es mayor que el del ano pasado e incluye \
             prestamos, subsidios y asesoria sobre el agua. En el norte del pais el dano fue \
             mayor, dijo la ministra, y alli ira la mayor parte del dinero.",
            "Pemerintah pada hari Selasa mengumumkan langkah baru untuk membantu petani yang \
             terkena kekeringan. Paket ini lebih besar dari tahun lalu dan mencakup pinjaman, \
             subsidi dan nasihat tentang air. Di utara kerusakan paling parah, kata menteri, \
             dan ke sana sebagian besar uang akan pergi.",
        ];
        for text in others {
            assert!(!plainly_english(text), "{text}");
        }
    }

    #[test]
    fn the_short_fast_path_takes_a_plain_english_sentence_and_nothing_else() {
        for en in [
            "The ministry said exports rose by a third in the spring.",
            "Shipments to the port fell to 40,000 tonnes in May.",
            "Prices at the pump are up 12 cents on the week.",
        ] {
            assert!(short_and_plainly_english(en), "{en}");
        }
        // Without "the": three different words only English uses as function words.
        for en in [
            "More than a third of Serbia's imports of engines come from Belarus, officials \
             said. Less than 2% came from Austria.",
            "Imports from Chile were 12% higher than in 2023, officials said.",
        ] {
            assert!(short_and_plainly_english(en), "{en}");
        }
        for other in [
            // No "the" and too few English-only words, or too few function words, or not
            // ASCII, or too short.
            "Exports rose by a third in spring, officials said.",
            "Het is niet meer dan een derde van de export over Rotterdam, zei de minister.",
            "Eksporten for maj steg med en tredjedel til Polen, sagde ministeren.",
            "To je více než třetina vývozu do Polska, řekl ministr.",
            "Het ministerie zei dinsdag dat de export met een derde steeg.",
            "Die Ausfuhren in den Hafen sind im Mai gesunken, sagte das Ministerium.",
            "Le ministère a dit que les exportations ont augmenté au printemps.",
            "El ministerio dijo que las exportaciones subieron en la primavera.",
            "The Hague: Rotterdam, Amsterdam, Utrecht, Eindhoven, Groningen, Tilburg.",
            "The café on the corner is open.",
            "The rate is in.",
        ] {
            assert!(!short_and_plainly_english(other), "{other}");
        }
        // Forty words or more go to the long fast path or to whatlang.
        let long = "the price of oil is up ".repeat(7);
        assert!(!short_and_plainly_english(&long));
    }

    #[test]
    fn sample_ends_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        let s = sample(&text);
        assert!(s.len() <= SAMPLE_BYTES && s.len() >= SAMPLE_BYTES - 1);
        assert_eq!(sample("short"), "short");
    }

    #[test]
    fn every_code_is_two_letters() {
        for &lang in Lang::all() {
            let code = iso_639_1(lang);
            assert!(
                code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()),
                "{lang:?} -> {code}"
            );
        }
    }

    #[test]
    fn declared_language_stands_only_without_a_confident_detection() {
        let french = "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir \
                      les agriculteurs touchés par la sécheresse de cet été.";
        assert_eq!(
            choose_lang(Some("en".into()), french).as_deref(),
            Some("fr")
        );
        assert_eq!(
            choose_lang(Some("fr".into()), "Paris, mardi.").as_deref(),
            Some("fr")
        );
        assert_eq!(choose_lang(None, "Paris, mardi."), None);
    }

    #[test]
    fn fast_path_takes_only_english() {
        let en = "The ministry said on Tuesday that the ships had carried more than a thousand containers to the port, and that the trade was likely to grow in the coming months as the two countries deepen their ties with each other.";
        assert!(plainly_english(en));
        let others = [
            "Het ministerie zei dinsdag dat de schepen meer dan duizend containers naar de haven hadden vervoerd, en dat de handel in de komende maanden waarschijnlijk zal groeien nu de twee landen hun banden aanhalen met elkaar.",
            "Das Ministerium teilte am Dienstag mit, dass die Schiffe mehr als tausend Container in den Hafen gebracht hätten und dass der Handel in den kommenden Monaten wachsen werde, da die beiden Länder ihre Beziehungen vertiefen.",
            "Le ministère a indiqué mardi que les navires avaient transporté plus de mille conteneurs vers le port et que le commerce devrait croître dans les mois à venir, les deux pays renforçant leurs liens les uns avec les autres.",
        ];
        for text in others {
            assert!(!plainly_english(text), "{text}");
        }
    }
}
