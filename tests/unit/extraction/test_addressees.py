"""Who a task goes to, as news and notices write it (texts invented for the tests)."""

from __future__ import annotations

from .helpers import extract_dict, only_assignment


def test_a_leading_source_line_is_not_read_as_text() -> None:
    text = "# source: https://example.vn/tin\nHọp Ban Chỉ đạo chuyển đổi số huyện A\n"
    got = extract_dict(text)
    assert got["meeting"]["title"] == "Họp Ban Chỉ đạo chuyển đổi số huyện A"


def test_spans_still_index_the_input_with_its_source_line() -> None:
    text = "# source: https://example.vn/tin\nĐề nghị Sở Y tế rà soát hồ sơ.\n"
    spans = _spans(text)["spans"]
    assert isinstance(spans, dict)
    start, end = spans["assignees_lead"][0]
    assert text[start:end] == "Sở Y tế"


def _spans(text: str) -> dict[str, object]:
    """The only assignment, with spans."""
    from service.extraction import extract

    found = extract(text).to_dict(spans=True)["assignments"]
    assert len(found) == 1
    result = found[0]
    assert isinstance(result, dict)
    return result


def test_news_of_what_a_body_does_before_any_direction_is_not_a_task() -> None:
    text = (
        "UBND huyện Tân Lập triển khai kế hoạch chuyển đổi số cấp xã trên địa bàn. "
        "Phó Chủ tịch UBND huyện đề nghị UBND các xã khẩn trương thực hiện kế hoạch."
    )
    task = only_assignment(text)
    assert task["assignees_lead"] == ["UBND các xã"]


def test_a_modal_makes_a_clause_a_task_before_any_direction() -> None:
    text = (
        "Công an tỉnh cần bảo đảm an toàn thông tin cho các hệ thống. "
        "Chủ tịch UBND tỉnh đề nghị các sở khẩn trương thực hiện."
    )
    leads = [a["assignees_lead"] for a in extract_dict(text)["assignments"]]
    assert leads == [["Công an tỉnh"], ["các sở"]]


def test_a_text_that_passes_on_no_direction_reads_every_agency_clause() -> None:
    task = only_assignment("Sở Tư pháp rà soát các văn bản quy phạm pháp luật.")
    assert task["assignees_lead"] == ["Sở Tư pháp"]


def test_a_passive_with_its_agent_keeps_the_subject_as_lead() -> None:
    task = only_assignment(
        "Sở Tư pháp được UBND tỉnh giao chủ trì, phối hợp với Sở Nội vụ rà soát "
        "các văn bản quy phạm pháp luật."
    )
    assert task["assignees_lead"] == ["Sở Tư pháp"]
    assert task["assignees_coordinating"] == ["Sở Nội vụ"]
    assert task["summary"].startswith("rà soát")


def test_the_office_of_a_collective_is_one_addressee() -> None:
    task = only_assignment(
        "Chủ tịch UBND huyện đề nghị lãnh đạo các cơ quan, đơn vị và UBND các xã "
        "khẩn trương triển khai kế hoạch."
    )
    assert task["assignees_lead"] == ["lãnh đạo các cơ quan, đơn vị", "UBND các xã"]


def test_all_of_a_collective_is_kept_whole() -> None:
    task = only_assignment(
        "Thủ tướng yêu cầu tất cả các bộ, ngành, địa phương hoàn thành cơ sở dữ liệu."
    )
    assert task["assignees_lead"] == ["tất cả các bộ, ngành, địa phương"]


def test_a_titled_person_can_be_the_addressee_and_is_not_a_new_agency() -> None:
    got = extract_dict(
        "Thủ tướng giao Phó Thủ tướng Lê Văn Hòa chỉ đạo hoàn thiện dự thảo nghị định."
    )
    (task,) = got["assignments"]
    assert task["assignees_lead"] == ["Phó Thủ tướng Lê Văn Hòa"]
    assert got["agencies_proposed"] == []


def test_a_quoted_addressee_after_giao_is_read() -> None:
    task = only_assignment(
        "Chính phủ đã ra nghị quyết giao “Bộ Tài chính khẩn trương hoàn thiện đề án”."
    )
    assert task["assignees_lead"] == ["Bộ Tài chính"]


def test_agreeing_that_a_body_leads_a_task_assigns_it() -> None:
    task = only_assignment(
        "Chủ tịch UBND tỉnh đồng ý cho Sở Y tế chủ trì xây dựng đề án y tế số."
    )
    assert task["assignees_lead"] == ["Sở Y tế"]


def test_a_clause_after_trong_khi_has_its_own_subject() -> None:
    text = (
        "UBND tỉnh yêu cầu các sở rà soát quy trình. Công an tỉnh bảo đảm an ninh "
        "mạng, trong khi Sở Tư pháp chủ trì rà soát văn bản."
    )
    leads = [a["assignees_lead"] for a in extract_dict(text)["assignments"]]
    assert leads == [["các sở"], ["Công an tỉnh"], ["Sở Tư pháp"]]


def test_a_name_with_a_lower_case_syllable_after_a_head_word_is_whole() -> None:
    task = only_assignment(
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền đến Nhân dân."
    )
    assert task["assignees_lead"] == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]


def test_an_attendance_list_gives_no_task() -> None:
    text = (
        "Dự hội nghị có các đồng chí lãnh đạo HĐND-UBND thành phố, đại diện các "
        "phòng, ban, ngành. Chủ tịch UBND thành phố đề nghị các phòng tiếp tục "
        "rà soát."
    )
    task = only_assignment(text)
    assert task["assignees_lead"] == ["các phòng"]


def test_to_chuc_before_a_verb_is_the_verb_not_an_addressee() -> None:
    task = only_assignment(
        "Giao Sở Văn hóa chủ trì, hướng dẫn, chỉ đạo tổ chức thực hiện ngày hội."
    )
    assert task["assignees_lead"] == ["Sở Văn hóa"]
