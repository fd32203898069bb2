"""News of meetings and working sessions: what is reported is not assigned (texts
invented for the tests)."""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def _tasks(text: str) -> list[tuple[list[str], str]]:
    """(leads, summary) of every assignment."""
    return [
        (a["assignees_lead"], a["summary"]) for a in extract_dict(text)["assignments"]
    ]


def test_a_body_that_meets_is_not_given_a_task() -> None:
    text = (
        "UBND tỉnh họp phiên thường kỳ tháng 12. Đồng chí Lê Văn An, Chủ tịch UBND "
        "tỉnh chủ trì phiên họp."
    )
    assert _tasks(text) == []


def test_handing_in_is_no_direction_passed_on() -> None:
    text = (
        "Công an tỉnh vận động nhân dân giao nộp vũ khí. Bên cạnh đó, Công an tỉnh "
        "cũng đẩy mạnh cải cách hành chính trên địa bàn. Phó Giám đốc đề nghị các "
        "đơn vị tiếp tục thực hiện."
    )
    assert [leads for leads, _ in _tasks(text)] == [["các đơn vị"]]


def test_a_timely_success_reported_is_not_a_task() -> None:
    text = (
        "Các lực lượng chức năng kịp thời phát hiện, ngăn chặn nhiều vụ việc. "
        "Thứ trưởng Bộ Công an Lê Văn Tới yêu cầu các huyện tiếp tục nắm tình hình."
    )
    assert [leads for leads, _ in _tasks(text)] == [["các huyện"]]


def test_a_verb_opening_the_next_sentence_carries_the_addressees_on() -> None:
    text = (
        "Thứ trưởng yêu cầu các huyện tiếp tục nắm chắc tình hình. Nâng cao chất lượng "
        "hoạt động nghiệp vụ tại các địa bàn trọng điểm."
    )
    assert _tasks(text) == [
        (["các huyện"], "tiếp tục nắm chắc tình hình"),
        (
            ["các huyện"],
            "Nâng cao chất lượng hoạt động nghiệp vụ tại các địa bàn trọng điểm",
        ),
    ]


def test_a_new_paragraph_does_not_carry_the_addressees_on() -> None:
    text = (
        "Thứ trưởng yêu cầu các huyện tiếp tục nắm chắc tình hình.\n"
        "Tăng cường kỷ luật là yêu cầu chung của toàn ngành."
    )
    assert [leads for leads, _ in _tasks(text)] == [["các huyện"]]


def test_a_task_stated_twice_by_a_news_lead_is_one_task() -> None:
    text = (
        "Các sở, ngành phối hợp chặt chẽ trong sắp xếp cáp viễn thông.\n"
        "Yêu cầu các sở, ngành phối hợp chặt chẽ trong sắp xếp cáp viễn thông."
    )
    assert _tasks(text) == [
        (["Các sở, ngành"], "phối hợp chặt chẽ trong sắp xếp cáp viễn thông")
    ]


def test_a_deadline_before_the_action_does_not_empty_the_summary() -> None:
    task = only_assignment(
        "Công an thành phố cũng được giao trong tháng 2 phải tổng kết công tác "
        "phòng chống tội phạm năm 2016."
    )
    assert task["summary"].startswith("tổng kết công tác phòng chống tội phạm")
    assert task["deadline"] == "2016-02-29"


def test_a_month_and_year_joined_by_a_dash_give_the_meeting_year() -> None:
    text = "Ngày 28-10, UBND tỉnh tổ chức họp thường kỳ tháng 10-2015."
    assert extract_dict(text)["meeting"]["date"] == "2015-10-28"
