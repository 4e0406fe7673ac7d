//! Directives: who was told to do what, by when.
//!
//! Each way a text gives a directive is one rule in its own file, listed in
//! [`RULES`]; a rule finds the addressees (parsed by the organizations grammar) and
//! where the action starts:
//!
//! | rule | wording |
//! |---|---|
//! | [`yeu_cau`] | "UBND tỉnh yêu cầu Sở TT&TT …" |
//! | [`giao`] | "Giao Sở Xây dựng chủ trì …", "giao cho UBND TP …" |
//! | [`de_nghi`] | "đề nghị cơ quan thường trực …" |
//! | [`chi_dao`] | "Chủ tịch UBND tỉnh đã chỉ đạo các sở, ban, ngành …" |
//! | [`trach_nhiem`] | "Sở KH&ĐT, Sở Tài chính có trách nhiệm …", "… chịu trách nhiệm thi hành" |
//! | [`chu_tri`] | "Sở Tài chính chủ trì, phối hợp với …" (not "chủ trì hội nghị") |
//! | [`modal`] | "các sở, ban, ngành cần …", "cần các đơn vị viễn thông …" in a conclusion |
//! | [`dated`] | "- Cấp huyện hoàn thành và báo cáo trước ngày 15/7/2015" |
//! | [`listed`] | "3. Văn phòng UBND tỉnh đảm bảo …" in a conclusion's list |
//!
//! [`duties`] then cuts the text a directive governs into duties (a list after a
//! colon, items separated by semicolons, each opening with a capital; a later
//! sentence naming no new body continues the same duty) and reads each duty's
//! deadline ([`deadline`]), partners ("phối hợp với …") and whom to report to.
//! [`assigner`] says who directed: the body or person before the trigger, else the
//! latest authority the text names before it (who gave the conclusion, chaired the
//! meeting, issued the instruction), else the caller's default (a meeting's chair),
//! else the issuer in the document's header.
//!
//! One task is made per addressee and duty; the duties of one addressee with the
//! same deadline make one task, and a directive the text restates (the same body, a
//! generic "triển khai thực hiện" or the same cited document) counts once.

pub mod assigner;
pub mod chi_dao;
pub mod chu_tri;
pub mod clause;
pub mod dated;
pub mod de_nghi;
pub mod deadline;
pub mod duties;
pub mod giao;
pub mod listed;
pub mod modal;
pub mod trach_nhiem;
pub mod trigger;
pub mod yeu_cau;

#[cfg(test)]
mod tests;

use std::cell::OnceCell;
use std::ops::Range;

use vngov_record::{AssigneeKind, DateFact, Task};

use crate::rules::organizations::{self, Party, PartyIndex, PartyKind};
use crate::Doc;

/// What a rule found: the addressees of one directive and where its action starts.
#[derive(Debug, Clone)]
pub struct Directive {
    /// The rule's name.
    pub rule: &'static str,
    /// First byte of the directive's words (its assigner, trigger or addressee).
    pub start: usize,
    /// The addressees, in text order.
    pub assignees: Vec<Party>,
    /// Where the action starts.
    pub action_start: usize,
    /// Who directed, when named right before the trigger.
    pub assigner: Option<Party>,
}

/// A list of addressees and where it ends.
pub type Listed = (Vec<Party>, usize);

/// What the rules see: the text, its dates and where clauses start.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc<'a>,
    /// Its text.
    pub text: &'a str,
    /// Every party the organizations grammar reads.
    pub parties: &'a PartyIndex<'a>,
    /// Byte offsets where a clause may start, sorted.
    pub clause_starts: Vec<usize>,
    /// Where the conclusion (the part giving directions) starts.
    pub conclusion_from: usize,
    /// The list of addressees opening each clause of `clause_starts`, read once:
    /// several rules ask for it at every clause start.
    clause_lists: Vec<OnceCell<Option<Listed>>>,
}

