//! Rich Text Format to text. Control words are dropped; destinations that hold no
//! body text (`\fonttbl`, `\stylesheet`, `\info`, `\pict`, headers and footers, any
//! `{\*\…}` group) are skipped; `\'xx` escapes are read in the encoding of the
//! current font (the font table says which: `.VnTime` is TCVN3, `VNI-Times` VNI,
//! others by their `\fcharset` or the document's `\ansicpg`); `\uN` is read with its
//! `\ucN` fallback skipped; `\par` and `\line` are line breaks.
//!
//! Text in fonts that name no encoding is checked by statistics too, since TCVN3 text
//! was often set in an ordinary font.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::detect::{best_of, charset_of_font, detect};
use crate::{Charset, DecodeError, Decoded, Hint, Warning};

/// Whether the bytes start like an RTF file.
pub fn looks_like_rtf(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    start.trim_ascii_start().starts_with(b"{\\rtf")
}

/// Destinations whose text is not body text.
const SKIPPED: &[&str] = &[
    "annotation",
    "atnauthor",
    "atnid",
    "bkmkend",
    "bkmkstart",
    "colortbl",
    "colorschememapping",
    "datastore",
    "docvar",
    "fldinst",
    "filetbl",
    "footer",
    "footerf",
    "footerl",
    "footerr",
    "generator",
    "header",
    "headerf",
    "headerl",
    "headerr",
    "info",
    "latentstyles",
    "listoverridetable",
    "listtable",
    "nonshppict",
    "object",
    "objdata",
    "pict",
    "pn",
    "private",
    "revtbl",
    "rsidtbl",
    "stylesheet",
    "tc",
    "template",
    "themedata",
    "txe",
    "userprops",
    "xe",
    "xmlnstbl",
];

/// What a group does with its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    /// Body text.
    Body,
    /// Dropped.
    Skip,
    /// The font table: entries name fonts.
    FontTable,
}

#[derive(Debug, Clone, Copy)]
struct State {
    dest: Dest,
    font: Option<i32>,
    uc: usize,
}

#[derive(Debug, Default, Clone)]
struct Font {
    name: Vec<u8>,
    charset: Option<i32>,
    codepage: Option<i32>,
}

/// A stretch of output: bytes in one charset, or text given as Unicode.
#[derive(Debug)]
enum Piece {
    Bytes {
        charset: Charset,
        /// The font names no encoding: statistics may choose another.
        guessable: bool,
        bytes: Vec<u8>,
    },
    Text(String),
}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    stack: Vec<State>,
    state: State,
    fonts: HashMap<i32, Font>,
    entry: Option<(i32, Font)>,
    default_font: Option<i32>,
    ansi: &'static encoding_rs::Encoding,
    pieces: Vec<Piece>,
    skip_chars: usize,
    high_surrogate: Option<u16>,
    footnotes: usize,
}

/// Reads an RTF document into NFC text.
pub fn decode(bytes: &[u8], _hint: &Hint) -> Result<Decoded, DecodeError> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !looks_like_rtf(start) {
        return Err(DecodeError::Rtf("it does not start with {\\rtf".into()));
    }
    let mut p = Parser {
        src: start,
        pos: 0,
        stack: Vec::new(),
        state: State {
            dest: Dest::Body,
            font: None,
            uc: 1,
        },
        fonts: HashMap::new(),
        entry: None,
        default_font: None,
        ansi: encoding_rs::WINDOWS_1252,
        pieces: Vec::new(),
        skip_chars: 0,
        high_surrogate: None,
        footnotes: 0,
    };
    p.run()?;
    Ok(p.finish())
}

