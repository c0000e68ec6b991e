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

# Elements never part of the text a reader reads.
DROP_TAGS = frozenset(
    "script style noscript template iframe object embed canvas svg form button select input textarea nav "
    "header footer aside audio video map".split()
)

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
