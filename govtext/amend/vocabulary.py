"""The words of amendment instruments, as data: verbs, units, separators, unit parts, repairs.

The grammar (:mod:`govtext.amend.grammar`) builds its clause patterns from these
tables; a new synonym is a row here, not a new pattern.  Numerals are read by
:mod:`govtext.numerals` (one numerals module).
"""

from __future__ import annotations

from govtext.numerals import CN_DIGITS

CN = f"[{CN_DIGITS}]+"
NUM = rf"(?:{CN}|[0-9０-９]+)"  # 第12条, 第１２条 (full-width digits in scraped texts)

# Verbs, each with the spellings drafters use.
VERBS = {
    "modify": ("修改为", "修订为"),
    # a new number (改为第十条) or a count (改为两条); 调整为 and 宪法's 相应改为 say the same
    "change": ("改为", "调整为", "相应改为"),
    "add": ("增加", "增写", "新增", "增设"),
    "delete": ("删去", "删除"),
    "merge": ("合并",),
    "split": ("分为", "拆分为"),
    "detach": ("单作", "单列", "单独作为"),
    "move": ("移至", "移到", "调至"),
    "join": ("并入",),
    "include": ("列入", "包括"),
    "as": ("作为",),
}

# Units of a law and what the applier calls them.
UNITS = {"编": "book", "章": "chapter", "节": "section", "条": "article", "款": "clause", "项": "point", "目": "subpoint"}

# What joins the members of a list of targets or quotes.
LIST_SEPARATORS = ("以及", "、", "和", "及", "与")  # 第六条与第七条合并 (court style)
# What separates clauses of an item.
CLAUSE_SEPARATORS = r"(?:[，。；：;:,、\s]|并(?=将|删|增加|在|修改)|同时)+"

# References to the unit the item is already talking about.
SAME_ARTICLE = ("该条", "本条", "同条")
SAME_UNIT = ("该款", "该项", "该目", "本款", "本项")
# Words before 中的 that name the whole law: replacement throughout.
WHOLE_LAW = ("本法", "本解释", "本条例", "本规定", "本办法", "本细则", "本规则", "全文", "条文")

# How a law's name ends: a package's sub-heading that is a bare name (（一）示范省城市供水管理办法) names a law.
LAW_KINDS = ("法", "条例", "办法", "规定", "细则", "规则", "解释", "规范", "章程")
# Who signs the decree publishing a decision (总理　李克强, 部长　…): the line is the decree's, not an item's.
SIGNATORIES = ("总理", "部长", "主任", "局长", "署长", "行长", "主席", "省长", "市长", "区长", "州长", "县长", "院长", "检察长")

# Parts of a unit an item can modify.  Keys are what drafters write; values the part's kind.
UNIT_PARTS = {
    "条首部分": "head", "开头部分": "head", "开始部分": "head", "条首": "head", "序言部分": "head",
    "末尾": "end", "结尾部分": "end",
}

# Parts of the whole text outside the articles.
TEXT_PARTS = {"引言": "preamble", "序言": "preamble", "正文第一段": "preamble", "名称": "title", "标题": "title"}

# Which side of the quoted anchor words are inserted: 在“A”后(面)增加 / 在“A”前(面)增加.
SIDES = {"后": "after", "之后": "after", "后面": "after", "以后": "after", "前": "before", "之前": "before",
         "前面": "before"}

# Punctuation named rather than quoted: 将第三项末尾的句号修改为分号 = 将……末尾的“。”修改为“；”.
PUNCTUATION_NAMES = {"句号": "。", "分号": "；", "逗号": "，", "顿号": "、", "冒号": "：", "问号": "？", "叹号": "！",
                     "感叹号": "！"}
# Words after a quote that only say it is words: 删去“……”字样 / 将“……”一词修改为.
QUOTE_SUFFIXES = ("字样", "一词", "等字", "二字", "两字", "三字", "四字", "的表述", "的提法", "的文字")

# Sentences that change no text of the law (matched at the start of a clause; [^…\ue000] keeps them
# from running over a quote: 将第七条修改为：“……”⏎条文顺序作相应调整 is two clauses).
NO_CHANGE = (
    (r"条文中引用[^。\ue000]*?作相应调整", "references to another law follow it (not applied; --check lists them)", False),
    # 条文顺序作相应调整 · 对章、条、款、项序号和顺序作相应调整 · 此外，对相关行政法规中的条文序号作相应调整
    # 此外，对条文顺序和部分文字作相应调整和修改 · 对部分条文的文字和条文顺序作了相应调整 · 条文序号根据本决定作相应调整
    (r"[^。“”\ue000]*?(?:顺序|序号)[^。“”\ue000]*?作(?:了)?(?:相应)?(?:的)?调整[^。]*", "articles renumbered", True),
    (r"对部分条文(?:中的有关表述)?作(?:以下|如下)修改[：:]?", "introduces sub-items", False),
    (r"对《[^》]+》作(?:出|如下)修改[：:]?", "introduces a part", False),
    # 本决定经示范省人民代表大会常务委员会批准后，自……起施行: a city's decision, once the province approves it
    (r"本(?:修正案|决定|规定)(?:经[^。“”\ue000]*?后[，,]?)?自[^。]*施行", "commencement", False),
    # 重新公布 (laws, 地方性法规) or 重新发布 (部门规章)
    (r"[^。\ue000]*根据本决定[^。]*重新(?:公布|发布)", "republication", False),
    (r"[^。“”\ue000]*比照适用[^。“”\ue000]*", "a provision of the decision itself, no text of the law changed", False),
    (rf"对(?:\d+|{CN})(?:部|件|个)[^。]*予以(?:修改|废止)[^。]*", "points at an appendix or a list", False),
    # 废止下列地方性法规: the laws listed under it are repealed, no text of this law changes
    (r"废止下列[^。\ue000]*", "repeals other laws", False),
)

# Source slips repaired before reading (pattern, replacement): 将十一条修改为 (第 missing).
REPAIRS = (
    (rf"(?<=将)({CN})条(?=修改为|改为|中的|第)", r"第\1条"),
    (r"[∶︰﹕]", "："),  # colons of other code points (PDF extraction)
)
# 第四、六条 / 第二、三款 (one 第 for the list) read as 第四条、第六条 — except the paired form
# 第三、四款分别作为第八十一条第二、三款, which a rule reads as it stands.
SHORT_LIST = rf"第((?:{NUM})(?:、(?:{NUM}))+)(条|款|项)(?!分别)"
