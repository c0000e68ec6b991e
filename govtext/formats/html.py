"""HTML pages → the document body as a reader sees it, one block per line.

lxml.html reads the page.  This module is lxml's second corner (the first is
govtext/xmlfmt): reading HTML *input* belongs with the other input formats, not with
the archive format, and keeping it here leaves xmlfmt about govtext's own XML only.
"""

from __future__ import annotations

import re
from collections import Counter

from govtext.errors import InputError
from govtext.formats import html_body
from govtext.formats.extraction import Extraction, build, clean_line

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""")
_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_MIN_BODY_CHARS = 4  # fewer characters than this outside the furniture: nothing to read
# A body under a tenth of the page's text, a thousand characters or more left out, is
# worth a warning: real pages keep a third or more (corpus and fixtures: 0.35–0.96), a
# page read as its footer kept 0.2%.
_TINY_SHARE, _TINY_LOSS = 10, 1000
_SOFT_WRAP = "\x00"
# The source's own line break after a title <br> is whitespace; a wrapped Chinese title
# joins with nothing, a wrapped Latin one with a space.
_WRAP_GAP = re.compile(r"(\w?)\s*\x00\s*(\w?)")


def _join_wrap(match: re.Match) -> str:
    left, right = match.group(1), match.group(2)
    gap = " " if left.isascii() and right.isascii() and left and right else ""
    return f"{left}{gap}{right}"


def decode_html(data: bytes, label: str) -> tuple[str, str]:
    """Decode by BOM, then the declared charset (meta or XML declaration), then UTF-8, GB18030."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace"), codec
    found = _META_CHARSET.search(data[:4096]) or _XML_DECL.search(data[:200])
    # A label no browser knows is ignored, as a browser ignores it (html_body.CHARSET_LABELS).
    declared = html_body.CHARSET_LABELS.get(found.group(1).decode("ascii").lower()) if found else None
    candidates = [declared] if declared else []
    candidates += ["utf-8", "gb18030"]
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            if codec == "utf-8" and _mostly_utf8(data):
                # A UTF-8 page with a few broken bytes: GB18030 would "succeed" on it and
                # turn every character into mojibake; mark the bad bytes instead.
                return data.decode("utf-8", "replace"), "utf-8"
    # A page that lies about its charset: read it as declared, marking bad bytes.
    return data.decode(candidates[0], "replace"), candidates[0]


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    return text.count("\ufffd") <= max(1, len(text) // 1000)


def extract_html(data: bytes, name: str | None = None) -> Extraction:
    import lxml
    import lxml.html
    from lxml import etree

    label = name or "input"
    text, encoding = decode_html(data, label)
    # lxml is given UTF-8 bytes, not the str: it would convert a str (two or four bytes a
    # character) into its own copy, and each copy of the page raises the peak (issue 20:
    # memory ≤ 10× the input).  C0 controls are not HTML characters (browsers show
    # nothing) and lxml refuses them.
    page = _CONTROLS.sub("", text).encode("utf-8")
    del text
    # huge_tree: libxml2 otherwise drops whatever lies deeper than 256 elements, silently.
    # encoding: the page is decoded already; a <meta charset> in it must not re-decode it.
    parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{label}: not a readable HTML page ({exc})") from None
    del page  # the tree holds the page now
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise InputError(f"{label}: HTML elements nested deeper than the parser's limit "
                         "(2048 levels); the page cannot be read whole") from None
    metadata = _metadata(root)
    page_chars = _drop_furniture(root)
    body = _find_body(root)
    texts, wheres = _lines(body) if body is not None else ([], [])
    # The lines are plain strings now: free the tree before joining them, so the page's
    # tree and the text built from it are never held at once.
    del root, body
    if sum(len(line) for line in texts) < _MIN_BODY_CHARS:
        raise InputError(f"{label}: HTML page with no body text (nothing outside navigation and scripts; a page "
                         "its scripts fill in must be saved from the browser after it has loaded)")
    kept = sum(len(line) - line.count(" ") for line in texts)
    warnings = []
    if kept * _TINY_SHARE < page_chars and page_chars - kept >= _TINY_LOSS:
        warnings.append(f"{label}: the body found holds {kept:,} of the page's {page_chars:,} characters of text; "
                        "check that it is the document (or save only the article from the browser)")
    version = ".".join(str(part) for part in lxml.etree.LXML_VERSION[:3])
    return build(_handed_over(texts, wheres), "html", f"lxml.html {version}", encoding, metadata, warnings)

# Furniture is emptied and marked, not removed: removing renumbers its siblings, and the
# source map must point into the page as served (/html/body/div[2]/p[3]).
_DROPPED = "data-govtext-dropped"
_DOOMED = "data-govtext-doomed"


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _drop_furniture(root) -> int:
    """Empty what a reader never reads; return how many characters of readable text the
    page holds (what is left once scripts, styles and hidden elements are gone).

    Navigation, headers, footers and forms are furniture — unless one holds most of the
    page's text: an ASP.NET page wraps everything in one <form>, some CMSes put the whole
    article inside a <header>-classed layout table; dropping those loses the document.
    """
    # libxml2 recovers some broken pages (a second <html>) as several top-level elements.
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    unread, maybe = [], []
    for el in (el for top in tops for el in top.iter()):
        if not isinstance(el.tag, str):  # comments, processing instructions
            unread.append(el)
        elif el.tag.lower() in html_body.UNREAD_TAGS:
            unread.append(el)
        elif "display:none" in (el.get("style") or "").replace(" ", "").lower():
            unread.append(el)
        elif el.tag.lower() in html_body.DROP_TAGS or (html_body.FURNITURE.search(_classes(el))
                                                      and not _is_container(el)):
            maybe.append(el)
    _empty(unread)
    page = sum(_visible_chars(top) for top in tops if isinstance(top.tag, str))
    doomed: list = []
    for el in maybe:  # document order: an element's furniture ancestors come first
        if doomed and any(ancestor.get(_DOOMED) is not None for ancestor in el.iterancestors()):
            continue  # inside furniture already
        if 2 * _visible_chars(el) <= page:  # else: layout around the document, not furniture
            el.set(_DOOMED, "")
            doomed.append(el)
    _empty(doomed)
    return page


def _empty(elements) -> None:
    for el in elements:
        if not isinstance(el.tag, str):
            if el.getparent() is not None:
                el.drop_tree()  # keeps the tail text; no element's path counts comments
        else:
            el.clear(keep_tail=True)  # the tail text belongs to the parent
            el.set(_DROPPED, "")


def _is_container(el) -> bool:
    classes = (el.get("class") or "").split()
    return any((attr == "id" and el.get("id") == value) or (attr == "class" and value in classes)
               for attr, value in html_body.CONTAINERS)


def _find_body(root):
    for attr, value in html_body.CONTAINERS:
        if attr == "id":
            found = root.xpath("//*[@id=$v]", v=value)
        else:
            found = root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), $v)]", v=f" {value} ")
        if found and _text_length(found[0]) >= _MIN_BODY_CHARS:
            return found[0]
    return _densest(root)


