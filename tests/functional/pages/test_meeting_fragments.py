"""The meeting page's speeches are rendered once per version, language and zone
(web/pages/fragments.py), and what is kept is never stale nor in another language."""

from __future__ import annotations

from uuid import UUID

from flask import Flask

from tests.functional.pages.conftest import SignIn
from tests.functional.support import Api
from web.pages import fragments


def test_a_kept_speech_list_follows_every_change_and_each_language(
    api: Api, sign_in: SignIn, web_app: Flask
) -> None:
    meeting = api.open_meeting()
    speech_id = api.speech(meeting, kind="directive")
    reader = sign_in("viewer", meeting.committee_id)
    page = f"/meetings/{meeting.meeting_id}"
    first = reader.get(page).get_data(as_text=True)
    assert "Kết luận của đồng chí Chủ tịch UBND tỉnh." in first
    assert reader.get(page).get_data(as_text=True) == first  # kept: the same
    kept = web_app.extensions[fragments.EXTENSION].bodies.cache
    assert [key for key in kept if key[1] == UUID(meeting.meeting_id)]

    english = reader.get(page, query_string={"lang": "en"}).get_data(as_text=True)
    assert ">Details</a>" in english and ">Chi tiết</a>" not in english
    assert ">Chi tiết</a>" in reader.get(page, query_string={"lang": "vi"}).get_data(
        as_text=True
    )

    correction = {"reason": "Sai chính tả", "text": "Chỉ đạo đã đính chính."}
    api.ok(f"/api/v1/meetings/{meeting.meeting_id}/speeches/{speech_id}/corrections",
           correction)  # fmt: skip
    corrected = reader.get(page, query_string={"lang": "vi"}).get_data(as_text=True)
    assert "Chỉ đạo đã đính chính." in corrected
    assert "Đính chính: Sai chính tả" in corrected
    assert ">Bản gốc, đính chính</a>" in corrected

    api.speech(meeting, kind="conclusion")
    grown = reader.get(page, query_string={"lang": "vi"}).get_data(as_text=True)
    assert grown.count('<li class="speech"') == 2

    # As it stood before the correction: that version's list, not today's.
    before = reader.get(page, query_string={"as_of": "2021-12-10T08:30:00+07:00"})
    assert "Chỉ đạo đã đính chính." not in before.get_data(as_text=True)
