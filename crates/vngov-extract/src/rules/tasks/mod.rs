//! Directives: who was told to do what, by when.
//!
//! Directives are read on the document's units and clauses ([`crate::doc::units`])
//! by the place of each party around its predicate ([`arguments`]): a directing
//! verb takes its issuer before it and its addressees after it; an obligation
//! takes its addressees before it. Each way a text gives a directive is one rule
//! in its own file, listed in [`RULES`]:
//!
//! | rule | wording |
//! |---|---|
//! | [`yeu_cau`] | "UBND tỉnh yêu cầu Sở TT&TT …" |
//! | [`giao`] | "Giao Sở Xây dựng chủ trì …", "giao cho UBND TP …" |
//! | [`de_nghi`] | "đề nghị cơ quan thường trực …" |
//! | [`chi_dao`] | "Chủ tịch UBND tỉnh đã chỉ đạo các sở, ban, ngành …" |
//! | [`nhac_nho`] | "UBND TP nhắc nhở lãnh đạo các đơn vị …", "lưu ý các thành viên Chính phủ …", "kêu gọi chính quyền …" |
//! | [`trach_nhiem`] | "Sở KH&ĐT, Sở Tài chính có trách nhiệm …", "Chánh Văn phòng …; Giám đốc …; Chủ tịch … chịu trách nhiệm thi hành Quyết định này" |
//! | [`chu_tri`] | "Sở Tài chính chủ trì, phối hợp với …" (not "chủ trì hội nghị") |
//! | [`heading`] | "a) Sở Giao thông vận tải: …", "1. Sở Tài chính:" over its duties |
//! | [`listed`] | "- Sở Y tế hướng dẫn …" under a lead that directs |
//! | [`modal`] | "các sở, ban, ngành cần …", "cần các đơn vị viễn thông …" in a conclusion |
//! | [`urged`] | "Bí thư, Chủ tịch UBND các tỉnh … tiếp tục tập trung …" where directions are given |
//! | [`stated`] | "“Sở NN&PTNT phối hợp … kiểm tra …”. Đó là chỉ đạo của UBND tỉnh đối với Sở NN&PTNT" |
//! | [`dated`] | "Sở Tài nguyên và Môi trường tổng hợp báo cáo UBND tỉnh trước ngày 15/8/2015" |
//!
//! Nothing is read in a unit that assigns nothing ([`context`]): a recipient list
//! ("Nơi nhận:"), a legal basis ("Căn cứ …"), "theo đề nghị của …".
//!
//! [`duties`] then gathers the text a directive governs — the rest of its
//! paragraph, the items under it when it ends with a colon, and the paragraphs
//! after it that go on without a subject of their own — cut into duties, each with
//! its deadline ([`deadline`]), partners ("phối hợp với …") and whom to report to.
//! [`assigner`] says who directed where no issuer stands before the verb: the
//! latest authority the text names before it (who gave the conclusion, chaired the
//! meeting), else the caller's default (a meeting's chair), else the issuer in the
//! document's header.
//!
//! One task is made per addressee and duty; the duties of one addressee with the
//! same deadline make one task, and a directive the text restates (the same body, a
//! generic "triển khai thực hiện" or the same cited document) counts once. Each
//! task names the rule that read it (`tasks/yeu_cau`).

pub mod arguments;
pub mod assigner;
pub mod chi_dao;
pub mod chu_tri;
pub mod context;
pub mod dated;
pub mod de_nghi;
pub mod deadline;
pub mod duties;
pub mod giao;
pub mod heading;
pub mod listed;
pub mod modal;
pub mod nhac_nho;
pub mod stated;
pub mod trach_nhiem;
pub mod urged;
pub mod yeu_cau;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use vngov_record::{AssigneeKind, DateFact, DatePrecision, Evidence, Task};

use crate::rules::organizations::{self, Party, PartyIndex, PartyKind};
use crate::Doc;
use arguments::Listed;
use context::Context;

/// What a rule found: the addressees of one directive and where its action starts.
#[derive(Debug, Clone)]
pub struct Directive {
    /// The rule's name.
    pub rule: &'static str,
    /// First byte of the directive's words (its issuer, verb or addressee).
    pub start: usize,
    /// The addressees, in text order.
    pub assignees: Vec<Party>,
    /// Where the action starts.
    pub action_start: usize,
    /// Who directed, when named before the verb.
    pub issuer: Option<Party>,
    /// The unit the addressees are named in.
    pub unit: usize,
}

/// What the rules see: the document, its parties and where directives may be read.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc<'a>,
    /// Its text.
    pub text: &'a str,
    /// Every party the organizations grammar reads.
    pub parties: &'a PartyIndex<'a>,
    /// Units that assign nothing, units that direct.
    pub cx: Context,
    /// Addressee lists read so far, by start: several rules ask at every clause.
    lists: RefCell<HashMap<(usize, usize), Option<Listed>>>,
}

