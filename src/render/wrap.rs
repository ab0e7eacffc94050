//! Break opportunities in words too long for a line (a hash, a URL), shared by the PDF
//! and the site: so that they wrap inside the text column instead of running off it.

/// Words (runs without white space) longer than this get break opportunities.
const LONG_WORD: usize = 32;
/// In a long word, the most characters between two break opportunities.
const WORD_PIECE: usize = 16;

/// `text` with a zero-width space (a break opportunity that draws nothing) inside every
/// word of more than [`LONG_WORD`] characters, a hash or a URL, so that it wraps inside the
/// text column instead of running off the page: after each `/ . - _ ? & = # : ; , @` and
/// at least every [`WORD_PIECE`] characters. Shorter words are left alone.
pub fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    // In one pass: the length of the word so far, in characters.
    let mut word = 0;
    let long = text.chars().any(|c| {
        word = if c.is_whitespace() { 0 } else { word + 1 };
        word > LONG_WORD
    });
    if !long {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..space]);
        rest = &rest[space..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
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
