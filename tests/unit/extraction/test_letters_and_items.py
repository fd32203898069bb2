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
