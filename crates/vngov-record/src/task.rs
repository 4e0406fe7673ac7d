//! Directives: who was told to do what, by when.

use serde::{Deserialize, Serialize};

use crate::{DatePrecision, Evidence, Span};

/// A directive the document reports: an authority requires, asks, assigns or tells
/// a body or person to act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Who directed, as far as the text says ("Phó Chủ tịch UBND tỉnh Nguyễn Phi
    /// Long", "Ủy ban nhân dân tỉnh", "Thủ tướng Chính phủ").
    pub assigner: Option<String>,
    /// The body or person directed, abbreviations expanded
    /// ("Sở Thông tin và Truyền thông").
    pub assignee: String,
    /// The assignee as written ("Sở TT&TT").
    pub assignee_text: String,
    /// One named body, a class of bodies, or a person.
    pub assignee_kind: AssigneeKind,
    /// What is to be done.
    pub action: String,
    /// The day the work is due, `YYYY-MM-DD`, when the text gives one ("trước ngày
    /// 25/01/2019", "chậm nhất ngày …"); a relative deadline stays in
    /// `deadline_text`, a month or quarter in `deadline_period`.
    pub deadline: Option<String>,
    /// `day` when `deadline` is set.
    pub deadline_precision: Option<DatePrecision>,
    /// A deadline of a month, quarter or year ("trong tháng 9/2013" → `2013-09`,
    /// "trong quý I/2024" → `2024-Q1`), ISO 8601 at its precision, when the text
    /// gives no day.
    #[serde(default)]
    pub deadline_period: Option<String>,
    /// The deadline as written ("trước ngày 25/01/2019", "trong 30 ngày làm việc").
    pub deadline_text: Option<String>,
    /// The partners to coordinate with ("phối hợp với …"), abbreviations expanded.
    /// They are not assignees.
    pub coordinate_with: Vec<String>,
    /// Whom to report to, when stated ("Ủy ban nhân dân tỉnh").
    pub report_to: Option<String>,
    /// The rule that read it, `family/rule` ("tasks/yeu_cau"): why it is there.
    #[serde(default)]
    pub rule: String,
    /// Where it was read.
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl Task {
    pub(crate) fn map_source_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.evidence.source_span = f(self.evidence.span);
    }
}

/// What kind of addressee a task has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssigneeKind {
    /// One named body ("Sở Tài chính", "UBND huyện Bắc Hà").
    Body,
    /// A class of bodies ("các sở, ban, ngành", "UBND các huyện, thị xã, thành phố").
    Class,
    /// A person, by name or by post ("Chủ tịch UBND các huyện", "Giám đốc Sở").
    Person,
}
