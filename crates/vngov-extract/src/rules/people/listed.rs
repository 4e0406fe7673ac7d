//! People listed after a plural head: "các đồng chí: Lại Thế Nguyên, Phó Bí thư
//! Thường trực Tỉnh ủy; Đỗ Minh Tuấn, …", "các Phó Thủ tướng Chính phủ: Lê Minh
//! Khái, Vũ Đức Đam, Lê Văn Thành". Each listed person is one mention, with the
//! head's titles and their own; the first one's phrase starts at the head.

use super::lexicon::LEXICON;
use super::mention::{build, titles_after, PersonMention};
use super::name::person_name_at;
use super::title::title_at;
use super::tokens::{Gap, Token};

/// Whether the token before `i` is a count ("03", "ba").
fn counted(toks: &[Token], i: usize) -> bool {
    i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
        t.text().chars().all(|c| c.is_ascii_digit())
            || matches!(t.lower(), "hai" | "ba" | "bốn" | "năm" | "sáu" | "bảy")
    })
}

/// The mentions of the list starting at token `i`, and the token after the list.
pub fn find(toks: &[Token], text: &str, i: usize) -> Option<(Vec<PersonMention>, usize)> {
    let mut j;
    let mut honorific = None;
    match LEXICON.honorifics.longest_at(toks, i) {
        Some((e, true)) => {
            honorific = Some((i + 1, e));
            j = e;
        }
        // After a count, a singular word of address opens a list too ("gồm 03
        // đồng chí: A, B và C").
        Some((e, false)) if counted(toks, i) && toks.get(e).is_some_and(|t| t.is_punct(":")) => {
            honorific = Some((i, e));
            j = e;
        }
        Some((_, false)) => return None,
        None if toks[i].lower() == "các" || toks[i].lower() == "những" => j = i + 1,
        None => return None,
    }
    let mut head_titles = Vec::new();
    while let Some(t) = title_at(toks, text, j) {
        j = t.end;
        head_titles.push(t);
    }
    if honorific.is_none() && head_titles.is_empty() {
        return None;
    }
    if toks.get(j).is_some_and(|t| t.is_punct(":")) {
        j += 1;
    }
    let mut out = Vec::new();
    while let Some(t) = toks.get(j) {
        if t.gap == Gap::Break && !out.is_empty() {
            break;
        }
        let Some((ns, ne)) = person_name_at(toks, j).filter(|(s, _)| *s == j) else {
            break;
        };
        let (own, mut end) = titles_after(toks, text, ne);
        let mut titles = head_titles.clone();
        titles.extend(own);
        // A title chain may go on after a semicolon ("Nguyễn Văn Bình, Ủy viên Bộ
        // Chính trị; Bí thư Trung ương Đảng, …; Lê Văn Thành, …").
        while toks.get(end).is_some_and(|t| t.is_punct(";"))
            && toks.get(end + 1).is_some_and(|t| t.gap != Gap::Break)
            && super::title::starts_title(toks, end + 1)
        {
            let (more, e) = titles_after(toks, text, end + 1);
            if more.is_empty() {
                break;
            }
            titles.extend(more);
            end = e;
        }
        let lead = if out.is_empty() { i } else { ns };
        out.push(build(
            toks,
            text,
            ns,
            end,
            lead,
            Some((ns, ne)),
            honorific,
            &titles,
        ));
        j = end;
        // A title may run on in words no title reads ("Trưởng Ban chỉ đạo … về xây
        // dựng Đề án …; Lê Văn Thành, …"): the next item starts after the next
        // semicolon of the sentence.
        if !toks
            .get(j)
            .is_some_and(|t| t.is_punct(",") || t.is_punct(";") || t.lower() == "và")
        {
            if let Some(semi) = toks[j..]
                .iter()
                .take(60)
                .take_while(|t| !t.is_punct(".") && t.gap != Gap::Break)
                .position(|t| t.is_punct(";"))
            {
                if person_name_at(toks, j + semi + 1).map(|(s, _)| s) == Some(j + semi + 1) {
                    j += semi;
                }
            }
        }
        // Next item: after a comma, a semicolon or "và".
        let mut k = j;
        while toks
            .get(k)
            .is_some_and(|t| t.is_punct(",") || t.is_punct(";") || t.lower() == "và")
        {
            k += 1;
        }
        if k == j || toks.get(k).map_or(true, |t| t.gap == Gap::Break) {
            break;
        }
        if person_name_at(toks, k).map(|(s, _)| s) != Some(k) {
            break;
        }
        j = k;
    }
    if out.is_empty() {
        return None;
    }
    let head = toks[i].range().start;
    for m in &mut out {
        m.group = Some(head);
    }
    Some((out, j))
}
