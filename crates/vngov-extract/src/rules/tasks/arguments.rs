//! Who directs and who is directed, read by their place around the predicate:
//!
//! - a directing verb ("yêu cầu", "giao", "đề nghị", "chỉ đạo") takes its issuer
//!   before it (the subject, maybe after "đã", "vừa có công văn", an apposition)
//!   and its addressees after it: "UBND tỉnh yêu cầu Sở Nội vụ …" directs Sở Nội
//!   vụ, never UBND tỉnh;
//! - an obligation ("có trách nhiệm", "chủ trì, phối hợp", "cần", a deadline) takes
//!   its addressees before it, at the start of a clause: "Sở Tài chính chủ trì, …".
//!
//! An addressee list is parties joined by ",", ";", "và", "cùng": bodies, classes
//! and persons by post; a post written bare before another shares its body ("Bí
//! thư, Chủ tịch UBND các tỉnh" → "Bí thư các tỉnh", "Chủ tịch UBND các tỉnh");
//! a post over a list of sectors is one per sector ("Bộ trưởng các Bộ: Quốc
//! phòng, Công an" → "Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use vngov_text::chars::{is_letter_or_digit, is_lower, lowercase};

use super::duties::{is_action, is_action_phrase};
use super::{Ctx, Directive};
use crate::rules::organizations::grammar::{bare_post_at, sector_list};
use crate::rules::organizations::lexicon::{eat, skip_ws};
use crate::rules::organizations::{Party, PartyIndex, PartyKind};

/// A list of addressees and where it ends.
pub type Listed = (Vec<Party>, usize);

/// The addressees named at byte `at`, up to `limit`: parties the grammar reads,
/// joined by ",", ";", "và", "cùng (với)", "cả".
pub fn addressees(parties: &PartyIndex, at: usize, limit: usize) -> Option<Listed> {
    read_list(parties, at..limit, false)
}

/// The addressees in `span`, item by item at ",", ";", "và", "cùng": a party the
/// grammar reads; a post written bare before another, sharing its place ("Bí thư,
/// Chủ tịch UBND các tỉnh, thành phố" → "Bí thư các tỉnh, thành phố"); and with
/// `open`, also the words narrowing a party up to the separator ("các ban, ngành,
/// đơn vị trong tỉnh") and words opening with a group's determiner, a head noun or
/// a capital ("chính quyền cơ sở", "các chủ tàu", "Tiểu ban văn kiện"). The list
/// stops at the first item that is none of these.
fn read_list(parties: &PartyIndex, span: Range<usize>, open: bool) -> Option<Listed> {
    let t = parties.text();
    let mut list: Vec<Party> = Vec::new();
    // Bare posts waiting for the place of the party after them.
    let mut waiting: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut i = span.start;
    while i < span.end {
        let seg_end = separator_in(t, i, span.end);
        let mut end;
        if let Some(p) = parties.party_at(i).filter(|p| p.range.end <= span.end) {
            let first = list.len();
            end = push_party(t, p, span.end, &mut list);
            // Words narrowing the party up to the separator ("… trong tỉnh", "… từ
            // Quảng Trị đến Khánh Hòa").
            let seg_end = end + without_fillers(&t[end..separator_in(t, end, span.end)]).len();
            if open && end < seg_end && narrows(&t[end..seg_end]) {
                if let Some(last) = list.last_mut() {
                    last.range.end = seg_end;
                    last.name = crate::rules::organizations::canonical(&super::squash(
                        &t[last.range.clone()],
                    ));
                }
                end = seg_end;
            }
            let place = shared_place(&list[first].name);
            let shared: Vec<Party> = waiting
                .drain(..)
                .filter_map(|(r, post)| {
                    Some(Party {
                        range: r,
                        name: format!("{post} {}", place.as_ref()?),
                        kind: PartyKind::Person,
                        org: None,
                    })
                })
                .collect();
            list.splice(first..first, shared);
        } else if let Some((e, post)) = bare_post_at(t, i).filter(|(e, _)| *e <= span.end) {
            waiting.push((i..e, post));
            end = e;
        } else if open {
            let item = t[i..seg_end].trim_end_matches([' ', ',']);
            let first = first_words(t, i, 2);
            let capital = item.starts_with(|c: char| vngov_text::chars::is_upper(c));
            if item.is_empty()
                || words_in(item) > 10
                || !(agent_head(&first) || capital)
                || !noun_phrase(item)
            {
                break;
            }
            let r = i..i + item.len();
            let plural = matches!(first.split(' ').next(), Some("các" | "những" | "mọi"));
            list.push(Party {
                range: r.clone(),
                name: crate::rules::organizations::canonical(&super::squash(&t[r.clone()])),
                kind: if plural {
                    PartyKind::Class
                } else {
                    PartyKind::Body
                },
                org: None,
            });
            end = r.end;
        } else {
            break;
        }
        match next_item(t, end, span.end) {
            Some(n) => i = n,
            None => break,
        }
    }
    // Posts left waiting for a place are not addressees.
    if list.is_empty() {
        return None;
    }
    let end = list.iter().map(|p| p.range.end).max().unwrap_or(span.start);
    Some((list, end))
}

