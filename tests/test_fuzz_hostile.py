"""Issue 20: every command (tree, xml, validate, diff in each format, amend, history, ledger) fuzzed with hostile content where people see it — titles, headings,
terms and file names holding control characters, Rich markup, bidi overrides, Markdown/HTML
and spreadsheet formula prefixes.

Whatever is generated: exit 0, 1 or 2 and never a traceback; reports for people carry no raw
control or bidi character; CSV cells never open a formula; Word files are written.  A bounded,
derandomised number of examples (GOVTEXT_FUZZ_EXAMPLES scales it for a long local run).
"""

from __future__ import annotations

import csv
import io
import os
import zipfile

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtext.cli import main

EXAMPLES = max(3, int(os.environ.get("GOVTEXT_FUZZ_EXAMPLES", "300")) // 20)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize="GOVTEXT_FUZZ_EXAMPLES" not in os.environ,
                    database=None, suppress_health_check=list(HealthCheck))

RAW = ("\x1b", "\x07", "\x0b", "\x9b", "\u202e", "\u2066")
HOSTILE = ["\x1b[2J", "\x1b]0;t\x07", "\x07", "\x0b", "\x0c", "\x9b31m", "\u202e", "\u2066", "[/x]", "[bold]",
           "[link=http://x]", "=", "+", "-", "@", "=HYPERLINK(\"http://x\")", "<script>", "<img src=x onerror=1>",
           "`", "``", "|", "*", "_", "~~", "&amp;", "\\", "\t"]
NAME_HOSTILE = [h for h in HOSTILE if "/" not in h and "\x00" not in h] + ["\n", "\r"]

piece = st.sampled_from(HOSTILE)
words = st.sampled_from(["示例", "监督", "管理", "活动", "工作", "规范"])
hostile_text = st.lists(st.one_of(piece, words), min_size=1, max_size=4).map("".join)
file_stem = st.lists(st.one_of(st.sampled_from(NAME_HOSTILE), words), min_size=1, max_size=3).map("".join)


def _law(title: str, heading: str, text: str, changed: bool) -> str:
    return (f"中华人民共和国{title}法\n\n第一章 总则{heading}\n\n"
            f"第一条 为了规范示例活动{text}，制定本法。\n"
            f"第二条 国家鼓励社会力量参与示例工作{'，' + text if changed else ''}。\n"
            "第三条 本法自公布之日起施行。\n")


def _no_traceback(result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output[-500:])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def _for_people(text: str) -> None:
    for char in RAW:
        assert char not in text, f"raw {char!r} in {text[:200]!r}"


@SETTINGS
@given(title=hostile_text, heading=hostile_text, text=hostile_text, term=hostile_text, stem=file_stem)
def test_every_command_with_hostile_titles_headings_terms_and_names(tmp_path_factory, title, heading, text, term,
                                                                     stem):
    folder = tmp_path_factory.mktemp("fuzz")
    old, new = folder / f"{stem}-2019.txt", folder / f"{stem}-2024.txt"
    old.write_text(_law(title, heading, text, False), encoding="utf-8")
    new.write_text(_law(title, heading, text, True), encoding="utf-8")
    terms = folder / "terms.txt"
    terms.write_text(f"{term.replace(chr(10), '')}\n示例\n", encoding="utf-8")
    runner = CliRunner()

    for args in (["tree", str(new)], ["tree", str(new), "--format", "plain"]):
        result = runner.invoke(main, args)
        _no_traceback(result)
        _for_people(result.output)
    _no_traceback(runner.invoke(main, ["xml", str(new), "-o", str(folder / "out.xml")]))
    if (folder / "out.xml").exists():
        result = runner.invoke(main, ["validate", str(folder / "out.xml")])
        assert result.exit_code == 0, result.output
        _for_people(result.output)

    instrument = folder / f"{stem}-决定.txt"
    instrument.write_text(f"全国人民代表大会常务委员会关于修改《中华人民共和国{title}法》的决定\n\n"
                          f"一、将第一条中的“示例”修改为“{text}”。\n二、删去第二条{heading}。\n", encoding="utf-8")
    for args in ([], ["--explain"], ["--check", str(new)]):
        result = runner.invoke(main, ["amend", str(old), str(instrument), *args])
        _no_traceback(result)
        if "--check" in args or "--explain" in args:
            _for_people(result.output)
        else:
            _for_people(result.stderr)

    for fmt in ("text", "terminal", "markdown", "table", "decision"):
        result = runner.invoke(main, ["diff", str(old), str(new), "--format", fmt])
        _no_traceback(result)
        _for_people(result.output)
    for fmt, suffix in (("html", "html"), ("table", "html"), ("table", "docx"), ("redline", "docx")):
        out = folder / f"diff-{fmt}.{suffix}"
        result = runner.invoke(main, ["diff", str(old), str(new), "--format", fmt, "-o", str(out)])
        _no_traceback(result)
        if result.exit_code != 2 and suffix == "html":
            _for_people(out.read_text(encoding="utf-8"))
        if result.exit_code != 2 and suffix == "docx":
            assert zipfile.is_zipfile(out)

    for args in ([], ["--format", "csv"], ["--format", "html", "-o", str(folder / "h.html")]):
        result = runner.invoke(main, ["history", str(old), str(new), "--order", "given", "--terms", str(terms), *args])
        _no_traceback(result)
        if "csv" in args:  # data, like JSON: the characters kept, but no cell a formula
            if result.exit_code != 2:
                _no_formulas(result.stdout)
        else:
            _for_people(result.stdout)
    if (folder / "h.html").exists():
        _for_people((folder / "h.html").read_text(encoding="utf-8"))

    table = folder / "ledger.csv"
    result = runner.invoke(main, ["ledger", str(old), str(new), "-o", str(table), "--terms", str(terms)])
    _no_traceback(result)
    _for_people(result.output)
    if result.exit_code != 2:
        _no_formulas(table.read_text(encoding="utf-8"))


def _no_formulas(text: str) -> None:
    for row in csv.reader(io.StringIO(text)):
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
