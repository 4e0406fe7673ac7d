//! What is known of a document from outside its text: the publication date a page's
//! markup or an input's metadata gives.

use vngov_extract::{extract, extract_with, Known};

const MEETING: &str = "UBND tỉnh họp bàn chuyển đổi số\n\nChiều ngày 24/02, đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh chủ trì cuộc họp. Theo Kế hoạch số 12/KH-UBND ngày 10/01/2019, tỷ lệ hồ sơ đạt 90%.";

fn value_of(dates: &[vngov_record::DateFact], written: &str) -> (String, bool) {
    let d = dates
        .iter()
        .find(|d| d.evidence.text.contains(written))
        .expect("the date is read");
    (d.value.clone(), d.year_inferred)
}

#[test]
fn a_known_date_gives_unwritten_years() {
    let alone = extract(MEETING);
    assert_eq!(alone.published, None);
    assert_eq!(value_of(&alone.dates, "24/02"), ("--02-24".into(), false));

    let known = extract_with(
        MEETING,
        Known {
            published: Some("2024-02-26"),
        },
    );
    // Not written in the text: no publication date with evidence, but the year.
    assert_eq!(known.published, None);
    assert_eq!(value_of(&known.dates, "24/02"), ("2024-02-24".into(), true));
    assert_eq!(
        known.meetings.first().and_then(|m| m.date.as_deref()),
        Some("2024-02-24")
    );
}

#[test]
fn a_known_date_written_in_the_text_is_the_publication_date() {
    let text = "Cập nhật ngày 05/3/2024\n\nHội nghị ngày 04/3/2024 bàn kế hoạch; Chiều 02/3 đoàn đã kiểm tra.";
    let alone = extract(text);
    assert_eq!(
        alone.published.as_ref().map(|p| p.0.as_str()),
        Some("2024-03-05")
    );

    let known = extract_with(
        text,
        Known {
            published: Some("2024-03-04"),
        },
    );
    let (day, ev) = known.published.expect("published");
    assert_eq!(day, "2024-03-04");
    assert_eq!(ev.text, "04/3/2024");
    assert_eq!(value_of(&known.dates, "02/3"), ("2024-03-02".into(), true));

    // A known date the text does not write leaves the text's choice.
    let other = extract_with(
        text,
        Known {
            published: Some("2023-01-01"),
        },
    );
    assert_eq!(other.published.map(|p| p.0), Some("2024-03-05".into()));
}
