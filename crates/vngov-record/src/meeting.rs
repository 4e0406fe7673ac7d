//! Meetings, who chaired them, and the people a document names.

use serde::{Deserialize, Serialize};

use crate::{Evidence, Mention, Span};

/// A meeting the document reports on: a họp, hội nghị, phiên họp, buổi làm việc,
/// giao ban or hội nghị trực tuyến.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Date of the meeting, `YYYY-MM-DD`, when the text gives the day and the year
    /// is written or certain.
    pub date: Option<String>,
    /// The date's year was not written but inferred from the document.
    pub date_year_inferred: bool,
    /// Where the date was read, when it was.
    pub date_evidence: Option<Evidence>,
    /// Part of the day, when written ("sáng", "chiều", "tối").
    pub time_of_day: Option<TimeOfDay>,
    /// The words that name the meeting ("hội nghị", "phiên họp", "buổi làm việc").
    pub kind: String,
    /// What the meeting was about, when stated.
    pub topic: Option<String>,
    /// Where it took place, when stated ("trụ sở Chính phủ", "điểm cầu Bắc Hà").
    pub location: Option<String>,
    /// The people who presided, or who delivered the conclusion where nobody is said
    /// to preside.
    pub chairs: Vec<Chair>,
    /// Named people listed as attending.
    pub attendees: Vec<PersonRef>,
    /// The rule that reported it, `family/rule` ("meetings/lead").
    #[serde(default)]
    pub rule: String,
    /// Where the meeting was read (the words naming it).
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl Meeting {
    pub(crate) fn map_source_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.evidence.source_span = f(self.evidence.span);
        if let Some(e) = &mut self.date_evidence {
            e.source_span = f(e.span);
        }
        for c in &mut self.chairs {
            c.evidence.source_span = f(c.evidence.span);
        }
        for a in &mut self.attendees {
            a.evidence.source_span = f(a.evidence.span);
        }
    }
}

/// Part of the day a meeting was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// "sáng".
    Morning,
    /// "trưa".
    Noon,
    /// "chiều".
    Afternoon,
    /// "tối".
    Evening,
}

/// How a chair is known to have led the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChairRole {
    /// Said to preside ("chủ trì", "đồng chủ trì", "dưới sự chủ trì của").
    Presided,
    /// Nobody is said to preside; this person delivered the conclusion.
    Concluded,
}

/// One title a person holds, as written, with its parts where they can be told apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// The title as written ("Phó Chủ tịch UBND tỉnh").
    pub text: String,
    /// The position ("Phó Chủ tịch").
    pub position: Option<String>,
    /// The body the position is held in, abbreviations expanded
    /// ("Ủy ban nhân dân tỉnh"), when stated.
    pub organization: Option<String>,
}

/// The person who chaired a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chair {
    /// The name with diacritics, without titles, in title case ("Nguyễn Thị Bích Ngọc").
    pub name: String,
    /// Titles in written order.
    pub titles: Vec<Title>,
    /// The honorific written before the name ("đồng chí", "Đ/c", "ông", "bà").
    pub honorific: Option<String>,
    /// Presided, or concluded.
    pub role: ChairRole,
    /// The rule that read it, `family/rule` ("chairs/presided").
    #[serde(default)]
    pub rule: String,
    /// Where it was read.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A named person taking part in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    /// The name, as for a chair.
    pub name: String,
    /// Titles in written order.
    pub titles: Vec<Title>,
    /// Where it was read.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A named official, once per document, with every place the name occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonFact {
    /// The name, as for a chair.
    pub name: String,
    /// Every distinct title the document gives the person, in order of appearance.
    pub titles: Vec<Title>,
    /// The honorific first written before the name.
    pub honorific: Option<String>,
    /// Every mention of the name, in text order.
    pub mentions: Vec<Mention>,
    /// The first mention with its sentence.
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl PersonFact {
    pub(crate) fn map_source_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.evidence.source_span = f(self.evidence.span);
        for m in &mut self.mentions {
            m.source_span = f(m.span);
        }
    }
}