impl<'a> Ctx<'a> {
    /// The context of `doc`, whose text `parties` indexes.
    pub fn new(doc: &'a Doc<'a>, parties: &'a PartyIndex<'a>) -> Self {
        let text = doc.text();
        Ctx {
            doc,
            text,
            parties,
            cx: Context::new(text, doc.units()),
            lists: RefCell::default(),
        }
    }

    /// [`arguments::addressees`] at `at` up to `limit`, read once.
    pub fn addressees_at(&self, at: usize, limit: usize) -> Option<Listed> {
        self.lists
            .borrow_mut()
            .entry((at, limit))
            .or_insert_with(|| arguments::addressees(self.parties, at, limit))
            .clone()
    }
}

/// A directive rule.
pub type Rule = fn(&Ctx) -> Vec<Directive>;

/// The rules whose addressees follow a directing verb.
const VERB_RULES: &[&str] = &["yeu_cau", "giao", "de_nghi", "chi_dao", "nhac_nho"];

/// The registry, by precedence: where two rules read the same addressees, the
/// earlier one's reading stands.
pub const RULES: &[(&str, Rule)] = &[
    ("yeu_cau", yeu_cau::find),
    ("giao", giao::find),
    ("de_nghi", de_nghi::find),
    ("chi_dao", chi_dao::find),
    ("nhac_nho", nhac_nho::find),
    ("trach_nhiem", trach_nhiem::find),
    ("chu_tri", chu_tri::find),
    ("heading", heading::find),
    ("listed", listed::find),
    ("modal", modal::find),
    ("urged", urged::find),
    ("stated", stated::find),
    ("dated", dated::find),
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
    let found: Vec<(usize, Directive)> = RULES
        .iter()
        .enumerate()
        .flat_map(|(rank, (_, r))| r(&ctx).into_iter().map(move |d| (rank, d)))
        .collect();
    let directives = resolve(found);
    let mut authorities = assigner::authorities(&ctx);
    authorities.extend(
        directives
            .iter()
            .filter_map(|d| d.issuer.as_ref().map(|a| (a.range.start, a.name.clone()))),
    );
    authorities.sort_by_key(|(i, _)| *i);
    let header = assigner::header_issuer(text);
    let date_ranges: Vec<(Range<usize>, &DateFact)> = dates
        .iter()
        .map(|d| (doc.byte_range(d.evidence.span), d))
        .collect();
    let starts: Vec<usize> = directives.iter().map(|d| d.start).collect();

    let mut tasks = Merged::default();
    for (i, d) in directives.iter().enumerate() {
        let assigner = d
            .issuer
            .as_ref()
            .map(|p| p.name.clone())
            .or_else(|| assigner::latest_before(&authorities, d.start))
            .or_else(|| default_assigner.map(str::to_string))
            .or_else(|| header.clone())
            .or_else(|| authorities.first().map(|(_, n)| n.clone()));
        let next = starts.get(i + 1).copied();
        for duty in duties::of(&ctx, d, next, &starts, &date_ranges) {
            for a in &d.assignees {
                let span_start = a.range.start.min(duty.range.start);
                let (deadline, period) = match &duty.deadline {
                    Some(x) if x.precision == DatePrecision::Day => (Some(x.value.clone()), None),
                    Some(x) => (None, Some(x.value.clone())),
                    None => (None, None),
                };
                let task = Task {
                    assigner: assigner.clone(),
                    assignee: a.name.clone(),
                    assignee_text: squash(&text[a.range.clone()]),
                    assignee_kind: match a.kind {
                        PartyKind::Body => AssigneeKind::Body,
                        PartyKind::Class => AssigneeKind::Class,
                        PartyKind::Person => AssigneeKind::Person,
                    },
                    action: duty.action.clone(),
                    deadline_precision: deadline.as_ref().map(|_| DatePrecision::Day),
                    deadline,
                    deadline_period: period,
                    deadline_text: duty.deadline_text.clone(),
                    coordinate_with: duty.coordinate_with.clone(),
                    report_to: duty.report_to.clone(),
                    rule: format!("tasks/{}", d.rule),
                    evidence: Evidence::default(),
                };
                tasks.add(task, || doc.evidence(span_start..duty.range.end));
            }
        }
    }
    tasks.finish()
}

