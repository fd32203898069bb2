"""The set phrases of Vietnamese administrative documents: dates, places, bodies."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from domain.text import nfc
from domain.values import MeetingFormat, SpeechKind

# Units of local government a jurisdiction is named by ("tỉnh Quảng Nam").
_UNITS = re.compile(
    r"^(tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn)\s+", re.IGNORECASE
)

FORMATS = {
    MeetingFormat.IN_PERSON: "trực tiếp",
    MeetingFormat.ONLINE: "trực tuyến",
    MeetingFormat.HYBRID: "trực tiếp kết hợp trực tuyến",
}

SPEECH_KINDS = {
    SpeechKind.OPENING: "phát biểu khai mạc",
    SpeechKind.PRESENTATION: "trình bày",
    SpeechKind.DISCUSSION: "phát biểu thảo luận",
    SpeechKind.DIRECTIVE: "phát biểu chỉ đạo",
    SpeechKind.CONCLUSION: "kết luận",
}


def upper(text: str) -> str:
    """Capitals as the decree sets the names of bodies, kept in NFC."""
    return nfc(text.upper())


CAPITAL = "Hà Nội"  # where central bodies issue their documents


def place_name(jurisdiction: str) -> str:
    """The place a document is issued at: ``tỉnh Quảng Nam`` → ``Quảng Nam``;
    a body whose jurisdiction is no local unit (``toàn quốc``) issues at Hà Nội."""
    if not _UNITS.match(jurisdiction):
        return CAPITAL
    return _UNITS.sub("", jurisdiction).strip()


def two_digits(number: int) -> str:
    """Days and months below 10 with a leading zero, as the decree asks."""
    return f"{number:02d}"


def date_line(day: date | None, year_hint: int | None = None) -> str:
    """``ngày 14 tháng 12 năm 2021``; a date not yet given leaves blanks to fill."""
    if day is None:
        year = str(year_hint) if year_hint else "      "
        return f"ngày      tháng      năm {year}"
    return f"ngày {two_digits(day.day)} tháng {two_digits(day.month)} năm {day.year}"


def place_and_date(place: str, day: date | None, year_hint: int | None) -> str:
    """``Quảng Nam, ngày 14 tháng 12 năm 2021``."""
    return f"{place}, {date_line(day, year_hint)}"


def time_of_day(moment: datetime) -> str:
    """``08 giờ 00``."""
    return f"{two_digits(moment.hour)} giờ {two_digits(moment.minute)}"


def short_date(day: date) -> str:
    """``31/12/2021``."""
    return f"{two_digits(day.day)}/{two_digits(day.month)}/{day.year}"


_LITTLE_WORDS = {"về", "và", "của", "cho", "các", "tại", "trong"}


def body_code(name: str) -> str:
    """The abbreviation of a body in a number's code: ``Ban Chỉ đạo`` → ``BCĐ``,
    ``Ủy ban Quốc gia về chuyển đổi số`` → ``UBQGCĐS`` (initials of its words but
    the little ones, without tone marks; Đ stays Đ)."""
    words = [w for w in re.split(r"\s+", name) if w]
    if len(words) >= 3 and words[0].lower() == "ban" and words[1].lower() == "chỉ":
        return "BCĐ"
    if words and words[0].upper() == "UBND":
        return "UBND"
    named = [w for w in words if w.lower() not in _LITTLE_WORDS] or words
    return "".join(_bare(w[0]) for w in named[:8]).upper()


def _bare(letter: str) -> str:
    """A letter without its tone and vowel marks (``Ủ`` → ``U``), ``Đ`` kept."""
    if letter in "Đđ":
        return letter
    return unicodedata.normalize("NFD", letter)[0]


def committee_bodies(name: str, jurisdiction: str) -> tuple[str | None, str]:
    """The governing and issuing bodies of a committee's own documents.

    ``Ban Chỉ đạo Chuyển đổi số tỉnh Quảng Nam`` of ``tỉnh Quảng Nam`` issues as
    ``UBND TỈNH QUẢNG NAM`` / ``BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ``; a committee whose
    jurisdiction is no unit of local government has no governing line.
    """
    own = name
    if name.lower().endswith(jurisdiction.lower()):
        own = name[: -len(jurisdiction)].strip(" ,-")
    if _UNITS.match(jurisdiction):
        return upper(f"UBND {jurisdiction}"), upper(own)
    return None, upper(own)


def issuer_bodies(issuer: str) -> tuple[str | None, str]:
    """A notice issued by another body (``UBND tỉnh Quảng Nam``) under its name."""
    return None, upper(issuer)


_BODY_IN_TITLE = re.compile(r"\s+(UBND|HĐND|Ủy ban|Uỷ ban|Ban|Bộ|Sở)\b.*$")


def signing_position(title: str) -> tuple[str, str | None]:
    """The position a signer signs as, and the ``KT.`` line a deputy signs under.

    ``Phó Chủ tịch UBND tỉnh`` signs as ``PHÓ CHỦ TỊCH`` under ``KT. CHỦ TỊCH``
    (ký thay, Nghị định 30/2020, Điều 13); the body is named in the header.
    """
    position = upper(_BODY_IN_TITLE.sub("", title).strip()) if title else ""
    if position.startswith("PHÓ ") and len(position) > 4:
        return position, f"KT. {position[4:]}"
    return position, None
