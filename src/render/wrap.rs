//! Break opportunities in words too long for a line (a hash, a URL), shared by the PDF
//! and the site: so that they wrap inside the text column instead of running off it.

/// Words (runs without white space) longer than this get break opportunities.
const LONG_WORD: usize = 32;
/// In a long word, the most characters between two break opportunities.
const WORD_PIECE: usize = 16;

/// Whether a line may break on either side of `c` anyway: white space, and Chinese
/// characters and kana (and the CJK punctuation and full-width forms written with them),
/// which lines break between without a space.
fn breaks_anyway(c: char) -> bool {
    c.is_whitespace()
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || crate::language::is_ideograph_or_kana(c)
}

/// `text` with a zero-width space (a break opportunity that draws nothing) inside every
/// word of more than [`LONG_WORD`] characters, a hash or a URL, so that it wraps inside the
/// text column instead of running off the page: after each `/ . - _ ? & = # : ; , @` and
/// at least every [`WORD_PIECE`] characters. Shorter words are left alone, and so is
/// Chinese: a line breaks between its characters without help, and a zero-width space
/// there would only be copied and searched with the text.
pub fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    // In one pass: the length of the word so far, in characters.
    let mut word = 0;
    let long = text.chars().any(|c| {
        word = if breaks_anyway(c) { 0 } else { word + 1 };
        word > LONG_WORD
    });
    if !long {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest.find(|c: char| !breaks_anyway(c)).unwrap_or(rest.len());
        out.push_str(&rest[..space]);
        rest = &rest[space..];
        let end = rest.find(breaks_anyway).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if word.chars().nth(LONG_WORD).is_none() {
            out.push_str(word);
            continue;
        }
        let mut since_break = 0;
        let mut chars = word.chars().peekable();
        while let Some(c) = chars.next() {
            out.push(c);
            since_break += 1;
            let natural = matches!(
                c,
                '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | ':' | ';' | ',' | '@'
            );
            if chars.peek().is_some() && (natural || since_break >= WORD_PIECE) {
                out.push('\u{200b}');
                since_break = 0;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_get_breaks_and_chinese_gets_none() {
        let hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let broken = breakable(hash);
        assert_eq!(broken.replace('\u{200b}', ""), hash);
        assert_eq!(broken.matches('\u{200b}').count(), 3);
        // A Chinese paragraph is no long word: lines break between its characters.
        let chinese = "在提交答复的二十二个会员国中，有八个提出了这一类别的挑战（占36%）：阿根廷、巴西、哥斯达黎加、萨尔瓦多、格鲁吉亚、马来西亚、蒙古和摩洛哥。";
        assert_eq!(breakable(chinese), chinese);
        // A long Latin word inside Chinese text still gets its breaks.
        let mixed = format!("见{hash}。");
        assert!(breakable(&mixed).contains('\u{200b}'));
        assert!(matches!(
            breakable("short words only"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