/// `s` without the fillers that end it ("… ven biển tiếp tục" → "… ven biển"): they
/// stand between a subject and its predicate, not in the subject.
fn without_fillers(s: &str) -> &str {
    let mut end = s.len();
    for (start, w) in word_spans(s).collect::<Vec<_>>().into_iter().rev() {
        if !SUBJECT_FILLERS.contains(&lowercase(w).as_str()) {
            break;
        }
        end = start;
    }
    s[..end].trim_end()
}

/// Whether `words` after a party narrow it ("trong tỉnh", "có liên quan", "từ
/// Quảng Trị đến Khánh Hòa"): a few words of a noun phrase.
fn narrows(words: &str) -> bool {
    words_in(words) <= 8 && noun_phrase(words) && !SCOPE.is_match(words)
}

/// Whether `words` can be (part of) a noun phrase: no tense or aspect word, no
/// copula, no filler, no modal, and no word in lower case that opens a duty.
fn noun_phrase(words: &str) -> bool {
    // A speech is reported, not a subject named ("X phát biểu chỉ đạo …").
    if lowercase(words).contains("phát biểu") {
        return false;
    }
    let mut prev = String::new();
    for (start, w) in word_spans(words) {
        let lw = lowercase(w);
        if NOT_IN_SUBJECT.contains(&lw.as_str())
            || SUBJECT_FILLERS.contains(&lw.as_str())
            || lw == "cần"
            || lw == "phải"
        {
            return false;
        }
        // After a determiner a verb is a noun ("các cấp", "các tổ chức").
        if start > 0
            && w.starts_with(|c: char| is_lower(c))
            && !PLURALS.contains(&prev.as_str())
            && is_action(&first_words(words, start, 2))
        {
            return false;
        }
        prev = lw;
    }
    true
}

/// The words of `s` (runs of letters and digits) with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start: Option<usize> = None;
    let mut out = Vec::new();
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_letter_or_digit(c) && i < s.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// The place a post's party names, for a bare post before it to share: from the
/// first "các" or level word on ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố" →
/// "các tỉnh, thành phố").
fn shared_place(name: &str) -> Option<String> {
    [
        " các ",
        " tỉnh",
        " thành phố",
        " huyện",
        " quận",
        " thị xã",
        " xã",
        " phường",
    ]
    .iter()
    .filter_map(|w| name.find(w))
    .min()
    .map(|i| name[i + 1..].to_string())
}

