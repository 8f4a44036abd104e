//! The class and id words that mark page furniture (`content.rs` judges elements by them),
//! and their lookup: a word is checked by its first letter and length, then by binary search
//! over the words packed as integers.

/// Words in a class or id that mark furniture ("site-nav", "comments-area", "share-bar").
const JUNK_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "submenu",
    "megamenu",
    "footer",
    "share",
    "shares",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "related",
    "subscribe",
    "subscription",
    "newsletter",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "sponsor",
    "sponsored",
    "promo",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "paywall",
    "signup",
    "outbrain",
    "taboola",
    "recommended",
    "recirculation",
    "trending",
    "byline",
    "tags",
    "taglist",
    "pagination",
    "pager",
    "toolbar",
    "sr",
    "bio",
    "cta",
    "author",
    "disclaimer",
    "disclosure",
    "affiliate",
    "recent",
    "caption",
    "credit",
    "credits",
    "masthead",
    "banner",
];

/// A word of up to 16 bytes as one integer (zero-padded): words compare as integers,
/// without a call to `memcmp` per probe.
fn packed(word: &[u8]) -> u128 {
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    u128::from_be_bytes(buf)
}

/// [`JUNK_TOKENS`] of 16 bytes or fewer, packed and sorted, for binary search.
static JUNK_SORTED: std::sync::LazyLock<Vec<u128>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<u128> = JUNK_TOKENS
        .iter()
        .filter(|t| t.len() <= 16)
        .map(|t| packed(t.as_bytes()))
        .collect();
    v.sort_unstable();
    v
});

/// For each first letter, a bit per length (1 to 16) of the furniture words starting with
/// it: most class words are rejected by one lookup, without a string comparison.
static JUNK_SHAPES: std::sync::LazyLock<[u32; 26]> = std::sync::LazyLock::new(|| {
    let mut shapes = [0u32; 26];
    for t in JUNK_TOKENS {
        let first = t.as_bytes()[0];
        if first.is_ascii_lowercase() && t.len() <= 16 {
            shapes[usize::from(first - b'a')] |= 1 << t.len();
        }
    }
    shapes
});

/// Whether one word of a class or id (any case) marks furniture.
pub(super) fn is_junk_token(t: &str) -> bool {
    let mut buf = [0u8; 16];
    if t.is_empty() || t.len() > buf.len() {
        return false;
    }
    let first = t.as_bytes()[0].to_ascii_lowercase();
    if !first.is_ascii_lowercase() || JUNK_SHAPES[usize::from(first - b'a')] & (1 << t.len()) == 0 {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(t.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    JUNK_SORTED.binary_search(&u128::from_be_bytes(buf)).is_ok()
}
