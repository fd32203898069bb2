"""Deadline phrases: every form of the seeds README and the year a text leaves out."""

from __future__ import annotations

import pytest

from .helpers import only_assignment

MEETING = (
    "Ngày 05/10/2023, đồng chí Hoàng Nam, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.\n"
)


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("hoàn thành trước ngày 30/6/2024", "2024-06-30"),
        ("trước ngày 31/12/2023", "2023-12-31"),
        ("trước 15/01/2024", "2024-01-15"),
        ("chậm nhất ngày 20-11-2023", "2023-11-20"),
        ("trước ngày 15 tháng 11 năm 2023", "2023-11-15"),
        ("trong tháng 10 năm 2023", "2023-10-31"),
        ("trong tháng 11", "2023-11-30"),
        ("giữa tháng 4/2024", "2024-04-15"),
        ("vào tháng 5/2024", "2024-05-31"),
        ("cuối tháng 2/2024", "2024-02-29"),
        ("trong quý IV/2023", "2023-12-31"),
        ("quý II/2024", "2024-06-30"),
        ("trong quý III năm 2024", "2024-09-30"),
        ("hoàn thành trong năm 2024", "2024-12-31"),
    ],
)
def test_deadline_phrase_gives_its_iso_date(phrase: str, iso: str) -> None:
    text = MEETING + f"1. Giao Sở Nội vụ xây dựng quy chế phối hợp, {phrase}.\n"
    text += "2. Sở Tài chính bố trí kinh phí thực hiện.\n"
    found = only_assignment_of(text, item="1")
    assert found["deadline"] == iso
    assert phrase.split()[-1] in found["deadline_text"]


def only_assignment_of(text: str, item: str) -> dict[str, object]:
    """The one assignment of an item."""
    from .helpers import extract_dict

    found = [a for a in extract_dict(text)["assignments"] if a["item"] == item]
    assert len(found) == 1, found
    return found[0]


def test_deadline_giua_thang_is_the_15th() -> None:
    found = only_assignment("Giao Sở Y tế báo cáo kết quả vào giữa tháng 4/2022.")
    assert found["deadline"] == "2022-04-15"


def test_deadline_trong_thang_is_the_last_day_of_the_month() -> None:
    found = only_assignment("Giao Sở Y tế hoàn thiện đề án trong tháng 2/2024.")
    assert found["deadline"] == "2024-02-29"


def test_deadline_quy_is_the_last_day_of_the_quarter() -> None:
    found = only_assignment(
        "Giao Sở Y tế triển khai bệnh án điện tử trong quý III/2023."
    )
    assert found["deadline"] == "2023-09-30"


def test_deadline_missing_year_comes_from_the_meeting_date() -> None:
    text = MEETING + "Giao Sở Nội vụ trình UBND tỉnh đề án trong tháng 11."
    assert only_assignment(text)["deadline"] == "2023-11-30"


def test_deadline_month_before_the_meeting_month_falls_in_the_next_year() -> None:
    text = (
        "Ngày 10 tháng 12 năm 2021, đồng chí Hồ Văn A chủ trì cuộc họp.\n"
        "Giao Sở Tài chính trình UBND tỉnh phương án kinh phí trong tháng 1."
    )
    assert only_assignment(text)["deadline"] == "2022-01-31"


def test_deadline_missing_year_without_meeting_date_comes_from_nearest_date() -> None:
    text = (
        "08:58, 17/03/2022\n"
        "Họp Ban chỉ đạo\n"
        "Sở Thông tin và Truyền thông hoàn thiện dự thảo, trình ban hành trong tháng 3."
    )
    assert only_assignment(text)["deadline"] == "2022-03-31"


def test_deadline_without_any_year_in_the_text_uses_today_or_stays_unknown() -> None:
    from datetime import date

    text = "Giao Sở Y tế hoàn thiện đề án trong tháng 4."
    assert only_assignment(text)["deadline"] is None
    assert only_assignment(text)["deadline_text"] == "trong tháng 4"
    assert only_assignment(text, today=date(2025, 1, 2))["deadline"] == "2025-04-30"


def test_deadline_monthly_report_is_recurring_without_a_date() -> None:
    text = (
        "Yêu cầu UBND các huyện báo cáo kết quả về UBND tỉnh (qua Sở TT&TT) "
        "trước ngày 15 hằng tháng."
    )
    found = only_assignment(text)
    assert found["deadline"] is None
    assert found["deadline_text"] == "trước ngày 15 hằng tháng"
    assert found["deadline_recurrence"] == "monthly"


def test_plan_period_trong_nam_is_not_a_deadline() -> None:
    text = (
        "Giao Bộ Công an sớm hoàn thiện kế hoạch hoạt động của Tổ công tác trong "
        "năm 2024."
    )
    assert only_assignment(text)["deadline"] is None


def test_date_of_a_cited_document_is_not_a_deadline() -> None:
    text = (
        "Sở Nội vụ triển khai Quyết định số 1969/QĐ-UBND ngày 15/7/2021 của UBND tỉnh, "
        "báo cáo kết quả thực hiện."
    )
    assert only_assignment(text)["deadline"] is None


def test_one_task_with_two_deadlines_becomes_two_entries_of_the_same_item() -> None:
    text = (
        "1. Sở Xây dựng hoàn thiện dự thảo quy chế trước ngày 15/3/2024; "
        "tổ chức triển khai thực hiện trong quý II/2024.\n"
        "2. Sở Y tế tổng hợp báo cáo."
    )
    from .helpers import extract_dict

    found = extract_dict(text)["assignments"]
    assert [(a["item"], a["deadline"]) for a in found] == [
        ("1", "2024-03-15"),
        ("1", "2024-06-30"),
        ("2", None),
    ]


def test_deadline_den_het_ngay_is_that_day() -> None:
    found = only_assignment("Giao Sở Y tế báo cáo kết quả đến hết ngày 31/12/2023.")
    assert found["deadline"] == "2023-12-31"
