"""One-to-one assignment of candidate pairs: the maximum-weight matching.

A greedy best-first pairing can take a good pair that blocks two better ones
(A–B' at 0.8 stops A–A' at 0.79 and B–B' at 0.9); the optimal assignment
maximises the total likeness instead.  The candidate graph is sparse, so it is
cut into connected components and each is solved on its own with the Hungarian
method (Kuhn–Munkres with potentials, O(n²m)) — pure Python, because components
are small: a unit has few look-alikes.  A component larger than
``EXACT_LIMIT`` on its smaller side (repeated content: the same paragraph eight
times) is paired greedily, best first and then in text order, which is what a
reader does with identical copies anyway.
"""

from __future__ import annotations

from collections import defaultdict

EXACT_LIMIT = 40
"""Largest component side solved exactly; above it the greedy pairing runs in O(E log E)."""


def assign(edges: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The pairs (old, new) of a maximum-weight one-to-one matching of weighted ``edges``.

    Weights must be positive; ties are broken by the order of ``edges`` in the
    greedy case and by the weights themselves otherwise (callers fold their
    tie-breaker into the weight).
    """
    out: list[tuple[int, int]] = []
    for component in _components(edges):
        olds = sorted({a for a, _, _ in component})
        news = sorted({b for _, b, _ in component})
        if min(len(olds), len(news)) > EXACT_LIMIT:
            out.extend(_greedy(component))
        else:
            out.extend(_hungarian(component, olds, news))
    return out


def _components(edges: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in edges:
        ra, rb = find(("o", a)), find(("n", b))
        if ra != rb:
            parent[ra] = rb
    groups: dict[tuple[str, int], list[tuple[int, int, float]]] = defaultdict(list)
    for edge in edges:
        groups[find(("o", edge[0]))].append(edge)
    return list(groups.values())


def _greedy(edges: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for a, b, _ in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            out.append((a, b))
    return out


def _hungarian(edges: list[tuple[int, int, float]], olds: list[int], news: list[int]) -> list[tuple[int, int]]:
    """Minimum-cost assignment on cost = -weight (0 where there is no edge)."""
    weight = {(a, b): w for a, b, w in edges}
    transpose = len(olds) > len(news)
    rows, cols = (news, olds) if transpose else (olds, news)
    n, m = len(rows), len(cols)
    cost = [[-(weight.get((c, r), 0.0) if transpose else weight.get((r, c), 0.0)) for c in cols] for r in rows]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            row = cost[i0 - 1]
            delta, j1 = inf, 0
            ui0 = u[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out = []
    for j in range(1, m + 1):
        if p[j]:
            r, c = rows[p[j] - 1], cols[j - 1]
            a, b = (c, r) if transpose else (r, c)
            if (a, b) in weight:
                out.append((a, b))
    return out
