"""cablewire: diplomatic cables and the news that covers them, as one searchable archive.

    >>> import cablewire
    >>> [cable] = cablewire.parse_file("cable.html")      # doctest: +SKIP
    >>> cable.to_dict()["references"]                     # doctest: +SKIP
    ['09BAMAKO186']
"""

import logging

from cablewire.errors import CablewireError, FormatError, InputError, UnreadableError, UsageError
from cablewire.model.document import Article, Cable, Document
from cablewire.model.ids import canonical_cable_id
from cablewire.reading import Failure, parse_bytes, parse_file, parse_paths, parse_text

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Cable",
    "CablewireError",
    "Document",
    "Failure",
    "FormatError",
    "InputError",
    "UnreadableError",
    "UsageError",
    "canonical_cable_id",
    "parse_bytes",
    "parse_file",
    "parse_paths",
    "parse_text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
