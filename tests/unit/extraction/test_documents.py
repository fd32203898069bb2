"""Cited documents: kinds, numbers kept with Vietnamese letters, dates, duplicates."""

from __future__ import annotations

import pytest

from .helpers import extract_dict


def documents(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, number, date) of each cited document."""
    return [
        (d["kind"], d["number"], d["date"])
        for d in extract_dict(text)["documents_cited"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "căn cứ Nghị quyết số 04-NQ/TU ngày 12/04/2021 của Ban Thường vụ Tỉnh ủy",
            ("Nghị quyết", "04-NQ/TU", "2021-04-12"),
        ),
        (
            "theo Quyết định số 1969/QĐ-UBND của UBND tỉnh",
            ("Quyết định", "1969/QĐ-UBND", None),
        ),
        (
            "phổ biến Kế hoạch số 55/KH-UBND, ngày 12-4-2022 của UBND tỉnh",
            ("Kế hoạch", "55/KH-UBND", "2022-04-12"),
        ),
        (
            "thực hiện Thông báo số 215/TB-UBND ngày 12 tháng 10 năm 2023",
            ("Thông báo", "215/TB-UBND", "2023-10-12"),
        ),
        ("quán triệt Chỉ thị số 05-CT/TU của Tỉnh ủy", ("Chỉ thị", "05-CT/TU", None)),
        (
            "theo Công văn số 3587/UBND-KGVX ngày 20/9/2023",
            ("Công văn", "3587/UBND-KGVX", "2023-09-20"),
        ),
        ("theo Nghị định số 13/2023/NĐ-CP", ("Nghị định", "13/2023/NĐ-CP", None)),
        (
            "hướng dẫn tại Thông tư số 03/2023/TT-BTTTT ngày 31/3/2023",
            ("Thông tư", "03/2023/TT-BTTTT", "2023-03-31"),
        ),
        (
            "triển khai Luật số 20/2023/QH15 về giao dịch điện tử",
            ("Luật", "20/2023/QH15", None),
        ),
    ],
)
def test_document_form_is_normalised_to_kind_number_and_date(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert documents(text) == [expected]


def test_document_kind_comes_from_the_number_when_the_text_omits_it() -> None:
    assert documents("Sở Y tế thực hiện nghiêm 06/CT-TTg của Thủ tướng.") == [
        ("Chỉ thị", "06/CT-TTg", None)
    ]


def test_documents_are_deduplicated_and_a_later_mention_supplies_the_date() -> None:
    text = (
        "Hội nghị quán triệt Nghị quyết số 48-NQ/TU của Tỉnh ủy. "
        "Đồng chí phổ biến Nghị quyết số 48-NQ/TU, ngày 15-11-2021 của BCH Đảng bộ "
        "tỉnh."
    )
    assert documents(text) == [("Nghị quyết", "48-NQ/TU", "2021-11-15")]


def test_the_notice_own_number_is_not_a_cited_document() -> None:
    assert (
        documents("ỦY BAN NHÂN DÂN\nSố: 215/TB-UBND\nQuảng Trị, ngày 12/10/2023") == []
    )


def test_document_number_keeps_nfc_vietnamese_letters() -> None:
    decomposed = "theo Quyết định số 12/QD\u0301-UBND"  # a combining accent, not NFC
    number = extract_dict("theo Quyết định số 12/QĐ-UBND")["documents_cited"][0][
        "number"
    ]
    assert number == "12/QĐ-UBND"
    assert extract_dict(decomposed)["documents_cited"][0]["number"].startswith("12/Q")


def test_document_spans_point_at_the_number() -> None:
    text = "căn cứ Kế hoạch số 55/KH-UBND ngày 12/4/2022"
    found = extract_dict_spans(text)["documents_cited"][0]
    start, end = found["spans"]["number"]
    assert text[start:end] == "55/KH-UBND"


def extract_dict_spans(text: str) -> dict[str, object]:
    """``to_dict(spans=True)``."""
    from service.extraction import extract

    return extract(text).to_dict(spans=True)
