"""The five seed texts: key values of their hand readings."""

from __future__ import annotations

import json

import pytest

from .helpers import SEEDS, extract_dict, read

SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _expected(name: str) -> dict[str, object]:
    """The hand reading of a seed."""
    data = json.loads((SEEDS / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_meeting_date_and_chair_match_the_hand_reading(name: str) -> None:
    expected = _expected(name)["meeting"]
    got = extract_dict(read(f"{name}.txt"))["meeting"]
    assert isinstance(expected, dict)
    assert got["date"] == expected["date"]
    chair = expected["chair"]
    assert (got["chair"] or {}).get("name") == (chair or {}).get("name")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_documents_match_the_hand_reading(name: str) -> None:
    expected = _expected(name)["documents_cited"]
    got = extract_dict(read(f"{name}.txt"))["documents_cited"]
    assert [(d["kind"], d["number"], d["date"]) for d in got] == [
        (d["kind"], d["number"], d["date"])
        for d in expected  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_speakers_match_the_hand_reading(name: str) -> None:
    expected = _expected(name)["speeches"]
    got = extract_dict(read(f"{name}.txt"))["speeches"]
    assert sorted((s["speaker"], s["kind"]) for s in got) == sorted(
        (s["speaker"], s["kind"])
        for s in expected  # type: ignore[attr-defined]
    )


def test_quang_nam_items_give_six_tasks_with_deadlines_and_report_to() -> None:
    got = extract_dict(read("quang-nam-2021-12-10-conclusion.txt"))["assignments"]
    assert [a["item"] for a in got] == ["1", "2", "3", "4", "4", "5"]
    assert got[0]["assignees_lead"] == [
        "Các Sở, Ban, ngành",
        "UBND các huyện, thị xã, thành phố",
    ]
    assert got[0]["deadline"] == "2021-12-31"
    assert got[0]["report_to"] == "UBND tỉnh (qua Sở Thông tin và Truyền thông)"
    assert got[1]["deadline"] == "2022-01-15"  # not the 15/7/2021 of the cited decision
    assert got[4]["assignees_lead"] == ["Sở Thông tin và Truyền thông"]
    assert got[5]["kind"] == "request"
    assert got[5]["assignees_lead"] == ["Công ty Cổ phần FPT"]


def test_nghe_an_plan_without_items_numbers_nine_tasks_in_reading_order() -> None:
    got = extract_dict(read("nghe-an-2021-resolution-plan.txt"))["assignments"]
    assert [a["item"] for a in got] == [str(i) for i in range(1, 10)]
    assert got[3]["assignees_lead"] == ["Văn phòng UBND tỉnh"]
    assert got[3]["assignees_coordinating"] == [
        "Sở TT&TT",
        "các sở, ngành, địa phương liên quan",
    ]
    assert (got[3]["deadline"], got[4]["deadline"]) == ("2022-04-15", "2022-05-31")
    assert got[4]["assignees_lead"] == ["Văn phòng UBND tỉnh"]  # "Sau đó" carries it
    assert got[5]["report_to"] == "Sở TT&TT"


def test_tuyen_quang_names_all_connection_points_and_their_count() -> None:
    meeting = extract_dict(read("tuyen-quang-2022-04-22-conference.txt"))["meeting"]
    expected = _expected("tuyen-quang-2022-04-22-conference")["meeting"]
    assert isinstance(expected, dict)
    assert meeting["connection_points"] == expected["connection_points"]
    assert meeting["connection_point_count"] == 160


def test_bac_kan_approvals_and_publication_date_are_read() -> None:
    got = extract_dict(read("bac-kan-2022-03-17-steering-meeting.txt"))
    assert (
        got["approvals"]
        == _expected("bac-kan-2022-03-17-steering-meeting")["approvals"]
    )
    assert got["meeting"]["published"] == "2022-03-17"
    assert got["meeting"]["date"] is None  # a publication date is not a meeting date


def test_vinh_phuc_discussion_request_to_a_ministry_is_not_an_assignment() -> None:
    got = extract_dict(read("vinh-phuc-2022-national-committee-session.txt"))
    leads = [a["assignees_lead"] for a in got["assignments"]]
    assert len(leads) == 5
    assert ["Bộ Thông tin và Truyền thông"] in leads  # the Prime Minister's "giao"
    assert all("cử chuyên gia" not in a["text"] for a in got["assignments"])
