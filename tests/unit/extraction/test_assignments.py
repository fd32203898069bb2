"""Tasks: numbered items, reading-order numbering, carried subjects, what is no task."""

from __future__ import annotations

from .helpers import extract_dict, read


def tasks(text: str) -> list[tuple[str | None, list[str], str | None]]:
    """(item, lead agencies, deadline) of each assignment."""
    found = extract_dict(text)["assignments"]
    return [(a["item"], a["assignees_lead"], a["deadline"]) for a in found]


def test_text_without_numbered_items_numbers_tasks_in_reading_order() -> None:
    text = (
        "Theo đó, UBND tỉnh giao Sở Tư pháp chủ trì rà soát văn bản. "
        "Đồng thời, tham mưu UBND tỉnh tổ chức hội thảo lấy ý kiến. "
        "Sở Nội vụ phối hợp với Sở Tài chính hoàn thiện đề án, hoàn thành trước ngày "
        "30/6/2023."
    )
    assert tasks(text) == [
        ("1", ["Sở Tư pháp"], None),
        ("2", ["Sở Tư pháp"], None),  # "Đồng thời" keeps the previous subject
        ("3", ["Sở Nội vụ"], "2023-06-30"),
    ]


def test_numbered_item_with_two_addressees_gives_two_tasks_with_the_same_item() -> None:
    text = (
        "1. UBND các huyện chỉ đạo UBND các xã thành lập Tổ công nghệ số cộng đồng. "
        "Giao Sở Thông tin và Truyền thông xây dựng khung hướng dẫn.\n"
        "2. Sở Y tế triển khai bệnh án điện tử."
    )
    assert tasks(text) == [
        ("1", ["UBND các huyện"], None),
        ("1", ["Sở Thông tin và Truyền thông"], None),
        ("2", ["Sở Y tế"], None),
    ]


def test_sentence_going_on_inside_an_item_keeps_its_task() -> None:
    text = (
        "1. Đề nghị Tập đoàn Viettel hỗ trợ tỉnh phủ sóng 4G. "
        "Hỗ trợ đào tạo nhân lực số.\n"
        "2. Sở Y tế triển khai bệnh án điện tử."
    )
    found = extract_dict(text)["assignments"]
    assert [a["item"] for a in found] == ["1", "2"]
    assert "đào tạo nhân lực số" in found[0]["text"]


def test_items_inline_after_a_colon_are_numbered() -> None:
    text = (
        "Đồng chí Chủ tịch kết luận như sau: 1. Giao Sở Nội vụ rà soát biên chế. "
        "2. Giao Sở Tài chính bố trí kinh phí."
    )
    assert [item for item, _, _ in tasks(text)] == ["1", "2"]


def test_text_with_no_numbered_items_and_no_addressee_has_no_tasks() -> None:
    text = "Chuyển đổi số là nhiệm vụ quan trọng. Tăng cường công tác tuyên truyền."
    assert tasks(text) == []


def test_discussion_speech_requests_are_not_assignments() -> None:
    text = (
        "Phát biểu tham luận, đồng chí Phạm Thị Hoa, Chủ tịch UBND huyện Đồng Văn "
        "cho biết "
        "huyện còn khó khăn. Đồng chí Phạm Thị Hoa đề nghị Sở Tài chính "
        "bố trí kinh phí.\n"
        "Kết luận hội nghị, đồng chí Nguyễn Văn Sơn yêu cầu Sở Tài chính cân đối "
        "ngân sách."
    )
    assert tasks(text) == [("1", ["Sở Tài chính"], None)]


def test_closing_line_and_recipients_of_a_notice_are_not_tasks() -> None:
    found = tasks(read("quang-tri-notice.txt"))
    assert [item for item, _, _ in found] == ["1", "2", "3", "4", "5", "6"]
    assert found[5] == ("6", ["Văn phòng UBND tỉnh"], "2023-12-15")


def test_generalisation_notice_reads_leads_deadlines_and_requests() -> None:
    found = extract_dict(read("quang-tri-notice.txt"))["assignments"]
    assert found[0]["assignees_coordinating"] == [
        "Sở Tài chính",
        "Sở Thông tin và Truyền thông",
    ]
    assert found[2]["assignees_lead"] == ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]
    assert found[2]["deadline"] == "2023-11-30"  # "trong tháng 11", year of the meeting
    assert found[3]["deadline"] == "2023-12-31"  # "quý IV/2023"
    assert found[4]["kind"] == "request"
    assert found[1]["report_to"] == "UBND tỉnh (qua Sở Thông tin và Truyền thông)"


def test_generalisation_news_report_finds_the_conclusion_tasks_only() -> None:
    assert tasks(read("ha-giang-news.txt")) == [
        ("1", ["các sở, ban, ngành", "UBND các huyện, thành phố"], None),
        ("2", ["Sở Thông tin và Truyền thông"], "2024-04-30"),
        ("3", ["Sở Y tế"], "2024-06-30"),
        ("4", ["Tập đoàn Viettel"], None),
    ]


def test_assignment_spans_cover_the_task_text() -> None:
    from service.extraction import extract

    text = "Giao Sở Y tế triển khai bệnh án điện tử trước ngày 31/12/2024."
    found = extract(text).to_dict(spans=True)["assignments"][0]
    assert text[slice(*found["spans"]["deadline"])] == "trước ngày 31/12/2024"
    assert text[slice(*found["spans"]["text"])] == text.rstrip(".")
    assert text[slice(*found["spans"]["summary"])] == found["summary"]


def test_item_naming_its_addressee_before_a_colon_gives_one_task_per_bullet() -> None:
    found = tasks(read("roman-sections-notice.txt"))
    assert found[:2] == [
        ("1", ["Sở Thông tin và Truyền thông"], "2023-08-31"),
        ("1", ["Sở Thông tin và Truyền thông"], "2023-09-30"),
    ]


def test_colon_list_of_departments_names_each_department() -> None:
    found = tasks(read("roman-sections-notice.txt"))
    assert found[2] == (
        "2",
        ["Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
        None,
    )


def test_lettered_sub_items_keep_the_item_addressee_even_when_it_directs_others() -> (
    None
):
    found = tasks(read("roman-sections-notice.txt"))
    assert found[3:5] == [
        ("3", ["UBND các huyện, thị xã, thành phố"], "2023-08-15"),
        ("3", ["UBND các huyện, thị xã, thành phố"], "2023-09-30"),
    ]
    assert [item for item, _, _ in found] == ["1", "1", "2", "3", "3", "4"]