/// Words that open an addressee no table names ([`agent_head`]).
static AGENT_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("agent_heads.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `words` (lower-cased, single spaces) open an addressee: a group's
/// determiner or the head noun of a body, a force or a group of people.
pub fn agent_head(words: &str) -> bool {
    AGENT_HEADS
        .iter()
        .any(|a| words == *a || words.strip_prefix(a).is_some_and(|r| r.starts_with(' ')))
}

/// Whether two words name a group of agents rather than start a duty: "cấp ủy"
/// ("cấp", to grant, is a verb alone), but not "tổ chức", a verb as a whole.
fn names_a_group(two: &str) -> bool {
    AGENT_HEADS.contains(&two) && super::duties::action_len(two).map_or(true, |n| n < 2)
}

/// Words making a group of what follows ("các cấp", "mọi tầng lớp").
const PLURALS: &[&str] = &["các", "những", "mọi", "từng", "mỗi"];

/// Words after which a verb of work is a noun of the phrase ("các tổ chức").
const DETERMINERS: &[&str] = &[
    "các", "những", "mọi", "từng", "cả", "toàn", "mỗi", "cơ", "quan",
];

/// Where the action starts in `[at, limit)`: the first word in lower case, past
/// at least one word and not right after a determiner, that opens a duty
/// ([`is_action`]); words inside a party the grammar reads are passed over.
/// `None` at a stop or after forty words.
fn action_start(parties: &PartyIndex, at: usize, limit: usize) -> Option<usize> {
    let t = parties.text();
    let mut i = at;
    let mut prev = String::new();
    for _ in 0..40 {
        i = skip_ws(t, i);
        if i >= limit {
            return None;
        }
        let c = t[i..].chars().next()?;
        // A colon after a plural head opens the list of its members ("Bộ trưởng
        // các Bộ: Quốc phòng, Công an; …"), not the action.
        if matches!(c, '.' | '!' | '?') || (c == ':' && !PLURAL_HEAD.is_match(&t[at..i])) {
            return None;
        }
        if !is_letter_or_digit(c) {
            i += c.len_utf8();
            continue;
        }
        if let Some(p) = parties.party_at(i).filter(|p| p.range.end <= limit) {
            i = p.range.end;
            prev.clear();
            continue;
        }
        let w: String = t[i..]
            .chars()
            .take_while(|&c| is_letter_or_digit(c))
            .collect();
        let lw = lowercase(&w);
        // A verb of work right after the directing verb opens the action ("yêu
        // cầu tổ chức triển khai"), unless a list goes on after it ("yêu cầu tổ
        // chức, cá nhân …").
        let first_is_action = i == at && {
            let after = skip_ws(t, words_end(t, i, action_words(t, i)).min(limit)).min(limit);
            !t[after..limit].starts_with([',', ';'])
                && !t[after..limit].starts_with("và ")
                && !names_a_group(&first_words(t, i, 2))
        };
        if (i > at || first_is_action)
            && is_lower(c)
            && !DETERMINERS.contains(&prev.as_str())
            && (opens_duty(t, i, limit, !prev.is_empty()) || MODAL.is_match(&t[i..limit]))
        {
            return Some(i);
        }
        prev = lw;
        i += w.len();
    }
    None
}

/// The byte end of the `n` words starting at `at`.
fn words_end(t: &str, at: usize, n: usize) -> usize {
    let mut i = at;
    for k in 0..n {
        if k > 0 {
            i = skip_ws(t, i);
        }
        i += t[i..]
            .char_indices()
            .find(|&(_, c)| !is_letter_or_digit(c))
            .map_or(t.len() - i, |(k, _)| k);
    }
    i
}

/// How many words the duty-opening phrase at `at` holds (one or two).
fn action_words(t: &str, at: usize) -> usize {
    if super::duties::is_action_phrase(&first_words(t, at, 2)) {
        2
    } else {
        1
    }
}

/// Whether a duty opens at word `i`: a verb of work not made a noun by "của" after
/// it ("chỉ đạo của UBND tỉnh"); a one-word verb right after a word in lower case
/// (`after_lower`) is taken for the end of a compound noun ("quy trình", "cấp
/// huyện") and opens none.
pub fn opens_duty(t: &str, i: usize, limit: usize, after_lower: bool) -> bool {
    let words = first_words(t, i, 2);
    let Some(n) = super::duties::action_len(&words) else {
        return false;
    };
    if n == 1 && after_lower {
        return false;
    }
    let after = skip_ws(t, words_end(t, i, n).min(limit)).min(limit);
    !first_words(t, after, 1).eq("của")
}

/// A plural head just before a colon: "các Bộ", "các tỉnh", "các đồng chí".
static PLURAL_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:các|những)\s+\w+(?:\s+chí)?\s*$").unwrap());

/// "cần", "phải": a duty's modal.
static MODAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:cần|phải)\b").unwrap());

/// After a verb: a comma, and an adverbial of time set off by commas ("chỉ đạo,
/// trong thời gian tới, các chủ đầu tư …").
static ADVERBIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:(?:trong|thời\s+gian|từ\s+nay|ngay|tới|sau|trước|nhất\s+là|đặc\s+biệt|hiện\s+nay|năm|tháng|đến)\b[^,.;:]{0,60},\s*)?")
        .unwrap()
});

/// The addressees after a directing verb at byte `at`, read by position: the
/// words up to where the action starts, item by item at ",", ";", "và", "cùng" —
/// a party the grammar reads (with words narrowing it: "các ban, ngành, đơn vị
/// trong tỉnh"), or words opening with a group's determiner, a head noun or a
/// capital ("chính quyền cơ sở", "các chủ tàu", "Tiểu ban văn kiện"). Where no
/// action is found, the parties the grammar reads.
pub fn objects(parties: &PartyIndex, at: usize, limit: usize) -> Option<Listed> {
    let t = parties.text();
    // A verb closing its unit has no addressees after it.
    if at >= limit {
        return None;
    }
    let at = at + ADVERBIAL.find(&t[at..limit]).map_or(0, |m| m.end());
    match action_start(parties, at, limit) {
        Some(action) => items(parties, at..action),
        None => addressees(parties, at, limit).filter(|(_, e)| has_action(t, *e, limit)),
    }
}

