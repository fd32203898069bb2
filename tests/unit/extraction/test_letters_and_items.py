"""Letters conveying directions and numbered notices (texts invented for the tests)."""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def _leads(text: str) -> list[list[str]]:
    """The lead agencies of every assignment."""
    return [a["assignees_lead"] for a in extract_dict(text)["assignments"]]


def test_national_bodies_are_listed_whole() -> None:
    task = only_assignment(
        "1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các "
        "tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch thực hiện.\n"
        "Quyết định này có hiệu lực kể từ ngày ký."
    )
    assert task["assignees_lead"] == [
        "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
    ]


def test_a_letter_addresses_its_reader_as_quy_co_quan() -> None:
    task = only_assignment(
        "Bộ Y tế trân trọng đề nghị Quý Cơ quan triển khai ngay các nhiệm vụ được giao."
    )
    assert task["assignees_lead"] == ["Quý Cơ quan"]


def test_what_a_body_may_do_is_no_task() -> None:
    text = (
        "Bộ Y tế đề nghị các sở triển khai ngay kế hoạch. Các địa phương có thể xây "
        "dựng văn bản riêng về chuyển đổi số."
    )
    assert _leads(text) == [["các sở"]]


def test_asking_a_body_to_hand_a_task_on_is_one_task() -> None:
    task = only_assignment(
        "Đề nghị Sở Y tế giao Trung tâm Kiểm soát bệnh tật làm đầu mối theo dõi."
    )
    assert task["assignees_lead"] == ["Sở Y tế"]


def test_a_column_name_passes_on_no_direction() -> None:
    text = (
        "Tin chỉ đạo điều hành\n"
        "UBND huyện Tân Lập triển khai kế hoạch tuyên truyền trên địa bàn. "
        "Chủ tịch UBND huyện đề nghị các xã khẩn trương thực hiện."
    )
    assert _leads(text) == [["các xã"]]


def test_giving_an_opinion_is_not_a_task() -> None:
    text = (
        "UBND huyện Tân Lập có ý kiến như sau:\n"
        "1. Phòng Nội vụ rà soát biên chế.\n2. Phòng Tài chính bố trí kinh phí."
    )
    assert _leads(text) == [["Phòng Nội vụ"], ["Phòng Tài chính"]]


def test_a_numbered_item_naming_only_a_body_gives_one_task_per_bullet() -> None:
    text = (
        "1. Phòng Nội vụ rà soát biên chế.\n"
        "2. Trung tâm Văn hóa huyện\n"
        "- Tăng cường các tin, bài tuyên truyền trên sóng truyền thanh.\n"
        "- Tổ chức các hoạt động tuyên truyền trực quan.\n"
    )
    found = extract_dict(text)["assignments"]
    assert [(a["item"], a["assignees_lead"]) for a in found] == [
        ("1", ["Phòng Nội vụ"]),
        ("2", ["Trung tâm Văn hóa huyện"]),
        ("2", ["Trung tâm Văn hóa huyện"]),
    ]


def test_the_recipients_after_noi_nhan_are_no_tasks() -> None:
    text = (
        "1. Sở Nội vụ rà soát biên chế.\n2. Sở Tài chính bố trí kinh phí.\n"
        "Nơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT.\n"
    )
    assert _leads(text) == [["Sở Nội vụ"], ["Sở Tài chính"]]


def test_the_forces_concerned_can_be_addressed() -> None:
    task = only_assignment(
        "Phó Thủ tướng yêu cầu lực lượng chức năng khẩn trương điều tra vụ việc."
    )
    assert task["assignees_lead"] == ["lực lượng chức năng"]


def test_office_holders_can_be_addressed_as_a_collective() -> None:
    task = only_assignment(
        "Thủ tướng yêu cầu các Bộ trưởng, Trưởng ngành khẩn trương hoàn thành kế hoạch."
    )
    assert task["assignees_lead"] == ["các Bộ trưởng", "Trưởng ngành"]


def test_a_labelled_publication_line_gives_the_year() -> None:
    text = (
        "Cập nhật: 25/02/2023\n"
        "Sáng nay 25/2, Hội nghị trực tuyến toàn quốc về chuyển đổi số đã diễn ra."
    )
    assert extract_dict(text)["meeting"]["date"] == "2023-02-25"


def test_a_title_after_comrade_refers_to_the_person_titled_after_the_name() -> None:
    text = (
        "Chiều 31/10, đồng chí Lê Văn Huân – Phó Chủ tịch UBND huyện làm việc với "
        "Phòng Nội vụ. Phát biểu kết luận, đồng chí Phó Chủ tịch UBND huyện ghi nhận "
        "kết quả."
    )
    got = extract_dict(text)
    assert [(s["speaker"], s["kind"]) for s in got["speeches"]] == [
        ("Lê Văn Huân", "conclusion")
    ]
    assert got["meeting"]["chair"]["name"] == "Lê Văn Huân"


def test_taking_place_is_not_a_task() -> None:
    text = (
        "Thủ tướng nhấn mạnh yêu cầu đó. Hội nghị với các Bộ trưởng, Chủ tịch UBND "
        "các tỉnh diễn ra vào sáng 19/7."
    )
    assert extract_dict(text)["assignments"] == []


def test_an_hour_before_the_day_still_gives_the_deadline() -> None:
    task = only_assignment(
        "Giao Sở Y tế tổng hợp báo cáo gửi về UBND tỉnh trước 14h00 ngày 28/4/2020."
    )
    assert task["deadline"] == "2020-04-28"
    assert task["deadline_text"] == "trước 14h00 ngày 28/4/2020"


def test_a_sentence_announcing_the_details_gives_no_task_itself() -> None:
    text = (
        "UBND tỉnh chỉ đạo các sở báo cáo kết quả phòng, chống dịch; cụ thể:\n"
        "UBND tỉnh yêu cầu các sở rà soát, đánh giá kết quả phòng, chống dịch."
    )
    assert _leads(text) == [["các sở"]]


def test_a_following_sentence_gives_the_terms_of_the_task() -> None:
    text = (
        "UBND tỉnh yêu cầu các sở rà soát, báo cáo kết quả phòng, chống dịch.\n"
        "Báo cáo gửi về UBND tỉnh chậm nhất 10h00' ngày 27/4/2020."
    )
    (task,) = extract_dict(text)["assignments"]
    assert task["deadline"] == "2020-04-27"


def test_after_a_condition_the_subject_reports_to_a_body() -> None:
    text = (
        "Lãnh đạo thành phố yêu cầu Sở Xây dựng khẩn trương hoàn thiện dự án. Trong "
        "quá trình triển khai nếu có phát sinh khối lượng, Sở Xây dựng báo cáo UBND "
        "thành phố xem xét quyết định."
    )
    found = extract_dict(text)["assignments"]
    assert [a["assignees_lead"] for a in found] == [["Sở Xây dựng"], ["Sở Xây dựng"]]
    assert found[1]["report_to"] == "UBND thành phố"


def test_a_level_is_no_connection_point() -> None:
    text = (
        "Hội nghị được tổ chức tại điểm cầu cấp huyện và 10 điểm cầu cấp xã; tại điểm "
        "cầu huyện có Thường trực Ban Chỉ đạo."
    )
    assert extract_dict(text)["meeting"]["connection_points"] == []


def test_the_armed_forces_are_part_of_a_body_name() -> None:
    task = only_assignment(
        "Yêu cầu các đơn vị lực lượng vũ trang cấp tỉnh rà soát kết quả thực hiện."
    )
    assert task["assignees_lead"] == ["các đơn vị lực lượng vũ trang cấp tỉnh"]
