"""Vietnamese administrative vocabulary the rules read, written lower-case and NFC.

Every entry is in the form the prepared lower-case twin uses (modern tone placement:
``ủy``, ``hòa``), so the rules compare words without caring how a text spells them.
"""

from __future__ import annotations

# fmt: off

# Words that open an agency name and need a name after them (Sở Nội vụ, Bộ Tài chính).
NAMED_HEADS = frozenset({
    "ban", "báo", "bưu điện", "bệnh viện", "bộ", "bộ chỉ huy", "bộ đội biên phòng",
    "chi cục", "chi nhánh", "công an", "công ty", "cục", "học viện", "hội", "hội đồng",
    "hợp tác xã", "kho bạc", "khối", "liên minh", "liên đoàn", "mặt trận", "ngân hàng",
    "phòng", "sở", "thanh tra", "thường trực", "trung tâm", "trường", "tòa án",
    "tập đoàn", "tổ", "tổng công ty", "tổng cục", "viện", "viện kiểm sát", "văn phòng",
    "đoàn", "đài", "đại học", "đảng đoàn", "đảng ủy", "ủy ban",
})

# Agency names complete in themselves (UBND, Tỉnh ủy, Viettel); they may take a place.
STANDALONE_HEADS = frozenset({
    "ban chấp hành", "ban chỉ đạo", "ban cán sự", "ban dân vận", "ban nội chính",
    "ban quản lý", "ban thường vụ", "ban tuyên giáo", "ban tổ chức", "ban điều hành",
    "quý cơ quan", "quý đơn vị", "lực lượng chức năng",
    "bch", "bcđ", "chính phủ", "công an tỉnh", "evn", "fpt", "huyện ủy", "hđnd",
    "hội đồng nhân dân", "mobifone", "quận ủy", "thành đoàn", "thành ủy", "thị ủy",
    "tỉnh đoàn", "tỉnh ủy", "tổ công nghệ số cộng đồng", "tổ công tác", "tổ giúp việc",
    "ubmttq", "ubnd", "viettel", "vnpost", "vnpt", "vp ubnd", "văn phòng hđnd",
    "văn phòng ubnd", "đảng ủy", "ủy ban nhân dân",
    # A city named alone acts as its government ("yêu cầu TPHCM tập trung ...").
    "tphcm", "tp . hcm", "tp hcm", "tp . hồ chí minh", "tp hồ chí minh",
    "thành phố hồ chí minh", "hà nội", "tp hà nội", "tp . hà nội", "thành phố hà nội",
    "hải phòng", "đà nẵng", "cần thơ",
})

# People acting as an office (Thủ trưởng các sở, Chủ tịch UBND các huyện).
ROLE_HEADS = frozenset({
    "bộ trưởng", "chủ tịch", "giám đốc", "lãnh đạo", "người đứng đầu", "thủ trưởng",
    "trưởng ngành",
})

# Plural nouns for kinds of bodies: "các sở, ngành", "sở, ngành, địa phương".
CATEGORIES = frozenset({
    "ban", "ban ngành", "bộ", "bộ ngành", "chính quyền", "cơ quan",
    "cơ quan chuyên môn", "cơ sở", "cấp ủy", "huyện", "hội", "ngành", "phòng",
    "phòng, ban", "phường", "quận", "sở", "sở ngành", "thành phố", "thành viên",
    "thị trấn", "thị xã", "trường", "tổ chức", "tổ chức chính trị - xã hội",
    "tổ công tác", "xã", "đoàn thể", "đơn vị", "địa phương", "ủy ban",
})

# Plural nouns that continue a list ("cơ quan, doanh nghiệp") but never open one:
# "các doanh nghiệp ..." in a speech is rarely an addressee of a directive.
ATTACH_ONLY = frozenset({
    "doanh nghiệp", "người dân", "nhân dân", "tổ chức, cá nhân",
})

