//! English for the editor's terminal (diagnostics and `report stats`, which speak English):
//! ordinals in words, numbers with thousands separated. The report's own wording is
//! `wording`'s, per language.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_and_counts_in_words() {
        assert_eq!(ordinal_words(74), "seventy-fourth");
        assert_eq!(ordinal_words(112), "one hundred and twelfth");
        assert_eq!(ordinal_words(12), "twelfth");
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(8500), "8,500");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
