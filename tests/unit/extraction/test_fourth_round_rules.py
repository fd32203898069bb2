"""The fourth round's language rules: what the third round's held-out texts missed.

Every text here is invented for the test; names and numbers are made up.
"""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def _leads(text: str) -> list[list[str]]:
    """The lead agencies of every assignment, in reading order."""
    return [a["assignees_lead"] for a in extract_dict(text)["assignments"]]


def _deadlines(text: str) -> list[str | None]:
    """The deadline of every assignment, in reading order."""
    return [a["deadline"] for a in extract_dict(text)["assignments"]]


# Subjects and what is no task


def test_a_subject_after_vi_vay_with_a_modal_is_addressed() -> None:
    text = (
        "Theo Chủ tịch UBND huyện, tháng 12 là thời điểm cuối năm, vì vậy các phòng, "
        "ban cần rà soát hồ sơ; đôn đốc thu ngân sách; bảo đảm an ninh trật tự."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["các phòng, ban"]
    assert got["summary"].startswith("rà soát hồ sơ")


def test_a_subject_after_do_do_without_a_modal_is_news() -> None:
    text = (
        "Chủ tịch UBND tỉnh yêu cầu Sở Y tế kiểm tra. Năm nay mưa nhiều, do đó các xã "
        "thu hoạch lúa sớm hơn mọi năm."
    )
    assert _leads(text) == [["Sở Y tế"]]


def test_receiving_a_letter_is_no_task() -> None:
    text = (
        "UBND tỉnh nhận được Công văn số 12/BTC-NSNN ngày 3/5/2019 của Bộ Tài chính. "
        "Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì tham gia ý kiến."
    )
    assert _leads(text) == [["Sở Tài chính"]]


def test_what_was_done_in_a_past_period_is_no_task() -> None:
    text = (
        "Phó Chủ tịch đề nghị Sở Nội vụ rà soát biên chế. Trong 6 tháng đầu năm, các "
        "huyện thực hiện tốt công tác tuyển dụng."
    )
    assert _leads(text) == [["Sở Nội vụ"]]


def test_a_past_period_still_lets_a_subject_with_a_modal_through() -> None:
    text = (
        "Chủ tịch yêu cầu Sở Nội vụ rà soát. Trong năm qua, các huyện cần khẩn trương "
        "hoàn thiện hồ sơ tuyển dụng còn tồn đọng."
    )
    assert _leads(text) == [["Sở Nội vụ"], ["các huyện"]]


def test_a_headline_about_who_chaired_a_ky_hop_is_no_task() -> None:
    text = (
        "Chủ tịch UBND huyện chủ trì kỳ họp tháng 5.2020\n\n"
        "Phát biểu kết luận, Chủ tịch UBND huyện yêu cầu các ngành tập trung thu "
        "ngân sách."
    )
    assert _leads(text) == [["các ngành"]]


def test_directing_others_is_the_addressees_own_task() -> None:
    text = (
        "Văn phòng Chính phủ đề nghị UBND các tỉnh tổ chức chỉ đạo các cơ quan liên "
        "quan triển khai rà soát quy chế làm việc."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["UBND các tỉnh"]
    assert got["summary"].startswith("tổ chức chỉ đạo các cơ quan liên quan")


def test_a_restated_task_is_read_once() -> None:
    text = (
        "Giao Sở Xây dựng chủ trì, phối hợp với các đơn vị liên quan kiểm tra hiện "
        "trạng công trình. Căn cứ nội dung này, Chủ tịch UBND tỉnh yêu cầu Giám đốc "
        "Sở Xây dựng triển khai thực hiện."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["Sở Xây dựng"]


def test_carrying_out_for_another_addressee_is_a_task_of_its_own() -> None:
    text = (
        "Giao Sở Xây dựng kiểm tra hiện trạng công trình. Chủ tịch UBND tỉnh yêu cầu "
        "Sở Tài chính triển khai thực hiện."
    )
    assert _leads(text) == [["Sở Xây dựng"], ["Sở Tài chính"]]


# Deadlines


def test_a_deadline_in_a_later_yeu_cau_sentence_belongs_to_the_task() -> None:
    text = (
        "Giao Sở Tư pháp chủ trì thẩm định dự thảo quy chế. Yêu cầu hoàn thiện gửi "
        "ý kiến về UBND tỉnh trước ngày 20/10/2020."
    )
    got = only_assignment(text)
    assert got["assignees_lead"] == ["Sở Tư pháp"]
    assert got["deadline"] == "2020-10-20"


def test_a_month_and_year_written_with_a_dot() -> None:
    got = only_assignment(
        "Chủ tịch UBND huyện yêu cầu các xã hoàn thành thu thuế trong tháng 12.2019."
    )
    assert got["deadline"] == "2019-12-31"


def test_the_period_of_the_tasks_named_before_the_addressee() -> None:
    text = (
        "Chủ tịch yêu cầu các ngành rà soát công trình tồn đọng. Đối với nhiệm vụ "
        "trong tháng 3.2020, Chủ tịch UBND huyện yêu cầu các xã tập trung chỉ đạo "
        "sản xuất vụ Đông Xuân."
    )
    assert _deadlines(text) == [None, "2020-03-31"]


def test_a_month_before_the_addressee_without_nhiem_vu_sets_no_deadline() -> None:
    text = (
        "Trong tháng 3 năm 2020, Chủ tịch UBND huyện yêu cầu các xã tập trung chỉ "
        "đạo sản xuất vụ Đông Xuân."
    )
    assert _deadlines(text) == [None]


def test_two_joined_periods_are_one_task_due_at_the_later_end() -> None:
    got = only_assignment(
        "Chủ tịch yêu cầu các phòng tập trung triển khai các nhiệm vụ trọng tâm "
        "trong tháng 4 và quý II năm 2022."
    )
    assert got["deadline"] == "2022-06-30"
    assert got["deadline_text"] == "trong tháng 4 và quý II năm 2022"


# Agency names


def test_a_lower_case_sector_after_nganh_stays_in_the_name() -> None:
    text = (
        "Phó Chủ tịch đề nghị ngành thông tin và truyền thông và các địa phương cần "
        "rà soát tiến độ chuyển đổi số."
    )
    assert _leads(text) == [["ngành thông tin và truyền thông", "các địa phương"]]


def test_the_bodies_under_a_government_are_one_addressee() -> None:
    got = only_assignment(
        "Chủ tịch yêu cầu các cơ quan thuộc UBND huyện tập trung giải ngân vốn."
    )
    assert got["assignees_lead"] == ["các cơ quan thuộc UBND huyện"]


def test_a_sentence_opening_on_day_nhanh_carries_the_addressee() -> None:
    text = (
        "Chủ tịch yêu cầu các phòng chuyên môn rà soát hồ sơ đất đai. Đẩy nhanh tiến "
        "độ giải phóng mặt bằng các dự án."
    )
    assert _leads(text) == [["các phòng chuyên môn"], ["các phòng chuyên môn"]]


# Documents and dates


def test_a_notice_of_conclusions_is_a_thong_bao() -> None:
    docs = extract_dict(
        "Chính phủ triển khai thông báo kết luận số 07 của Bộ Chính trị và thông báo "
        "số 09 của Ban Bí thư."
    )["documents_cited"]
    assert [(d["kind"], d["number"]) for d in docs] == [
        ("Thông báo", "07"),
        ("Thông báo", "09"),
    ]


def test_a_notice_without_so_names_no_document() -> None:
    docs = extract_dict("Sở Y tế thông báo 3 trường hợp mới.")["documents_cited"]
    assert docs == []


def test_a_publication_line_with_a_two_digit_year() -> None:
    text = (
        "Thủ tướng họp trực tuyến với các địa phương\n\n18/11/22\n\n"
        "Sáng 18/11, Thủ tướng chủ trì cuộc họp trực tuyến với các tỉnh."
    )
    assert extract_dict(text)["meeting"]["date"] == "2022-11-18"


def test_a_session_held_the_whole_day() -> None:
    text = (
        "Chính phủ họp phiên thường kỳ\n\nCập nhật: 08/03/2023\n\nDự kiến, phiên "
        "họp diễn ra trong cả ngày 9/3, các thành viên thảo luận về dự thảo nghị định."
    )
    assert extract_dict(text)["meeting"]["date"] == "2023-03-09"
