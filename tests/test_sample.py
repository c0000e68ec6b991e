"""The bundled sample: three sections of 5, 5 and 3 items with the right titles and kinds."""

from govtext import model
from govtext.model import check_lossless
from govtext.pipeline import load, sample_bytes

SECTIONS = [
    ("完善社会治理体制", model.SYSTEM, [
        "构建党委领导体制", "构建政府负责体制", "构建群团组织助推体制", "构建社会组织协同体制", "构建人民群众参与体制",
    ]),
    ("创新社会治理方式", model.METHOD, [
        "发挥政治引领作用", "发挥法治保障作用", "发挥德治教化作用", "发挥自治强基作用", "发挥智治支撑作用",
    ]),
    ("优化社会治理层级功能", model.TIER, [
        "坚持党中央集中统一领导，加强社会治理现代化顶层设计，加快建设更高水平的平安中国",
        "发挥市域前线指挥部功能，加快推进市域社会治理现代化，把重大矛盾风险防范化解在市域",
        "发挥基层桥头堡功能，坚持和发展新时代“枫桥经验”，把小矛盾小问题化解在基层、化解在萌芽状态",
    ]),
]


def _sections(doc):
    return [n for n in doc.root.children if n.type == model.SECTION]


def test_sample_ships_with_the_package():
    assert sample_bytes().decode("utf-8").count("\n") == 20


def test_three_sections_with_titles_and_kinds():
    doc = load(None)
    got = [(s.title, s.kind, s.level) for s in _sections(doc)]
    assert got == [(title, kind, 1) for title, kind, _ in SECTIONS]


def test_items_have_titles_kinds_and_measures():
    doc = load(None)
    for section, (_, kind, titles) in zip(_sections(doc), SECTIONS):
        items = [c for c in section.children if c.type == model.ITEM]
        assert [i.title for i in items] == titles
        for item in items:
            assert item.kind == kind
            assert any(n.type == model.MEASURE for n in item.walk()), item.title
            assert item.children[0].type in (model.BLANK, model.LEAD)


def test_introductions_are_paragraphs_not_items():
    doc = load(None)
    for section in _sections(doc):
        first = [c for c in section.children if c.type not in (model.HEADING, model.BLANK)][0]
        assert first.type == model.PARAGRAPH


def test_descriptive_sentences_are_statements():
    doc = load(None)
    sentences = {n.text: n.type for n in doc.walk() if n.type in (model.MEASURE, model.STATEMENT)}
    assert sentences["市域是重大矛盾风险的产生地、集聚地。"] == model.STATEMENT
    assert sentences["治国安邦重在基层。"] == model.STATEMENT
    assert sentences["法治是社会治理方式现代化中体现社会进步的重要标志，是国家治理体系和治理能力的重要依托。"] == model.STATEMENT
    assert sentences["加强市场监管、质量监管、安全监管，完善基本公共服务体系。"] == model.MEASURE
    assert sentences["政府要全面正确履行职责，将该由政府管理的社会事务管好、管到位。"] == model.MEASURE


def test_sample_is_lossless_and_ids_unique():
    doc = load(None)
    check_lossless(doc)
    ids = [n.id for n in doc.walk()]
    assert len(ids) == len(set(ids))
    assert doc.root.span == (0, len(doc.text))
