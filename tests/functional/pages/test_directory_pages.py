"""The directory as pages: agencies with aliases and groups, officials by name."""

from __future__ import annotations

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.support import Api


def test_a_secretary_registers_an_agency_and_its_alias(
    api: Api, sign_in: SignIn, projecting: None
) -> None:
    committee = api.committee()
    secretary = sign_in("secretary", committee)
    page = secretary.get("/directory/agencies").get_data(as_text=True)
    name = api.name("Sở Khoa học và Công nghệ")
    response = secretary.post(
        "/directory/agencies",
        data={"csrf_token": csrf_token(page), "name": name, "kind": "department"},
    )
    assert response.status_code == 303
    listed = secretary.get("/directory/agencies", query_string={"q": "so khoa hoc"})
    assert name in listed.get_data(as_text=True)


def test_an_empty_name_gets_a_message_beside_the_field_and_nothing_stored(
    api: Api, sign_in: SignIn
) -> None:
    secretary = sign_in("secretary", api.committee())
    page = secretary.get("/directory/people").get_data(as_text=True)
    response = secretary.post(
        "/directory/people", data={"csrf_token": csrf_token(page), "full_name": " "}
    )
    assert response.status_code == 400
    assert 'id="full_name-error"' in response.get_data(as_text=True)


def test_people_are_found_without_diacritics(api: Api, sign_in: SignIn) -> None:
    api.person("Nguyễn Văn Thắng", "Giám đốc Sở")
    api.project()
    viewer = sign_in("viewer", api.committee())
    html = viewer.get("/directory/people", query_string={"q": "nguyen van"})
    assert "Nguyễn Văn Thắng" in html.get_data(as_text=True)
    page = viewer.get("/directory/people").get_data(as_text=True)
    assert "Đăng ký cán bộ" not in page  # a viewer keeps no directory