def _visible_chars(el) -> int:
    """Characters of text under ``el``, whitespace (a layout table's indentation) not counted."""
    return sum(len(piece) - piece.count(" ") - piece.count("\n") - piece.count("\t") - piece.count("\r")
               for piece in el.itertext())


def _text_length(el) -> int:
    return len("".join(el.itertext()).strip())


_PARAGRAPH_TAGS = frozenset("p br span font strong b h1 h2 h3 h4 center".split())


def _densest(root):
    """The element whose own paragraphs hold the most non-link text (content density).

    A paragraph is a child written as one (<p>, <font>, <h2> …) or any block child with no
    block inside it: CMS pages set each paragraph of a law in its own <div> or table cell,
    and counting only <p>s would hand the page to a footer of two <p>s.
    """
    best, best_score = None, 0
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() not in ("div", "td", "article", "section", "main", "body"):
            continue
        score = 0
        for child in el:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.lower()
            if tag in _PARAGRAPH_TAGS or (tag in html_body.BLOCK_TAGS and not _holds_blocks(child)):
                chars = _text_length(child)
                links = sum(len("".join(a.itertext())) for a in child.iter("a"))
                score += max(0, chars - 2 * links)
        score += len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        if score > best_score:
            best, best_score = el, score
    return best


def _holds_blocks(el) -> bool:
    return any(isinstance(d.tag, str) and d.tag.lower() in html_body.BLOCK_TAGS for d in el.iterdescendants())


def _metadata(root) -> dict[str, str]:
    meta: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        meta["page_title"] = clean_line(title.text)
    for el in root.iter("meta"):
        key = html_body.META_NAMES.get((el.get("name") or "").lower())
        if key and key not in meta and (el.get("content") or "").strip():
            meta[key] = clean_line(el.get("content"))
    cells = [clean_line("".join(td.itertext())) for td in root.iter("td", "th")]
    for label, value in zip(cells, cells[1:]):
        key = html_body.TABLE_LABELS.get(re.sub(r"[\s:：]", "", label))
        if key and value and not html_body.TABLE_LABELS.get(re.sub(r"[\s:：]", "", value)):
            meta[key] = value
    return meta


