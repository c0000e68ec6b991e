"""Chinese numerals both ways: the one numerals module."""

import pytest

from govtext.numerals import cn_value, number_value, to_cn, zhiyi_value


@pytest.mark.parametrize("value, text", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (101, "一百零一"),
                                         (110, "一百一十"), (165, "一百六十五"), (1005, "一千零五"), (1260, "一千二百六十")])
def test_to_cn(value, text):
    assert to_cn(value) == text
    assert cn_value(text) == value


def test_round_trip_up_to_two_thousand():
    assert all(cn_value(to_cn(v)) == v for v in range(2000))


@pytest.mark.parametrize("number, value", [("第一百三十三条之一", 1), ("第五条", None)])
def test_zhiyi(number, value):
    assert zhiyi_value(number) == value


def test_number_value_of_units():
    assert number_value("第三款") == 3
    assert number_value("（十二）") == 12
