"""Vietnamese administrative vocabulary the rules read, written lower-case and NFC.

Every entry is in the form the prepared lower-case twin uses (modern tone placement:
``ủy``, ``hòa``), so the rules compare words without caring how a text spells them.
"""

from __future__ import annotations

# Words that open an agency name and need a name after them (Sở Nội vụ, Bộ Tài chính).
NAMED_HEADS = frozenset(
    {
        "sở",
        "bộ",
        "ban",
        "ủy ban",
        "văn phòng",
        "công an",
        "tập đoàn",
        "tổng công ty",
        "công ty",
        "bưu điện",
        "đài",
        "báo",
        "trường",
        "trung tâm",
        "hội",
        "liên đoàn",
        "liên minh",
        "cục",
        "chi cục",
        "tổng cục",
        "ngân hàng",
        "kho bạc",
        "viện",
        "bệnh viện",
        "đảng ủy",
        "đảng đoàn",
        "mặt trận",
        "bộ chỉ huy",
        "thanh tra",
        "tòa án",
        "viện kiểm sát",
        "chi nhánh",
        "hội đồng",
        "thường trực",
        "đoàn",
        "phòng",
        "học viện",
        "đại học",
        "tổ",
        "khối",
        "bộ đội biên phòng",
        "hợp tác xã",
    }
)

# Agency names complete in themselves (UBND, Tỉnh ủy, Viettel); they may take a place.
STANDALONE_HEADS = frozenset(
    {
        "ubnd",
        "hđnd",
        "ủy ban nhân dân",
        "hội đồng nhân dân",
        "tỉnh ủy",
        "thành ủy",
        "huyện ủy",
        "thị ủy",
        "quận ủy",
        "đảng ủy",
        "tỉnh đoàn",
        "thành đoàn",
        "chính phủ",
        "viettel",
        "vnpt",
        "mobifone",
        "fpt",
        "vnpost",
        "bch",
        "bcđ",
        "ubmttq",
        "ban chỉ đạo",
        "ban điều hành",
        "ban thường vụ",
        "ban chấp hành",
        "ban cán sự",
        "ban quản lý",
        "ban tuyên giáo",
        "ban tổ chức",
        "ban dân vận",
        "ban nội chính",
        "tổ công tác",
        "tổ giúp việc",
        "tổ công nghệ số cộng đồng",
        "văn phòng ubnd",
        "văn phòng hđnd",
        "công an tỉnh",
        "vp ubnd",
        "evn",
    }
)

# People acting as an office (Thủ trưởng các sở, Chủ tịch UBND các huyện).
ROLE_HEADS = frozenset(
    {"thủ trưởng", "giám đốc", "chủ tịch", "người đứng đầu", "lãnh đạo"}
)

# Plural nouns for kinds of bodies: "các sở, ngành", "sở, ngành, địa phương".
CATEGORIES = frozenset(
    {
        "sở",
        "ban",
        "ngành",
        "bộ",
        "cơ quan",
        "đơn vị",
        "địa phương",
        "huyện",
        "xã",
        "phường",
        "thị trấn",
        "thị xã",
        "thành phố",
        "quận",
        "cấp ủy",
        "chính quyền",
        "thành viên",
        "tổ chức",
        "đoàn thể",
        "hội",
        "sở ngành",
        "ban ngành",
        "bộ ngành",
        "tổ công tác",
        "trường",
        "phòng",
        "cơ sở",
        "ủy ban",
        "tổ chức chính trị - xã hội",
        "cơ quan chuyên môn",
        "phòng, ban",
    }
)

# Plural nouns that continue a list ("cơ quan, doanh nghiệp") but never open one:
# "các doanh nghiệp ..." in a speech is rarely an addressee of a directive.
ATTACH_ONLY = frozenset({"doanh nghiệp", "người dân", "nhân dân", "tổ chức, cá nhân"})

# Lower-case words that continue an agency name (UBND tỉnh, UBND các huyện, ...).
COMPLEMENTS = frozenset(
    {
        "tỉnh",
        "huyện",
        "thành phố",
        "thị xã",
        "xã",
        "phường",
        "thị trấn",
        "quận",
        "các huyện",
        "các xã",
        "các phường",
        "các quận",
        "các thị xã",
        "cấp tỉnh",
        "cấp huyện",
        "cấp xã",
        "liên quan",
        "có liên quan",
        "thành viên",
        "trực thuộc",
        "tư vấn",
        "chuyển đổi số",
        "đảng",
        "nhân dân",
        "cổ phần",
        "chi nhánh",
        "viễn thông",
        "khối",
        "chuyên môn",
        "chuyên trách",
        "ngành",
        "quốc gia",
        "nhà nước",
        "trung ương",
        "chính quyền điện tử",
        "chính quyền số",
        "công nghệ số cộng đồng",
        "thường trực",
        "các cấp",
        "quân sự",
        "biên phòng",
        "cơ quan",
        "nông thôn",
        "vận tải",
        "cộng đồng",
        "thông minh",
        "thị trường",
        "xã hội",
        "công nghệ cộng đồng",
    }
)