/// The addressees in `span`, read openly ([`read_list`]).
fn items(parties: &PartyIndex, span: Range<usize>) -> Option<Listed> {
    read_list(parties, span, true)
}

/// The subject named at byte `at` before the first of its words where `predicate`
/// matches (within twenty words, no stop between): the parties the grammar reads,
/// or, where it reads none, words opening with a group's determiner or a head
/// noun ("Văn phòng Điều phối Chương trình … chủ trì, phối hợp …", "Các lực lượng
/// vũ trang sẵn sàng …", "nhà thầu tập trung …"). Returns the list and where the
/// predicate starts.
pub fn subject(
    ctx: &Ctx,
    at: usize,
    limit: usize,
    predicate: impl Fn(usize) -> bool,
    gap: usize,
) -> Option<(Listed, usize)> {
    let t = ctx.text;
    if let Some((list, end)) = ctx.addressees_at(at, limit) {
        if let Some(p) = first_predicate(t, end, limit, &predicate, gap) {
            return Some(((list, end), p));
        }
    }
    // Read openly up to the predicate: the parties with the words narrowing them,
    // and noun phrases the grammar does not name.
    let p = first_predicate(t, at, limit, &predicate, 60)?;
    if let Some((list, end)) = items(ctx.parties, at..p) {
        let named = ctx.parties.party_at(at).is_some();
        if named && between_subject_and_predicate(&t[end..p]) {
            return Some(((list, end), p));
        }
    }
    let first = first_words(t, at, 2);
    if !agent_head(&first) || is_action_phrase(&first) || MEETING.is_match(&first) {
        return None;
    }
    // A clause, not a noun phrase, stands before the predicate ("Thành phố đã đầu
    // tư …", "Hội nghị đã nghe …").
    if t[at..p]
        .split(|c: char| !is_letter_or_digit(c))
        .any(|w| NOT_IN_SUBJECT.contains(&lowercase(w).as_str()))
        || lowercase(&t[at..p]).contains("phát biểu")
    {
        return None;
    }
    let (list, end) = items(ctx.parties, at..p)?;
    // The words read are the whole subject: none is left before the predicate, and
    // no item is a bare determiner.
    let bare = list
        .iter()
        .any(|p| !t[p.range.clone()].trim().contains(' '));
    (between_subject_and_predicate(&t[end..p]) && !bare).then_some(((list, end), p))
}

/// Whether `s` may stand between a subject and its predicate: fillers, or the
/// scope of the duty ("Các sở, ngành căn cứ chức năng, nhiệm vụ được giao, triển
/// khai …", "… theo thẩm quyền, chủ động …").
fn between_subject_and_predicate(s: &str) -> bool {
    fillers_only(s) || SCOPE.is_match(s)
}

/// The scope of a duty between its subject and its predicate.
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*(?:căn\s+cứ(?:\s+vào)?|theo|trong\s+phạm\s+vi|trên\s+cơ\s+sở)\s+(?:[^.;:]{0,40}?\s)?(?:chức\s+năng|nhiệm\s+vụ|thẩm\s+quyền|lĩnh\s+vực)[^.;:]{0,40}?[\s,]*$")
        .unwrap()
});

/// Whether `s` holds only spaces, commas and the fillers that may stand between a
/// subject and its predicate ("cũng", "tiếp tục").
fn fillers_only(s: &str) -> bool {
    s.split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .all(|w| SUBJECT_FILLERS.contains(&lowercase(w).as_str()))
}

/// Words no subject noun phrase holds: tense and aspect, the copula, verbs of
/// reporting.
const NOT_IN_SUBJECT: &[&str] = &[
    "đã", "đang", "sẽ", "vừa", "mới", "được", "bị", "là", "có", "gồm", "không", "chưa", "cũng",
    "nghe", "như", "thì", "mà", "nếu", "khi",
];

/// Words naming a meeting, which opens no subject of a directive.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:hội nghị|hội thảo|cuộc họp|phiên họp|kỳ họp|buổi)\b").unwrap()
});

