"""govtext's own exceptions. The CLI turns each into one line on stderr and exit 2."""


class GovtextError(Exception):
    """Base class: something a user caused (bad input, bad option), with a one-line message."""


class InputError(GovtextError):
    """The input cannot be read: missing, a directory, binary, undecodable or empty."""


class OutputError(GovtextError):
    """The output cannot be written: folder missing or unwritable, a directory, disk full, stdout closed."""


class XmlInputError(InputError):
    """The XML is malformed, hostile (DTD, entities, network) or not govtext's format."""


class LexiconError(GovtextError):
    """A lexicon or dictionary file given by the user is missing or malformed."""
