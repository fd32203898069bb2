"""The meeting: the day it was held, its title, connection points and approvals."""

from __future__ import annotations

from datetime import date

from service.extraction import extract

from .helpers import extract_dict, read


def meeting(text: str, **kwargs: object) -> dict[str, object]:
    """The ``meeting`` object of a text."""
    result: dict[str, object] = extract_dict(text, **kwargs)["meeting"]
    return result


def test_written_out_meeting_date_is_read() -> None:
    text = "Ngày 10 tháng 12 năm 2021, đồng chí Hồ Văn A chủ trì Hội nghị trực tuyến."
    assert meeting(text)["date"] == "2021-12-10"


def test_short_meeting_date_takes_its_year_after_the_cited_documents() -> None:
    text = (
        "Chiều 22-4, tỉnh tổ chức Hội nghị quán triệt Nghị quyết số 48-NQ/TU.\n"
        "Đồng chí phổ biến Nghị quyết số 48-NQ/TU, ngày 15-11-2021 và Kế hoạch số "
        "55/KH-UBND, ngày 12-4-2022 của UBND tỉnh."
    )
    assert meeting(text)["date"] == "2022-04-22"


def test_short_meeting_date_takes_its_year_from_the_publication_date() -> None:
    text = "10:15, 18/03/2024\nSáng 17/3, Ban Chỉ đạo tổ chức hội nghị sơ kết quý I."
    found = meeting(text)
    assert (found["date"], found["published"]) == ("2024-03-17", "2024-03-18")


def test_short_meeting_date_without_context_uses_today() -> None:
    text = "Sáng 17/3, Ban Chỉ đạo tổ chức hội nghị sơ kết quý I."
    assert meeting(text)["date"] is None
    assert meeting(text, today=date(2024, 5, 1))["date"] == "2024-03-17"


def test_meeting_date_after_the_meeting_word() -> None:
    text = (
        "Thông báo kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp ngày "
        "05/10/2023."
    )
    assert meeting(text)["date"] == "2023-10-05"


def test_publication_and_header_dates_are_not_the_meeting_date() -> None:
    text = (
        "08:58, 17/03/2022\nQuảng Trị, ngày 12 tháng 10 năm 2023\nHọp Ban chỉ đạo tỉnh"
    )
    assert meeting(text)["date"] is None


def test_meeting_title_follows_the_chairing_verb() -> None:
    text = (
        "Đồng chí Hồ Văn A chủ trì Hội nghị trực tuyến về chuyển đổi số cho lãnh "
        "đạo các cấp."
    )
    assert (
        meeting(text)["title"]
        == "Hội nghị trực tuyến về chuyển đổi số cho lãnh đạo các cấp"
    )


def test_connection_points_are_named_once_each_with_their_count() -> None:
    text = (
        "Hội nghị được tổ chức trực tuyến với 160 điểm cầu trong toàn tỉnh.\n"
        "Đại biểu dự hội nghị tại điểm cầu Tỉnh ủy.\n"
        "Đại biểu dự tại điểm cầu Tỉnh ủy.\n"
        "Các đại biểu dự hội nghị tại điểm cầu Đảng ủy Khối cơ quan, "
        "doanh nghiệp tỉnh.\n"
        "Đại biểu tại điểm cầu xã Phúc Ứng (Sơn Dương).\n"
        "Đồng chí đề nghị các đại biểu dự hội nghị tại các điểm cầu "
        "nêu cao tinh thần.\n"
        "Phát biểu tại điểm cầu Vĩnh Phúc, Phó Chủ tịch UBND tỉnh nhấn mạnh."
    )
    found = meeting(text)
    assert found["connection_points"] == [
        "Tỉnh ủy",
        "Đảng ủy Khối cơ quan, doanh nghiệp tỉnh",
        "xã Phúc Ứng (Sơn Dương)",
        "Vĩnh Phúc",
    ]
    assert found["connection_point_count"] == 160


def test_connection_point_spans_point_at_the_names() -> None:
    text = "Đại biểu dự hội nghị tại điểm cầu huyện Chiêm Hóa."
    found = extract(text).to_dict(spans=True)["meeting"]["spans"]["connection_points"]
    assert [text[s:e] for s, e in found] == ["huyện Chiêm Hóa"]


def test_approvals_list_each_plan_and_draft() -> None:
    text = (
        "Tại cuộc họp, Ban chỉ đạo đã thông qua Kế hoạch chuyển đổi số năm 2024; Dự "
        "thảo "
        "Đề án chuyển đổi số giai đoạn 2024-2025, định hướng đến năm 2030."
    )
    assert extract_dict(text)["approvals"] == [
        "Kế hoạch chuyển đổi số năm 2024",
        "Dự thảo Đề án chuyển đổi số giai đoạn 2024-2025, định hướng đến năm 2030",
    ]


def test_thong_qua_meaning_through_is_not_an_approval() -> None:
    text = "Tuyên truyền thông qua hệ thống truyền hình trực tuyến của tỉnh."
    assert extract_dict(text)["approvals"] == []


def test_generalisation_notice_reads_date_chair_and_title() -> None:
    found = meeting(read("quang-tri-notice.txt"))
    assert found["date"] == "2023-10-05"
    assert found["chair"] == {
        "name": "Hoàng Nam",
        "title": "Phó Chủ tịch UBND tỉnh, Phó Trưởng Ban Chỉ đạo chuyển đổi số tỉnh",
    }
    assert found["title"] == "cuộc họp Ban Chỉ đạo chuyển đổi số tỉnh quý III năm 2023"


def test_meeting_date_in_parentheses_after_sang_nay() -> None:
    text = "Sáng nay (17/3), Ban Chỉ đạo tỉnh tổ chức hội nghị sơ kết."
    assert meeting(text, today=date(2024, 3, 18))["date"] == "2024-03-17"
