//! Line-level rules for the junk that scrapes of news pages carry: navigation, subscription
//! and social prompts, cookie notices, comment prompts, breadcrumbs, logo text.

use std::borrow::Cow;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use sinew_types::text::WEEKDAY_NAMES;

/// Whole lines that are page furniture, compared after [`key`] (lower case, no digits, no
/// brackets, no surrounding punctuation). Comment prompts in several languages.
const FURNITURE: &[&str] = &[
    // navigation
    "top of page",
    "bottom of page",
    "back to top",
    "go to top",
    "scroll to top",
    "skip to content",
    "skip to main content",
    "skip navigation",
    "home",
    "homepage",
    "menu",
    "main menu",
    "open menu",
    "close menu",
    "toggle navigation",
    "search",
    "close",
    "next",
    "previous",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "read more",
    "read next",
    "see also",
    "more",
    "load more",
    "show more",
    "continue reading",
    "loading",
    "loading...",
    "loading paragraph",
    // recirculation
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related content",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "latest news",
    "latest stories",
    "more stories",
    "more from",
    "editor's picks",
    "tags",
    "topics",
    "categories",
    "filed under",
    // advertising
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "ad",
    "scroll to continue",
    "scroll to continue with content",
    "story continues below advertisement",
    // accounts and subscription
    "subscribe",
    "subscribe now",
    "subscribe today",
    "sign up",
    "sign up now",
    "sign in",
    "log in",
    "login",
    "log out",
    "logout",
    "register",
    "create account",
    "create an account",
    "my account",
    "newsletter",
    "newsletters",
    "get the newsletter",
    "already a subscriber",
    "become a member",
    "support us",
    "donate",
    // cookies and legal
    "accept",
    "accept all",
    "accept cookies",
    "accept all cookies",
    "reject all",
    "decline",
    "manage cookies",
    "cookie settings",
    "cookie policy",
    "cookie preferences",
    "privacy policy",
    "privacy settings",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "contact us",
    "about us",
    "all rights reserved",
    // sharing
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share article",
    "share story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share on whatsapp",
    "share via email",
    "share via e-mail",
    "print",
    "print this",
    "print this article",
    "print this page",
    "copy link",
    "link copied",
    "save",
    "save article",
    "save for later",
    "bookmark",
    "listen",
    "listen to this article",
    "font size",
    "text size",
    "reprints",
    "permissions",
    // comments, in the languages scrapes arrive in
    "comment",
    "comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add comment",
    "show comments",
    "view comments",
    "view all comments",
    "no comments",
    "no comments yet",
    "be the first to comment",
    "join the conversation",
    "join the discussion",
    "bình luận",
    "ý kiến",
    "gửi bình luận",
    "kommentare",
    "kommentar",
    "kommentieren",
    "kommentar schreiben",
    "commentaires",
    "commentaire",
    "laisser un commentaire",
    "réagir",
    "comentarios",
    "comentario",
    "comentários",
    "comentário",
    "deja un comentario",
    "deixe um comentário",
    "deixe seu comentário",
    "commenti",
    "commento",
    "lascia un commento",
    "reacties",
    "reactie",
    "reageer",
    "reageren",
    "komentarze",
    "komentarz",
    "komentáře",
    "komentar",
    "komentari",
    "kommentarer",
    "kommentit",
    "yorumlar",
    "yorum yap",
    "hozzászólások",
    "комментарии",
    "комментарий",
    "коментарі",
    "σχόλια",
    "تعليقات",
    "评论",
    "评论区",
    "コメント",
    "댓글",
    "ความคิดเห็น",
    "टिप्पणियाँ",
];

/// Words that make up share bars ("Facebook Twitter Email Print").
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "mail",
    "print",
    "share",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "messenger",
    "tumblr",
    "vk",
    "instagram",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "flipboard",
    "pocket",
    "sms",
    "line",
    "viber",
    "weibo",
    "wechat",
    "google",
    "news",
    "rss",
    "feed",
    "comments",
    "comment",
];

static FURNITURE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FURNITURE.iter().copied().collect());
static SOCIAL_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SOCIAL.iter().copied().collect());

