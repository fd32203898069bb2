"""Addressees of tasks: lead, coordinating, report-to, requests, directory matching."""

from __future__ import annotations

from service.extraction import KnownAgency, extract

from .helpers import extract_dict, only_assignment


def test_chu_tri_phoi_hop_gives_lead_and_coordinating_agencies() -> None:
    found = only_assignment(
        "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư và "
        "các cơ quan liên quan tham mưu UBND tỉnh ban hành quy chế, hoàn thành trước "
        "ngày 30/6/2023."
    )
    assert found["assignees_lead"] == ["Sở Nội vụ"]
    assert found["assignees_coordinating"] == [
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        "các cơ quan liên quan",
    ]
    assert found["deadline"] == "2023-06-30"
    assert found["summary"].startswith("tham mưu UBND tỉnh ban hành quy chế")


def test_subject_phoi_hop_without_chu_tri_reads_the_subject_as_lead() -> None:
    found = only_assignment(
        "Sở TT&TT phối hợp với Văn phòng UBND tỉnh và các sở, ngành liên quan chuẩn bị "
        "hồ sơ, tài liệu."
    )
    assert found["assignees_lead"] == ["Sở TT&TT"]
    assert found["assignees_coordinating"] == [
        "Văn phòng UBND tỉnh",
        "các sở, ngành liên quan",
    ]


def test_giao_names_the_lead_not_the_body_that_assigns() -> None:
    found = only_assignment("UBND tỉnh giao Công an tỉnh chủ trì triển khai Đề án 06.")
    assert found["assignees_lead"] == ["Công an tỉnh"]


def test_yeu_cau_names_the_lead() -> None:
    found = only_assignment(
        "Đồng chí Chủ tịch yêu cầu Sở Giáo dục và Đào tạo khẩn trương số hóa học bạ."
    )
    assert found["assignees_lead"] == ["Sở Giáo dục và Đào tạo"]
    assert found["kind"] == "task"


def test_de_nghi_to_an_enterprise_is_a_request() -> None:
    found = only_assignment(
        "Đề nghị Viettel Quảng Trị, VNPT Quảng Trị, Bưu điện tỉnh hỗ trợ các địa "
        "phương "
        "triển khai Tổ công nghệ số cộng đồng."
    )
    assert found["kind"] == "request"
    assert found["assignees_lead"] == [
        "Viettel Quảng Trị",
        "VNPT Quảng Trị",
        "Bưu điện tỉnh",
    ]


def test_de_nghi_to_departments_is_an_ordinary_task() -> None:
    found = only_assignment(
        "Đồng chí đề nghị sở, ngành, địa phương cần xác định rõ nhiệm vụ."
    )
    assert found["assignees_lead"] == ["sở, ngành, địa phương"]
    assert found["kind"] == "task"


def test_bao_cao_qua_gives_report_to_with_the_intermediary() -> None:
    found = only_assignment(
        "Yêu cầu UBND các huyện, thành phố báo cáo kết quả về UBND tỉnh (qua Sở "
        "Thông tin "
        "và Truyền thông) trước ngày 15/12/2023."
    )
    assert found["assignees_lead"] == ["UBND các huyện, thành phố"]
    assert found["report_to"] == "UBND tỉnh (qua Sở Thông tin và Truyền thông)"


def test_gui_ve_gives_report_to() -> None:
    found = only_assignment(
        "UBND tỉnh giao các sở, ngành khảo sát hiện trạng, báo cáo đánh giá gửi về Sở "
        "Nội vụ trước ngày 30/9/2021."
    )
    assert found["report_to"] == "Sở Nội vụ"


def test_sentence_subject_list_splits_named_agencies_and_keeps_plural_groups() -> None:
    found = only_assignment(
        "Các Sở, Ban, ngành, UBND các huyện, thị xã, thành phố khẩn trương xây dựng "
        "kế hoạch chuyển đổi số năm 2024."
    )
    assert found["assignees_lead"] == [
        "Các Sở, Ban, ngành",
        "UBND các huyện, thị xã, thành phố",
    ]


