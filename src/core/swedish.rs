//! Numbers the Swedish way: words up to twelve, decimal comma, "30 procent".

/// A count as the report writes it: in words up to twelve, digits above (Swedish style guide).
///
/// ```
/// use svarskoll::core::swedish::count_words;
/// assert_eq!(count_words(2), "två");
/// assert_eq!(count_words(15), "15");
/// ```
#[must_use]
pub fn count_words(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    WORDS
        .get(n)
        .map_or_else(|| group_thousands(n), |w| (*w).to_owned())
}

/// Like [`count_words`] for a common-gender noun ("en fråga", "ett konto" → use `count_words`).
#[must_use]
pub fn count_words_en(n: usize) -> String {
    if n == 1 {
        "en".to_owned()
    } else {
        count_words(n)
    }
}

/// English words up to twelve.
#[must_use]
pub fn count_words_english(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// Thousands separated by a (non-breaking) space: 12 345.
#[must_use]
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// A decimal number with `decimals` places and a decimal comma: 19,1.
///
/// ```
/// assert_eq!(svarskoll::core::swedish::decimal(19.0958, 1), "19,1");
/// assert_eq!(svarskoll::core::swedish::decimal(-2.0, 0), "−2");
/// ```
#[must_use]
pub fn decimal(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    let s = if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
        s.trim_start_matches('-').to_owned()
    } else {
        s
    };
    s.replace('.', ",").replace('-', "\u{2212}")
}

/// A share (0–1) as whole percent with "procent": "30 procent".
#[must_use]
pub fn percent_words(share: f64) -> String {
    format!("{} procent", decimal(share * 100.0, 0))
}

/// A share (0–1) as "30 %" (with a non-breaking space), `decimals` places.
#[must_use]
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{}\u{a0}%", decimal(share * 100.0, decimals))
}

/// Hours with one decimal and "h": "20,5 h".
#[must_use]
pub fn hours(h: f64) -> String {
    format!("{}\u{a0}h", decimal(h, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers() {
        assert_eq!(count_words(0), "noll");
        assert_eq!(count_words(12), "tolv");
        assert_eq!(count_words(13), "13");
        assert_eq!(count_words(2000), "2\u{a0}000");
        assert_eq!(count_words_en(1), "en");
        assert_eq!(percent_words(0.3), "30 procent");
        assert_eq!(percent(0.191, 1), "19,1\u{a0}%");
        assert_eq!(decimal(-0.01, 1), "0,0");
        assert_eq!(hours(20.26), "20,3\u{a0}h");
        assert_eq!(count_words_english(2), "two");
    }
}