def _centered(el) -> bool:
    return (
        el.tag.lower() in ("center", "h1", "h2", "h3", "h4", "h5", "h6")
        or (el.get("align") or "").lower() == "center"
        or bool(_CENTER.search(el.get("style") or ""))
    )


class _LineWriter:
    """Collects inline text into lines; a block boundary or <br> ends the current line.

    Lines and their origins are kept in two lists of strings, not a list of pairs: on a
    flat page of short paragraphs a pair per line costs as much as the line itself.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.wheres: list[str] = []
        self.parts: list[str] = []
        self.where: str | None = None

    def add(self, text: str | None, where: str) -> None:
        """Add ``text`` of the block at path ``where``."""
        if text:
            if self.where is None and text.strip():
                self.where = where
            self.parts.append(text)

    def end_line(self) -> None:
        if self.parts:
            line = clean_line(_WRAP_GAP.sub(_join_wrap, "".join(self.parts)))
            if line:
                self.texts.append(line)
                self.wheres.append(self.where or "")
        self.parts, self.where = [], None


def _handed_over(texts: list, wheres: list[str]):
    """Yield the lines, letting go of each once build has taken it: build frees a line as
    soon as the page's text is joined, which it cannot while this list still holds it."""
    for index, where in enumerate(wheres):
        yield texts[index], where
        texts[index] = None


def _lines(body) -> tuple[list[str], list[str]]:
    """The lines of ``body`` and, for each, the path of the block it came from."""
    writer = _LineWriter()
    _walk(body, writer)
    writer.end_line()
    return writer.texts, writer.wheres


_ENTER, _LEAVE, _CHILDREN = "enter", "leave", "children"


def _walk(body, writer: _LineWriter) -> None:
    """Write ``body``'s text, element by element in document order.

    An explicit stack, not recursion: a page may nest 2,000 elements deep, past Python's
    recursion limit.  Each element is entered (its text, then its children) and left (the
    end of its line if it is a block, then the text after it, which belongs to the block
    around it — except after the body container itself).

    Each line's origin is its block's path as getpath writes it (``/html/body/div[2]/p``:
    an index where siblings share a tag), built from the parent's path while walking:
    getpath counts an element's siblings on every call, quadratic on a flat page of <p>s.

    Children are entered one at a time from an iterator, not all pushed at once: on a
    flat page of 100,000 <p>s a step per child would hold 100,000 proxies and paths.
    """
    body_path = body.getroottree().getpath(body)
    stack: list[tuple] = [(_ENTER, body, body_path, body_path, _centered(body), False, True)]
    while stack:
        step = stack.pop()
        if step[0] is _CHILDREN:
            _, children, path, shared, seen, block, centered, in_inline = step
            child = next(children, None)
            if child is not None:
                stack.append(step)
                seen[child.tag] += 1
                child_path = f"{path}/{child.tag}[{seen[child.tag]}]" if shared[child.tag] > 1 else f"{path}/{child.tag}"
                stack.append((_ENTER, child, child_path, block, centered, in_inline, False))
            continue
        if step[0] is _LEAVE:
            _, el, was_block, outer, top = step
            if was_block:
                writer.end_line()
            if not top:
                writer.add(el.tail, outer)
            continue
        _, el, path, block, centered, in_inline, top = step
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        outer = block  # the block the text after el belongs to
        if el.get(_DROPPED) is not None:
            writer.add(el.tail, outer)
            continue
        is_block = tag in html_body.BLOCK_TAGS
        if is_block:
            writer.end_line()
            block, centered, in_inline = path, centered or _centered(el), False
        elif not top and tag != "br":
            in_inline = True
        if tag == "br":
            # A <br> inside the bold/large run of a centred title only wraps the title
            # (全国人民代表大会常务委员会<br>关于…决议); anywhere else it ends a line.
            if centered and in_inline:
                writer.add(_SOFT_WRAP, block)
            else:
                writer.end_line()
            if not top:
                writer.add(el.tail, outer)
            continue
        writer.add(el.text, block)
        stack.append((_LEAVE, el, is_block, outer, top))
        shared = Counter(child.tag for child in el if isinstance(child.tag, str))
        if shared:
            children = (child for child in el if isinstance(child.tag, str))
            stack.append((_CHILDREN, children, path, shared, Counter(), block, centered, in_inline))
