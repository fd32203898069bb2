"""Speakers, their titles, the kind of speech each verb names, and the chair."""

from __future__ import annotations

import pytest

from .helpers import extract_dict


def speeches(text: str) -> list[tuple[str, str, str]]:
    """(speaker, title, kind) of each speech."""
    return [
        (s["speaker"], s["title"], s["kind"]) for s in extract_dict(text)["speeches"]
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Phát biểu khai mạc hội nghị, đồng chí Phó Chủ tịch UBND tỉnh Trần Đức "
            "Quý nhấn mạnh.",
            "opening",
        ),
        (
            "Đồng chí Giám đốc Sở Y tế Lê Văn Minh trình bày báo cáo tổng hợp.",
            "presentation",
        ),
        (
            "Đồng chí Chủ tịch UBND tỉnh Nguyễn Văn Sơn đã phổ biến, quán triệt Nghị "
            "quyết.",
            "presentation",
        ),
        (
            "Tham luận tại hội nghị, đồng chí Phạm Thị Hoa, Chủ tịch UBND huyện nêu "
            "kiến nghị.",
            "discussion",
        ),
        (
            "Sau khi nghe ý kiến phát biểu của đồng chí Phan Văn Cường - Bí thư "
            "Huyện ủy; ",
            "discussion",
        ),
        (
            "Đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm phát biểu chỉ đạo tại hội nghị.",
            "directive",
        ),
        (
            "Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm nhấn mạnh.",
            "conclusion",
        ),
        ("Phó Chủ tịch UBND tỉnh Hồ Quang Bửu kết luận:", "conclusion"),
    ],
)
def test_speech_kind_comes_from_the_verb(sentence: str, kind: str) -> None:
    assert [k for _, _, k in speeches(sentence)] == [kind]


def test_title_written_before_the_name_is_kept() -> None:
    assert speeches(
        "Giám đốc Sở Thông tin và Truyền thông Lê Văn Minh trình bày báo cáo."
    ) == [("Lê Văn Minh", "Giám đốc Sở Thông tin và Truyền thông", "presentation")]


def test_title_written_after_the_name_drops_academic_prefixes() -> None:
    text = (
        "Hội nghị đã được Phó Giáo sư, Tiến sỹ Trương Gia Bình, Chủ tịch Hội đồng "
        "Quản trị "
        "Tập đoàn FPT trực tiếp truyền đạt chuyên đề."
    )
    assert speeches(text) == [
        ("Trương Gia Bình", "Chủ tịch Hội đồng Quản trị Tập đoàn FPT", "presentation")
    ]


def test_conclusion_absorbs_the_same_persons_directive_caption() -> None:
    text = (
        "Đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm phát biểu chỉ đạo tại hội nghị.\n"
        "Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm nhấn mạnh, ..."
    )
    assert [k for _, _, k in speeches(text)] == ["conclusion"]


def test_one_person_may_speak_twice_in_different_roles() -> None:
    text = (
        "Phát biểu tham luận tại điểm cầu tỉnh, Phó Chủ tịch UBND tỉnh "
        "Vũ Chí Giang cho biết.\n"
        "Phát biểu chỉ đạo sau hội nghị, Phó Chủ tịch UBND tỉnh Vũ Chí Giang yêu cầu."
    )
    assert [k for _, _, k in speeches(text)] == ["discussion", "directive"]


def test_attendance_list_and_byline_are_not_speeches() -> None:
    text = (
        "Dự hội nghị có các đồng chí: Chẩu Văn Lâm, Bí thư Tỉnh ủy; Lê Thị Kim Dung, "
        "Phó Bí thư Thường trực Tỉnh ủy, Trưởng Ban chỉ đạo chuyển đổi số của tỉnh.\n"
        "CTV Nguyễn Lan"
    )
    assert speeches(text) == []


def test_named_chair_is_the_person_who_chairs() -> None:
    text = (
        "Ngày 10 tháng 12 năm 2021, đồng chí Hồ Quang Bửu, Phó Chủ tịch UBND tỉnh, "
        "chủ trì Hội nghị trực tuyến về chuyển đổi số."
    )
    chair = extract_dict(text)["meeting"]["chair"]
    assert chair == {"name": "Hồ Quang Bửu", "title": "Phó Chủ tịch UBND tỉnh"}


def test_chair_of_one_connection_point_is_not_the_meeting_chair() -> None:
    text = (
        "Chủ trì tại điểm cầu Tập đoàn FPT có Tiến sỹ Trương Gia Bình, "
        "Chủ tịch Tập đoàn.\n"
        "Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy Chẩu Văn Lâm nhấn mạnh, ..."
    )
    assert extract_dict(text)["meeting"]["chair"]["name"] == "Chẩu Văn Lâm"


def test_without_a_named_chair_the_directive_speaker_chairs() -> None:
    text = (
        "Phát biểu chỉ đạo tại cuộc họp, đồng chí Chủ tịch UBND tỉnh Nguyễn Đăng "
        "Bình biểu dương."
    )
    assert extract_dict(text)["meeting"]["chair"]["name"] == "Nguyễn Đăng Bình"


def test_speech_spans_point_at_name_and_verb() -> None:
    from service.extraction import extract

    text = "Phó Chủ tịch UBND tỉnh Hồ Quang Bửu kết luận:"
    found = extract(text).to_dict(spans=True)["speeches"][0]["spans"]
    assert text[slice(*found["name"])] == "Hồ Quang Bửu"
    assert text[slice(*found["kind"])] == "kết luận"
    assert text[slice(*found["title"])] == "Phó Chủ tịch UBND tỉnh"


def test_chair_named_after_an_opening_chu_tri() -> None:
    text = "Chủ trì hội nghị có đồng chí Nguyễn Văn Sơn, Chủ tịch UBND tỉnh."
    chair = extract_dict(text)["meeting"]["chair"]
    assert chair == {"name": "Nguyễn Văn Sơn", "title": "Chủ tịch UBND tỉnh"}


def test_cho_y_kien_chi_dao_is_a_directive() -> None:
    text = "Đồng chí Lê Minh Hoan, Phó Chủ tịch UBND tỉnh cho ý kiến chỉ đạo."
    assert [k for _, _, k in speeches(text)] == ["directive"]
