"""Reading liveblog's values back from JSON data, with errors that say where.

``Timeline.from_dict`` and the other ``from_dict`` methods read plain data fast and
unchecked. :func:`read_checked` runs such a reader and turns any failure into a
:class:`~liveblog.errors.FeedError` whose ``path`` (a JSON pointer) names the culprit:
it reads the same data again through views that note where they were last read, so
the readers need no bookkeeping of their own and cost nothing when the data is good.
The readers take values as they come; every field of the model checks its value when
it is built (an attrs validator raising TypeError, ``"marker": 5``, or ValueError, an
``order`` out of range or a naive ``published``), and that is reported at the field's
path.

>>> from liveblog.model import Entry
>>> read_checked(Entry._from_data, {"id": "a", "marker": "UPDATE", "body": ""})
Traceback (most recent call last):
...
liveblog.errors.FeedError: missing key 'span' at /span
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable, Iterator, Mapping
from types import CodeType
from typing import Any, TypeVar

import attrs

from liveblog.errors import FeedError

__all__ = ["DATA_ERRORS", "read_checked", "with_path"]

T = TypeVar("T")

DATA_ERRORS = (KeyError, TypeError, ValueError, AttributeError, OverflowError, IndexError)
"""What a reader raises on data of the wrong shape."""

_Error = TypeVar("_Error", ValueError, TypeError)


def with_path(err: _Error, path: str) -> _Error:
    """``err``, a check across a value's fields that refused it (a timeline's spans that
    overlap) or a converter that refused an item of a field (``names[0]``), noting
    ``path``, a JSON pointer from the value to the culprit, for :func:`read_checked` to
    report under the value's own path. A plain ValueError (TypeError) to everyone else
    (a subclass would show its private name in tracebacks).

    >>> with_path(ValueError("spans overlap"), "/entries/1/span").args
    ('spans overlap',)
    """
    err.__dict__[_PATH] = path
    return err


_PATH = "json_path"


def read_checked(read: Callable[[Any], T], data: object, path: str = "") -> T:
    """``read(data)``, or FeedError saying what is wrong and where (under ``path``).

    >>> from liveblog.model import Source
    >>> read_checked(Source._from_data, {"name": "bbc"})
    Source(name='bbc', url=None, title=None)
    >>> read_checked(Source._from_data, [1], path="/source")
    Traceback (most recent call last):
    ...
    liveblog.errors.FeedError: expected an object, got array at /source
    """
    try:
        return read(data)
    except DATA_ERRORS as err:
        raise _locate(read, data, path, err) from err


def _wrong_type(field: attrs.Attribute[Any], value: object) -> str:
    """The message for ``field`` holding a value of the wrong JSON type."""
    return f"{field.name} must be {field.type}, got {reprlib.repr(value)}"


class _Trail:
    """Where a reading of watched data last looked: a container's path and the key or
    index read there, and the value found (``missing`` when the key was absent)."""

    __slots__ = ("key", "path", "value")

    def __init__(self) -> None:
        self.path = ""
        self.key: str | None = None
        self.value: object = None


_MISSING = object()


class _WatchedObject(Mapping[str, Any]):
    """A JSON object that notes every read in its trail."""

    __slots__ = ("_data", "_path", "_trail")

    def __init__(self, data: Mapping[str, Any], path: str, trail: _Trail) -> None:
        self._data = data
        self._path = path
        self._trail = trail

    def __getitem__(self, key: str) -> Any:
        trail = self._trail
        trail.path, trail.key = self._path, key
        value = self._data.get(key, _MISSING)
        trail.value = value
        if value is _MISSING:
            raise KeyError(key)
        return _watch(value, f"{self._path}/{key}", trail)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class _WatchedArray(list[Any]):
    """A JSON array that notes every item it gives in its trail."""

    __slots__ = ("_path", "_trail")

    def __init__(self, data: list[Any], path: str, trail: _Trail) -> None:
        super().__init__(data)
        self._path = path
        self._trail = trail

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):  # read as an object
            raise AttributeError(key)
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[Any]:
        trail = self._trail
        for index, item in enumerate(super().__iter__()):
            trail.path, trail.key, trail.value = self._path, str(index), item
            yield _watch(item, f"{self._path}/{index}", trail)
        # read to the end: what goes wrong now is the array's (a span's order)
        parent, _, key = self._path.rpartition("/")
        trail.path, trail.key, trail.value = parent, key, self[:]


def _watch(value: object, path: str, trail: _Trail) -> Any:
    if isinstance(value, Mapping):
        return _WatchedObject(value, path, trail)
    if isinstance(value, list):
        return _WatchedArray(value, path, trail)
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    return "object" if isinstance(value, Mapping) else type(value).__name__


def _locate(read: Callable[[Any], object], data: object, path: str, err: Exception) -> FeedError:
    """The FeedError for ``err``, which ``read(data)`` raised: read again, watched."""
    trail = _Trail()
    trail.path, trail.value = path, data
    try:
        read(_watch(data, path, trail))
    except DATA_ERRORS as again:
        err = again
    where = trail.path if trail.key is None else f"{trail.path}/{trail.key}"
    checked = _validated(err) if isinstance(err, TypeError | ValueError) else None
    if checked is not None:  # a check of the value just built: name its field
        field, value = checked
        at = f"{trail.path}/{field.name}"
        if isinstance(err, TypeError):
            return FeedError(_wrong_type(field, value), path=at)
        return FeedError(str(err), path=at)  # out of range: the validator's message
    if isinstance(err, KeyError) and trail.value is _MISSING:
        return FeedError(f"missing key {trail.key!r}", path=where)
    if isinstance(err, AttributeError):  # a reader took a value for an object
        return FeedError(f"expected an object, got {_json_type(trail.value)}", path=where)
    inner = err.__dict__.get(_PATH)
    if inner is not None:  # with_path: the last object read was the value's own
        return FeedError(str(err), path=trail.path + inner)
    if isinstance(err, TypeError) and not isinstance(trail.value, Mapping | list):
        return FeedError(f"unexpected {_json_type(trail.value)} {trail.value!r}", path=where)
    if _in_constructor(err):  # a validator: its message names the field
        return FeedError(str(err), path=trail.path)
    return FeedError(f"invalid value {trail.value!r}: {err}", path=where)


def _validated(err: BaseException) -> tuple[attrs.Attribute[Any], object] | None:
    """The field and value whose validator raised ``err`` in a value's ``__init__``,
    or None when ``err`` came from elsewhere. attrs calls a validator with the value,
    the field and its value once every field is set; those are the last arguments of
    the first function the generated ``__init__`` called."""
    tb = err.__traceback__
    while tb is not None and not _generated(tb.tb_frame.f_code):
        tb = tb.tb_next
    if tb is None or tb.tb_next is None:
        return None
    frame = tb.tb_next.tb_frame
    code = frame.f_code
    args = [frame.f_locals.get(name) for name in code.co_varnames[: code.co_argcount]]
    if len(args) >= 3 and isinstance(args[-2], attrs.Attribute):
        return args[-2], args[-1]
    return None  # a converter


def _generated(code: CodeType) -> bool:
    return code.co_filename.startswith("<attrs generated")


def _in_constructor(err: BaseException) -> bool:
    """Whether ``err`` came from a value's ``__init__`` (its validators and converters),
    which runs after every field was read, rather than from reading one field."""
    tb = err.__traceback__
    while tb is not None:
        if _generated(tb.tb_frame.f_code):
            return True
        tb = tb.tb_next
    return False
