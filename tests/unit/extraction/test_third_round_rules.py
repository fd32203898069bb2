"""The third round's language rules: what the second round's held-out texts missed.

Every text here is invented for the test; names and numbers are made up.
"""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def _leads(text: str) -> list[list[str]]:
    """The lead agencies of every assignment, in reading order."""
    return [a["assignees_lead"] for a in extract_dict(text)["assignments"]]


# Addressees


def test_addressees_listed_with_semicolons_share_one_task() -> None:
    text = (
        "Thủ tướng yêu cầu Bộ Tài chính; Bộ Công Thương; Ngân hàng Nhà nước Việt Nam "
        "chuẩn bị tài liệu theo phân công."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == [
        "Bộ Tài chính",
        "Bộ Công Thương",
        "Ngân hàng Nhà nước Việt Nam",
    ]
    assert got["summary"].startswith("chuẩn bị tài liệu")


def test_a_city_named_alone_is_an_addressee_and_a_subject() -> None:
    text = (
        "Thủ tướng yêu cầu TPHCM tập trung thu hút đầu tư. Hà Nội khẩn trương "
        "hoàn thành quy hoạch thủ đô."
    )
    assert _leads(text) == [["TPHCM"], ["Hà Nội"]]


def test_a_city_inside_an_agency_name_stays_in_it() -> None:
    got = only_assignment("Chủ tịch giao UBND thành phố Hà Nội rà soát dự án.")
    assert got["assignees_lead"] == ["UBND thành phố Hà Nội"]


def test_proposals_to_be_sent_to_someone_are_a_task() -> None:
    text = (
        "Thủ tướng yêu cầu Bộ Công an bảo đảm an ninh. UBND các tỉnh kiến nghị các "
        "giải pháp cụ thể gửi Bộ Kế hoạch và Đầu tư."
    )
    assert _leads(text) == [["Bộ Công an"], ["UBND các tỉnh"]]


def test_a_proposal_reported_without_an_addressee_stays_news() -> None:
    text = (
        "Chủ tịch UBND tỉnh yêu cầu Sở Y tế kiểm tra. Các huyện kiến nghị bổ sung "
        "kinh phí cho công tác phòng dịch."
    )
    assert _leads(text) == [["Sở Y tế"]]


def test_giao_ban_in_a_headline_hands_nothing_over() -> None:
    text = (
        "UBND huyện họp giao ban thường kỳ tháng 8\n\n"
        "Chủ tịch UBND huyện yêu cầu các cơ quan liên quan đẩy nhanh giải phóng "
        "mặt bằng."
    )
    assert _leads(text) == [["các cơ quan liên quan"]]


def test_event_news_that_passes_on_no_direction_gives_no_task() -> None:
    text = (
        "Sáng 06/6, Cục Chuyển đổi số tổ chức hội nghị hướng dẫn về chuyển đổi số. "
        "Hội nghị được tổ chức tại Cục, Bộ Khoa học và Công nghệ đồng thời kết nối "
        "trực tuyến với 63 đầu cầu."
    )
    assert extract_dict(text)["assignments"] == []


def test_event_news_still_gives_a_subject_with_a_modal() -> None:
    text = (
        "Sáng 06/6, Sở Y tế tổ chức hội nghị về tiêm chủng. Trung tâm Y tế huyện "
        "cần hoàn thành tiêm chủng cho trẻ em."
    )
    assert _leads(text) == [["Trung tâm Y tế huyện"]]


# Chairs, speakers and connection points


def test_du_va_chu_tri_names_the_chair() -> None:
    text = (
        "Sáng 06/6/2025, Cục X tổ chức hội nghị. Dự và chủ trì hội nghị có Cục "
        "trưởng Cục Chuyển đổi số Nguyễn Thành Lộc; đại diện các đơn vị."
    )
    assert extract_dict(text)["meeting"]["chair"]["name"] == "Nguyễn Thành Lộc"


def test_a_name_after_dong_chi_needs_no_listed_family_name() -> None:
    text = (
        "Chiều ngày 24/10/2017, UBND huyện tổ chức hội nghị. Đồng chí Ngọc Kim "
        "Sơn – Chủ tịch UBND huyện chủ trì hội nghị."
    )
    assert extract_dict(text)["meeting"]["chair"]["name"] == "Ngọc Kim Sơn"


def test_an_opening_phrase_without_its_comma_names_the_speaker() -> None:
    text = (
        "Kết luận hội nghị đồng chí Ngọc Kim Sơn- Chủ tịch UBND huyện yêu cầu các "
        "phòng ngành rà soát các chỉ tiêu."
    )
    speeches = extract_dict(text)["speeches"]
    assert [(s["speaker"], s["kind"]) for s in speeches] == [
        ("Ngọc Kim Sơn", "conclusion")
    ]


def test_dau_cau_truc_tuyen_names_the_point_after_it() -> None:
    text = (
        "Sáng 10/5/2025, Bộ Y tế tổ chức hội nghị trực tuyến. Tại đầu cầu trực "
        "tuyến Sở Y tế tỉnh Nam Định có ông Trần Văn An dự."
    )
    points = extract_dict(text)["meeting"]["connection_points"]
    assert points == ["Sở Y tế tỉnh Nam Định"]


# Meeting days


def test_a_day_without_a_year_takes_the_year_the_text_reports_on() -> None:
    text = (
        "Chiều ngày 24/10, UBND huyện tổ chức hội nghị đánh giá kết quả tháng 10. "
        "Tháng 10/2017, UBND huyện đã tập trung khắc phục hậu quả mưa lụt."
    )
    assert extract_dict(text)["meeting"]["date"] == "2017-10-24"


def test_a_horizon_or_a_deadline_year_gives_no_meeting_year() -> None:
    text = (
        "Chiều 30-11, Thủ tướng chủ trì phiên họp thứ nhất. Ủy ban đặt mục tiêu "
        "từ năm 2022 đến năm 2025 hoàn thành 53 chỉ tiêu; các bộ hoàn thành cơ sở "
        "dữ liệu trong năm 2025."
    )
    assert extract_dict(text)["meeting"]["date"] is None


def test_a_meeting_announced_ahead_is_dated_after_publication() -> None:
    text = (
        "Hội nghị trực tuyến Chính phủ với các địa phương\n\n"
        "17:05' - 08/12/2020\n"
        "Hội nghị trực tuyến Chính phủ với các địa phương dự kiến diễn ra vào "
        "ngày 10/1."
    )
    assert extract_dict(text)["meeting"]["date"] == "2021-01-10"


def test_giao_before_a_capitalised_name_hands_over_and_giao_ban_does_not() -> None:
    handed = extract_dict(
        "1. Giao Ban Dân tộc rà soát chính sách, trước ngày 30/6/2022."
    )
    [task] = handed["assignments"]
    assert task["assignees_lead"] == ["Ban Dân tộc"]
    briefing = extract_dict("Chiều nay, UBND tỉnh họp giao ban công tác tháng 10.")
    assert briefing["assignments"] == []
