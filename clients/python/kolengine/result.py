"""Results as plain data that also turn into tables.

A ``Result`` behaves like the JSON object the engine returned (a read-only mapping), and knows which of its
members is "the table": ``kols`` for most methods, ``allocations`` for ``kol/allocate``, ``fans`` for
``kol/auditFans``. ``records()`` gives that table as a list of dicts (standard library only);
``to_frame()`` gives it as a pandas DataFrame when pandas is installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Dict, Iterator, List, Optional

# Which member holds the rows, in order of preference, when the caller does not say.
TABLE_KEYS = ("kols", "allocations", "fans", "flags", "items", "pairs", "windows", "results")


class Result(Mapping):
    """A method's result: dict-like access to the JSON, plus ``records()`` and ``to_frame()``."""

    def __init__(self, value: Any, method: Optional[str] = None):
        self._value = value
        self.method = method

    # Mapping protocol (a non-object result looks like an empty mapping; use ``.value``).
    def __getitem__(self, key: str) -> Any:
        if isinstance(self._value, dict):
            return self._value[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._value) if isinstance(self._value, dict) else iter(())

    def __len__(self) -> int:
        return len(self._value) if isinstance(self._value, dict) else 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Result):
            return self._value == other._value
        return self._value == other

    __hash__ = None  # type: ignore[assignment]  # mutable JSON inside

    def __repr__(self) -> str:
        return f"Result({self.method or '?'}: {self._value!r})"

    @property
    def value(self) -> Any:
        """The raw JSON value (dict, list, str, number, bool or None)."""
        return self._value

    def table_key(self) -> Optional[str]:
        """The member that holds the rows, or None when the result itself is a list."""
        if isinstance(self._value, list):
            return None
        if isinstance(self._value, dict):
            for key in TABLE_KEYS:
                if isinstance(self._value.get(key), list):
                    return key
            for key, member in self._value.items():
                if isinstance(member, list) and all(isinstance(row, dict) for row in member):
                    return key
        raise ValueError(f"{self.method or 'this result'} has no list of rows to tabulate")

    def records(self, key: Optional[str] = None, explode: Optional[str] = None) -> List[Dict[str, Any]]:
        """The rows as a list of dicts (shallow copies).

        ``key`` picks the member (default: see ``TABLE_KEYS``). ``explode`` names a list member of each row
        to unnest: ``red_flags(...).records(explode="flags")`` gives one row per flag, the KOL's other
        fields repeated, and the flag's fields prefixed with ``flag.`` (``flag.code``, ...). Rows whose list is
        empty are kept once with no ``flag.`` fields, so a clean KOL still appears.
        """
        rows = self._value if key is None and isinstance(self._value, list) else self._value[key or self.table_key()]
        rows = [dict(row) if isinstance(row, dict) else {"value": row} for row in rows]
        if explode is None:
            return rows
        prefix = explode[:-1] if explode.endswith("s") else explode
        out: List[Dict[str, Any]] = []
        for row in rows:
            inner = row.pop(explode, None) or []
            if not inner:
                out.append(row)
            for item in inner:
                merged = dict(row)
                if isinstance(item, dict):
                    merged.update({f"{prefix}.{k}": v for k, v in item.items()})
                else:
                    merged[prefix] = item
                out.append(merged)
        return out

    def to_frame(self, key: Optional[str] = None, explode: Optional[str] = None, flatten: bool = True):
        """The rows as a pandas DataFrame; nested objects become dotted columns when ``flatten``."""
        try:
            import pandas as pd
        except ImportError as error:  # pragma: no cover - exercised only without pandas
            raise ImportError("to_frame() needs pandas (pip install pandas); records() needs nothing") from error
        rows = self.records(key, explode)
        if flatten:
            return pd.json_normalize(rows, sep=".")
        return pd.DataFrame(rows)
