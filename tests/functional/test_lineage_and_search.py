"""Cited documents, lineage walks and search over HTTP, from the read models."""

from __future__ import annotations

from typing import Any

import pytest

from tests.functional.support import Api, OpenMeeting, problem

LINEAGE = "/api/v1/lineage"


def cite(api: Api, meeting: OpenMeeting, *numbers: str) -> str:
    """Conclude with one task citing resolutions; the assignment's id."""
    body = {
        "speech_id": api.speech(meeting),
        "items": [
            {
                "number": "1",
                "text": "Triển khai Nghị quyết về chuyển đổi số.",
                "tasks": [
                    {
                        "title": "Quán triệt Nghị quyết về chuyển đổi số",
                        "lead": [meeting.department_id],
                        "deadline": "2022-01-15",
                        "documents": [
                            {
                                "kind": "Nghị quyết",
                                "number": number,
                                "date": "2021-04-12",
                            }
                            for number in numbers
                        ],
                    }
                ],
            }
        ],
    }
    result = api.ok(f"/api/v1/meetings/{meeting.meeting_id}/conclusion", body)
    return str(result["assignment_ids"][0])


def keys(graph: dict[str, Any]) -> set[str]:
    """The keys of a graph's nodes."""
    return {node["key"] for node in graph["nodes"]}


def test_a_document_reads_by_number_in_any_case_with_its_citations(api: Api) -> None:
    meeting = api.open_meeting()
    number = f"04-NQ/TU{api.token}"
    assignment = cite(api, meeting, number)
    document = api.read(f"/api/v1/documents/{number.lower()}", day="2022-02-01")
    assert document["key"] == number.upper()
    assert document["kind"] == "Nghị quyết" and document["date"] == "2021-04-12"
    [citing] = document["cited_by"]
    assert (citing["id"], citing["status"]) == (assignment, "overdue")
    listed = api.read("/api/v1/documents", limit=200)
    assert any(d["key"] == number.upper() and d["citing"] == 1 for d in listed["items"])


def test_an_uncited_document_is_a_404(api: Api) -> None:
    problem(api.get(f"/api/v1/documents/99-NQ/{api.token}"), 404)


def test_documents_page_with_a_cursor(api: Api) -> None:
    meeting = api.open_meeting()
    cite(api, meeting, f"01-NQ/{api.token}", f"02-NQ/{api.token}")
    page = api.read("/api/v1/documents", limit=1)
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = api.read("/api/v1/documents", limit=1, cursor=page["next_cursor"])
    assert rest["items"] != page["items"]


def test_lineage_up_from_an_assignment_reaches_meeting_speaker_and_document(
    api: Api,
) -> None:
    meeting = api.open_meeting()
    number = f"04-NQ/TU{api.token}"
    assignment = cite(api, meeting, number)
    graph = api.read(f"{LINEAGE}/assignment/{assignment}", direction="up")
    assert {
        f"meeting:{meeting.meeting_id}",
        f"person:{meeting.chair_id}",
        f"point:{meeting.host_point_id}",
        f"committee:{meeting.committee_id}",
        f"item:{meeting.meeting_id}#1",
        f"document:{number.upper()}",
    } <= keys(graph)
    start = graph["nodes"][0]
    assert (start["depth"], start["status"]) == (0, "overdue")
    edges = {(e["src"], e["edge"], e["dst"]) for e in graph["edges"]}
    item = f"item:{meeting.meeting_id}#1"
    assert (f"assignment:{assignment}", "derived_from", item) in edges


def test_lineage_down_from_a_meeting_a_person_and_a_document(api: Api) -> None:
    meeting = api.open_meeting()
    number = f"05-NQ/TU{api.token}"
    assignment = f"assignment:{cite(api, meeting, number)}"
    api.project()
    down = {"direction": "down"}
    assert assignment in keys(
        api.read(f"{LINEAGE}/meeting/{meeting.meeting_id}", **down)
    )
    assert assignment in keys(api.read(f"{LINEAGE}/person/{meeting.chair_id}", **down))
    assert assignment in keys(api.read(f"{LINEAGE}/document/{number.lower()}", **down))
    item = api.read(f"{LINEAGE}/item/{meeting.meeting_id}/1", **down)
    assert assignment in keys(item)


def test_lineage_depth_bounds_the_walk(api: Api) -> None:
    meeting = api.open_meeting()
    assignment = cite(api, meeting, f"06-NQ/TU{api.token}")
    graph = api.read(f"{LINEAGE}/assignment/{assignment}", depth=1)
    assert max(node["depth"] for node in graph["nodes"]) == 1
    assert f"meeting:{meeting.meeting_id}" not in keys(graph)


def test_lineage_of_an_unknown_node_is_a_404(api: Api) -> None:
    api.project()
    unknown = "00000000-0000-4000-8000-000000000000"
    problem(api.get(f"{LINEAGE}/meeting/{unknown}"), 404)
    problem(api.get(f"{LINEAGE}/item/{unknown}/1"), 404)
    problem(api.get(f"{LINEAGE}/document/00-XX/{api.token}"), 404)
    assert api.get(f"{LINEAGE}/digest/{unknown}").status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"direction": "sideways"}, "direction"),
        ({"depth": 13}, "depth"),
        ({"depth": 0}, "depth"),
    ],
)
def test_bad_lineage_arguments_are_422(
    api: Api, query: dict[str, object], field: str
) -> None:
    meeting = api.open_meeting()
    response = api.get(f"{LINEAGE}/meeting/{meeting.meeting_id}", **query)
    assert field in problem(response, 422)["errors"]


def test_search_ignores_diacritics_and_case(api: Api) -> None:
    meeting = api.open_meeting()
    word = f"xã{api.token}"
    body = {
        "speaker_id": meeting.chair_id,
        "kind": "discussion",
        "point_id": meeting.host_point_id,
        "text": f"Đẩy mạnh Chuyển đổi số ở {word} trong năm 2022.",
    }
    speech = api.created(f"/api/v1/meetings/{meeting.meeting_id}/speeches", body)
    api.project()
    found = api.read("/api/v1/search", q=f"CHUYEN DOI SO xa{api.token}")["items"]
    assert [(m["key"], m["kind"]) for m in found] == [(f"speech:{speech}", "speech")]
    assert found[0]["meeting_id"] == meeting.meeting_id
    assert found[0]["body"] == body["text"]


def test_search_ranks_every_kind_and_honours_the_limit(api: Api) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    matches = api.read("/api/v1/search", q="chuyển đổi số", limit=200)["items"]
    mine = {m["kind"] for m in matches if m["meeting_id"] == meeting.meeting_id}
    assert mine == {"item", "assignment"}
    assert len(api.read("/api/v1/search", q="chuyen doi so", limit=1)["items"]) == 1


@pytest.mark.parametrize("q", ["", "   ", "?!"])
def test_search_without_words_is_a_422_on_q(api: Api, q: str) -> None:
    assert "q" in problem(api.get("/api/v1/search", q=q), 422)["errors"]


def test_search_needs_q(api: Api) -> None:
    assert "q" in problem(api.get("/api/v1/search"), 422)["errors"]
