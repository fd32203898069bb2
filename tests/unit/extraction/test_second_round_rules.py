"""The second round's language rules: the kinds of text the first round still missed.

Every text here is invented for the test; names and numbers are made up.
"""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def _leads(text: str) -> list[list[str]]:
    """The lead agencies of every assignment, in reading order."""
    return [a["assignees_lead"] for a in extract_dict(text)["assignments"]]


# Subjects after a later comma of an opener, and after "là".


def test_a_subject_after_the_second_comma_of_an_opener_is_read() -> None:
    text = (
        "Ban Chỉ đạo đánh giá cao kết quả 6 tháng qua. Tuy nhiên, so với yêu cầu "
        "thực tiễn, các sở, ban, ngành cần đẩy nhanh tiến độ số hóa hồ sơ."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["các sở, ban, ngành"]
    assert got["summary"].startswith("đẩy nhanh tiến độ số hóa")


def test_a_subject_deep_in_a_sentence_without_a_modal_is_news() -> None:
    text = (
        "Tuy nhiên, trong quý I, các sở, ban, ngành triển khai chậm việc số hóa hồ "
        "sơ. Chủ tịch UBND tỉnh yêu cầu Sở Nội vụ kiểm tra."
    )
    assert _leads(text) == [["Sở Nội vụ"]]


def test_a_subject_introduced_by_la_is_read() -> None:
    text = (
        "Vấn đề quan trọng nhất, có tính quyết định là các Bộ trưởng, Chủ tịch "
        "UBND các tỉnh cần gương mẫu đi đầu trong chuyển đổi số."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["các Bộ trưởng", "Chủ tịch UBND các tỉnh"]
    assert got["summary"].startswith("gương mẫu đi đầu")


def test_a_narrative_opener_lets_through_a_subject_with_a_modal() -> None:
    text = (
        "Qua đó, lực lượng chức năng khẩn trương xác minh các đối tượng; báo cáo "
        "UBND tỉnh trước ngày 20/9/2024."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["lực lượng chức năng"]
    assert got["deadline"] == "2024-09-20"


def test_an_attendance_opener_still_blocks_every_subject() -> None:
    text = "Dự hội nghị có lãnh đạo Sở Y tế, Sở Tài chính cần thiết tham gia."
    assert extract_dict(text)["assignments"] == []


# A bare title as addressee.


def test_a_bare_title_after_a_directive_verb_is_the_addressee() -> None:
    text = (
        "Kết thúc phiên chất vấn, Chủ tịch HĐND tỉnh đề nghị Giám đốc trả lời bằng "
        "văn bản cho các đại biểu."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["Giám đốc"]
    assert got["summary"].startswith("trả lời bằng văn bản")


def test_a_title_without_a_verb_after_it_is_no_addressee() -> None:
    text = "Hội nghị đề nghị Bộ trưởng và lãnh đạo các sở cùng tham dự lễ ký kết."
    assert all(a["assignees_lead"] != ["Bộ trưởng"] for a in _assignments(text))


def _assignments(text: str) -> list[dict[str, object]]:
    """Every assignment of a text."""
    found: list[dict[str, object]] = extract_dict(text)["assignments"]
    return found


def test_a_bare_title_is_never_proposed_as_a_new_agency() -> None:
    text = "Chủ tịch UBND tỉnh đề nghị Bộ trưởng xem xét hỗ trợ kinh phí."
    assert extract_dict(text)["agencies_proposed"] == []


# Periods of the year are not deadlines.


def test_the_last_six_months_of_a_year_is_no_deadline() -> None:
    text = (
        "Thủ tướng chủ trì phiên họp. Chính phủ sẽ nghe báo cáo nhiệm vụ 6 tháng "
        "cuối năm 2021 và cho ý kiến."
    )
    assert extract_dict(text)["assignments"] == []


def test_the_end_of_a_year_is_still_a_deadline() -> None:
    text = "UBND tỉnh giao Sở Y tế hoàn thành việc số hóa hồ sơ cuối năm 2021."
    assert only_assignment(text)["deadline"] == "2021-12-31"


def test_the_government_hearing_reports_is_the_meeting_itself() -> None:
    text = (
        "Chủ tịch tỉnh nhấn mạnh vai trò của chuyển đổi số. UBND tỉnh nghe và thảo "
        "luận tình hình thực hiện kế hoạch năm."
    )
    assert extract_dict(text)["assignments"] == []


def test_the_work_of_direction_passes_on_no_direction() -> None:
    text = (
        "Phiên họp đánh giá công tác chỉ đạo, điều hành 6 tháng. Bộ Tài chính "
        "triển khai gói hỗ trợ doanh nghiệp. Thủ tướng nhấn mạnh yêu cầu kỷ cương."
    )
    assert extract_dict(text)["assignments"] == []


# A headline in a text that passes on no direction.


def test_a_headline_of_news_without_directions_is_no_task() -> None:
    text = (
        "Ban Pháp chế HĐND tỉnh giám sát cải cách hành chính huyện Đông Sơn\n\n"
        "Sáng 5/9, đoàn giám sát làm việc tại huyện. Huyện đã số hóa 80% hồ sơ."
    )
    assert extract_dict(text)["assignments"] == []


def test_a_bare_task_list_without_a_headline_still_gives_tasks() -> None:
    text = "Sở Y tế rà soát danh sách tiêm chủng và cập nhật lên hệ thống."
    assert only_assignment(text)["assignees_lead"] == ["Sở Y tế"]


# Chairs after "do", and guests who direct.


def test_the_first_person_after_do_chairs() -> None:
    text = (
        "Sáng 12/9/2024, đoàn khảo sát của HĐND tỉnh do Phó Chủ tịch HĐND tỉnh "
        "Nguyễn Văn Lâm và Trưởng ban Kinh tế Trần Thị Mai chủ trì khảo sát tại "
        "huyện."
    )
    assert extract_dict(text)["meeting"]["chair"]["name"] == "Nguyễn Văn Lâm"


def test_a_guest_who_directs_is_not_the_chair() -> None:
    text = (
        "Sáng nay, Công an tỉnh tổ chức hội nghị sơ kết. Chủ tịch UBND tỉnh Lê "
        "Văn Thành đến dự.\nChủ tịch UBND tỉnh Lê Văn Thành phát biểu chỉ đạo tại "
        "hội nghị."
    )
    got = extract_dict(text)
    assert got["meeting"]["chair"] is None
    assert [(s["speaker"], s["kind"]) for s in got["speeches"]] == [
        ("Lê Văn Thành", "directive")
    ]


def test_a_leader_who_directs_without_attending_chairs() -> None:
    text = "Chủ tịch UBND tỉnh Lê Văn Thành phát biểu chỉ đạo tại hội nghị."
    assert extract_dict(text)["meeting"]["chair"]["name"] == "Lê Văn Thành"


# Meeting days written relative to publication.


def test_this_morning_is_the_day_of_publication() -> None:
    text = (
        "- Thứ Năm, 07/11/2024, 15:51 - Chia sẻ\n"
        "Cuối phiên chất vấn sáng nay, nhiều đại biểu nêu câu hỏi."
    )
    assert extract_dict(text)["meeting"]["date"] == "2024-11-07"


def test_today_with_the_day_in_brackets_takes_the_publication_year() -> None:
    text = (
        "11/08/2024 20:10\n\nHội nghị trao đổi kinh nghiệm được tổ chức tại Huế vào "
        "hôm nay (10/8)."
    )
    assert extract_dict(text)["meeting"]["date"] == "2024-08-10"


def test_this_morning_without_a_publication_line_names_no_day() -> None:
    text = "Sáng nay, UBND huyện tổ chức hội nghị tổng kết."
    assert extract_dict(text)["meeting"]["date"] is None


# A deadline in a sentence of its own.


def test_a_deadline_in_the_next_sentence_about_the_work_is_the_task_s() -> None:
    text = (
        "Phó Chủ tịch UBND tỉnh giao Sở Nội vụ nghiên cứu, tham mưu việc thành "
        "lập tổ công tác. Việc thành lập phải được thực hiện trong năm 2024."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["Sở Nội vụ"]
    assert got["deadline"] == "2024-12-31"
    assert got["summary"].startswith("nghiên cứu, tham mưu")


def test_a_title_keeps_an_acronym_in_brackets() -> None:
    text = (
        "Sáng 12/9/2024, đoàn do Phó Chủ tịch Hội đồng nhân dân (HĐND) tỉnh Trần "
        "Văn Kỳ chủ trì khảo sát."
    )
    chair = extract_dict(text)["meeting"]["chair"]
    assert chair == {
        "name": "Trần Văn Kỳ",
        "title": "Phó Chủ tịch Hội đồng nhân dân (HĐND) tỉnh",
    }