/// Short prompts recognised by how they start and what they ask.
static PROMPTS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // "Subscribe to our newsletter", "Sign up for ...", "Log in to comment"
        r"^(subscribe|sign up|signup|sign in|log in|login|register now|get our newsletter)\b",
        // "Join Morning Express to follow all the news and read without limits."
        r"^join\b.{0,80}\b(to (follow|read|get|receive|continue|access|keep|stay|unlock|comment|enjoy)|newsletter|subscribers|community|channel)\b",
        // "Follow all the international information on Facebook", "Follow us on X"
        r"^follow\b.{0,120}\b(facebook|twitter|instagram|linkedin|telegram|whatsapp|youtube|tiktok|threads|bluesky|newsletter|google news|channel|rss)",
        r"\b(javascript|js)\b.{0,60}\b(disabled|enable|enabled|not supported|support|turn on|required|requires)\b|\b(enable|requires?|turn on|support)\b.{0,60}\bjavascript\b",
        r"\b(we|this (web)?site|our (web)?site|(web)?site uses|by (continuing|using))\b.{0,60}\bcookies?\b|\bcookies?\b.{0,60}\b(consent|accept|agree|policy|settings|preferences|experience)\b",
        r"^(click|tap) here\b.{0,60}\b(subscribe|read|sign|download|listen|watch|comment|register)\b",
        r"^(©|\(c\)|copyright\b)|\ball rights reserved\b",
        r"^(read more|read also|also read|see also|related|more on this|recommended|watch|listen|advertisement)\s*[:|»›]",
        r"^(share|print|email|e-mail|tweet)\s+(this|on|via|to)\b.{0,40}$",
        r"^(by )?(signing up|subscribing)\b.{0,100}\b(agree|consent|terms|privacy)\b",
        r"\byou have (reached|read) (your|the) (limit|maximum)\b|\bfree articles? (left|remaining)\b",
        // House promotions: "Check out our Industrial Database, featuring ...", "Bonus: we're
        // gifting you $5K in ad credits", "Get your brand in front of 2 million readers".
        r"^check out our\b.{0,160}\b(database|directory|report|newsletter|guide|course|webinar|podcast|store|shop|tool)s?\b",
        r"^bonus\s*:.{0,160}\b(we|you|your)\b",
        r"^get your (brand|business|product|company|message|ad)\b.{0,40}\bin front of\b",
    ]
    .iter()
    .map(|p| Regex::new(&format!("(?i){p}")).unwrap())
    .collect()
});

/// "Source: Al Jazeera" (a credit line, not prose).
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|sources|quelle|fuente|nguồn)\s*:\s*(.{2,60}?)\s*$").unwrap()
});

/// Breadcrumb separators.
const CRUMB_SEPS: &[&str] = &[" » ", " › ", " > ", " / ", " | "];
const CRUMB_HEADS: &[&str] = &[
    "home",
    "homepage",
    "news",
    "start",
    "accueil",
    "inicio",
    "startseite",
    "trang chủ",
    "главная",
    "início",
];

/// Normalises one line: odd spaces become spaces, control and zero-width characters go,
/// runs of spaces collapse, the ends are trimmed.
pub(crate) fn normalise_line(line: &str) -> Cow<'_, str> {
    if is_normal(line) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(rebuild_line(line))
}

/// `normalise_line` by the characters.
fn rebuild_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    // Runs of kept characters are copied as slices: most lines need no change at all.
    let mut run: Option<usize> = None;
    for (i, c) in line.char_indices() {
        let plain = if c.is_ascii() {
            c.is_ascii_graphic()
        } else {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
        };
        if plain {
            if run.is_none() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                run = Some(i);
            }
            continue;
        }
        if let Some(start) = run.take() {
            out.push_str(&line[start..i]);
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        }
    }
    if let Some(start) = run {
        out.push_str(&line[start..]);
    }
    out
}

/// Lower case, digits and brackets removed, surrounding punctuation trimmed: "12 Comments:"
/// and "Comments (3)" both become "comments".
fn key(line: &str) -> String {
    let lowered: String = line
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '(' | ')' | '[' | ']'))
        .flat_map(char::to_lowercase)
        .collect();
    let trimmed = lowered.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    normalise_line(trimmed).into_owned()
}

