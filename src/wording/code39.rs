//! The Code 39 barcode of a document's job number, as on page 1 of UN documents: the
//! digits of "V.19-08182" between start and stop characters, "*1908182*".
//!
//! Each character is nine elements, bar and gap in turn starting with a bar, three of them
//! wide; characters are separated by a narrow gap. Widths here are in narrow units, a
//! wide element being three.

/// The wide (`w`) and narrow (`n`) elements of the characters a job number needs.
const PATTERNS: [(char, &str); 11] = [
    ('0', "nnnwwnwnn"),
    ('1', "wnnwnnnnw"),
    ('2', "nnwwnnnnw"),
    ('3', "wnwwnnnnn"),
    ('4', "nnnwwnnnw"),
    ('5', "wnnwwnnnn"),
    ('6', "nnwwwnnnn"),
    ('7', "nnnwnnwnw"),
    ('8', "wnnwnnwnn"),
    ('9', "nnwwnnwnn"),
    ('*', "nwnnwnwnn"),
];

const WIDE: u8 = 3;

/// What the barcode of `job` encodes: its digits between asterisks, if it has digits.
pub fn text(job: &str) -> Option<String> {
    let digits: String = job.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| format!("*{digits}*"))
}

/// The widths of the barcode of `job`: bar, gap, bar, ... ending with a bar.
pub fn bars(job: &str) -> Option<Vec<u8>> {
    let text = text(job)?;
    let mut widths = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            widths.push(1);
        }
        let pattern = PATTERNS.iter().find(|(p, _)| *p == c)?.1;
        widths.extend(pattern.chars().map(|e| if e == 'w' { WIDE } else { 1 }));
    }
    Some(widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_number_as_code_39() {
        assert_eq!(text("V.19-08182").as_deref(), Some("*1908182*"));
        assert_eq!(text("V.xx"), None);
        let widths = bars("V.19-08182").unwrap();
        // Nine characters of nine elements, eight gaps between them.
        assert_eq!(widths.len(), 9 * 9 + 8);
        // Every character has three wide elements, so its width is 9 + 3 * 2 = 15.
        assert_eq!(
            widths.iter().map(|w| usize::from(*w)).sum::<usize>(),
            9 * 15 + 8
        );
        // Starts with "*": narrow bar, wide gap, narrow bar...
        assert_eq!(&widths[..9], &[1, 3, 1, 1, 3, 1, 3, 1, 1]);
        assert_eq!(widths.len() % 2, 1, "ends with a bar");
    }
}
