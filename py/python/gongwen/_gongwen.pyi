"""Type stubs of the native module (gongwen._gongwen)."""

from typing import Dict, Iterable, List, Optional, Sequence, Tuple, TypedDict, Union

Data = Union[bytes, bytearray, memoryview, str]
Cell = Union[str, int, bool, None]

SCHEMA: str
__version__: str
COLUMNS: Dict[str, List[Tuple[str, str]]]
"""Table → [(column, "str" | "int" | "bool"), …] for "documents", "clauses", "tasks"."""

class Error(Exception):
    """An input that cannot be turned into records; str(e) is the CLI's message."""

    path: Optional[str]
    line: Optional[int]
    reason: str

class Extracted(TypedDict):
    path: str
    records: List[str]
    file: Optional[str]
    """The file line (the last line of the CLI's output); None on error."""
    error: Optional[str]

class Tables(TypedDict):
    documents: List[Dict[str, Cell]]
    clauses: List[Dict[str, Cell]]
    tasks: List[Dict[str, Cell]]

def extract_json(data: Data, path: str, *, file_line: bool = False) -> List[str]: ...
def extract_many(items: Sequence[Tuple[str, Data]]) -> List[Extracted]: ...
def tables(data: Data, path: str) -> Tables: ...
