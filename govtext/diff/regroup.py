"""The second pass over leftover policy units and articles: pairs found by topic (rare words,
lead clause, containment, paired parents), and the parts of merges and splits found by topic
(policy units) or by content (law articles).  :func:`govtext.diff.align.align` calls these
after the wording-based phases; they add to its :class:`~govtext.diff.alignment.Alignment`."""

from __future__ import annotations

from collections import defaultdict

from govtext.diff.alignment import Alignment, KeptApart
from govtext.diff.assign import assign
from govtext.diff.roles import names_a_part
from govtext.diff.topic import PART_LEAD_HELD, PART_MARGIN, TOPIC_PART, TOPIC_THRESHOLD, TopicIndex, context_weight
from govtext.diff.units import Unit
from govtext.model import ARTICLE

MAX_PARTS = 4
"""Most parts one unit is split into or merged from."""

ORDER_WEIGHT = 1e-3
"""Weight given up per whole-document distance between two positions: a tie-breaker only."""


def pair_by_topic(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                  apart: KeptApart, topic: TopicIndex) -> None:
    """Leftover numbered units paired by topic, outermost first (a section's pairing is
    the context of its items'), each round an optimal assignment, then its leftover siblings
    (:func:`pair_siblings`) and the leftovers that are each other's best (:func:`pair_mutual_best`)."""
    pairs = result.pairs
    ancestors_old, ancestors_new = ancestors(old), ancestors(new)
    # The numbered units above each unit (sections, items, ——points, enumerations): what a
    # reader takes for a unit's context when an unnumbered paragraph between was paired astray.
    numbered_old = {i: [x for x in above if topic.style(0, x) is not None] for i, above in ancestors_old.items()}
    numbered_new = {j: [y for y in above if topic.style(1, y) is not None] for j, above in ancestors_new.items()}
    rounds: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, units, numbered in ((0, old, numbered_old), (1, new, numbered_new)):
        for unit in units:
            if topic.style(side, unit.index) is not None:
                # The round is the unit's numbered depth: how many numbered units stand above it.
                # An unnumbered paragraph or lead item between is no level to a reader (2009's
                # 三是扶持中小企业 at a line start under （四） meets 2010's 三是 inside a paragraph).
                rounds[len(numbered[unit.index])][side].append(unit.index)
    tops = tuple(_tops(side, units, above, topic) for side, units, above in ((0, old, ancestors_old), (1, new, ancestors_new)))

    def take(found: list[tuple[int, int]]) -> None:
        for a, b in found:
            pairs[a] = b
            taken.add(b)
            result.by_topic[(a, b)] = round(topic.score(a, b), 3)

    for key in sorted(rounds):
        olds = [a for a in rounds[key][0] if a not in pairs]
        news = [b for b in rounds[key][1] if b not in taken]
        partners = {j: i for i, j in pairs.items()}
        edges = []
        for a, b in sorted(topic.candidates(olds, news)):
            if (a, b) in apart:
                continue
            context = paired_parents(a, b, ancestors_old, ancestors_new, pairs, partners)
            if context is False and paired_parents(a, b, numbered_old, numbered_new, pairs, partners):
                # The nearest paired ancestors are unnumbered lead paragraphs paired by a
                # stock phrase (重点抓好四件事： with 今年重点抓好五件事：, in another section);
                # the numbered ones above them, a reader's context, are paired together.
                context = True
            weight = context_weight(topic.score(a, b), context)
            if weight >= TOPIC_THRESHOLD:
                drift = abs(a / max(len(old), 1) - b / max(len(new), 1))
                edges.append((a, b, weight + ORDER_WEIGHT * (1 - drift)))
        take(assign(edges))
        partners = {j: i for i, j in pairs.items()}
        take(pair_siblings([a for a in olds if a not in pairs], [b for b in news if b not in taken],
                           ancestors_old, ancestors_new, pairs, partners, apart, topic))
        partners = {j: i for i, j in pairs.items()}
        take(pair_mutual_best([a for a in olds if a not in pairs], [b for b in news if b not in taken],
                              ancestors_old, ancestors_new, pairs, partners, apart, topic, tops))
    # Across numbered depths, last: two leftovers below the top (of any depths, the same ones
    # included: the rounds above left them) that are each other's best and alike beyond doubt,
    # whatever layout put one a level deeper (2006 二、（四）… 三是深化农村
    # 金融改革 → 2007 五、… 二要加快农村金融改革, 0.68: 2007 wrote the item as a paragraph).
    olds = [a for key in rounds for a in rounds[key][0] if a not in pairs and ancestors_old.get(a)]
    news = [b for key in rounds for b in rounds[key][1] if b not in taken and ancestors_new.get(b)]
    partners = {j: i for i, j in pairs.items()}
    take([(a, b) for a, b in pair_mutual_best(olds, news, ancestors_old, ancestors_new, pairs, partners,
                                              apart, topic, tops)
          if topic.score(a, b) >= ACROSS_DEPTHS])


