"""The conclusion notice and the minutes, read back by independent readers."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid5

from service.documents.docx_writer import render_docx
from service.documents.minutes import meeting_minutes
from service.documents.notice import Signing, conclusion_notice
from service.documents.pdf_writer import render_pdf
from service.documents.record import meeting_record
from service.run.demo import load_demo
from service.run.demo.loader import DEMO
from service.usecases.steerlog import Steerlog
from tests.integration.documents_support import (
    QUANG_NAM,
    docx_paragraphs,
    flat,
    is_nfc,
    pdf_fonts,
    pdf_text,
    seed_meeting_ids,
)


def test_quang_nam_notice_docx_has_number_date_and_every_item_with_leads_in_order(
    app: Steerlog,
) -> None:
    load_demo(app)
    paragraphs = docx_paragraphs(render_docx(conclusion_notice(app, QUANG_NAM)))
    text = "\n".join(paragraphs)
    assert is_nfc(text)
    assert "UBND TỈNH QUẢNG NAM" in paragraphs
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in paragraphs
    assert "Độc lập - Tự do - Hạnh phúc" in paragraphs
    assert "Số: 25/TB-UBND" in paragraphs
    assert "Quảng Nam, ngày 14 tháng 12 năm 2021" in paragraphs
    assert paragraphs.index("THÔNG BÁO") < paragraphs.index(
        "Kết luận của đồng chí Hồ Quang Bửu, Phó Chủ tịch UBND tỉnh tại Hội nghị trực"
        " tuyến về nâng cao nhận thức về chuyển đổi số cho đội ngũ lãnh đạo các cấp"
        " tỉnh Quảng Nam"
    )
    record = meeting_record(app, QUANG_NAM)
    cursor = 0
    for item in record.items:
        cursor = text.index(f"{item.item.number}. ", cursor)
        for task in item.tasks:
            for lead in record.agencies(task.lead):
                assert lead in text[cursor:]
            cursor = text.index(record.agencies(task.lead)[0], cursor)
    assert text.index("Nơi nhận:") > cursor
    assert "- Lưu: VT, UBND." in paragraphs
    # A deputy signs for the chair: KT. (ký thay), Nghị định 30/2020, Điều 13.
    assert paragraphs[-3:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Quang Bửu"]


def test_quang_nam_notice_pdf_keeps_diacritics_and_embeds_its_fonts(
    app: Steerlog, tmp_path: Path
) -> None:
    load_demo(app)
    pdf = render_pdf(conclusion_notice(app, QUANG_NAM))
    text = flat(pdf_text(pdf, tmp_path))
    assert is_nfc(text)
    for phrase in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 25/TB-UBND",
        "Quảng Nam, ngày 14 tháng 12 năm 2021",
        "THÔNG BÁO",
        "Trương Gia Bình",
        "Sở Thông tin và Truyền thông tỉnh Quảng Nam",
        "thời hạn: trước ngày 31/12/2021",
        "Nơi nhận:",
    ):
        assert phrase in text, phrase
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(
        row[0].split("+")[-1].startswith("Liberation") for row in fonts
    )
    assert all(row[-5] == "yes" for row in fonts)  # the "emb" column


def test_a_signer_given_by_the_secretary_replaces_the_chair(app: Steerlog) -> None:
    load_demo(app)
    signing = Signing(
        name="Nguyễn Văn A", title="Chánh Văn phòng", authority="TL. CHỦ TỊCH"
    )
    paragraphs = docx_paragraphs(
        render_docx(conclusion_notice(app, QUANG_NAM, signing))
    )
    assert paragraphs[-3:] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Văn A"]


def test_every_seed_meeting_gives_a_notice_and_minutes_in_both_formats(
    app: Steerlog, tmp_path: Path
) -> None:
    load_demo(app)
    for meeting_id in seed_meeting_ids():
        record = meeting_record(app, meeting_id)
        notice, minutes = (
            conclusion_notice(app, meeting_id),
            meeting_minutes(app, meeting_id),
        )
        notice_text = "\n".join(docx_paragraphs(render_docx(notice)))
        minutes_text = "\n".join(docx_paragraphs(render_docx(minutes)))
        assert "THÔNG BÁO" in notice_text and "BIÊN BẢN" in minutes_text
        spoken = sorted(record.meeting.speeches.values(), key=lambda s: s.spoken_at)
        places = [
            minutes_text.index(f"{n}. Đồng chí {speech.speaker_name}")
            for n, speech in enumerate(spoken, start=1)
        ]
        assert places == sorted(places)
        for item in record.items:
            assert item.item.text[1:20] in notice_text
        assert "Cuộc họp kết thúc vào" in minutes_text
        assert "THƯ KÝ" in minutes_text and "CHỦ TỌA" in minutes_text
        assert record.meeting.title[:30] in flat(
            pdf_text(render_pdf(minutes), tmp_path)
        )
        assert "THÔNG BÁO" in pdf_text(render_pdf(notice), tmp_path)


def test_a_national_committee_s_draft_notice_is_dated_at_ha_noi_with_blanks(
    app: Steerlog,
) -> None:
    load_demo(app)
    national = uuid5(DEMO, "vinh-phuc-2022-national-committee-session")
    paragraphs = docx_paragraphs(render_docx(conclusion_notice(app, national)))
    assert paragraphs[0] == "ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ"
    assert "Số:       /TB-UBQGCĐS" in paragraphs
    assert "Hà Nội, ngày      tháng      năm 2022" in paragraphs