/// How prompt lines start, and words found anywhere in them: every pattern in [`PROMPTS`]
/// needs one of these, so a line with none is not tried against the patterns.
const PROMPT_STARTS: &[&str] = &[
    "subscrib",
    "sign",
    "log",
    "register",
    "get our",
    "join",
    "follow",
    "click",
    "tap",
    "\u{a9}",
    "(c)",
    "copyright",
    "read",
    "also",
    "see also",
    "related",
    "more on",
    "recommended",
    "watch",
    "listen",
    "advertisement",
    "share",
    "print",
    "email",
    "e-mail",
    "tweet",
    "by ",
    "check out",
    "bonus",
    "get your",
];
const PROMPT_WORDS: &[&str] = &[
    "javascript",
    "js",
    "cookie",
    "rights reserved",
    "you have",
    "free article",
];

/// [`PROMPT_WORDS`] in any case, found in one pass over a line.
static PROMPT_WORD_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PROMPT_WORDS)
        .unwrap()
});

fn might_prompt(line: &str) -> bool {
    let b = line.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    PROMPT_STARTS.iter().any(|p| starts(p)) || PROMPT_WORD_FINDER.is_match(line)
}

/// Whether a line is already normalised: no control characters, no white space but single
/// ASCII spaces between words, none of the invisible characters `normalise_line` drops. A
/// byte scan: HTML blocks arrive this way, and most lines need no rebuilding.
fn is_normal(line: &str) -> bool {
    let b = line.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Control characters, then doubled spaces: passes the compiler and memchr vectorise.
    if b.iter()
        .fold(false, |bad, &c| bad | (c < 0x20) | (c == 0x7f))
    {
        return false;
    }
    if memchr::memmem::find(b, b"  ").is_some() {
        return false;
    }
    if line.is_ascii() {
        return true;
    }
    // The characters `normalise_line` changes, found by their lead bytes:
    // U+0080-U+009F (control characters), U+00A0, U+00AD; U+1680; U+2000-U+200B,
    // U+2028/9, U+202F, U+205F, U+2060; U+3000; U+FEFF.
    let changed = |i: usize| match b[i] {
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f | 0xa0 | 0xad)),
        0xe1 => b.get(i + 1) == Some(&0x9a) && b.get(i + 2) == Some(&0x80),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x80..=0x8b | 0xa8 | 0xa9 | 0xaf)) | (Some(0x81), Some(0x9f | 0xa0))
        ),
        0xe3 => b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80),
        0xef => b.get(i + 1) == Some(&0xbb) && b.get(i + 2) == Some(&0xbf),
        _ => false,
    };
    !(memchr::memchr3_iter(0xc2, 0xe2, 0xef, b).any(changed)
        || memchr::memchr2_iter(0xe1, 0xe3, b).any(changed))
}

fn word_count(line: &str) -> usize {
    // Normalised lines (the common case) separate words by single ASCII spaces.
    if is_normal(line) {
        return if line.is_empty() {
            0
        } else {
            memchr::memchr_iter(b' ', line.as_bytes()).count() + 1
        };
    }
    line.split_whitespace().count()
}

/// True for lines that are page furniture whatever their place in the text.
pub(crate) fn is_junk(line: &str) -> bool {
    // No letters or digits: separators, lone dots and underscores, bullets.
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    let words = word_count(line);
    // Furniture, social and prompt lines are short; prose is not worth lower-casing.
    if words > 40 {
        return false;
    }
    // Furniture phrases have at most five words and social lines at most eight; `key` only
    // drops digits and brackets, so a longer line without them cannot be either, and its
    // lower-cased copy is not made.
    let short_key = words <= 8
        || line
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'(' | b')' | b'[' | b']'));
    if short_key {
        let k = key(line);
        if FURNITURE_SET.contains(k.as_str()) {
            return true;
        }
        let mut social = k
            .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .filter(|w| !w.is_empty())
            .peekable();
        // A table row that names a platform and gives a price or a share ("LinkedIn | $2.50
        // – $7.00", "TikTok 18%") is data; share bars count shares in plain numbers.
        let figure =
            || line.contains(['$', '€', '£', '¥', '%']) && line.bytes().any(|b| b.is_ascii_digit());
        if words <= 8
            && social.peek().is_some()
            && social.all(|w| SOCIAL_SET.contains(w))
            && !figure()
        {
            return true;
        }
    }
    words <= 40
        && line.len() <= 400
        && might_prompt(line)
        && PROMPTS.iter().any(|r| r.is_match(line))
}

/// The site named by a "Source: X" credit line.
pub(crate) fn source_site(line: &str) -> Option<&str> {
    let c = SOURCE_LINE.captures(line)?;
    let site = c.get(1)?.as_str();
    let plausible = word_count(site) <= 6
        && !site.ends_with('.')
        && site.chars().next().is_some_and(char::is_uppercase);
    plausible.then_some(site)
}

