"""Reports name both locations of a node that moved to another parent."""

from click.testing import CliRunner

from govtext.cli import main

OLD = "第一章 总则\n第一条 本法适用于示例活动。\n第二条 示例活动应当依法进行。\n第二章 附则\n第三条 本法自公布之日起施行。\n"
NEW = "第一章 总则\n第一条 本法适用于示例活动。\n第二章 附则\n第二条 示例活动应当依法进行。\n第三条 本法自公布之日起施行。\n"


def test_moved_article_shows_old_and_new_chapter(tmp_path):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "--format", "text"])
    assert result.exit_code == 1
    assert "moved 第二条  @ 第一章 → 第二章" in result.stdout