ACROSS_DEPTHS = 0.5
"""Least :meth:`TopicIndex.score` for two leftovers of different numbered depths to be paired
(the rounds pair each depth from ``TOPIC_THRESHOLD``; at 0.4 across depths a held-out pair
gained a wrong pair)."""

SIBLING_LEAD = 0.15
"""Least lead-clause likeness (:meth:`TopicIndex.signals`) for two leftover siblings to be
paired by their leads (see :func:`pair_siblings`)."""

SIBLING_FLOOR = 0.1
"""Least :meth:`TopicIndex.score` for two leftover siblings to be paired at all."""


def pair_siblings(olds: list[int], news: list[int], ancestors_old: dict[int, list[int]],
                  ancestors_new: dict[int, list[int]], pairs: dict[int, int], partners: dict[int, int],
                  apart: KeptApart, topic: TopicIndex) -> list[tuple[int, int]]:
    """Leftover units of one series under a pair of paired parents (or both at the top of
    their documents) that a reader pairs although the whole text scores low: each is the
    other's best among those leftovers, by lead and then by content, they score at least
    ``SIBLING_FLOOR``, and their lead clauses share a topic word and are alike
    (``SIBLING_LEAD``: 2018 二是加大改革开放力度 → 2019 三要…依靠改革开放激发市场主体活力).  The
    parents' pairing is what makes the evidence enough: the leftovers under them are few, and
    mostly continue each other.  (The same number in the same place is no such evidence: 2005
    三、继续保持经济平稳较快发展 went into 2006 二、今年主要任务, not into 2006 三、, the new
    five-year plan.)"""
    groups: dict[tuple[int | None, int | None], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for a in olds:
        above = ancestors_old.get(a, ())
        parent = next((x for x in above if x in pairs), None)
        if parent is not None or not above:
            groups[(parent, pairs.get(parent))][0].append(a)
    for b in news:
        above = ancestors_new.get(b, ())
        parent = next((y for y in above if y in partners), None)
        if parent is not None or not above:
            groups[(partners.get(parent), parent)][1].append(b)
    found = []
    for group_old, group_new in groups.values():
        likeness: dict[tuple[int, int], tuple[float, float]] = {}
        for a in group_old:
            for b in group_new:
                if (a, b) not in apart and topic.same_series(a, b):
                    lead = topic.signals(a, b)[1] if topic.leads_meet(a, b) else 0.0
                    likeness[(a, b)] = (lead, topic.score(a, b))
        for a, b in _mutual_best(likeness):
            lead, score = likeness[(a, b)]
            if score >= SIBLING_FLOOR and lead >= SIBLING_LEAD:
                found.append((a, b))
    return found


def pair_mutual_best(olds: list[int], news: list[int], ancestors_old: dict[int, list[int]],
                     ancestors_new: dict[int, list[int]], pairs: dict[int, int], partners: dict[int, int],
                     apart: KeptApart, topic: TopicIndex,
                     tops: tuple[tuple[list[int], set[int]], tuple[list[int], set[int]]] = (([], set()), ([], set())),
                     ) -> list[tuple[int, int]]:
    """Leftover units that are each other's best counterpart, scoring at least ``TOPIC_PART``,
    and not under parents paired elsewhere: an item that moved to a section of its own
    (congress 2017 五、（二）加快建设创新型国家 → 2022 五、（三）加快实施创新驱动发展战略, in a new
    section on science and education) has no paired parents to lift it, but nothing else
    competes for either.  Units below the top meet units below the top, each other's best among
    the leftovers.  Top-level sections meet sections, and must be each other's best among all
    the other version's sections, paired ones too: two leftover sections are always each other's
    best among leftovers, since they are compared by all they hold, but 1999 六、千方百计扩大出口
    和有效利用外资 is 2000's 六、进一步扩大对外开放 (0.35) because no other 2000 section is
    nearer; 2005 三、继续保持经济平稳较快发展, nearest to 2006 二、今年主要任务 (paired), is not
    2006 三、, the five-year plan.  ``tops``: per version, every numbered top-level section and
    those of them whose heading names a topic, not a part of the report (2007年工作总体部署,
    “十四五”时期的主要目标和任务 name a role, :func:`govtext.diff.roles.names_a_part`): only
    the latter are paired here, since what a part holds is a little of everything."""
    likeness = {}
    for a, b in topic.candidates(olds, news):
        if (a, b) in apart or bool(ancestors_old.get(a)) != bool(ancestors_new.get(b)):
            continue
        if paired_parents(a, b, ancestors_old, ancestors_new, pairs, partners) is False:
            continue
        likeness[(a, b)] = topic.score(a, b)
    tops_old, tops_new = tops

    def nearest_of_all(a: int, b: int) -> bool:
        if a not in tops_old[1] or b not in tops_new[1]:
            return False
        score = topic.score(a, b)
        return all(topic.score(a, y) <= score for y in tops_new[0]) and all(topic.score(x, b) <= score for x in tops_old[0])

    return [(a, b) for a, b in _mutual_best(likeness)
            if likeness[(a, b)] >= TOPIC_PART and (ancestors_old.get(a) or nearest_of_all(a, b))]


def _tops(side: int, units: list[Unit], above: dict[int, list[int]], topic: TopicIndex) -> tuple[list[int], set[int]]:
    """A version's numbered top-level sections, and those of them whose heading names a topic."""
    every = [u.index for u in units if not above[u.index] and topic.style(side, u.index) is not None]
    return every, {i for i in every if not names_a_part(units[i].title_norm)}


def _mutual_best(likeness: dict) -> list[tuple[int, int]]:
    """The pairs each of whose units likes the other best (ties to the earlier unit)."""
    best_old: dict[int, int] = {}
    best_new: dict[int, int] = {}
    for (a, b), value in sorted(likeness.items()):
        if a not in best_old or value > likeness[(a, best_old[a])]:
            best_old[a] = b
        if b not in best_new or value > likeness[(best_new[b], b)]:
            best_new[b] = a
    return [(a, b) for a, b in sorted(best_old.items()) if best_new.get(b) == a]


def parts_by_topic(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                   apart: KeptApart, topic: TopicIndex) -> None:
    """Splits and merges by topic: a leftover numbered unit whose best counterpart, under
    paired parents, is a unit already paired joins that pair as one more part, when it scores
    at least ``TOPIC_PART`` (parents' lift included).  2024 二是依靠创新引领产业升级，增强城乡区域发展新动能 went
    into 2025 四是统筹城乡区域协调发展 (its pair) and 三是大力推动创新驱动发展 (left over):
    one split with both parts."""
    pairs = result.pairs
    ancestors_old, ancestors_new = ancestors(old), ancestors(new)
    in_parts_old = {i for olds, _, _ in result.merges for i in olds} | {i for i, _, _ in result.splits}
    in_parts_new = {j for _, news, _ in result.splits for j in news} | {j for _, j, _ in result.merges}
    styled_old = [u.index for u in old if topic.style(0, u.index) is not None]
    styled_new = [u.index for u in new if topic.style(1, u.index) is not None]
    for record in ("split", "merge"):
        partner_new = {j: i for i, j in pairs.items()}
        if record == "split":
            pieces = [j for j in styled_new if j not in taken and j not in in_parts_new]
            wholes = [i for i in styled_old if i in pairs and i not in in_parts_old
                      and (i, pairs[i]) not in result.pinned]
            found = topic.candidates(wholes, pieces)
        else:
            pieces = [i for i in styled_old if i not in pairs and i not in in_parts_old]
            wholes = [j for j in styled_new if j in partner_new and j not in in_parts_new
                      and (partner_new[j], j) not in result.pinned]
            found = topic.candidates(pieces, wholes)
        # For each piece, what it brings each whole: the share of the whole's distinctive
        # weight the piece holds and the whole's partner lacks (the half of 2024 二是 that
        # 2025 四是 does not carry is what 2025 三是 carries).
        ranked: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        for a, b in found:
            if (a, b) in apart:
                continue
            # Parts stay within paired parents (never into another role), or both are at the
            # top (2014 三、2014年重点工作 → 2015 三、四、五、六、: one section became four).
            top = not ancestors_old.get(a) and not ancestors_new.get(b)
            context = paired_parents(a, b, ancestors_old, ancestors_new, pairs, partner_new)
            if not (context or top):
                continue
            if record == "split":
                piece, whole, brought = b, a, topic.held((0, a), (1, b), beside=(1, pairs[a]))
            else:
                piece, whole, brought = a, b, topic.held((1, b), (0, a), beside=(0, partner_new[b]))
            ranked[piece].append((brought, context_weight(topic.score(a, b), context), whole))
        best: dict[int, tuple[float, int]] = {}
        for piece, options in ranked.items():
            options.sort(key=lambda o: (-o[0], o[2]))
            brought, weight, whole = options[0]
            # A piece bringing about as much to two wholes is a part of neither, to a reader's eye.
            if weight >= TOPIC_PART and (len(options) == 1 or brought - options[1][0] >= PART_MARGIN):
                # A reader tells a part by finding its heading's topic in the whole.
                held = topic.lead_held((1, piece), (0, whole)) if record == "split" \
                    else topic.lead_held((0, piece), (1, whole))
                if held >= PART_LEAD_HELD:
                    best[piece] = (weight, whole)
        by_whole: dict[int, list[int]] = defaultdict(list)
        for piece, (_, whole) in sorted(best.items()):
            by_whole[whole].append(piece)
        for whole, pieces_of in sorted(by_whole.items()):
            pieces_of = pieces_of[: MAX_PARTS - 1]
            # The record's likeness: its best part's, as the pair would have scored alone.
            score = round(max(topic.score(whole, piece) if record == "split" else topic.score(piece, whole)
                              for piece in pieces_of), 3)
            if record == "split":
                if whole not in pairs or whole in in_parts_old:
                    continue
                news = tuple(sorted([pairs.pop(whole), *pieces_of]))
                taken.update(news)
                result.splits.append((whole, news, score))
                in_parts_old.add(whole)
                in_parts_new.update(news)
                result.parts_by_topic.add(("split", whole))
            else:
                partner = partner_new[whole]
                if partner not in pairs or whole in in_parts_new:
                    continue
                del pairs[partner]
                olds = tuple(sorted([partner, *pieces_of]))
                result.merges.append((olds, whole, score))
                in_parts_old.update(olds)
                in_parts_new.add(whole)
                result.parts_by_topic.add(("merge", whole))


HELD = 0.6
"""Least share of a leftover article's distinctive words (by rarity) that the article it went
into must hold, for a merge or split found from content (laws)."""

BROUGHT = 0.4
"""Least share of those words that the pair's own partner lacks: the part brought them."""

PART_WORDS = 8
"""Fewest distinct words a leftover article needs to be read as a part: a one-line article
(公司成立后，股东不得抽逃出资。) is held by many long ones and proves nothing."""


def parts_by_content(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                     apart: KeptApart, topic: TopicIndex) -> None:
    """Law merges and splits read from content, not from the decision's wording: a removed
    article most of whose distinctive words (``HELD``) sit in a new article paired with
    another one, and that brings words the partner lacks (``BROUGHT``), was merged into it
    (会计法 2017→2024: 第十条 and 第二十五条 → 第十条, fifteen articles apart); an added
    article likewise split from an old one."""
    pairs = result.pairs
    in_parts_old = {i for olds, _, _ in result.merges for i in olds} | {i for i, _, _ in result.splits}
    in_parts_new = {j for _, news, _ in result.splits for j in news} | {j for _, j, _ in result.merges}
    styled_old = [u.index for u in old if u.node.type == ARTICLE and topic.style(0, u.index) is not None]
    styled_new = [u.index for u in new if u.node.type == ARTICLE and topic.style(1, u.index) is not None]
    for record in ("merge", "split"):
        partner_new = {j: i for i, j in pairs.items()}
        if record == "merge":
            pieces = [i for i in styled_old if i not in pairs and i not in in_parts_old]
            wholes = [j for j in styled_new if j in partner_new and j not in in_parts_new
                      and (partner_new[j], j) not in result.pinned]
            found = topic.candidates(pieces, wholes)
        else:
            pieces = [j for j in styled_new if j not in taken and j not in in_parts_new]
            wholes = [i for i in styled_old if i in pairs and i not in in_parts_old
                      and (i, pairs[i]) not in result.pinned]
            found = topic.candidates(wholes, pieces)
        # Where each piece is best held, among every article of the other version: a piece held
        # better by an article of its own (added, or paired) is no part of this one.
        holder: dict[int, float] = {}
        others = styled_new if record == "merge" else styled_old
        for a, b in (topic.candidates(pieces, others) if record == "merge" else topic.candidates(others, pieces)):
            piece, whole = ((0, a), (1, b)) if record == "merge" else ((1, b), (0, a))
            holder[piece[1]] = max(holder.get(piece[1], 0.0), topic.held(piece, whole))
        best: dict[int, tuple[float, int]] = {}
        for a, b in sorted(found):
            if (a, b) in apart:
                continue
            if topic.words(0 if record == "merge" else 1, a if record == "merge" else b) < PART_WORDS:
                continue
            if record == "merge":
                piece, whole = (0, a), (1, b)
                partner = (0, partner_new[b])
            else:
                piece, whole = (1, b), (0, a)
                partner = (1, pairs[a])
            share = topic.held(piece, whole)
            if share < HELD or share < holder.get(piece[1], 0.0) or topic.held(piece, whole, beside=partner) < BROUGHT:
                continue
            if piece[1] not in best or share > best[piece[1]][0]:
                best[piece[1]] = (share, whole[1])
        by_whole: dict[int, list[int]] = defaultdict(list)
        for piece_index, (_, whole_index) in sorted(best.items()):
            by_whole[whole_index].append(piece_index)
        for whole_index, parts in sorted(by_whole.items()):
            parts = parts[: MAX_PARTS - 1]
            score = round(max(best[p][0] for p in parts), 3)
            if record == "merge":
                partner_index = partner_new[whole_index]
                del pairs[partner_index]
                olds = tuple(sorted([partner_index, *parts]))
                result.merges.append((olds, whole_index, score))
                in_parts_old.update(olds)
                in_parts_new.add(whole_index)
            else:
                news = tuple(sorted([pairs.pop(whole_index), *parts]))
                taken.update(news)
                result.splits.append((whole_index, news, score))
                in_parts_old.add(whole_index)
                in_parts_new.update(news)


def ancestors(units: list[Unit]) -> dict[int, list[int]]:
    """Unit index → the indices of the units above it, nearest first (by node id)."""
    by_id = {unit.node.id: unit.index for unit in units}
    out = {}
    for unit in units:
        node_id, found = unit.node.id, []
        while "/" in node_id:
            node_id = node_id.rsplit("/", 1)[0]
            if node_id in by_id and by_id[node_id] != unit.index:
                found.append(by_id[node_id])
        out[unit.index] = found
    return out


def paired_parents(a: int, b: int, ancestors_old: dict[int, list[int]], ancestors_new: dict[int, list[int]],
                    pairs: dict[int, int], partners: dict[int, int]) -> bool | None:
    """True when the nearest paired ancestors of the two units are paired with each other,
    False when they are paired elsewhere (another role: last year's review, this year's
    tasks), None when either unit has no paired ancestor.  ``partners``: new index → old."""
    pa = next((x for x in ancestors_old.get(a, ()) if x in pairs), None)
    pb = next((y for y in ancestors_new.get(b, ()) if y in partners), None)
    if pa is None or pb is None:
        return None
    return pairs[pa] == pb