/// When the line is a breadcrumb trail ("Home » World » Headline"), `Some` with its last
/// segment; the last segment is often the headline.
pub(crate) fn breadcrumb(line: &str) -> Option<&str> {
    if line.len() > 400 {
        return None;
    }
    let sep = CRUMB_SEPS.iter().find(|s| line.contains(**s))?;
    let parts: Vec<&str> = line.split(*sep).map(str::trim).collect();
    let head = parts.first().map(|p| key(p)).unwrap_or_default();
    let short_trail =
        parts.len() >= 3 && parts[..parts.len() - 1].iter().all(|p| word_count(p) <= 3);
    let starts_home = CRUMB_HEADS.contains(&head.as_str());
    // A headline can hold " / " or " | "; only the arrow-like separators count on their own.
    let arrow = matches!(*sep, " » " | " › " | " > ");
    if (starts_home && (arrow || parts.len() >= 3)) || (arrow && short_trail) {
        parts.last().copied()
    } else {
        None
    }
}

/// A lone lower-case token such as a logo's alt text ("lhpgop", "goover"): never a headline.
pub(crate) fn is_logo_token(line: &str) -> bool {
    let n = line.chars().count();
    (2..=24).contains(&n)
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && line.chars().any(|c| c.is_ascii_lowercase())
}

