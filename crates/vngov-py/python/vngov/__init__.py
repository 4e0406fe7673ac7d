"""Structured, auditable facts from Vietnamese government news and notices.

vngov reads articles, notices and web pages (plain text, HTML, RTF; one by one, in
batches, or whole WARC, ARC and JSON Lines archives) and returns one record per
document: the publication date, every date, document number and percentage, the
province, the meetings and who chaired them, the officials named, the directives
issued (who must do what, by when) and the bodies named, each fact with its
evidence (the words, their offsets, the sentence). A record is the dict that the
JSON line ``vngov extract`` writes for the same input parses to, and follows the
JSON Schema ``vngov.schema()``.

    >>> import vngov
    >>> rec = vngov.extract("Thực hiện Quyết định số 1072/QĐ-TTg ngày 28/8/2018 "
    ...                     "của Thủ tướng Chính phủ, tỷ lệ hồ sơ đúng hạn đạt 95,6 %.")
    >>> doc = rec["documents"][0]
    >>> doc["number"], doc["type"], doc["issued"]
    ('1072/QĐ-TTg', 'Quyết định', '2018-08-28')
    >>> rec["percentages"][0]["value"], rec["percentages"][0]["evidence"][:9]
    (95.6, 'Thực hiện')

Documents that cannot be read raise :class:`Error` in ``extract`` and
``extract_html``; ``extract_batch`` and ``read_archive`` give their error records
(``{"source": …, "error": {"kind": …, "message": …}}``) in their place instead, as
the command line does.
"""

from __future__ import annotations

from typing import Any, Dict, Optional


class Error(ValueError):
    """A document that could not be read or extracted.

    ``kind`` is the error record's kind: ``"io"``, ``"decode"`` (not text in a
    supported encoding), ``"too_large"`` (over ``max_bytes``) or ``"internal"``
    (the rules failed on it); ``record`` is the error record ``vngov extract``
    writes for it.
    """

    def __init__(self, message: str, kind: str, record: Optional[Dict[str, Any]] = None):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.record = record

    def __reduce__(self):  # picklable, for process pools and Spark workers
        return (type(self), (self.message, self.kind, self.record))


from ._vngov import (  # noqa: E402
    KNOWN_EXTENSIONS,
    SCHEMA_VERSION,
    Archive,
    __version__,
    error_record,
    extract,
    extract_batch,
    extract_html,
    read_archive,
    schema,
)

__all__ = [
    "Archive",
    "Error",
    "KNOWN_EXTENSIONS",
    "SCHEMA_VERSION",
    "__version__",
    "error_record",
    "extract",
    "extract_batch",
    "extract_html",
    "read_archive",
    "schema",
]
