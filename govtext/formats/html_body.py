"""Where a web page's document body is, as data: known article containers of government
and CMS sites, and the class/id words that mark page furniture (navigation, share
buttons, related links).  A new site is a row here, not a new branch in the code."""

from __future__ import annotations

import re

# Article containers, most specific first: (attribute, value) matched as a whole
# class token or the id.  gov.cn's TRS/UCAP templates, common Chinese CMSes.
CONTAINERS: tuple[tuple[str, str], ...] = (
    ("id", "UCAP-CONTENT"),
    ("class", "pages_content"),
    ("class", "TRS_Editor"),
    ("class", "TRS_UEDITOR"),
    ("id", "zoom"),
    ("class", "conTxt"),
    ("class", "article-content"),
    ("class", "article_content"),
    ("id", "article"),
    ("class", "content_text"),
    ("id", "content_text"),
    ("class", "wp_articlecontent"),
    ("id", "Zoom"),
    ("id", "zoomcon"),
    ("class", "article-con"),
    ("id", "detail"),  # Xinhua
    ("id", "p-detail"),
    ("class", "rm_txt_con"),  # People's Daily
    ("id", "rwb_zw"),
)

# Elements whose content is never text a reader reads.
UNREAD_TAGS = frozenset("script style noscript template iframe object embed canvas svg button select input textarea "
                        "audio video map".split())
# Page furniture by its tag: dropped unless it holds most of the page's text (layout).
DROP_TAGS = frozenset("form nav header footer aside".split())

# class/id words of page furniture; matched against whole words of class and id.
FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumb|share|bdshare|jiathis|footer|foot|header|"
    r"related|xg-list|pannel-title|toolbar|print|pages_print|sweep|qr|qrcode|comment|comments|"
    r"pagination|pageinfo|prev|next|others|usercontrol|advert|ads?|sidebar|search|login|logo|"
    r"copyright|fontsize|font-size-box)(?:$|[\s_-])",
    re.I,
)

# Tags that start a new line as a browser lays them out.
BLOCK_TAGS = frozenset(
    "p div li td th h1 h2 h3 h4 h5 h6 tr table ul ol dl dt dd blockquote section article main center "
    "pre address figure figcaption caption tbody thead tfoot hr".split()
)

# Page metadata: <meta name=…> names → our keys (gov.cn, CMS and Dublin Core spellings).
META_NAMES: dict[str, str] = {
    "articletitle": "title",
    "dc.title": "title",
    "pubdate": "date",
    "firstpublishedtime": "date",
    "publishdate": "date",
    "dc.date": "date",
    "contentsource": "issuer",
    "source": "issuer",
    "dc.publisher": "issuer",
}

# Metadata tables (gov.cn 政府信息公开 pages): a label cell and the value cell after it.
TABLE_LABELS: dict[str, str] = {
    "标题": "title",
    "发文机关": "issuer",
    "发布机关": "issuer",
    "成文日期": "date",
    "发布日期": "published",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "索引号": "index",
    "主题分类": "topic",
}

# The charset labels browsers accept (the WHATWG Encoding Standard's label table) → the
# Python codec that decodes them as a browser does.  A page declaring any other name has
# its declaration ignored, as a browser ignores it: Python knows codecs no page can mean
# (undefined, punycode, utf-7, EBCDIC) that crash or turn the page into mojibake.  The
# GBK labels read as GB18030 (its superset, as browsers decode them); "latin1" and
# "ascii" mean windows-1252 to a browser.
_LABELS: dict[str, str] = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "shift_jis": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
             "windows-949",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
              "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859_2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859_3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859_4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859_5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
                 "iso_8859-5:1988",
    "iso8859_6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
                 "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859_7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
                 "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859_8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
                 "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859_10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859_13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859_14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859_15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859_16": "iso-8859-16",
    "koi8_r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8_u": "koi8-ru koi8-u",
    "mac_roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
              "windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac_cyrillic": "x-mac-cyrillic x-mac-ukrainian",
}
CHARSET_LABELS: dict[str, str] = {label: codec for codec, labels in _LABELS.items() for label in labels.split()}
