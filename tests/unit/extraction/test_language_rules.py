"""Speakers, dates, points, documents and titles as Vietnamese reports write them.

Every text here is invented for the test; names and numbers are made up.
"""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def _speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, kind) of every speech."""
    return [(s["speaker"], s["kind"]) for s in extract_dict(text)["speeches"]]


def test_a_two_word_name_after_a_title_is_a_name() -> None:
    got = extract_dict("Chiều 4/3, Tổng Bí thư Tô Lâm chủ trì phiên họp thứ hai.")
    assert got["meeting"]["chair"]["name"] == "Tô Lâm"


def test_a_title_first_speaker_concludes() -> None:
    text = (
        "Kết luận hội nghị, Phó Chủ tịch UBND tỉnh Hồ Văn Bình đề nghị các sở rà soát."
    )
    assert _speakers(text) == [("Hồ Văn Bình", "conclusion")]


def test_a_later_reference_by_title_alone_is_the_named_person() -> None:
    text = (
        "Sáng 8/8, Thủ tướng Nguyễn Văn An chủ trì phiên họp. Dự có Phó Thủ tướng "
        "Trần Văn Bình. Phát biểu mở đầu, Thủ tướng cho biết chuyển đổi số là tất yếu."
    )
    assert _speakers(text) == [("Nguyễn Văn An", "opening")]


def test_a_title_alone_does_not_name_the_deputy() -> None:
    text = (
        "Dự có Phó Thủ tướng Trần Văn Bình và Thủ tướng Nguyễn Văn An. "
        "Phát biểu kết luận, Phó Thủ tướng nhấn mạnh yêu cầu cải cách."
    )
    assert _speakers(text) == [("Trần Văn Bình", "conclusion")]


def test_two_named_speakers_share_one_verb() -> None:
    text = (
        "Hội nghị được nghe Bí thư Tỉnh ủy Hoàng Văn Chinh và Giám đốc Sở Y tế "
        "Lê Thị Hoa truyền đạt các nội dung về chuyển đổi số."
    )
    assert _speakers(text) == [
        ("Hoàng Văn Chinh", "presentation"),
        ("Lê Thị Hoa", "presentation"),
    ]


def test_a_speech_of_a_person_with_a_long_title_is_found() -> None:
    text = (
        "Đó là phát biểu của Phó Bí thư – Chủ tịch tỉnh Lâm Đồng Trần Văn Hải "
        "trong buổi làm việc với doanh nghiệp."
    )
    assert _speakers(text) == [("Trần Văn Hải", "discussion")]


def test_attending_and_directing_makes_the_directive_and_the_chair() -> None:
    text = (
        "Sáng 6/4/2022, UBND huyện tổ chức hội nghị triển khai kế hoạch. Dự và chỉ "
        "đạo có đồng chí Lê Trọng Hải - Chủ tịch UBND huyện; các thành viên Ban "
        "chỉ đạo."
    )
    got = extract_dict(text)
    assert got["meeting"]["chair"]["name"] == "Lê Trọng Hải"
    assert [(s["speaker"], s["kind"]) for s in got["speeches"]] == [
        ("Lê Trọng Hải", "directive")
    ]


def test_a_meeting_day_takes_the_year_its_own_sentence_gives() -> None:
    text = (
        "Sáng 19-7, Thủ tướng Nguyễn Văn An chủ trì phiên họp sơ kết công tác 6 "
        "tháng đầu năm 2023."
    )
    assert extract_dict(text)["meeting"]["date"] == "2023-07-19"


def test_a_horizon_year_is_not_the_meeting_year() -> None:
    text = (
        "Sáng 22/4, tỉnh tổ chức hội nghị quán triệt nghị quyết về chuyển đổi số "
        "đến năm 2025."
    )
    assert extract_dict(text)["meeting"]["date"] is None


def test_a_time_of_day_date_in_a_meeting_sentence_is_the_meeting_day() -> None:
    text = (
        "Đó là ý kiến trong buổi làm việc giữa UBND tỉnh và Tập đoàn Viettel chiều "
        "ngày 11/12/2020."
    )
    assert extract_dict(text)["meeting"]["date"] == "2020-12-11"


def test_dates_written_with_dots_are_read() -> None:
    text = (
        "Ngày 24.4.2023, UBND tỉnh tổ chức hội nghị. Giao Sở Nội vụ hoàn thành "
        "báo cáo trước ngày 30.4."
    )
    got = extract_dict(text)
    assert got["meeting"]["date"] == "2023-04-24"
    assert got["assignments"][0]["deadline"] == "2023-04-30"


def test_a_relative_deadline_keeps_its_words_and_no_date() -> None:
    task = only_assignment("Giao Sở Y tế hoàn thành báo cáo trong tuần này.")
    assert (task["deadline"], task["deadline_text"]) == (None, "trong tuần này")


def test_a_periodic_report_is_a_recurrence_without_a_date() -> None:
    task = only_assignment("Giao các sở báo cáo kết quả định kỳ hằng quý.")
    assert task["deadline"] is None
    assert task["deadline_text"] == "định kỳ hằng quý"
    assert task["deadline_recurrence"] == "quarterly"


def test_a_quarter_ends_on_its_last_day_in_the_meeting_year() -> None:
    text = (
        "Ngày 10/3/2022, UBND tỉnh họp Ban Chỉ đạo. Giao Sở Tài chính hoàn thành "
        "đề án trong quý III."
    )
    assert extract_dict(text)["assignments"][0]["deadline"] == "2022-09-30"


def test_a_month_without_a_year_takes_the_year_of_the_texts_own_date() -> None:
    text = "08:58, 17/03/2022\nĐề nghị Sở Nội vụ hoàn thành đề án trong tháng 5."
    assert extract_dict(text)["assignments"][0]["deadline"] == "2022-05-31"


def test_dau_cau_names_a_point_as_diem_cau_does() -> None:
    text = (
        "Phiên họp kết nối từ đầu cầu trụ sở Chính phủ tới đầu cầu UBND các tỉnh, "
        "thành phố. Tại điểm cầu Thái Bình, đồng chí Lê Văn Hải chủ trì."
    )
    points = extract_dict(text)["meeting"]["connection_points"]
    assert points == ["trụ sở Chính phủ", "Thái Bình"]


def test_documents_without_a_suffix_are_cited() -> None:
    text = (
        "Tiếp tục triển khai Đề án 06 và Nghị quyết 01, Nghị quyết số 57-NQ/TW; "
        "kiểm tra chỉ thị 2 lần mỗi năm."
    )
    numbers = [d["number"] for d in extract_dict(text)["documents_cited"]]
    assert numbers == ["06", "01", "57-NQ/TW"]


def test_the_title_is_the_session_name_not_the_headline() -> None:
    text = (
        "Thủ tướng chủ trì phiên họp Ủy ban Quốc gia về chuyển đổi số\n"
        "Sáng 8/8, Thủ tướng Nguyễn Văn An chủ trì Phiên họp thứ Ba của Ủy ban Quốc "
        "gia về chuyển đổi số để đánh giá kết quả 6 tháng đầu năm 2022."
    )
    title = extract_dict(text)["meeting"]["title"]
    assert title == "Phiên họp thứ Ba của Ủy ban Quốc gia về chuyển đổi số"
