"""Every style govtext uses in the terminal, by name: colours live here only."""

from rich.theme import Theme

THEME = Theme(
    {
        "govtext.document": "bold",
        "govtext.header": "dim",
        "govtext.section": "bold cyan",
        "govtext.item": "bold",
        "govtext.paragraph": "dim",
        "govtext.enumeration": "magenta",
        "govtext.law": "bold cyan",
        "govtext.article": "bold",
        "govtext.clause": "",
        "govtext.point": "",
        "govtext.number": "yellow",
        "govtext.count": "dim",
        "govtext.measure": "green",
        "govtext.statement": "blue",
        "govtext.kind.system": "bold magenta",
        "govtext.kind.method": "bold green",
        "govtext.kind.tier": "bold blue",
        # diff reports
        "govtext.insert": "bold green",
        "govtext.delete": "bold red strike",
        "govtext.change": "yellow",
        "govtext.diff.label": "bold",
        "govtext.diff.added": "green",  # a whole node: the heading says so, no need to shout
        "govtext.diff.removed": "red",
    }
)