impl<'a> Ctx<'a> {
    /// The context of `doc`, whose text `parties` indexes.
    pub fn new(doc: &'a Doc<'a>, parties: &'a PartyIndex<'a>) -> Self {
        let text = doc.text();
        let clause_starts = clause::starts(text);
        Ctx {
            doc,
            text,
            parties,
            clause_lists: clause_starts.iter().map(|_| OnceCell::new()).collect(),
            clause_starts,
            conclusion_from: clause::conclusion_from(text),
        }
    }

    /// The party of the document scan that ends at `end`.
    pub fn party_ending_at(&self, end: usize) -> Option<&Party> {
        self.parties.ending_at(end)
    }

    /// [`trigger::assignee_list`] at the `k`-th clause start.
    pub fn clause_list(&self, k: usize) -> Option<Listed> {
        self.clause_lists[k]
            .get_or_init(|| trigger::assignee_list(self.parties, self.clause_starts[k]))
            .clone()
    }
}

/// A directive rule.
pub type Rule = fn(&Ctx) -> Vec<Directive>;

/// The registry. Earlier rules win when two read the same addressees.
pub const RULES: &[(&str, Rule)] = &[
    ("yeu_cau", yeu_cau::find),
    ("giao", giao::find),
    ("de_nghi", de_nghi::find),
    ("chi_dao", chi_dao::find),
    ("trach_nhiem", trach_nhiem::find),
    ("chu_tri", chu_tri::find),
    ("modal", modal::find),
    ("dated", dated::find),
    ("listed", listed::find),
];

/// Every directive the document reports, in text order. `parties` indexes the
/// document's text; `default_assigner` is who directs where the text names nobody
/// before a directive (a meeting's chair).
pub fn extract(
    doc: &Doc,
    dates: &[DateFact],
    parties: &PartyIndex,
    default_assigner: Option<&str>,
) -> Vec<Task> {
    let text = doc.text();
    let ctx = Ctx::new(doc, parties);
    let mut found: Vec<Directive> = RULES.iter().flat_map(|(_, r)| r(&ctx)).collect();
    found.sort_by_key(|d| d.start);
    let mut directives = resolve(found);
    let carried: Vec<Directive> = directives
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            let end = duties::scope_end(ctx.parties, d, directives.get(i + 1).map(|n| n.start));
            duties::continuations(&ctx, d, end)
        })
        .collect();
    if !carried.is_empty() {
        directives.extend(carried);
        directives.sort_by_key(|d| d.start);
        directives = resolve(directives);
    }
    let mut authorities = assigner::authorities(&ctx);
    authorities.extend(
        directives
            .iter()
            .filter_map(|d| d.assigner.as_ref().map(|a| (a.range.start, a.name.clone()))),
    );
    authorities.sort_by_key(|(i, _)| *i);
    let header = assigner::header_issuer(text);
    let date_ranges: Vec<(Range<usize>, &DateFact)> = dates
        .iter()
        .map(|d| (doc.byte_range(d.evidence.span), d))
        .collect();

    let mut tasks: Vec<Task> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let end = duties::scope_end(ctx.parties, d, directives.get(i + 1).map(|n| n.start));
        let assigner = d
            .assigner
            .as_ref()
            .map(|p| p.name.clone())
            .or_else(|| assigner::latest_before(&authorities, d.start))
            .or_else(|| default_assigner.map(str::to_string))
            .or_else(|| header.clone())
            .or_else(|| authorities.first().map(|(_, n)| n.clone()));
        for duty in duties::split(&ctx, d, end, &date_ranges) {
            for a in &d.assignees {
                let span_start = a.range.start.min(duty.range.start);
                let ev = doc.evidence(span_start..duty.range.end);
                tasks.push(Task {
                    assigner: assigner.clone(),
                    assignee: a.name.clone(),
                    assignee_text: clause::squash(&text[a.range.clone()]),
                    assignee_kind: match a.kind {
                        PartyKind::Body => AssigneeKind::Body,
                        PartyKind::Class => AssigneeKind::Class,
                        PartyKind::Person => AssigneeKind::Person,
                    },
                    action: duty.action.clone(),
                    deadline: duty.deadline.as_ref().map(|x| x.value.clone()),
                    deadline_precision: duty.deadline.as_ref().map(|x| x.precision),
                    deadline_text: duty.deadline_text.clone(),
                    coordinate_with: duty.coordinate_with.clone(),
                    report_to: duty.report_to.clone(),
                    evidence: ev,
                });
            }
        }
    }
    merge(tasks)
}

