"""The words of amendment instruments, as data: verbs, units, separators, unit parts, repairs.

The grammar (:mod:`govtext.amend.grammar`) builds its clause patterns from these
tables; a new synonym is a row here, not a new pattern.  Numerals are read by
:mod:`govtext.numerals` (one numerals module).
"""

from __future__ import annotations

from govtext.numerals import CN_DIGITS

CN = f"[{CN_DIGITS}]+"
NUM = rf"(?:{CN}|[0-9]+)"

# Verbs, each with the spellings drafters use.
VERBS = {
    "modify": ("修改为", "修订为"),
    "change": ("改为",),          # a new number (改为第十条) or a count (改为两条)
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
LIST_SEPARATORS = ("以及", "、", "和", "及")
# What separates clauses of an item.
CLAUSE_SEPARATORS = r"(?:[，。；：;:,、\s]|并(?=将|删|增加|在)|同时)+"

# References to the unit the item is already talking about.
SAME_ARTICLE = ("该条", "本条", "同条")
SAME_UNIT = ("该款", "该项", "该目", "本款", "本项")
# Words before 中的 that name the whole law: replacement throughout.
WHOLE_LAW = ("本法", "本解释", "本条例", "本规定", "本办法", "本细则", "本规则", "全文", "条文")

# Parts of a unit an item can modify.  Keys are what drafters write; values the part's kind.
UNIT_PARTS = {
    "条首部分": "head", "开头部分": "head", "开始部分": "head", "条首": "head", "序言部分": "head",
    "末尾": "end", "结尾部分": "end",
}

# Parts of the whole text outside the articles.
TEXT_PARTS = {"引言": "preamble", "序言": "preamble", "正文第一段": "preamble", "名称": "title", "标题": "title"}

# Sentences that change no text of the law (matched at the start of a clause).
NO_CHANGE = (
    (r"条文中引用[^。]*?作相应调整", "references to another law follow it (not applied; --check lists them)", False),
    # 条文顺序作相应调整 · 对章、条、款、项序号和顺序作相应调整 · 此外，对相关行政法规中的条文序号作相应调整
    (r"[^。“”]*?(?:顺序|序号)(?:和顺序)?作相应(?:的)?调整[^。]*", "articles renumbered", True),
    (r"对部分条文(?:中的有关表述)?作(?:以下|如下)修改[：:]?", "introduces sub-items", False),
    (r"对《[^》]+》作(?:出|如下)修改[：:]?", "introduces a part", False),
    (r"本(?:修正案|决定|规定)自[^。]*施行", "commencement", False),
    (r"[^。]*根据本决定[^。]*重新公布", "republication", False),
    (r"[^。“”]*比照适用[^。“”]*", "a provision of the decision itself, no text of the law changed", False),
    (r"对\d+部[^。]*予以(?:修改|废止)[^。]*", "points at an appendix", False),
)

# Source slips repaired before reading (pattern, replacement): 将十一条修改为 (第 missing).
REPAIRS = (
    (rf"(?<=将)({CN})条(?=修改为|改为|中的|第)", r"第\1条"),
)