/// The first word start in `[from, limit)`, within `gap` words (fillers such as
/// "đã" not counted) and before any stop, where `predicate` holds.
fn first_predicate(
    t: &str,
    from: usize,
    limit: usize,
    predicate: &impl Fn(usize) -> bool,
    gap: usize,
) -> Option<usize> {
    let mut i = from;
    let mut words = 0;
    while words <= gap {
        let j = skip_ws(t, i);
        if j >= limit {
            return None;
        }
        // Predicates are verbs in lower case: the names of the subject, in capitals,
        // are passed over without trying the patterns.
        if !t[j..].starts_with(|c: char| vngov_text::chars::is_upper(c)) && predicate(j) {
            return Some(j);
        }
        // A list's colons and semicolons may stand in the subject ("Bộ trưởng các Bộ:
        // Quốc phòng, …; Bí thư, Chủ tịch UBND các tỉnh … tiếp tục …").
        let c = t[j..].chars().next()?;
        if matches!(c, '.' | '!' | '?') {
            return None;
        }
        if !is_letter_or_digit(c) {
            i = j + c.len_utf8();
            continue;
        }
        let w = t[j..limit]
            .char_indices()
            .find(|&(_, c)| !is_letter_or_digit(c) && c != '/' && c != '-')
            .map_or(limit - j, |(k, _)| k);
        if !SUBJECT_FILLERS.contains(&lowercase(&t[j..j + w]).as_str()) {
            words += 1;
        }
        i = j + w;
    }
    None
}

/// The first list separator (",", ";", " và ", " cùng ") in `[i, end)`, or `end`.
fn separator_in(t: &str, i: usize, end: usize) -> usize {
    let s = &t[i..end];
    let mut best = s.len();
    for sep in [",", ";", " và ", " cùng "] {
        if let Some(k) = s.find(sep) {
            best = best.min(k);
        }
    }
    i + best
}

fn words_in(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Where the next item of a list starts after byte `end`: after ",", ";", "và",
/// "cùng (với)", "cả", or none.
fn next_item(t: &str, end: usize, limit: usize) -> Option<usize> {
    let i = skip_ws(t, end);
    let mut j = if t[i..].starts_with([',', ';']) {
        skip_ws(t, i + 1)
    } else {
        i
    };
    let mut joined = j > i;
    for w in ["và cả", "và", "cùng với", "cùng", "cả"] {
        if let Some(e) = eat(t, j, w, false) {
            j = skip_ws(t, e);
            joined = true;
            break;
        }
    }
    (joined && j < limit).then_some(j)
}

/// Adds `p` to `list` (a sector list after it, "các sở: Nội vụ, Tài chính", as one
/// party per sector); returns where it ends.
fn push_party(t: &str, p: Party, limit: usize, list: &mut Vec<Party>) -> usize {
    match sector_list(t, &p).filter(|(_, end)| *end <= limit) {
        Some((parties, end)) => {
            list.extend(parties);
            end
        }
        None => {
            let end = p.range.end;
            list.push(p);
            end
        }
    }
}

/// Words that may stand between an issuer and its verb: adverbs, and the document
/// it directs by ("UBND tỉnh đã yêu cầu", "Thủ tướng vừa có Công điện yêu cầu",
/// "Chủ tịch UBND tỉnh vừa ban hành chỉ thị yêu cầu", "… ký Công điện số 210/CĐ-TTg
/// ngày 6/11/2025 chỉ đạo").
static VERB_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s|,|đã|cũng|vừa|mới|tiếp\s+tục|đồng\s+thời|còn|thì|vẫn|trực\s+tiếp|kiên\s+quyết|nghiêm\s+khắc|quyết\s+liệt|khẩn\s+trương|có|ý\s+kiến|ký|ban\s+hành|gửi|văn\s+bản|công\s+văn|công\s+điện|chỉ\s+thị|thông\s+báo|kết\s+luận|quyết\s+định|hỏa\s+tốc|khẩn|số|ngày|\d+[/\-.][\w/\-.]*|\d+|tại|cuộc\s+họp|hội\s+nghị|buổi\s+làm\s+việc)*$",
    )
    .unwrap()
});

/// An apposition after an issuer: "(Trưởng ban Chỉ đạo …)", ", ông Lê Trung Chinh".
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*)?(?:\([^()]{0,200}\)|(?i:ông|bà|đồng\s+chí|đ/c)\s+(?:\p{Lu}\p{Ll}*\s*){2,4}(?:\([^()]{0,200}\))?)\s*,?").unwrap()
});