impl Parser<'_> {
    fn run(&mut self) -> Result<(), DecodeError> {
        while self.pos < self.src.len() {
            let b = self.src[self.pos];
            self.pos += 1;
            match b {
                b'{' => {
                    self.stack.push(self.state);
                    self.skip_chars = 0;
                }
                b'}' => {
                    if self.state.dest == Dest::FontTable
                        && self.stack.last().is_some_and(|s| s.dest == Dest::FontTable)
                    {
                        self.end_font_entry();
                    }
                    self.state = self.stack.pop().ok_or_else(|| {
                        DecodeError::Rtf(format!("unbalanced '}}' at byte {}", self.pos - 1))
                    })?;
                    self.skip_chars = 0;
                    if self.stack.is_empty() {
                        // The document's group is closed; what follows is trailing junk.
                        return Ok(());
                    }
                }
                b'\\' => self.control()?,
                b'\r' | b'\n' => {}
                0 => {
                    return Err(DecodeError::Binary {
                        byte: 0,
                        offset: self.pos - 1,
                    })
                }
                _ => self.byte(b),
            }
        }
        if !self.stack.is_empty() {
            // Truncated files are common; the text read so far is kept.
            self.stack.clear();
        }
        Ok(())
    }

    fn control(&mut self) -> Result<(), DecodeError> {
        let Some(&c) = self.src.get(self.pos) else {
            return Ok(());
        };
        if !c.is_ascii_alphabetic() {
            self.pos += 1;
            return self.symbol(c);
        }
        let start = self.pos;
        while self.src.get(self.pos).is_some_and(u8::is_ascii_alphabetic) {
            self.pos += 1;
        }
        let word = std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("");
        let num_start = self.pos;
        if self.src.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.src.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        let param: Option<i32> = std::str::from_utf8(&self.src[num_start..self.pos])
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .map(|n| n.clamp(i32::MIN as i64, i32::MAX as i64) as i32);
        if self.src.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        self.word(word, param);
        Ok(())
    }

    fn symbol(&mut self, c: u8) -> Result<(), DecodeError> {
        match c {
            b'\'' => {
                let hex = self.src.get(self.pos..self.pos + 2).unwrap_or(b"");
                let byte = std::str::from_utf8(hex)
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match byte {
                    Some(b) => {
                        self.pos += 2;
                        self.byte(b);
                    }
                    None => {
                        return Err(DecodeError::Rtf(format!(
                            "bad \\' escape at byte {}",
                            self.pos - 2
                        )))
                    }
                }
            }
            b'*' => {
                if self.state.dest == Dest::Body {
                    self.state.dest = Dest::Skip;
                }
            }
            b'~' => self.text("\u{00A0}"),
            b'_' => self.text("-"),
            b'-' | b':' | b'|' => {}
            b'\r' | b'\n' => self.text("\n"),
            _ => self.byte(c),
        }
        Ok(())
    }

    fn word(&mut self, word: &str, param: Option<i32>) {
        if SKIPPED.contains(&word) {
            self.state.dest = Dest::Skip;
            return;
        }
        if word == "footnote" {
            if self.state.dest == Dest::Body {
                self.footnotes += 1;
            }
            self.state.dest = Dest::Skip;
            return;
        }
        match word {
            "fonttbl" => self.state.dest = Dest::FontTable,
            "ansicpg" => {
                if let Some(enc) = param.and_then(codepage) {
                    self.ansi = enc;
                }
            }
            "deff" => self.default_font = param,
            "f" if self.state.dest == Dest::FontTable => {
                self.end_font_entry();
                self.entry = Some((param.unwrap_or(0), Font::default()));
            }
            "fcharset" => {
                if let Some((_, f)) = self.entry.as_mut() {
                    f.charset = param;
                }
            }
            "cpg" => {
                if let Some((_, f)) = self.entry.as_mut() {
                    f.codepage = param;
                }
            }
            "f" => self.state.font = param,
            "plain" => self.state.font = self.default_font,
            "uc" => self.state.uc = param.unwrap_or(1).max(0) as usize,
            "u" => {
                let unit = param.unwrap_or(0).rem_euclid(65536) as u16;
                self.unicode(unit);
                self.skip_chars = self.state.uc;
            }
            "par" | "line" | "sect" | "page" | "row" => self.text("\n"),
            "tab" | "cell" => self.text("\t"),
            "emdash" => self.text("\u{2014}"),
            "endash" => self.text("\u{2013}"),
            "bullet" => self.text("\u{2022}"),
            "lquote" => self.text("\u{2018}"),
            "rquote" => self.text("\u{2019}"),
            "ldblquote" => self.text("\u{201C}"),
            "rdblquote" => self.text("\u{201D}"),
            "emspace" | "enspace" | "qmspace" => self.text(" "),
            "bin" => {
                let n = param.unwrap_or(0).max(0) as usize;
                self.pos = (self.pos + n).min(self.src.len());
            }
            _ => {}
        }
    }

    fn end_font_entry(&mut self) {
        if let Some((n, mut f)) = self.entry.take() {
            let name_end = f
                .name
                .iter()
                .position(|&b| b == b';')
                .unwrap_or(f.name.len());
            f.name.truncate(name_end);
            self.fonts.insert(n, f);
        }
    }

    fn unicode(&mut self, unit: u16) {
        if self.state.dest != Dest::Body {
            return;
        }
        let units = match self.high_surrogate.take() {
            Some(high) if (0xDC00..0xE000).contains(&unit) => vec![high, unit],
            _ if (0xD800..0xDC00).contains(&unit) => {
                self.high_surrogate = Some(unit);
                return;
            }
            _ => vec![unit],
        };
        let s = String::from_utf16_lossy(&units);
        self.text(&s);
    }

    fn text(&mut self, s: &str) {
        if self.state.dest != Dest::Body {
            return;
        }
        match self.pieces.last_mut() {
            Some(Piece::Text(t)) => t.push_str(s),
            _ => self.pieces.push(Piece::Text(s.to_string())),
        }
    }

    fn byte(&mut self, b: u8) {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        match self.state.dest {
            Dest::Skip => {}
            Dest::FontTable => {
                if let Some((_, f)) = self.entry.as_mut() {
                    // Only the entry's own text, not its {\*\panose …} groups.
                    if self.stack.last().is_some_and(|s| s.dest == Dest::FontTable)
                        || self
                            .stack
                            .iter()
                            .rev()
                            .nth(1)
                            .is_some_and(|s| s.dest == Dest::FontTable)
                    {
                        f.name.push(b);
                    }
                }
            }
            Dest::Body => {
                let (charset, guessable) = self.charset();
                match self.pieces.last_mut() {
                    Some(Piece::Bytes {
                        charset: c,
                        guessable: g,
                        bytes,
                    }) if *c == charset && *g == guessable => bytes.push(b),
                    _ => self.pieces.push(Piece::Bytes {
                        charset,
                        guessable,
                        bytes: vec![b],
                    }),
                }
            }
        }
    }

    /// The charset of the current font, and whether it came from no more than the
    /// document's default code page.
    fn charset(&self) -> (Charset, bool) {
        let font = self.state.font.or(self.default_font);
        let Some(f) = font.and_then(|n| self.fonts.get(&n)) else {
            return (Charset::Other(self.ansi), true);
        };
        let name = String::from_utf8_lossy(&f.name);
        if let Some(cs) = charset_of_font(name.trim()) {
            return (cs, false);
        }
        let by_charset = f.codepage.and_then(codepage).or_else(|| match f.charset {
            None | Some(0 | 1) => None,
            Some(n) => fcharset(n),
        });
        match by_charset {
            Some(enc) => (Charset::Other(enc), false),
            None => (Charset::Other(self.ansi), true),
        }
    }

    fn finish(self) -> Decoded {
        let mut pieces = self.pieces;
        let mut warnings = Vec::new();
        // Text in fonts that name no encoding: TCVN3 or VNI typed in an ordinary font?
        let mut unknown: Vec<u8> = Vec::new();
        for p in &pieces {
            if let Piece::Bytes {
                guessable: true,
                bytes,
                ..
            } = p
            {
                if !bytes.is_ascii() {
                    unknown.extend_from_slice(bytes);
                    unknown.push(b'\n');
                }
            }
        }
        if let Some(d) = detect(&unknown, &[], false) {
            for p in &mut pieces {
                if let Piece::Bytes {
                    charset,
                    guessable: true,
                    bytes,
                } = p
                {
                    if !bytes.is_ascii() {
                        *charset = best_of(bytes, &d.used, d.primary);
                    }
                }
            }
        }
        let mut used: Vec<Charset> = Vec::new();
        let mut unicode = false;
        let mut text = String::new();
        for p in &pieces {
            match p {
                Piece::Bytes { charset, bytes, .. } => {
                    if !bytes.is_ascii() && !used.contains(charset) {
                        used.push(*charset);
                    }
                    text.push_str(&charset.decode(bytes));
                }
                Piece::Text(t) => {
                    unicode |= !t.is_ascii();
                    text.push_str(t);
                }
            }
        }
        let encoding = if !used.is_empty() {
            Charset::mixed_name(&used)
        } else if unicode {
            "utf-16".to_string()
        } else {
            Charset::Other(self.ansi).name()
        };
        if used.iter().filter(|c| c.is_vietnamese()).count() > 1 {
            warnings.push(Warning::new(
                "mixed_encoding",
                format!("the document mixes encodings: {encoding}"),
            ));
        }
        if self.footnotes > 0 {
            warnings.push(Warning::new(
                "rtf_footnotes_skipped",
                format!("{} footnote(s) were left out of the text", self.footnotes),
            ));
        }
        Decoded {
            text: text.nfc().collect(),
            encoding,
            warnings,
        }
    }
}

/// The encoding of a Windows code page number.
fn codepage(n: i32) -> Option<&'static encoding_rs::Encoding> {
    let label = match n {
        65001 => "utf-8",
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        874 => "windows-874",
        1250..=1258 => return encoding_rs::Encoding::for_label(format!("windows-{n}").as_bytes()),
        _ => return None,
    };
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// The encoding of an RTF `\fcharset` number.
fn fcharset(n: i32) -> Option<&'static encoding_rs::Encoding> {
    codepage(match n {
        2 => 1252,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    })
}