/// The directives that stand, in text order. Where two read overlapping
/// addressees, the earlier rule of [`RULES`] wins (then the earlier in the text);
/// an issuer is never an addressee of the same words; a directive given by one
/// of another's addressees inside its action ("giao Chủ tịch UBND các quận … chỉ
/// đạo UBND các phường") directs the districts, not the wards.
fn resolve(mut found: Vec<(usize, Directive)>) -> Vec<Directive> {
    found.sort_by_key(|(rank, d)| (*rank, d.start));
    let issuer_ranges = || {
        found
            .iter()
            .filter_map(|(_, d)| Some(&d.issuer.as_ref()?.range))
    };
    let mut issuers = Ranges::new(issuer_ranges().map(|r| r.start).collect());
    for r in issuer_ranges() {
        issuers.add(r);
    }
    // The addressees of the directives kept so far.
    let mut taken = Ranges::new(
        found
            .iter()
            .flat_map(|(_, d)| d.assignees.iter().map(|a| a.range.start))
            .collect(),
    );
    let mut out: Vec<Directive> = Vec::new();
    for (_, mut d) in found {
        // A subject that issues another directive is not directed ("UBND tỉnh yêu
        // cầu … trước ngày …"); a verb's object may issue one in turn ("yêu cầu Bộ
        // Công Thương chỉ đạo Tập đoàn Điện lực …").
        let by_position = d.issuer.is_none() && !VERB_RULES.contains(&d.rule);
        d.assignees.retain(|a| {
            let issues = by_position && issuers.overlaps(&a.range);
            !issues && !taken.overlaps(&a.range)
        });
        if d.assignees.is_empty() {
            continue;
        }
        let delegated = d.issuer.as_ref().is_some_and(|s| {
            out.iter().any(|o| {
                o.assignees.iter().any(|a| overlaps(&a.range, &s.range)) && o.start < s.range.start
            })
        });
        if !delegated {
            for a in &d.assignees {
                taken.add(&a.range);
            }
            out.push(d);
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Byte ranges, each starting at one of starts known ahead, asked whether any
/// overlaps a range: the furthest end among those starting before its end is
/// found in a Fenwick tree, not by reading them all (a large document has
/// thousands of directives).
struct Ranges {
    /// The starts a range may have, sorted, once each.
    starts: Vec<usize>,
    /// Fenwick tree over `starts`: the furthest end of the ranges added with a
    /// start in each node's stretch (0 for none).
    tree: Vec<usize>,
}

impl Ranges {
    /// No ranges, to start at some of `starts`.
    fn new(mut starts: Vec<usize>) -> Ranges {
        starts.sort_unstable();
        starts.dedup();
        let tree = vec![0; starts.len()];
        Ranges { starts, tree }
    }

    /// Adds `r`, whose start is one of those given to [`Ranges::new`].
    fn add(&mut self, r: &Range<usize>) {
        let mut i = self.starts.partition_point(|&s| s < r.start) + 1;
        while i <= self.tree.len() {
            self.tree[i - 1] = self.tree[i - 1].max(r.end);
            i += i & i.wrapping_neg();
        }
    }

    /// Whether a range added overlaps `r` ([`overlaps`]): one starts before `r`
    /// ends and ends after `r` starts.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let mut i = self.starts.partition_point(|&s| s < r.end);
        let mut furthest = 0;
        while i > 0 {
            furthest = furthest.max(self.tree[i - 1]);
            i -= i & i.wrapping_neg();
        }
        furthest > r.start
    }
}

/// Whitespace runs as one space.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
            .then(|| {
                t.deadline_period
                    .clone()
                    .or_else(|| t.deadline_text.clone())
            })
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

/// The tasks read so far, one per addressee and deadline: later duties with the
/// same key join the first one's action. Merged as they are read, so that a large
/// document's many duties of one key are never all held, each with its evidence.
#[derive(Default)]
struct Merged {
    out: Vec<Task>,
    keys: Vec<Key>,
    index: HashMap<Key, usize>,
}

impl Merged {
    /// Adds `t`; `evidence` is read only for a task that is the first of its key.
    fn add(&mut self, mut t: Task, evidence: impl FnOnce() -> Evidence) {
        // Merging changes neither the addressee nor the deadline: each key is made once.
        let k = key(&t);
        if let Some(&i) = self.index.get(&k) {
            let o = &mut self.out[i];
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
            return;
        }
        t.evidence = evidence();
        self.index.insert(k.clone(), self.out.len());
        self.out.push(t);
        self.keys.push(k);
    }

    /// The tasks, less those restating another of the same body (a bare "triển
    /// khai thực hiện", or the same cited document, without its own deadline).
    fn finish(self) -> Vec<Task> {
        let Merged { out, keys, .. } = self;
        // Bodies with a dated task: an undated one of theirs may restate it.
        let mut dated: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (t, k)) in out.iter().zip(&keys).enumerate() {
            if t.deadline.is_some() {
                dated.entry(k.0.as_str()).or_default().push(i);
            }
        }
        let keep: Vec<bool> = out
            .iter()
            .zip(&keys)
            .map(|(t, kt)| {
                t.deadline.is_some()
                    || t.deadline_text.is_some()
                    || !dated.get(kt.0.as_str()).is_some_and(|others| {
                        others
                            .iter()
                            .any(|&o| duties::restates(&t.action, &out[o].action))
                    })
            })
            .collect();
        out.into_iter()
            .zip(keep)
            .filter_map(|(t, k)| k.then_some(t))
            .collect()
    }
}