/// The issuer named before the directing verb at byte `at`, in the unit starting
/// at `unit_start`: the nearest party ending before it with only an adverb, the
/// document it directs by or an apposition between.
pub fn issuer_before(ctx: &Ctx, at: usize, unit_start: usize) -> Option<Party> {
    let t = ctx.text;
    let parties = ctx.parties.parties();
    // Parties of the scan ending in the unit before `at`, nearest first.
    let k = parties.partition_point(|p| p.range.end <= at);
    for p in parties[..k].iter().rev() {
        if p.range.start < unit_start {
            break;
        }
        if p.kind == PartyKind::Class {
            continue;
        }
        let mut gap = &t[p.range.end..at];
        if let Some(m) = APPOSITION.find(gap) {
            gap = &gap[m.end()..];
        }
        if VERB_GROUP.is_match(gap) {
            return Some(p.clone());
        }
        // Only the nearest party can be the issuer.
        return None;
    }
    None
}

/// Whether the words before byte `at` make the verb there passive or a noun:
/// "được giao", "được tạm giao", or one of `not_after` (its last one or two
/// words, lower-cased).
pub fn not_a_directive(t: &str, at: usize, not_after: &[&str]) -> bool {
    let last1 = words_before(t, at, 1);
    let last2 = words_before(t, at, 2);
    not_after.iter().any(|w| *w == last1 || *w == last2)
        || last1 == "được"
        || last2.starts_with("được ")
}

/// The shape "<issuer> <verb> <addressees> <action>": every match of `verb` at a
/// word start, not made a noun or passive by the words before it (`not_after`)
/// nor part of a compound by those after it (`not_before`), followed (after
/// "cho", "đối với", a colon) by addressees and an action.
pub fn verb_rule(
    ctx: &Ctx,
    rule: &'static str,
    verb: &Regex,
    not_after: &[&str],
    not_before: Option<&Regex>,
    need_issuer: bool,
) -> Vec<Directive> {
    let t = ctx.text;
    let mut out = Vec::new();
    for m in verb.find_iter(t) {
        if t[..m.start()]
            .chars()
            .next_back()
            .is_some_and(is_letter_or_digit)
            || not_a_directive(t, m.start(), not_after)
            || not_before.is_some_and(|re| re.is_match(&t[m.end()..]))
        {
            continue;
        }
        let Some(u) = ctx.doc.units().unit_at(m.start()) else {
            continue;
        };
        if ctx.cx.excluded[u] {
            continue;
        }
        let unit = &ctx.doc.units().units[u];
        let mut i = skip_ws(t, m.end());
        for w in ["cho", "đối với"] {
            if let Some(e) = eat(t, i, w, false) {
                i = skip_ws(t, e);
            }
        }
        if t[i..].starts_with(':') {
            i = skip_ws(t, i + 1);
        }
        // The addressees may open the list under a lead ("yêu cầu:\n- Sở …"): those
        // are read by the rules on items.
        let Some((assignees, end)) = objects(ctx.parties, i, unit.range.end) else {
            continue;
        };
        let issuer = issuer_before(ctx, m.start(), unit.range.start);
        // A verb opening its clause is an order ("Chỉ đạo các huyện …").
        let opens = ctx.doc.units().clause_at(m.start()).is_some_and(|c| {
            subject_start(t, ctx.doc.units().clauses[c].range.clone()) == m.start()
        });
        if need_issuer && issuer.is_none() && !opens {
            continue;
        }
        out.push(Directive {
            rule,
            start: issuer.as_ref().map_or(m.start(), |a| a.range.start),
            assignees,
            action_start: end,
            issuer,
            unit: u,
        });
    }
    out
}

/// Whether an action follows a list ending at `end`, in its unit: a word other
/// than "của" (which makes the list an owner: "đề nghị của Sở …").
fn has_action(t: &str, end: usize, unit_end: usize) -> bool {
    let after = t[end..unit_end].trim_start();
    let rest = after.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    if rest.starts_with(':') {
        return true;
    }
    let word: String = rest
        .chars()
        .take_while(|&c| is_letter_or_digit(c))
        .collect();
    // A list cut off by the end of the text ("yêu cầu các sở, ban, ngàn") has no
    // action: a word after a comma must start some words.
    let words = rest.split_whitespace().count();
    !word.is_empty() && lowercase(&word) != "của" && (!after.starts_with(',') || words >= 3)
}