# Enterprises and central bodies: a "Đề nghị" to them is a request, not an order.
OUTSIDE_PARTY_HEADS = frozenset(
    {
        "tập đoàn",
        "tổng công ty",
        "công ty",
        "viettel",
        "vnpt",
        "mobifone",
        "fpt",
        "vnpost",
        "bưu điện",
        "ngân hàng",
        "chi nhánh",
        "doanh nghiệp",
        "bộ",
        "chính phủ",
        "evn",
        "vietnam post",
        "hợp tác xã",
    }
)

# Verbs whose object is the agency that must act.
DIRECTIVE_VERBS = ("giao", "yêu cầu", "đề nghị", "chỉ đạo", "phân công", "ủy quyền")

# A subject followed by these is telling what happened, not being told what to do.
NARRATIVE_MARKERS = frozenset({"đã", "vừa", "được", "đang", "từng", "bị", "mới"})

# Words that cannot follow an agency subject that is about to receive a task.
NOT_A_TASK_VERB = frozenset(
    {
        "để",
        "của",
        "là",
        "và",
        "với",
        "cho",
        "thì",
        "mà",
        "như",
        "hoặc",
        "hay",
        "nhằm",
        "về",
        "tại",
        "theo",
        "trong",
        "từ",
        "đến",
        "ở",
        "do",
        "bởi",
        "qua",
        "cùng",
        "này",
        "đó",
        "nói",
        "ra",
        "nào",
    }
)

# Report verbs: "Sở X cho biết/trình bày ..." describes a meeting, it assigns nothing.
REPORTAGE_VERBS = (
    "công bố",
    "cho biết",
    "thông báo",
    "trình bày",
    "phát biểu",
    "nêu",
    "tham luận",
    "trao đổi",
    "thảo luận",
    "đề xuất",
    "kiến nghị",
    "nhấn mạnh",
    "khẳng định",
    "biểu dương",
    "ghi nhận",
    "đánh giá cao",
    "dự",
    "tham dự",
    "cho rằng",
    "giới thiệu",
    "tiếp thu ý kiến",
    "thông tin",
    "chia sẻ",
    "lưu ý",
)

# Report verbs that still give a task when the clause carries a deadline.
REPORTAGE_UNLESS_DEADLINE = ("báo cáo", "ban hành", "tổ chức", "triển khai")

# Sentence openers that carry the previous subject into a new task.
SEQUENCE_CONNECTORS = (
    "đồng thời",
    "sau đó",
    "tiếp đó",
    "tiếp theo",
    "tiếp đến",
    "ngoài ra",
    "bên cạnh đó",
    "cùng với đó",
    "sau khi hoàn thành",
)

# Openers skipped before a subject ("Theo đó, Sở X ...").
OPENERS = SEQUENCE_CONNECTORS + (
    "theo đó",
    "từ đó",
    "trong đó",
    "riêng",
    "mặt khác",
    "cụ thể",
    "trước mắt",
    "đặc biệt",
    "trên cơ sở đó",
    "để thực hiện",
)

# Openers that mark a sentence as background reporting.
NARRATIVE_OPENERS = (
    "được biết",
    "trước đó",
    "trước đây",
    "thời gian qua",
    "theo báo cáo",
    "theo đánh giá",
    "qua đó",
    "kết quả",
    "nguồn",
    "ảnh",
)

# Speech verbs and the kind of speech each names (seeds README reading rules).
SPEECH_VERBS: tuple[tuple[str, str], ...] = (
    ("phát biểu khai mạc", "opening"),
    ("phát biểu chỉ đạo", "directive"),
    ("phát biểu kết luận", "conclusion"),
    ("phát biểu tham luận", "discussion"),
    ("phát biểu ý kiến", "discussion"),
    ("phát biểu", "speech"),
    ("khai mạc", "opening"),
    ("trình bày", "presentation"),
    ("truyền đạt", "presentation"),
    ("quán triệt", "presentation"),
    ("phổ biến", "presentation"),
    ("báo cáo", "presentation"),
    ("tham luận", "discussion"),
    ("cho ý kiến", "discussion"),
    ("nêu ý kiến", "discussion"),
    ("ý kiến", "discussion"),
    ("thảo luận", "discussion"),
    ("trao đổi", "discussion"),
    ("chỉ đạo", "directive"),
    ("kết luận", "conclusion"),
)