# Lower-case words that continue an agency name (UBND tỉnh, UBND các huyện, ...).
COMPLEMENTS = frozenset({
    "biên phòng", "các tỉnh", "lực lượng vũ trang", "ngang bộ", "thuộc chính phủ",
    "chi nhánh", "chuyên môn",
    "chuyên trách", "chuyển đổi số",
    "chính quyền số", "chính quyền điện tử", "các cấp", "các huyện", "các phường",
    "các quận", "các thị xã", "các xã", "có liên quan", "công nghệ cộng đồng",
    "công nghệ số cộng đồng", "cơ quan", "cấp huyện", "cấp tỉnh", "cấp xã", "cổ phần",
    "cộng đồng", "huyện", "khối", "liên quan", "ngành", "nhà nước", "nhân dân",
    "nông thôn", "phường", "quân sự", "quận", "quốc gia", "thành phố", "thành viên",
    "thông minh", "thường trực", "thị trường", "thị trấn", "thị xã", "trung ương",
    "trực thuộc", "tư vấn", "tỉnh", "viễn thông", "vận tải", "xã", "xã hội", "đảng",
    # "các cơ quan thuộc UBND huyện": the bodies under a government
    "thuộc ubnd", "thuộc ủy ban nhân dân",
    # a sector written lower-case after "ngành" ("ngành thông tin và truyền thông")
    "thông tin và truyền thông", "thông tin truyền thông", "y tế", "công thương",
    "giáo dục và đào tạo", "tài nguyên và môi trường", "tài nguyên môi trường",
    "nông nghiệp và phát triển nông thôn", "văn hóa , thể thao và du lịch",
    "lao động - thương binh và xã hội", "giao thông vận tải",
})

# Enterprises and central bodies: a "Đề nghị" to them is a request, not an order.
OUTSIDE_PARTY_HEADS = frozenset({
    "bưu điện", "bộ", "chi nhánh", "chính phủ", "công ty", "doanh nghiệp", "evn", "fpt",
    "hợp tác xã", "mobifone", "ngân hàng", "tập đoàn", "tổng công ty", "vietnam post",
    "viettel", "vnpost", "vnpt",
})

# Verbs whose object is the agency that must act.
DIRECTIVE_VERBS = (
    "giao", "yêu cầu", "đề nghị", "chỉ đạo", "phân công", "ủy quyền", "đồng ý",
)

# A subject followed by these is telling what happened, not being told what to do.
NARRATIVE_MARKERS = frozenset({
    "bị", "mới", "từng", "vừa", "đang", "đã", "được",
})

# Words that cannot follow an agency subject that is about to receive a task.
NOT_A_TASK_VERB = frozenset({
    "bởi", "cho", "cùng", "của", "do", "hay", "hoặc", "là", "mà", "như", "nhằm", "nào",
    "này", "nói", "qua", "ra", "theo", "thì", "trong", "tại", "từ", "và", "về", "với",
    "đó", "đến", "để", "ở",
})

# Report verbs: "Sở X cho biết/trình bày ..." describes a meeting, it assigns nothing.
REPORTAGE_VERBS = (
    "công bố", "cho biết", "thông báo", "trình bày", "phát biểu", "nêu", "tham luận",
    "trao đổi", "thảo luận", "đề xuất", "kiến nghị", "nhấn mạnh", "khẳng định",
    "biểu dương", "ghi nhận", "đánh giá cao", "dự", "tham dự", "cho rằng", "giới thiệu",
    "tiếp thu ý kiến", "thông tin", "chia sẻ", "lưu ý", "có ý kiến", "có thể",
    "diễn ra", "họp", "nghe", "sẽ nghe", "nhận được",
)

# Report verbs that still give a task when the clause carries a deadline.
REPORTAGE_UNLESS_DEADLINE = (
    "báo cáo", "ban hành", "tổ chức",
)

# Verbs that open a task; in a text without numbered items, a sentence opening with
# one right after a task, in the same paragraph, carries that task's addressees on.
ACTION_VERBS = (
    "nâng cao", "tăng cường", "đẩy mạnh", "tiếp tục", "triển khai", "xây dựng",
    "rà soát", "chủ động", "tập trung", "tuyên truyền", "kiểm tra", "hoàn thành",
    "thực hiện", "phối hợp", "đôn đốc", "bảo đảm", "đảm bảo", "nghiên cứu",
    "khẩn trương", "quan tâm", "chú trọng", "kịp thời", "hướng dẫn", "theo dõi",
    "đẩy nhanh", "kiện toàn", "phát huy", "khắc phục", "duy trì",
)

# Sentence openers that carry the previous subject into a new task.
SEQUENCE_CONNECTORS = (
    "đồng thời", "sau đó", "tiếp đó", "tiếp theo", "tiếp đến", "ngoài ra",
    "bên cạnh đó", "cùng với đó", "sau khi hoàn thành",
)

