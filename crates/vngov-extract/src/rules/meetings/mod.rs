//! Meetings the document reports on, and who chaired them.
//!
//! Each way a text reports a meeting is one rule, listed in [`RULES`]; a rule
//! returns [`Event`]s: a meeting named at some place with what that place says
//! about it (its date, who presided, who concluded, who attended).
//!
//! | rule | reads | example |
//! |---|---|---|
//! | [`lead`] | a sentence opening with the date | "Chiều ngày 24/02, Ban chỉ đạo … tổ chức họp trực tuyến …" |
//! | [`dated`] | a date after the words naming the meeting | "… TẠI PHIÊN HỌP … NGÀY 19 THÁNG 7 NĂM 2023", "Hội nghị … được tổ chức vào lúc 08h00 ngày 25/02/2023" |
//! | [`presided`] | people before "chủ trì" | "Đồng chí X, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp", "do X và Y đồng chủ trì" |
//! | [`presided_by`] | people after "sự chủ trì của", "Chủ trì hội nghị có" | "dưới sự chủ trì của đồng chí X và các đồng chí: A, …; B, …" |
//! | [`concluded`] | the person who gave the conclusion | "Kết luận hội nghị, đồng chí X …", "kết luận của Phó Chủ tịch UBND tỉnh X tại …" |
//! | [`attended`] | people listed as attending | "Tham dự cuộc họp có các Phó Thủ tướng: A, B …" |
//! | [`opening`] | a heading or "Tại hội nghị," naming the meeting | "Hội nghị bàn về công tác …" |
//!
//! [`extract`] then merges the events into meetings: events with the same date, or
//! without one, are the same meeting; a new date is a new meeting. Someone who
//! concluded is a chair (role `concluded`) only where nobody is said to preside.
//! "Chủ trì" in a directive ("Sở X chủ trì, phối hợp với …"), attending ("dự và
//! chỉ đạo") and speaking ("phát biểu chỉ đạo") make no chair.

pub mod attended;
pub mod concluded;
pub mod dated;
pub mod kind;
pub mod lead;
pub mod location;
pub mod opening;
pub mod presided;
pub mod presided_by;
pub mod time_of_day;
pub mod topic;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use vngov_record::{Chair, ChairRole, DateFact, DatePrecision, Meeting, PersonRef, TimeOfDay};

use crate::rules::people::{name_key, resolve, PersonMention};
use crate::Doc;
use kind::KindFound;

/// What the rules read a document with.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Doc<'a>,
    /// Its dates, with years inferred.
    pub dates: &'a [DateFact],
    /// Every mention of a person or a title standing for one.
    pub people: &'a [PersonMention],
    /// Every mention of a single meeting, in text order.
    pub kinds: Vec<KindFound>,
    /// Indices of `people` by the end of their phrase, and by their lead: the
    /// mentions near a place are found by a search, not by reading them all.
    by_end: Vec<usize>,
    by_lead: Vec<usize>,
}

impl<'a> Context<'a> {
    /// The text.
    pub fn text(&self) -> &str {
        self.doc.text()
    }

    /// Days (not months or years) with their byte ranges.
    pub fn days(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        self.dates
            .iter()
            .enumerate()
            .filter(|(_, d)| d.precision == DatePrecision::Day || first_day(d).is_some())
            .map(|(i, d)| (i, self.doc.byte_range(d.evidence.span)))
    }

    /// The context of the rules over `doc`.
    pub fn new(doc: &'a Doc<'a>, dates: &'a [DateFact], people: &'a [PersonMention]) -> Self {
        let mut kinds = kind::find(doc.text());
        kinds.sort_by_key(|k| (k.range.start, k.range.end));
        let mut by_end: Vec<usize> = (0..people.len()).collect();
        by_end.sort_by_key(|&i| (people[i].range.end, i));
        let mut by_lead: Vec<usize> = (0..people.len()).collect();
        by_lead.sort_by_key(|&i| (people[i].lead, i));
        Context {
            doc,
            dates,
            people,
            kinds,
            by_end,
            by_lead,
        }
    }

    /// The mentions whose phrase ends in `lo..=hi`, by that end.
    pub fn ending_within(&self, lo: usize, hi: usize) -> &[usize] {
        let a = self
            .by_end
            .partition_point(|&i| self.people[i].range.end < lo);
        let b = self
            .by_end
            .partition_point(|&i| self.people[i].range.end <= hi);
        &self.by_end[a..b.max(a)]
    }

