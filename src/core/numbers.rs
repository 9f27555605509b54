//! Numbers as the reader's language writes them, in one place for the app, the command line, the
//! report and the exports: decimal comma (sv) or point (en), thousands grouped, shares as percent,
//! counts in words up to twelve (the Swedish and English style guides alike).

use super::model::Lang;

/// A decimal number with `decimals` places: "19,1" (sv), "19.1" (en). A negative number gets a
/// real minus sign in Swedish; a value that rounds to zero has no sign.
///
/// ```
/// use svarskoll::core::{Lang, numbers::decimal};
/// assert_eq!(decimal(19.0958, 1, Lang::Sv), "19,1");
/// assert_eq!(decimal(19.0958, 1, Lang::En), "19.1");
/// assert_eq!(decimal(-2.0, 0, Lang::Sv), "−2");
/// assert_eq!(decimal(-0.01, 1, Lang::Sv), "0,0");
/// ```
#[must_use]
pub fn decimal(value: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{value:.decimals$}");
    let s = if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
        s.trim_start_matches('-').to_owned()
    } else {
        s
    };
    match lang {
        Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
        Lang::En => s,
    }
}

/// A share (0–1) as percent with `decimals` places: "30 %" (a no-break space before the sign,
/// as both languages' style guides for tables put it).
///
/// ```
/// use svarskoll::core::{Lang, numbers::percent};
/// assert_eq!(percent(0.191, 1, Lang::Sv), "19,1\u{a0}%");
/// assert_eq!(percent(0.3, 0, Lang::En), "30\u{a0}%");
/// ```
#[must_use]
pub fn percent(share: f64, decimals: usize, lang: Lang) -> String {
    format!("{}\u{a0}%", decimal(share * 100.0, decimals, lang))
}

/// A share's interval with one percent sign: "19,1–43,8 %".
///
/// ```
/// use svarskoll::core::{Lang, numbers::interval};
/// assert_eq!(interval((0.191, 0.438), 1, Lang::Sv), "19,1–43,8\u{a0}%");
/// ```
#[must_use]
pub fn interval((lo, hi): (f64, f64), decimals: usize, lang: Lang) -> String {
    format!(
        "{}–{}\u{a0}%",
        decimal(lo * 100.0, decimals, lang),
        decimal(hi * 100.0, decimals, lang)
    )
}

/// Hours with one decimal and "h": "20,5 h".
#[must_use]
pub fn hours(h: f64, lang: Lang) -> String {
    format!("{}\u{a0}h", decimal(h, 1, lang))
}

/// A count with its thousands grouped: "12 345" (no-break space, sv), "12,345" (en).
///
/// ```
/// use svarskoll::core::{Lang, numbers::thousands};
/// assert_eq!(thousands(2000, Lang::Sv), "2\u{a0}000");
/// assert_eq!(thousands(2000, Lang::En), "2,000");
/// assert_eq!(thousands(999, Lang::En), "999");
/// ```
#[must_use]
pub fn thousands(n: usize, lang: Lang) -> String {
    let separator = match lang {
        Lang::Sv => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A count as running text: in words up to twelve, digits above ("två", "two", "15").
/// Swedish words are the neuter forms ("ett konto"); see [`count_words_common`].
///
/// ```
/// use svarskoll::core::{Lang, numbers::count_words};
/// assert_eq!(count_words(2, Lang::Sv), "två");
/// assert_eq!(count_words(1, Lang::En), "one");
/// assert_eq!(count_words(2000, Lang::En), "2,000");
/// ```
#[must_use]
pub fn count_words(n: usize, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = match lang {
        Lang::Sv => SV,
        Lang::En => EN,
    };
    words
        .get(n)
        .map_or_else(|| thousands(n, lang), |w| (*w).to_owned())
}

/// Swedish count words for a common-gender noun: "en fråga", "två frågor".
#[must_use]
pub fn count_words_common(n: usize) -> String {
    if n == 1 {
        "en".to_owned()
    } else {
        count_words(n, Lang::Sv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(count_words(0, Lang::Sv), "noll");
        assert_eq!(count_words(12, Lang::Sv), "tolv");
        assert_eq!(count_words(13, Lang::Sv), "13");
        assert_eq!(count_words(2000, Lang::Sv), "2\u{a0}000");
        assert_eq!(count_words_common(1), "en");
        assert_eq!(hours(20.26, Lang::Sv), "20,3\u{a0}h");
        assert_eq!(hours(20.26, Lang::En), "20.3\u{a0}h");
        assert_eq!(count_words(2, Lang::En), "two");
        assert_eq!(decimal(-1.5, 1, Lang::En), "-1.5");
    }
}