# Openers skipped before a subject ("Theo đó, Sở X ...").
OPENERS = (
    "đồng thời", "sau đó", "tiếp đó", "tiếp theo", "tiếp đến", "ngoài ra",
    "bên cạnh đó", "cùng với đó", "sau khi hoàn thành", "theo đó", "từ đó", "trong đó",
    "riêng", "mặt khác", "cụ thể", "trước mắt", "đặc biệt", "trên cơ sở đó",
    "để thực hiện",
)

# Openers that mark a sentence as background reporting.
NARRATIVE_OPENERS = (
    "được biết", "trước đó", "trước đây", "thời gian qua", "theo báo cáo",
    "theo đánh giá", "qua đó", "kết quả", "nguồn", "ảnh",
    # A past period: what was done in it ("Trong 6 tháng đầu năm, các địa phương ...").
    "trong 6 tháng đầu năm", "6 tháng đầu năm", "trong 9 tháng đầu năm",
    "trong năm qua", "năm qua", "trong tháng qua", "trong thời gian qua",
    "trong quý qua",
    # Lists of who attended or welcomed: names and bodies, never addressees.
    "dự", "tham dự", "cùng dự", "dự và chỉ đạo", "tiếp đoàn", "toàn cảnh",
)

# Narrative openers of attendance lists and photo captions: they block every subject;
# the others ("Qua đó, ...") let one through when a task modal follows it.
ATTENDANCE_OPENERS = (
    "dự", "tham dự", "cùng dự", "dự và chỉ đạo", "tiếp đoàn", "toàn cảnh", "ảnh",
    "nguồn",
)

# Words right after an agency subject that make its clause a task even in a news
# text that has not yet passed on any directive ("Công an tỉnh cần ...").
TASK_MODALS = (
    "cần", "phải", "có trách nhiệm", "chịu trách nhiệm", "chủ trì", "khẩn trương",
    "được giao", "phối hợp",
)

# Verbs that pass a leader's directions on: once one has appeared, the agency
# clauses after it are read as tasks ("UBND tỉnh yêu cầu ... Công an tỉnh bảo đảm").
DIRECTING_WORDS = (
    "giao", "yêu cầu", "đề nghị", "chỉ đạo", "phân công", "kết luận", "lưu ý",
    "nhấn mạnh", "đồng ý cho", "chỉ thị",
)

# Speech verbs and the kind of speech each names (seeds README reading rules).
SPEECH_VERBS: tuple[tuple[str, str], ...] = (
    ("cho ý kiến chỉ đạo", "directive"),
    ("ý kiến chỉ đạo", "directive"),
    ("phát biểu khai mạc", "opening"),
    ("phát biểu mở đầu", "opening"),
    ("dự và chỉ đạo", "directive"),
    ("phát biểu kết thúc", "conclusion"),
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
    "nhấn mạnh", "cho biết", "yêu cầu", "đề nghị", "khẳng định", "chủ trì", "dự",
    "tham dự", "cho rằng", "biểu dương", "ghi nhận", "giao", "đánh giá", "chúc mừng",
    "thăm", "làm việc", "tặng", "trao",
)

# Common Vietnamese family names (Kinh and northern minorities), lower-case.
SURNAMES = frozenset({
    "bàn", "bùi", "bạch", "bế", "cao", "chu", "châu", "chẩu", "chử", "cù", "cầm",
    "diệp", "doãn", "dương", "giàng", "giáp", "hoàng", "huỳnh", "hà", "hàn", "hạ",
    "hầu", "hồ", "hờ", "hứa", "khuất", "khúc", "khương", "khổng", "kiều", "la", "liêu",
    "lâm", "lã", "lê", "lò", "lý", "lưu", "lương", "lường", "lạc", "lại", "lộc", "lục",
    "lữ", "ma", "mai", "mông", "mùa", "mạc", "mẫn", "nghiêm", "nguyễn", "ngô", "nhữ",
    "ninh", "nông", "phan", "phí", "phùng", "phạm", "quan", "quàng", "quách", "sùng",
    "sầm", "thào", "thái", "thân", "thạch", "tiêu", "triệu", "tráng", "trình", "trương",
    "trần", "trịnh", "tòng", "tô", "tôn", "tăng", "tạ", "tống", "từ", "uông", "vi",
    "viên", "vy", "vàng", "võ", "vũ", "vương", "âu", "ông", "đinh", "đoàn", "đàm",
    "đào", "đậu", "đặng", "đồng", "đỗ",
})