    /// The mentions whose phrase leads in `lo..=hi`, by that lead.
    pub fn leading_within(&self, lo: usize, hi: usize) -> &[usize] {
        let a = self.by_lead.partition_point(|&i| self.people[i].lead < lo);
        let b = self.by_lead.partition_point(|&i| self.people[i].lead <= hi);
        &self.by_lead[a..b.max(a)]
    }

    /// The meeting words lying within `range`, in text order.
    pub fn kinds_within(&self, range: Range<usize>) -> &[KindFound] {
        kind::within(&self.kinds, range)
    }

    /// The person mention whose phrase ends at byte `b`, if any.
    pub fn mention_ending_at(&self, b: usize) -> Option<usize> {
        self.ending_within(b, b).iter().copied().min()
    }

    /// The person mention whose phrase (list head included) starts at byte `b`.
    pub fn mention_leading_at(&self, b: usize) -> Option<usize> {
        self.leading_within(b, b).iter().copied().min()
    }

    /// The first meeting word in the sentence around byte `at`.
    pub fn kind_around(&self, at: usize) -> Option<KindFound> {
        kind::first_in(&self.kinds, self.doc.sentence_at(at)).cloned()
    }

    /// The last meeting word in the two units before byte `at` (a sentence that
    /// names no meeting goes on about the one just named: "… chủ trì Phiên họp trực
    /// tuyến … Chủ tịch UBND tỉnh X chủ trì tại điểm cầu Đồng Nai.").
    pub fn kind_before(&self, at: usize) -> Option<&KindFound> {
        let units = &self.doc.units().units;
        let k = units.partition_point(|u| u.range.end <= at);
        let from = units[k.saturating_sub(2)..k].first()?.range.start;
        self.kinds_within(from..at).last()
    }
}

/// A person who led a meeting, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct ChairFound {
    /// Index in [`Context::people`].
    pub mention: usize,
    /// Presided or concluded.
    pub role: ChairRole,
    /// The rule that read it ("chairs/presided").
    pub rule: &'static str,
}

impl ChairFound {
    /// The chairs of these mentions, all in one role, read by `rule`.
    pub fn all(mentions: Vec<usize>, role: ChairRole, rule: &'static str) -> Vec<ChairFound> {
        mentions
            .into_iter()
            .map(|mention| ChairFound {
                mention,
                role,
                rule,
            })
            .collect()
    }
}

/// A meeting named at one place, with what that place says about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// Byte offset of the place, for text order.
    pub at: usize,
    /// Whether the place reports the meeting itself; a heading or a passing
    /// "Tại hội nghị" only adds details to a meeting reported elsewhere.
    pub strong: bool,
    /// The words naming the meeting.
    pub kind: Option<KindFound>,
    /// Index of its date in [`Context::dates`].
    pub date: Option<usize>,
    /// Part of the day.
    pub time_of_day: Option<TimeOfDay>,
    /// What it was about.
    pub topic: Option<String>,
    /// Where it took place.
    pub location: Option<String>,
    /// Who led it.
    pub chairs: Vec<ChairFound>,
    /// Who attended it (indices in [`Context::people`]).
    pub attendees: Vec<usize>,
    /// The rule that read it ("meetings/lead").
    pub rule: &'static str,
}

/// An event rule.
pub type Rule = fn(&Context) -> Vec<Event>;

/// The registry, by name.
pub const RULES: &[(&str, Rule)] = &[
    ("lead", lead::find),
    ("dated", dated::find),
    ("presided", presided::find),
    ("presided_by", presided_by::find),
    ("concluded", concluded::find),
    ("attended", attended::find),
    ("opening", opening::find),
];

/// Sets `slot` to `v` when it is empty.
fn fill<T>(slot: &mut Option<T>, v: Option<T>) {
    if slot.is_none() {
        *slot = v;
    }
}