/// Drops directives whose addressees another directive already read (the first
/// wins), and directives given inside another's action to one of its addressees
/// ("giao Chủ tịch UBND các quận … chỉ đạo UBND các phường" directs the districts,
/// not the wards).
fn resolve(found: Vec<Directive>) -> Vec<Directive> {
    let mut out: Vec<Directive> = Vec::new();
    for d in found {
        let taken = out.iter().any(|o| {
            o.assignees
                .iter()
                .any(|a| d.assignees.iter().any(|b| overlaps(&a.range, &b.range)))
        });
        let delegated = d.assigner.as_ref().is_some_and(|s| {
            out.iter()
                .any(|o| o.assignees.iter().any(|a| overlaps(&a.range, &s.range)))
        });
        if !taken && !delegated {
            out.push(d);
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A task's folded addressee, deadline and (without a deadline) deadline words.
type Key = (String, Option<String>, Option<String>);

/// The key a task is counted under: its addressee (a post counts as its body) and
/// its deadline.
fn key(t: &Task) -> Key {
    (
        vngov_text::fold(&body_of(&t.assignee)),
        t.deadline.clone(),
        t.deadline
            .is_none()
            .then(|| t.deadline_text.clone())
            .flatten(),
    )
}

/// The body a post heads ("Giám đốc Sở Kế hoạch và Đầu tư" → "Sở Kế hoạch và Đầu
/// tư"); other names as they are.
fn body_of(name: &str) -> String {
    for (i, _) in name.match_indices(' ') {
        let rest = &name[i + 1..];
        if organizations::grammar::body_at(rest, 0, false)
            .is_some_and(|b| b.range.end == rest.len())
            && organizations::grammar::person_at(name, 0).is_some()
        {
            return rest.to_string();
        }
    }
    name.to_string()
}

/// One task per addressee and deadline: later duties with the same key join the
/// first one's action; a task restating another of the same body (a bare "triển khai
/// thực hiện", or the same cited document, without its own deadline) is dropped.
fn merge(tasks: Vec<Task>) -> Vec<Task> {
    // Merging changes neither the addressee nor the deadline: each key is made once.
    let mut out: Vec<Task> = Vec::new();
    let mut keys: Vec<Key> = Vec::new();
    for t in tasks {
        let k = key(&t);
        if let Some(o) = keys.iter().position(|o| *o == k).map(|i| &mut out[i]) {
            if !o.action.contains(&t.action) {
                o.action = format!("{}; {}", o.action, t.action);
            }
            for c in t.coordinate_with {
                if !o.coordinate_with.contains(&c) {
                    o.coordinate_with.push(c);
                }
            }
            if o.report_to.is_none() {
                o.report_to = t.report_to;
            }
            continue;
        }
        out.push(t);
        keys.push(k);
    }
    let keep: Vec<bool> = out
        .iter()
        .zip(&keys)
        .map(|(t, kt)| {
            t.deadline.is_some()
                || t.deadline_text.is_some()
                || !out.iter().zip(&keys).any(|(o, ko)| {
                    !std::ptr::eq(o, t)
                        && o.deadline.is_some()
                        && ko.0 == kt.0
                        && duties::restates(&t.action, &o.action)
                })
        })
        .collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}
