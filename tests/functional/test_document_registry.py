"""The document registry over HTTP: every document the system knows, with what
links to it by relation; a completion's report is one, and lineage reaches it."""

from __future__ import annotations

from typing import Any

from tests.functional.support import Api, OpenMeeting
from tests.functional.test_assignments import BASE, issue

DOCUMENTS = "/api/v1/documents"
LETTER = {"kind": "Công văn", "number": "301/UBND-KGVX", "date": "2022-01-12"}
NOTICE = {"kind": "Thông báo", "number": "25/TB-UBND", "date": "2021-12-15"}
PLAN = {"kind": "Kế hoạch", "number": "45/KH-UBND"}
REPORT = {"kind": "Báo cáo", "number": "15/BC-STTTT", "date": "2022-02-20"}
RELATIONS = {
    "cited_by",
    "origin_of",
    "authorised",
    "approved_at",
    "notice_of",
    "evidence_for",
}


def unique(api: Api, document: dict[str, str]) -> dict[str, str]:
    """``document`` with a number of this test's own (tests share a database)."""
    kind, _, rest = document["number"].partition("/")
    return {**document, "number": f"{kind}-{api.token}/{rest}"}


def registered(api: Api, document: dict[str, str]) -> dict[str, Any]:
    """The registry's entry for ``document`` (read after projecting)."""
    return api.read(f"{DOCUMENTS}/{document['number']}")


def links(api: Api, document: dict[str, str], relation: str) -> list[dict[str, Any]]:
    """What links to ``document`` by ``relation``."""
    entry = registered(api, document)
    assert set(entry["links"]) == RELATIONS
    found: list[dict[str, Any]] = entry["links"][relation]
    return found


def concluded(api: Api) -> tuple[OpenMeeting, str]:
    meeting = api.open_meeting()
    [assignment_id] = api.conclude(meeting)
    return meeting, assignment_id


def test_a_letter_that_authorised_an_extension_is_registered_as_authorising(
    api: Api,
) -> None:
    meeting, assignment_id = concluded(api)
    letter = unique(api, LETTER)
    grant = {
        "deadline": "2099-12-31",
        "authority": {"document": letter},
        "reason": "Đồng ý gia hạn",
    }
    api.ok(f"{BASE}/{assignment_id}/extensions", grant)
    entry = registered(api, letter)
    assert (entry["kind"], entry["date"]) == ("Công văn", "2022-01-12")
    assert entry["cited_by"] == []
    [link] = entry["links"]["authorised"]
    assert link["kind"] == "assignment" and link["id"] == assignment_id
    assert link["change"] == "extends"
    assert link["status"] == "in_progress"
    assert link["committee_id"] == meeting.committee_id
    assert link["title"] == "Xây dựng kế hoạch chuyển đổi số năm 2022"


def test_each_authorised_change_is_named(api: Api) -> None:
    meeting, assignment_id = concluded(api)
    letter = unique(api, LETTER)
    by_letter = {"authority": {"document": letter}, "reason": "Theo Công văn"}
    path = f"{BASE}/{assignment_id}"
    api.ok(f"{path}/reassignments", {**by_letter, "lead": [meeting.finance_id]})
    replacement = issue(api, [meeting.finance_id])
    api.ok(f"{path}/supersede", {**by_letter, "by_assignment_id": replacement})
    changes = [link["change"] for link in links(api, letter, "authorised")]
    assert changes == ["reassigns", "supersedes"]
    other = issue(api, [meeting.finance_id])
    api.ok(f"{BASE}/{other}/cancel", by_letter)
    assert [link["change"] for link in links(api, letter, "authorised")][-1] == (
        "cancels"
    )


def test_a_published_notice_is_registered_as_the_notice_of_its_meeting(
    api: Api,
) -> None:
    meeting, _ = concluded(api)
    notice = unique(api, NOTICE)
    api.ok(f"/api/v1/meetings/{meeting.meeting_id}/notice", notice)
    [link] = links(api, notice, "notice_of")
    assert link == {
        "kind": "meeting",
        "id": meeting.meeting_id,
        "title": "Hội nghị trực tuyến về chuyển đổi số",
        "committee_id": meeting.committee_id,
        "status": None,
        "change": None,
        "agency_id": None,
    }