/// Every meeting the document reports on, in text order.
pub fn extract(doc: &Doc, dates: &[DateFact], people: &[PersonMention]) -> Vec<Meeting> {
    let cx = Context::new(doc, dates, people);
    let mut events: Vec<Event> = RULES
        .iter()
        .flat_map(|(name, rule)| {
            rule(&cx).into_iter().map(move |mut e| {
                if e.rule.is_empty() {
                    e.rule = name;
                }
                e
            })
        })
        .collect();
    events.sort_by_key(|e| e.at);
    let mut drafts: Vec<Event> = Vec::new();
    let date_value = |e: &Event| e.date.map(|i| dates[i].value.clone());
    for e in events.iter().filter(|e| e.strong) {
        // Two sentences each opening on a day and naming a meeting in other words
        // report two meetings, even on one day ("Chiều 3/10, HĐND … kỳ họp …" and
        // "vào sáng cùng ngày, tại Đại hội …").
        let other_report = |d: &Event| {
            e.rule == "lead"
                && d.rule == "lead"
                && d.kind.as_ref().map(|k| &k.words) != e.kind.as_ref().map(|k| &k.words)
        };
        let target = match date_value(e) {
            Some(v) => drafts
                .iter()
                .position(|d| date_value(d).as_ref() == Some(&v) && !other_report(d))
                .or_else(|| drafts.iter().position(|d| d.date.is_none())),
            None => drafts.len().checked_sub(1),
        };
        match target {
            Some(i) => merge(&mut drafts[i], e.clone()),
            None => drafts.push(e.clone()),
        }
    }
    for e in events.iter().filter(|e| !e.strong) {
        match drafts.first_mut() {
            Some(d) => {
                fill(&mut d.kind, e.kind.clone());
                fill(&mut d.topic, e.topic.clone());
                fill(&mut d.location, e.location.clone());
            }
            None => drafts.push(e.clone()),
        }
    }
    drafts.into_iter().filter_map(|d| build(&cx, d)).collect()
}

/// Adds what `e` says to the meeting `d`.
fn merge(d: &mut Event, e: Event) {
    // The words of the first strong mention name the meeting.
    fill(&mut d.kind, e.kind);
    fill(&mut d.date, e.date);
    fill(&mut d.time_of_day, e.time_of_day);
    fill(&mut d.topic, e.topic);
    fill(&mut d.location, e.location);
    d.chairs.extend(e.chairs);
    d.attendees.extend(e.attendees);
}

/// The record of a merged meeting; `None` when no words name it.
fn build(cx: &Context, d: Event) -> Option<Meeting> {
    let kind = d.kind?;
    let date_fact = d.date.map(|i| &cx.dates[i]);
    let presided = d.chairs.iter().any(|c| c.role == ChairRole::Presided);
    let mut chairs: Vec<Chair> = Vec::new();
    for c in &d.chairs {
        if presided && c.role != ChairRole::Presided {
            continue;
        }
        let m = &cx.people[c.mention];
        let Some(name) = resolve(m, cx.people) else {
            continue;
        };
        if chairs.iter().any(|o| name_key(&o.name) == name_key(&name)) {
            continue;
        }
        chairs.push(Chair {
            titles: titles_of(cx, m, &name),
            name,
            honorific: m.honorific.clone(),
            role: c.role,
            rule: c.rule.into(),
            evidence: cx.doc.evidence(m.range.clone()),
        });
    }
    let mut attendees: Vec<PersonRef> = Vec::new();
    for &a in &d.attendees {
        let m = &cx.people[a];
        let Some(name) = m.name.clone() else { continue };
        let key = name_key(&name);
        if chairs.iter().any(|c| name_key(&c.name) == key)
            || attendees.iter().any(|o| name_key(&o.name) == key)
        {
            continue;
        }
        attendees.push(PersonRef {
            name,
            titles: m.titles.clone(),
            evidence: cx.doc.evidence(m.range.clone()),
        });
    }
    Some(Meeting {
        date: date_fact
            .filter(|f| !f.value.starts_with("--"))
            .map(|f| first_day(f).unwrap_or(&f.value).to_string()),
        date_year_inferred: date_fact
            .is_some_and(|f| f.year_inferred && !f.value.starts_with("--")),
        date_evidence: date_fact.map(|f| f.evidence.clone()),
        time_of_day: d.time_of_day,
        kind: kind.words,
        topic: d.topic,
        location: d.location,
        chairs,
        attendees,
        rule: format!("meetings/{}", d.rule),
        evidence: cx.doc.evidence(kind.range),
    })
}

