"""The directory's lists in the API: committees, agencies and people by a folded
name (``q=so thong tin``), paged by cursor, committees scoped to the reader."""

from __future__ import annotations

from typing import Any

from tests.functional.access_support import account_with_role
from tests.functional.support import Api, problem


def _names(api: Api, path: str, field: str = "name", **query: Any) -> list[str]:
    """Every page of the list (other tests' rows of the same name may fill the
    first ones: a PostgreSQL database is shared by the tests)."""
    names: list[str] = []
    cursor: str | None = None
    while True:
        body = api.read(path, **query, **({"cursor": cursor} if cursor else {}))
        names += [item[field] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return names


def _ours(api: Api, names: list[str]) -> list[str]:
    """This test's rows only (a PostgreSQL database is shared by the tests)."""
    return [name for name in names if name.endswith(api.token)]


def test_agencies_match_a_name_without_diacritics_or_case(api: Api) -> None:
    department = api.name("Sở Thông tin và Truyền thông")
    api.agency("Sở Thông tin và Truyền thông")
    api.agency("Sở Tài chính")
    for typed in ("so thong tin", "SỞ THÔNG TIN", "sở   thông tin"):
        assert _ours(api, _names(api, "/api/v1/agencies", q=typed)) == [department]
    assert _names(api, "/api/v1/agencies", q=f"khong co {api.token}") == []


def test_an_agency_is_found_by_an_alias_and_listed_with_its_aliases(api: Api) -> None:
    alias = api.name("Sở TT&TT Lào Cai")
    api.agency("Sở Thông tin và Truyền thông", aliases=[alias])
    body = api.read("/api/v1/agencies", q=f"so tt&tt lao cai {api.token}")
    [agency] = body["items"]
    assert agency["name"] == api.name("Sở Thông tin và Truyền thông")
    assert alias in agency["aliases"]


def test_people_match_by_name_or_title(api: Api) -> None:
    api.person(api.name("Nguyễn Văn Thắng"), "Giám đốc Sở Tài chính")
    api.person(api.name("Trần Thị Hoa"), "Phó Chủ tịch UBND tỉnh")
    found = _names(api, "/api/v1/people", field="full_name", q="nguyen van")
    assert _ours(api, found) == [api.name("Nguyễn Văn Thắng")]
    found = _names(api, "/api/v1/people", field="full_name", q="pho chu tich")
    assert _ours(api, found) == [api.name("Trần Thị Hoa")]
    [person] = api.read("/api/v1/people", q=f"tran thi hoa {api.token}")["items"]
    assert person["title"] == "Phó Chủ tịch UBND tỉnh"
    assert set(person) == {"id", "full_name", "title", "agency_id"}


def test_a_list_pages_by_cursor_through_every_row_once_by_folded_name(
    api: Api,
) -> None:
    for name in (
        "Sở Y tế",
        "Sở Xây dựng",
        "Sở Giáo dục",
        "Sở Công Thương",
        "Sở Nội vụ",
    ):
        api.agency(name)
    api.project()
    seen: list[str] = []
    cursor: str | None = None
    while True:
        query = {"q": api.token, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = api.get("/api/v1/agencies", **query).get_json()
        assert len(body["items"]) <= 2
        seen += [item["name"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    expected = [
        api.name(n)
        for n in (
            "Sở Công Thương",
            "Sở Giáo dục",
            "Sở Nội vụ",
            "Sở Xây dựng",
            "Sở Y tế",
        )
    ]
    assert seen == expected


def test_a_tampered_cursor_or_an_overlong_filter_is_a_422_naming_it(
    api: Api,
) -> None:
    api.agency("Sở Y tế")
    api.project()
    for path in ("/api/v1/agencies", "/api/v1/people", "/api/v1/committees"):
        body = problem(api.get(path, cursor="bm90LWEtY3Vyc29y"), 422)
        assert "cursor" in body["errors"]
        body = problem(api.get(path, q="x" * 501), 422)
        assert "q" in body["errors"]
    meetings = api.get("/api/v1/meetings", limit=1).get_json()["next_cursor"]
    if meetings is not None:  # another list's cursor is not this one's
        problem(api.get("/api/v1/agencies", cursor=meetings), 422)


def test_committees_are_listed_only_where_the_account_may_read(api: Api) -> None:
    ours = api.committee("Ban Chỉ đạo Chuyển đổi số")
    api.committee("Ban Chỉ đạo Cải cách hành chính")
    application = api.client.application.extensions["steerlog"]
    _id, token = account_with_role(application, "lists.viewer", "viewer", ours)
    api.project()
    headers = {"Authorization": f"Bearer {token}"}
    reader = api.client.application.test_client()
    body = reader.get("/api/v1/committees", headers=headers).get_json()
    assert [item["id"] for item in body["items"]] == [ours]
    body = reader.get(
        "/api/v1/committees", query_string={"q": "cai cach"}, headers=headers
    ).get_json()
    assert body["items"] == []
    everything = _names(api, "/api/v1/committees", q="ban chi dao")
    assert api.name("Ban Chỉ đạo Cải cách hành chính") in everything
    assert api.name("Ban Chỉ đạo Chuyển đổi số") in everything
