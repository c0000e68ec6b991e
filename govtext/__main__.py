"""``python -m govtext`` runs the command-line interface."""

from govtext.cli import run

run()
