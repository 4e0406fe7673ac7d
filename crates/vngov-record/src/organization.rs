//! State and Party bodies a document names.

use serde::{Deserialize, Serialize};

use crate::{Evidence, Mention, Span};

/// A body mentioned in the document, once, with every form it was written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    /// Canonical name, abbreviations expanded ("Sở Thông tin và Truyền thông",
    /// "Ủy ban nhân dân huyện Bắc Hà").
    pub name: String,
    /// What sort of body it is.
    pub kind: OrganizationKind,
    /// The distinct forms written ("Sở TT&TT", "Sở Thông tin và Truyền thông"), in
    /// order of appearance.
    pub forms: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The first mention with its sentence.
    #[serde(flatten)]
    pub evidence: Evidence,
}

impl Organization {
    pub(crate) fn map_source_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.evidence.source_span = f(self.evidence.span);
        for m in &mut self.mentions {
            m.source_span = f(m.span);
        }
    }
}

/// Broad families of bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// Quốc hội, Chính phủ, a Bộ or ministry-level body, and their departments.
    Central,
    /// Hội đồng nhân dân at any level.
    Council,
    /// Ủy ban nhân dân at any level, and its office.
    PeoplesCommittee,
    /// A provincial or district department (Sở, Phòng, Chi cục, Ban of the UBND).
    Department,
    /// A Party committee or one of its boards.
    Party,
    /// Mặt trận Tổ quốc and the mass organizations.
    MassOrganization,
    /// Police, army, courts, procuracy, inspection, treasury, tax, customs.
    Sector,
    /// A steering committee or working group (Ban Chỉ đạo, Tổ công tác).
    Committee,
    /// Other public bodies (Đài, Trung tâm, schools, enterprises of the state).
    Other,
}
