"""history warns when its versions do not look like one document (govtext.history.unity)."""

from govtext.history.unity import same_title, unity_warnings


def test_titles_of_one_document():
    assert same_title("中华人民共和国刑法", "中华人民共和国刑法")
    assert same_title("中华人民共和国立法法（2023年修正）", "中华人民共和国立法法")
    assert same_title("信访条例", "信访工作条例")  # a renamed successor
    assert same_title("", "中华人民共和国刑法")  # a version that states no title says nothing


def test_titles_of_other_documents():
    assert not same_title("中华人民共和国刑法", "中华人民共和国公司法")  # the state's name is no likeness
    assert not same_title("政府工作报告", "中华人民共和国行政复议法")


def test_one_warning_names_the_odd_steps():
    labels = ["a", "b", "c", "d"]
    assert unity_warnings(labels, ["policy"] * 4, ["", "政府工作报告", "", "政府工作报告"]) == ()
    (warning,) = unity_warnings(labels, ["policy", "law", "policy", "policy"], [""] * 4)
    assert "b is a law after a policy text (a)" in warning and "c is a policy text after a law (b)" in warning
    (warning,) = unity_warnings(["x", "y"], ["law", "law"], ["中华人民共和国刑法", "中华人民共和国公司法"])
    assert "y is titled 中华人民共和国公司法" in warning