/// A line that is only a date with a publication cue ("Published 12 June 2024, 10:31 GMT",
/// "2024-06-27"); it carries metadata, not article text.
pub(crate) fn is_dateline(line: &str, date_start: usize, date_end: usize) -> bool {
    const CUES: &[&str] = &[
        "published",
        "updated",
        "posted",
        "last",
        "on",
        "at",
        "date",
        "modified",
        "first",
        "gmt",
        "utc",
        "est",
        "edt",
        "cet",
        "cest",
        "bst",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "h",
        "ist",
        "jst",
        "kst",
        "et",
        "pt",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        // The same cues in the other languages of the field's pages.
        "veröffentlicht",
        "aktualisiert",
        "am",
        "um",
        "uhr",
        "publié",
        "mis",
        "à",
        "jour",
        "le",
        "publicado",
        "actualizado",
        "el",
        "a",
        "las",
        "pubblicato",
        "aggiornato",
        "alle",
        "опубликовано",
        "обновлено",
        "г.",
        "г",
        "в",
        "发布时间",
        "发布",
        "更新",
        "时间",
        "日期",
    ];
    // Labelled fields that datelines of Chinese and Japanese pages carry beside the date
    // ("来源：新华网", "作者：王明"): the label and its value.
    const FIELDS: &[&str] = &["来源", "作者", "编辑", "责任编辑", "出处", "source"];
    let rest = format!(
        "{} {}",
        line.get(..date_start).unwrap_or(""),
        line.get(date_end..).unwrap_or("")
    );
    let mut value_next = false;
    rest.split_whitespace()
        .filter(|token| {
            let labelled = token
                .split_once([':', '\u{ff1a}'])
                .is_some_and(|(label, _)| FIELDS.contains(&label.to_lowercase().as_str()));
            let skip = value_next || labelled;
            value_next = labelled && token.ends_with([':', '\u{ff1a}']);
            !skip
        })
        .flat_map(|token| {
            token.split(|c: char| {
                matches!(
                    c,
                    ',' | '|' | '-' | '–' | '·' | '(' | ')' | ':' | '\u{ff1a}'
                )
            })
        })
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            // A time: "14:05", "+02:00", "10h30" (French).
            w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.' || c == '+')
                || (w.starts_with(|c: char| c.is_ascii_digit())
                    && w.chars().all(|c| c.is_ascii_digit() || c == 'h'))
                || CUES.contains(&w.as_str())
                || WEEKDAY_NAMES.iter().any(|d| d.eq_ignore_ascii_case(&w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_lines() {
        let junk = [
            "top of page",
            "Bottom of Page",
            "Subscribe",
            "Subscribe to our newsletter for the latest news",
            "Join Morning Express to follow all the news and read without limits.",
            "Follow all the international information onFacebook andxor inour weekly newsletter.",
            "Your browser does not support JavaScript!",
            "Please enable JavaScript to view this page.",
            "We use cookies to improve your experience on our site.",
            "Bình luận",
            "Kommentare",
            "Commentaires (12)",
            "12 Comments",
            "Leave a comment",
            "Share on Facebook",
            "Facebook Twitter LinkedIn Email",
            "Facebook 12 | Twitter 3 | Email",
            "Print",
            ".",
            "_",
            "* * *",
            "© 2024 Example Media. All rights reserved.",
            "Read more: Putin visits Pyongyang",
            "Loading paragraph...",
            "Check out our Steel Industry Database, featuring profiles of 4,200+ mills.",
            "Bonus: we're gifting you $500 in ad credits when you spend your first $500.",
            "Get your brand in front of 40,000 founders and investors every week.",
        ];
        for line in junk {
            assert!(is_junk(line), "should be junk: {line}");
        }
        let kept = [
            "Introduction",
            "Conclusion",
            "China is the key to restraining a potential arms deal.",
            "Russia's Reliance on China and North Korea for Arms Amid Western Sanctions",
            "Follow the money, investigators say, and the trail leads to Beijing.",
            "Many North Koreans may not even know that Russia has invaded its neighbour, he said.",
            "The cookies were sold at the market for $3 each.",
            "Comments by the minister drew criticism in Seoul.",
            "1. Summary",
            "E-commerce",
            "Check out the list of the 20 largest steel mills in Ohio below.",
            "Bonus payments rose 12% last year, the bank said.",
            "Get your vaccine before the winter, the health ministry urged on Monday.",
            "LinkedIn | $2.50 – $7.00",
            "Instagram 41%",
            "Email | €0.40 per message",
        ];
        for line in kept {
            assert!(!is_junk(line), "should be kept: {line}");
        }
    }

    #[test]
    fn crumbs_sources_logos() {
        assert_eq!(
            breadcrumb("Home » China Key to Preventing Possible Russia"),
            Some("China Key to Preventing Possible Russia")
        );
        assert_eq!(
            breadcrumb("News › World › Asia › Kim meets Putin"),
            Some("Kim meets Putin")
        );
        assert_eq!(breadcrumb("Russia / Ukraine war: what we know"), None);
        assert_eq!(source_site("Source: Al Jazeera"), Some("Al Jazeera"));
        assert_eq!(
            source_site("Source: the ministry said that the figures were revised."),
            None
        );
        assert!(is_logo_token("lhpgop"));
        assert!(is_logo_token("goover"));
        assert!(!is_logo_token("Introduction"));
        assert!(!is_logo_token("a"));
        assert_eq!(normalise_line("  a\u{a0} b\u{200b}c\t "), "a bc");
        // Every character normalise_line changes makes a line not normal.
        for c in [
            '\u{85}', '\u{a0}', '\u{ad}', '\u{1680}', '\u{2000}', '\u{200a}', '\u{200b}',
            '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{2060}', '\u{3000}', '\u{feff}',
            '\t', '\u{1}', '\u{7f}', '\u{9f}',
        ] {
            let line = format!("a{c}b");
            assert!(!is_normal(&line), "{c:?}");
            assert_eq!(normalise_line(&line), rebuild_line(&line), "{c:?}");
        }
        let fine = "Putin\u{2019}s \u{201c}word\u{201d} \u{2014} caf\u{e9} \u{4e2d}\u{6587}";
        assert!(is_normal(fine));
        assert_eq!(rebuild_line(fine), fine);
        assert!(!is_normal("a  b") && !is_normal(" a") && !is_normal("a "));
    }

    #[test]
    fn datelines() {
        let check = |line: &str| {
            let (_, s, e) = crate::date::find_date_span(line).unwrap();
            is_dateline(line, s, e)
        };
        assert!(check("Published 12 June 2024"));
        assert!(check("Updated: June 27, 2024 10:31 GMT"));
        assert!(check("2024-06-27"));
        assert!(!check("GOOVER DAILY REPORT June 27, 2024"));
        assert!(check("2024年03月12日 10:15 来源：新华网"));
        assert!(check("2024年03月12日 10:15 来源： 新华网 作者：王明"));
        assert!(check("Veröffentlicht am 12. März 2024, 14:05 Uhr"));
        assert!(check("Publié le 1er mars 2024 à 10h"));
        assert!(check("12 марта 2024 г., 14:05"));
        assert!(!check(
            "12 марта 2024 года Россия и Китай подписали соглашение"
        ));
        assert!(!check("2024年03月12日 外交部发言人表示"));
    }
}