# Verbs that end the search for a speaker's speech verb ("X nhấn mạnh, ...").
SPEAKER_BLOCKERS = (
    "nhấn mạnh",
    "cho biết",
    "yêu cầu",
    "đề nghị",
    "khẳng định",
    "chủ trì",
    "dự",
    "tham dự",
    "cho rằng",
    "biểu dương",
    "ghi nhận",
    "giao",
    "đánh giá",
    "chúc mừng",
    "thăm",
    "làm việc",
    "tặng",
    "trao",
)

# Common Vietnamese family names (Kinh and northern minorities), lower-case.
SURNAMES = frozenset(
    ["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý", "đinh", "trương", "lâm", "mai", "hà", "lương", "đoàn", "trịnh", "tô", "tạ", "cao", "châu", "lưu", "hứa", "quách", "đào", "thái", "la", "triệu", "kiều", "nông", "lò", "sùng", "giàng", "hầu", "ma", "vương", "lục", "ninh", "âu", "chu", "chẩu", "đàm", "bế", "lộc", "tăng", "tống", "từ", "khổng", "khúc", "lại", "lã", "lữ", "mạc", "nghiêm", "phùng", "quan", "thân", "thạch", "tôn", "vi", "phí", "nhữ", "diệp", "doãn", "giáp", "hàn", "khương", "khuất", "liêu", "mẫn", "cầm", "sầm", "cù", "đậu", "ông", "vy", "tiêu", "lò", "lường", "quàng", "tòng", "mông", "thào", "vàng", "mùa", "hờ", "tráng", "bạch", "bàn", "chử", "đồng", "lạc", "trình", "uông", "hạ", "viên"]
)

# Words that open a person's title; a name never contains them.
TITLE_OPENERS = frozenset(
    {"phó", "chủ", "bí", "giám", "trưởng", "thủ", "tổng", "ủy", "bộ", "thứ", "đồng"}
)

# Lower-case words that may sit inside a title before a name (Chủ tịch UBND tỉnh).
TITLE_WORDS = frozenset(
    ["tịch", "thư", "tướng", "trưởng", "viên", "đốc", "nhiệm", "tỉnh", "huyện", "thành", "phố", "thị", "xã", "ủy", "trực", "thường", "chính", "phủ", "nhân", "dân", "đảng", "bộ", "ban", "sở", "quản", "trị", "hội", "đồng", "tập", "đoàn", "tổng", "biên", "cấp", "chỉ", "đạo", "chuyển", "đổi", "số", "phó", "thứ", "giám", "văn", "phòng", "trung", "ương", "quốc", "gia", "công", "ty", "an", "hành", "chấp", "vụ", "lãnh", "sự", "cán", "khối", "quận", "phường"]
)

# Academic and courtesy prefixes dropped from a title (PGS, TS, Tiến sỹ).
ACADEMIC = frozenset(
    {
        "pgs",
        "ts",
        "gs",
        "ths",
        "bs",
        "ks",
        "ls",
        "ncs",
        "tiến sỹ",
        "tiến sĩ",
        "giáo sư",
        "phó giáo sư",
        "thạc sĩ",
        "thạc sỹ",
        "bác sĩ",
        "kỹ sư",
        "pgs.ts",
        "gs.ts",
        "đồng chí",
        "ông",
        "bà",
        "anh",
        "chị",
    }
)

# Lower-case nouns of documents an approval ("thông qua ...") names.
APPROVABLE = (
    "kế hoạch",
    "dự thảo",
    "đề án",
    "nghị quyết",
    "quy chế",
    "chương trình",
    "danh mục",
    "báo cáo",
    "tờ trình",
    "quyết định",
    "dự án",
    "quy định",
    "phương án",
    "chiến lược",
    "bộ chỉ số",
    "khung",
    "hướng dẫn",
)

# Words naming a meeting, used for the title and the meeting date.
MEETING_WORDS = (
    "hội nghị",
    "cuộc họp",
    "phiên họp",
    "buổi làm việc",
    "hội thảo",
    "tọa đàm",
    "phiên",
    "họp",
)