def test_an_approved_plan_is_registered_as_approved_at_its_meeting(api: Api) -> None:
    meeting = api.open_meeting()
    plan = unique(api, PLAN)
    body = {"title": "Kế hoạch chuyển đổi số năm 2022", "document": plan}
    api.created(f"/api/v1/meetings/{meeting.meeting_id}/approvals", body)
    [link] = links(api, plan, "approved_at")
    assert (link["kind"], link["id"]) == ("meeting", meeting.meeting_id)


def test_cited_and_issuing_documents_keep_their_relations(api: Api) -> None:
    lead = api.agency("Sở Nội vụ")
    cited = unique(api, {"kind": "Nghị quyết", "number": "04-NQ/TU"})
    assignment_id = issue(api, [lead], documents=[cited])
    [citing] = links(api, cited, "cited_by")
    assert citing["id"] == assignment_id
    assert [a["id"] for a in registered(api, cited)["cited_by"]] == [assignment_id]
    [issuing] = links(api, {"number": "123/QĐ-UBND"}, "origin_of")[-1:]
    assert issuing["kind"] == "assignment"


def test_a_completion_names_the_report_that_proves_it(api: Api) -> None:
    meeting, assignment_id = concluded(api)
    report = unique(api, REPORT)
    done = {
        "agency_id": meeting.department_id,
        "evidence": "Đã ban hành Kế hoạch chuyển đổi số năm 2022",
        "completed_on": "2022-02-20",
        "document": report,
    }
    api.ok(f"{BASE}/{assignment_id}/completions", done)
    [completion] = api.get(f"{BASE}/{assignment_id}").get_json()["completions"]
    assert completion["document"] == {**report, "issuer": None, "title": None}
    [link] = links(api, report, "evidence_for")
    assert (link["id"], link["agency_id"]) == (assignment_id, meeting.department_id)
    assert link["status"] == "done_on_time"
    # Lineage: down from the task reaches the report; up from the report, the task.
    down = api.read(f"/api/v1/lineage/assignment/{assignment_id}", direction="down")
    report_key = f"document:{report['number'].upper()}"
    assert report_key in {node["key"] for node in down["nodes"]}
    assert {"src": report_key, "dst": f"assignment:{assignment_id}"}.items() <= next(
        edge for edge in down["edges"] if edge["edge"] == "proves"
    ).items()
    up = api.read(f"/api/v1/lineage/document/{report['number']}", direction="up")
    assert f"assignment:{assignment_id}" in {node["key"] for node in up["nodes"]}


def test_a_completion_without_a_document_still_works(api: Api) -> None:
    meeting, assignment_id = concluded(api)
    done = {"agency_id": meeting.department_id, "evidence": "Báo cáo miệng"}
    api.ok(f"{BASE}/{assignment_id}/completions", done)
    [completion] = api.get(f"{BASE}/{assignment_id}").get_json()["completions"]
    assert completion["document"] is None


def test_the_list_counts_links_by_relation(api: Api) -> None:
    meeting, _ = concluded(api)
    notice = unique(api, NOTICE)
    api.ok(f"/api/v1/meetings/{meeting.meeting_id}/notice", notice)
    api.project()
    found: dict[str, Any] | None = None
    cursor = None
    while found is None:
        page = api.get(DOCUMENTS, limit=100, **({"cursor": cursor} if cursor else {}))
        body = page.get_json()
        key = notice["number"].upper()
        found = next((d for d in body["items"] if d["key"] == key), None)
        cursor = body["next_cursor"]
        assert found is not None or cursor is not None
    assert found["citing"] == 0
    assert found["links"] == {relation: 0 for relation in RELATIONS} | {"notice_of": 1}