def test_department_names_with_lower_case_syllables_are_read_whole() -> None:
    found = only_assignment(
        "Sở Nông nghiệp và Phát triển nông thôn, Sở Lao động - Thương binh và Xã hội, "
        "Sở Văn hóa, Thể thao và Du lịch rà soát thủ tục hành chính."
    )
    assert found["assignees_lead"] == [
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]


def test_alias_matches_the_directory_agency() -> None:
    known = (KnownAgency("so-tttt", "Sở Thông tin và Truyền thông", ("Sở TT&TT",)),)
    text = (
        "Giao Sở TT&TT chủ trì xây dựng kế hoạch. Giao Sở Thông tin và Truyền "
        "thông báo cáo."
    )
    found = extract(text, agencies=known).to_dict()
    assert [a["assignees_lead_ids"] for a in found["assignments"]] == [
        ["so-tttt"],
        ["so-tttt"],
    ]
    assert found["agencies_proposed"] == []


def test_abbreviation_matches_the_full_name_without_an_alias() -> None:
    known = (
        KnownAgency("so-khdt", "Sở Kế hoạch và Đầu tư"),
        KnownAgency("ubnd", "Ủy ban nhân dân tỉnh"),
    )
    text = "Sở KH&ĐT chủ trì thẩm định dự án, báo cáo UBND tỉnh trước ngày 10/10/2023."
    found = extract(text, agencies=known).to_dict()["assignments"][0]
    assert found["assignees_lead_ids"] == ["so-khdt"]


def test_unknown_single_agencies_are_proposed_but_groups_are_not() -> None:
    known = (KnownAgency("so-noi-vu", "Sở Nội vụ"),)
    text = (
        "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp và các cơ quan liên quan "
        "xây dựng quy chế. Giao Sở Tư pháp thẩm định dự thảo."
    )
    result = extract(text, agencies=known)
    assert [p.name for p in result.agencies_proposed] == ["Sở Tư pháp"]
    assert len(result.agencies_proposed[0].spans) == 2


def test_agency_spans_point_at_the_agency_in_the_text() -> None:
    text = "Giao Công  ty Cổ phần FPT hỗ trợ tỉnh đào tạo nhân lực số."
    found = extract(text).to_dict(spans=True)["assignments"][0]
    ((start, end),) = found["spans"]["assignees_lead"]
    assert text[start:end] == "Công  ty Cổ phần FPT"
    assert found["assignees_lead"] == ["Công ty Cổ phần FPT"]  # spaces collapsed


def test_narrative_sentence_about_an_agency_is_not_a_task() -> None:
    found = extract_dict(
        "UBND tỉnh vừa ban hành Kế hoạch chuyển đổi số. Ban Chỉ đạo đã thông qua dự "
        "thảo. "
        "Tại phiên họp, Ủy ban Quốc gia về chuyển đổi số công bố quyết định thành lập."
    )
    assert found["assignments"] == []


def test_a_short_name_many_places_share_means_the_meetings_own() -> None:
    from service.extraction.directory import Directory
    from service.extraction.model import KnownAgency

    known = [
        KnownAgency("na", "Sở TT&TT tỉnh Nghệ An", ("Sở Thông tin và Truyền thông",)),
        KnownAgency(
            "qn",
            "Sở Thông tin và Truyền thông tỉnh Quảng Nam",
            ("Sở Thông tin và Truyền thông",),
        ),
    ]
    assert (
        Directory(known, "tỉnh Quảng Nam").find("Sở Thông tin và Truyền thông") == "qn"
    )
    assert Directory(known, "tỉnh Nghệ An").find("Sở Thông tin và Truyền thông") == "na"
    # Without a place to tell them apart, the secretary chooses: nothing is guessed.
    assert Directory(known).find("Sở Thông tin và Truyền thông") is None
    assert Directory(known, "tỉnh Lào Cai").find("Sở TT&TT") is None
