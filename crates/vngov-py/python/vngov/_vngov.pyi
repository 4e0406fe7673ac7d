"""Type stubs of the native module; the documentation is in the docstrings."""

from datetime import date
from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Tuple, Union

Record = Dict[str, Any]
"""A record or an error record: the dict a ``vngov extract`` JSON line parses to."""

ToneStyle = Literal["classic", "modern", "keep"]
Text = Union[str, bytes, bytearray]
Published = Union[str, date, None]

__version__: str
SCHEMA_VERSION: str
KNOWN_EXTENSIONS: Tuple[str, ...]

def extract(
    text: Text,
    *,
    source: Optional[str] = None,
    url: Optional[str] = None,
    published: Published = None,
    tone_style: ToneStyle = "classic",
    max_bytes: Optional[int] = None,
) -> Record: ...
def extract_html(
    data: Text,
    *,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    source: Optional[str] = None,
    published: Published = None,
    tone_style: ToneStyle = "classic",
    max_bytes: Optional[int] = None,
) -> Record: ...
def extract_batch(
    items: Iterable[Union[Text, Mapping[str, Any]]],
    *,
    threads: Optional[int] = None,
    tone_style: ToneStyle = "classic",
    max_bytes: Optional[int] = None,
) -> List[Record]: ...

class Archive(Iterator[Any]):
    """The records of ``read_archive``, in input order."""

    @property
    def skipped(self) -> Dict[str, int]: ...
    def close(self) -> None: ...
    def __iter__(self) -> "Archive": ...
    def __next__(self) -> Any: ...
    def __enter__(self) -> "Archive": ...
    def __exit__(self, *exc: object) -> None: ...

def read_archive(
    path: Union[str, "PathLike[str]"],
    *,
    data: Optional[bytes] = None,
    threads: Optional[int] = None,
    tone_style: ToneStyle = "classic",
    max_bytes: Optional[int] = None,
    as_json: bool = False,
) -> Archive: ...
def error_record(
    source: str,
    kind: Literal[
        "io", "input", "decode", "too_large", "ocr_unavailable", "internal", "fetch", "robots", "archive"
    ],
    message: str,
    *,
    url: Optional[str] = None,
) -> Record: ...
def schema() -> Dict[str, Any]: ...