# Words that open a person's title; a name never contains them.
TITLE_OPENERS = frozenset({
    "bí", "bộ", "chủ", "giám", "phó", "thủ", "thứ", "trưởng", "tổng", "đồng", "ủy",
})

# Last syllables of a title that a two-word name may follow (Tổng Bí thư Tô Lâm).
TITLE_ENDS = frozenset({"thư", "tịch", "tướng", "trưởng", "đốc", "nhiệm"})

# Lower-case words that may sit inside a title before a name (Chủ tịch UBND tỉnh).
TITLE_WORDS = frozenset({
    "an", "ban", "biên", "bộ", "chuyển", "chính", "chấp", "chỉ", "cán", "công", "cấp",
    "dân", "gia", "giám", "huyện", "hành", "hội", "khối", "lãnh", "nhiệm", "nhân",
    "phòng", "phó", "phường", "phố", "phủ", "quản", "quận", "quốc", "số", "sở", "sự",
    "thành", "thư", "thường", "thị", "thứ", "trung", "trưởng", "trị", "trực", "ty",
    "tướng", "tập", "tỉnh", "tịch", "tổng", "viên", "văn", "vụ", "xã", "đoàn", "đạo",
    "đảng", "đốc", "đồng", "đổi", "ương", "ủy",
})

# Academic and courtesy prefixes dropped from a title (PGS, TS, Tiến sỹ).
ACADEMIC = frozenset({
    "anh", "bs", "bà", "bác sĩ", "chị", "giáo sư", "gs", "gs.ts", "ks", "kỹ sư", "ls",
    "ncs", "pgs", "pgs.ts", "phó giáo sư", "ths", "thạc sĩ", "thạc sỹ", "tiến sĩ",
    "tiến sỹ", "ts", "ông", "đồng chí",
})

# Category nouns that, before a lower-case verb, are a verb themselves:
# "chỉ đạo tổ chức thực hiện" organises, it names no body.
VERB_NOUNS = frozenset({"tổ chức"})

# Lower-case nouns of documents an approval ("thông qua ...") names.
APPROVABLE = (
    "kế hoạch", "dự thảo", "đề án", "nghị quyết", "quy chế", "chương trình", "danh mục",
    "báo cáo", "tờ trình", "quyết định", "dự án", "quy định", "phương án", "chiến lược",
    "bộ chỉ số", "khung", "hướng dẫn",
)

# Words naming a meeting, used for the title and the meeting date.
MEETING_WORDS = (
    "hội nghị", "cuộc họp", "phiên họp", "buổi làm việc", "hội thảo", "tọa đàm",
    "phiên", "họp", "kỳ họp",
)

# Lower-case words that never finish a capitalised name word: function words and the
# first syllables of the verbs that follow a subject ("Sở Y tế chủ trì").
NO_ABSORB = frozenset({
    "và", "các", "của", "để", "chủ", "phối", "tham", "giao", "yêu", "đề", "báo", "cần",
    "có", "đã", "được", "sẽ", "là", "với", "tại", "trong", "cho", "theo", "về",
    "thực", "tổ", "hỗ", "rà", "kiểm", "hướng", "đôn", "khẩn", "tiếp", "tăng",
    "đẩy", "nghiên", "hoàn", "cập", "chỉ", "trình", "xây", "bố", "phải", "không",
    "cũng", "vừa", "đang", "nêu", "trao", "thảo", "phát", "lấy", "đưa", "làm", "nâng",
    "quan", "chịu", "bảo", "duy", "sớm", "khảo", "góp", "chuẩn", "tổng", "ứng", "sử",
    "tập", "thống", "lập", "kịp", "quyết", "ban", "nhằm", "từ", "đến", "do", "bởi",
    "qua", "cùng", "như", "thì", "mà", "hoặc", "hay", "khi", "sau", "trước", "nay",
    "này", "đó", "ở", "ra", "vào", "lên", "gửi", "phụ", "tiến", "tuyên", "vận",
})
# Two-syllable verbs whose first syllable may also end a name word ("Phát triển").
NO_ABSORB_PAIRS = frozenset({
    "triển khai", "thực hiện", "tổ chức", "tham mưu", "phối hợp", "chủ trì",
})
# fmt: on
