//! English as the UN Editorial Manual writes it: dates ("30 July 2019"), session ordinals
//! ("Seventy-fourth"), numbers in words below ten, and lists joined "A, B and C".
//!
//! Pure functions over plain values; the templates receive their results ready to print.

use std::fmt;

/// A calendar date, as written in TOML (`2019-07-30`), without time or zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date if the day exists in that month of that year.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// "30 July 2019", as dates are printed in UN documents.
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }

    /// Seconds from 1970-01-01 to midnight UTC of this date.
    pub fn unix_seconds(&self) -> i64 {
        // Days from civil, after Howard Hinnant's well-known algorithm.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }

    /// The UTC date of a Unix time (as `SOURCE_DATE_EPOCH` gives it).
    pub fn from_unix_seconds(seconds: i64) -> Option<Date> {
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

/// ISO 8601, as in TOML and JSON: `2019-07-30`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A count as the Editorial Manual writes it in running text: words for zero to nine,
/// figures from 10 on ("three replies", "22 replies").
pub fn count(n: usize) -> String {
    if n < 10 {
        UNITS[n].to_string()
    } else {
        n.to_string()
    }
}

/// Cardinal number in words, 0 to 999 ("seventy-four").
fn cardinal_words(n: u32) -> String {
    match n {
        0..=19 => UNITS[n as usize].to_string(),
        20..=99 if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        20..=99 => format!("{}-{}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize]),
        100..=999 if n.is_multiple_of(100) => format!("{} hundred", UNITS[(n / 100) as usize]),
        _ => format!(
            "{} hundred and {}",
            UNITS[(n / 100) as usize],
            cardinal_words(n % 100)
        ),
    }
}

/// Ordinal in words, 1 to 999, lower case ("seventy-fourth", "first", "twelfth").
pub fn ordinal_words(n: u32) -> String {
    let words = cardinal_words(n);
    // Only the last word changes: "seventy-four" -> "seventy-fourth".
    let split = words.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = words.split_at(split);
    let last = match last {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{last}")
}

/// "Seventy-fourth session".
pub fn session_title(session: u32) -> String {
    let ordinal = ordinal_words(session);
    let mut chars = ordinal.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    format!("{}{} session", first.unwrap_or_default(), chars.as_str())
}

/// Joins names as English running text: "A", "A and B", "A, B and C" (no serial comma,
/// as in UN documents).
pub fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

/// A number with thousands separated by commas, as in UN documents ("8,500").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Words in running text: runs of non-space characters with at least one letter or digit
/// ("24/7" is a word, "—" is not).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_in_un_documents() {
        assert_eq!(Date::new(2019, 7, 30).unwrap().long(), "30 July 2019");
        assert_eq!(Date::new(2019, 7, 30).unwrap().to_string(), "2019-07-30");
        assert_eq!(Date::new(2019, 2, 29), None);
        assert!(Date::new(2020, 2, 29).is_some());
        assert_eq!(Date::new(2019, 13, 1), None);
    }

    #[test]
    fn unix_seconds_round_trip() {
        let d = Date::new(2019, 7, 30).unwrap();
        assert_eq!(d.unix_seconds(), 1_564_444_800);
        assert_eq!(Date::from_unix_seconds(1_564_444_800 + 3_600), Some(d));
        assert_eq!(Date::from_unix_seconds(0), Date::new(1970, 1, 1));
    }

    #[test]
    fn sessions_and_counts_in_words() {
        assert_eq!(session_title(74), "Seventy-fourth session");
        assert_eq!(session_title(1), "First session");
        assert_eq!(session_title(80), "Eightieth session");
        assert_eq!(session_title(112), "One hundred and twelfth session");
        assert_eq!(ordinal_words(12), "twelfth");
        assert_eq!(count(3), "three");
        assert_eq!(count(10), "10");
        assert_eq!(count(0), "zero");
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(8500), "8,500");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn words_are_counted_as_in_a_word_processor() {
        assert_eq!(count_words("The 24/7 network — a “test”, isn’t it?"), 7);
        assert_eq!(count_words("  \n "), 0);
    }

    #[test]
    fn lists_join_without_serial_comma() {
        assert_eq!(join_list::<&str>(&[]), "");
        assert_eq!(join_list(&["Chile"]), "Chile");
        assert_eq!(join_list(&["Chile", "Peru"]), "Chile and Peru");
        assert_eq!(
            join_list(&["Argentina", "Chile", "Peru"]),
            "Argentina, Chile and Peru"
        );
    }
}