/// The titles of a chair: those of the mention, unless it has none or only an
/// upper-case heading's, when another mention of the same person says better.
fn titles_of(cx: &Context, m: &PersonMention, name: &str) -> Vec<vngov_record::Title> {
    let written = |ts: &[vngov_record::Title]| {
        !ts.is_empty() && ts.iter().all(|t| t.text.chars().any(char::is_lowercase))
    };
    if written(&m.titles) {
        return m.titles.clone();
    }
    let key = name_key(name);
    cx.people
        .iter()
        .find(|o| o.name.as_deref().map(name_key) == Some(key.clone()) && written(&o.titles))
        .map_or_else(|| m.titles.clone(), |o| o.titles.clone())
}

/// Words that may stand between a person and the verb they are the subject of.
pub(crate) static ADVERBS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s|,|đã|vừa|cùng|trực tiếp|đồng thời|(?:tới|đến|về|tham)?\s*dự\s+và|có(?:\s+ý\s+kiến)?|phát\s+biểu)*$",
    )
    .expect("adverbs")
});

/// Words joining the people of one subject ("X và Y", "X cùng Y", "X; Y").
pub(crate) static JOINERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:\s|,|;|và|cùng|với)*$").expect("joiners"));

/// The mentions forming the subject that ends at byte `b`: the one ending there
/// (after adverbs), then those before it joined by "và", "cùng", commas. Returns
/// indices in text order, or nothing when no mention ends there.
pub(crate) fn subject_before(cx: &Context, b: usize) -> Vec<usize> {
    let text = cx.text();
    let mut out = Vec::new();
    // The nearest mention ending before `b` with only adverbs between.
    let first = cx
        .ending_within(b.saturating_sub(60), b)
        .iter()
        .rev()
        .copied()
        .find(|&i| {
            let end = cx.people[i].range.end;
            text.is_char_boundary(end) && ADVERBS.is_match(&text[end..b])
        });
    let Some(mut cur) = first else {
        return out;
    };
    // A list read after one head ("các Phó Chủ tịch UBND tỉnh: A, B") is read
    // whole; the walk goes on before its head ("X cùng các Phó Chủ tịch …: A, B").
    match cx.people[cur].group {
        Some(g) => {
            let members: Vec<usize> = cx
                .people
                .iter()
                .enumerate()
                .filter(|(_, m)| m.group == Some(g))
                .map(|(i, _)| i)
                .collect();
            out.extend(members.iter().rev());
            cur = members[0];
        }
        None => out.push(cur),
    }
    loop {
        let lead = cx.people[cur].lead;
        let prev = cx
            .ending_within(lead.saturating_sub(30), lead)
            .iter()
            .rev()
            .copied()
            .find(|i| {
                let gap = &text[cx.people[*i].range.end..lead];
                !out.contains(i) && JOINERS.is_match(gap) && !gap.trim().is_empty()
            });
        match prev {
            Some(p) => {
                out.push(p);
                cur = p;
            }
            None => break,
        }
    }
    out.reverse();
    out
}

/// The mentions forming the list that starts at byte `b` (after spaces and a
/// colon): the one starting there, then those after it joined by "và", commas,
/// semicolons.
pub(crate) fn people_after(cx: &Context, b: usize) -> Vec<usize> {
    let text = cx.text();
    let rest = &text[b..];
    let start = b
        + (rest.len()
            - rest
                .trim_start_matches([' ', '\n', ':', ',', '-', '–'])
                .len());
    let mut out = Vec::new();
    let Some(mut cur) = cx.mention_leading_at(start) else {
        return out;
    };
    // A list read after one head ("các đồng chí: A, …; B, …") is one subject.
    if let Some(g) = cx.people[cur].group {
        return cx
            .people
            .iter()
            .enumerate()
            .filter(|(_, m)| m.group == Some(g))
            .map(|(i, _)| i)
            .collect();
    }
    out.push(cur);
    loop {
        let end = cx.people[cur].range.end;
        let next = cx.leading_within(end, end + 30).iter().copied().find(|i| {
            let gap = &text[end..cx.people[*i].lead];
            !out.contains(i) && JOINERS.is_match(gap) && !gap.trim().is_empty()
        });
        match next {
            Some(n) => {
                out.push(n);
                cur = n;
            }
            None => break,
        }
    }
    out
}

/// The first day of a span of days ("6 và 7/12/2023" → `2023-12-06`): a meeting of
/// several days is dated by the day it opened.
fn first_day(d: &DateFact) -> Option<&str> {
    (d.precision == DatePrecision::Range)
        .then_some(d.start.as_deref())
        .flatten()
        .filter(|s| s.len() == 10)
}