/// Connectives that may open a clause before its subject ("Đồng thời,", "Trước
/// mắt,", "Theo đó,", "Trên cơ sở đó,").
static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:đồng\s+thời|do\s+đó|vì\s+vậy|vì\s+thế|trước\s+mắt|theo\s+đó|ngoài\s+ra|bên\s+cạnh\s+đó|trong\s+đó|mặt\s+khác|cụ\s+thể|trên\s+cơ\s+sở\s+(?:đó|này)|sau\s+đó|tiếp\s+đó|riêng|về\s+lâu\s+dài|thời\s+gian\s+tới|trong\s+thời\s+gian\s+tới)\s*,?\s*)+",
    )
    .unwrap()
});

/// Where a clause's subject may start: after its list marker and connectives.
pub fn subject_start(t: &str, clause: Range<usize>) -> usize {
    let s = &t[clause.clone()];
    clause.start + CONNECTIVE.find(s).map_or(0, |m| m.end())
}

/// A connective inside a clause, after which a new subject may stand ("…, do đó
/// các cơ quan, đơn vị … cần …").
static MID_CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:do\s+đó|vì\s+vậy|vì\s+thế|đồng\s+thời|trong\s+đó|ngoài\s+ra|trên\s+cơ\s+sở\s+đó|theo\s+đó)\s*,?\s*")
        .unwrap()
});

/// Every place in a clause where its subject may start: its start, and after a
/// connective inside it.
pub fn subject_starts(t: &str, clause: Range<usize>) -> Vec<usize> {
    let mut out = vec![subject_start(t, clause.clone())];
    out.extend(
        MID_CONNECTIVE
            .find_iter(&t[clause.clone()])
            .map(|m| clause.start + m.end()),
    );
    out
}

/// The directing verbs: a subject followed by one of these is an issuer, not an
/// addressee ("UBND tỉnh yêu cầu …").
static DIRECTING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:yêu\s+cầu|giao|đề\s+nghị|chỉ\s+đạo|phân\s+công|chỉ\s+thị|kết\s+luận|nhấn\s+mạnh|lưu\s+ý|kêu\s+gọi|quyết\s+định)\b").unwrap()
});

/// The first bytes of `t[j..end]`, as many as a predicate's words can take: an
/// anchored pattern then costs the same on a long unit as on a short one (its
/// engine's state grows with the text it is given).
fn head(t: &str, j: usize, end: usize) -> &str {
    let mut e = end.min(j + 96);
    while !t.is_char_boundary(e) {
        e -= 1;
    }
    &t[j..e]
}

/// Words that may stand between a subject and its predicate.
const SUBJECT_FILLERS: &[&str] = &[
    "cũng", "tiếp", "tục", "đồng", "thời", "còn", "thì", "vẫn", "trực",
];

/// The shape "<addressees> <predicate>" at the start of each clause of the units
/// `accept` admits: the addressees, then within `gap` words (no punctuation) a
/// match of `predicate` (anchored). The action starts at the predicate (`keep`)
/// or after it.
pub fn subject_rule(
    ctx: &Ctx,
    rule: &'static str,
    predicate: &Regex,
    gap: usize,
    keep: bool,
    accept: impl Fn(usize) -> bool,
) -> Vec<Directive> {
    let t = ctx.text;
    let units = ctx.doc.units();
    let mut out = Vec::new();
    // The end of the last list read: a clause inside it is no subject of its own.
    let mut read_to = 0;
    for c in &units.clauses {
        if ctx.cx.excluded[c.unit] || !accept(c.unit) || c.range.start < read_to {
            continue;
        }
        // The list may run over semicolons ("Chánh Văn phòng …; Giám đốc …; Chủ
        // tịch … chịu trách nhiệm …").
        let unit_end = units.units[c.unit].range.end;
        for s in subject_starts(t, c.range.clone()) {
            let found = subject(
                ctx,
                s,
                unit_end,
                |j| {
                    let h = head(t, j, unit_end);
                    predicate.is_match(h) || DIRECTING_VERB.is_match(h)
                },
                gap,
            );
            let Some(((assignees, end), at)) = found else {
                continue;
            };
            let Some(p) = predicate
                .find(&t[at..unit_end])
                .map(|m| at + m.start()..at + m.end())
            else {
                // "UBND tỉnh (đã) yêu cầu …": the subject directs, it is not directed.
                read_to = end;
                continue;
            };
            read_to = end;
            out.push(Directive {
                rule,
                start: s,
                assignees,
                action_start: if keep { p.start } else { p.end },
                issuer: None,
                unit: c.unit,
            });
            break;
        }
    }
    out
}

