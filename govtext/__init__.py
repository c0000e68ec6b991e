"""govtext: read, archive and compare Chinese policy documents and laws.

The pipeline is text → outline tree (:mod:`govtext.model`) → render | export | diff.
"""

__version__ = "0.1.0"