/// The first word at byte `at` lower-cased, with the one after it.
pub fn first_words(t: &str, at: usize, n: usize) -> String {
    let mut out = Vec::new();
    let mut i = skip_ws(t, at);
    for _ in 0..n {
        let w: String = t[i..]
            .chars()
            .take_while(|&c| is_letter_or_digit(c))
            .collect();
        if w.is_empty() {
            break;
        }
        i = skip_ws(t, i + w.len());
        out.push(lowercase(&w));
    }
    out.join(" ")
}

/// Whether the word at byte `at` starts in lower case.
pub fn lower_word_at(t: &str, at: usize) -> bool {
    t[skip_ws(t, at)..].chars().next().is_some_and(is_lower)
}

/// The last one or two words before byte `at`, lower-cased.
pub fn words_before(text: &str, at: usize, n: usize) -> String {
    // Walks back from `at`: splitting the whole prefix made every call linear in the
    // offset, and the rules call this at every trigger of a long page.
    let mut words: Vec<&str> = Vec::with_capacity(n);
    let mut end = None;
    for (i, c) in text[..at].char_indices().rev() {
        let alnum = is_letter_or_digit(c);
        match (alnum, end) {
            (true, None) => end = Some(i + c.len_utf8()),
            (false, Some(e)) => {
                words.push(&text[i + c.len_utf8()..e]);
                end = None;
                if words.len() == n {
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some(e) = end.filter(|_| words.len() < n) {
        words.push(&text[..e]);
    }
    words.reverse();
    lowercase(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<String> {
        let idx = PartyIndex::new(t);
        addressees(&idx, 0, t.len())
            .map(|(l, _)| l.into_iter().map(|p| p.name).collect())
            .unwrap_or_default()
    }

    #[test]
    fn lists_of_bodies_classes_and_posts() {
        assert_eq!(
            names("Sở Tài chính, Sở KH&ĐT và UBND các huyện thực hiện"),
            [
                "Sở Tài chính",
                "Sở Kế hoạch và Đầu tư",
                "Ủy ban nhân dân các huyện"
            ]
        );
        let t = "Bộ trưởng các Bộ: Quốc phòng, Công an; Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Trị đến Khánh Hòa tiếp tục";
        let idx = PartyIndex::new(t);
        let open: Vec<String> = items(&idx, 0..t.find(" tiếp tục").unwrap())
            .map(|(l, _)| l.into_iter().map(|p| p.name).collect())
            .unwrap_or_default();
        assert_eq!(
            open,
            [
                "Bộ trưởng Bộ Quốc phòng",
                "Bộ trưởng Bộ Công an",
                "Bí thư các tỉnh, thành phố từ Quảng Trị đến Khánh Hòa",
                "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Trị đến Khánh Hòa"
            ]
        );
        assert_eq!(
            names("chính quyền cơ sở, các chủ tàu thực hiện"),
            Vec::<String>::new(),
            "the grammar alone names no group it has no word for"
        );
        let t = "chính quyền cơ sở, các chủ tàu thực hiện";
        let idx = PartyIndex::new(t);
        let open: Vec<String> = items(&idx, 0..t.find(" thực").unwrap())
            .map(|(l, _)| l.into_iter().map(|p| p.name).collect())
            .unwrap_or_default();
        assert_eq!(open, ["chính quyền cơ sở", "các chủ tàu"]);
        assert!(names("Bí thư, Phó Bí thư").is_empty());
    }

    #[test]
    fn words_before_takes_the_last_words() {
        let t = "Giao Sở Tài chính, chủ trì";
        assert_eq!(words_before(t, t.len(), 2), "chủ trì");
        assert_eq!(words_before(t, t.len(), 1), "trì");
        assert_eq!(words_before(t, "Giao Sở Tài".len(), 2), "sở tài");
        assert_eq!(words_before(t, "Gia".len(), 2), "gia");
        assert_eq!(words_before(t, 0, 2), "");
        assert_eq!(words_before("  , ", 4, 2), "");
    }

    #[test]
    fn a_passive_or_a_noun_is_no_directive() {
        let t = "việc điều hành được tạm giao cho ông A";
        assert!(not_a_directive(t, t.find("giao").unwrap(), &[]));
        let t = "theo đề nghị của Sở";
        assert!(not_a_directive(t, t.find("đề").unwrap(), &["theo"]));
        let t = "UBND tỉnh giao Sở";
        assert!(!not_a_directive(t, t.find("giao").unwrap(), &["bàn"]));
    }
}
