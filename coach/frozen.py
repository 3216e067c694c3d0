"""`@frozen`: coach's value types, frozen dataclasses that are quick to make.

On Python 3.11, `@dataclass(frozen=True)` compiles six small functions for every class it makes
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`; four more with
`order=True`): about 1.2 ms a class on a 2-core machine. coach makes some thirty of them before the
run screen's first frame, where a person woken by a cramp is waiting. `@frozen` lets dataclasses
compile the `__init__` alone and gives every class the same five other methods, written once
here, which compare, hash, order and show the fields just as the generated ones do. Instances
are frozen as with `frozen=True`: `__init__` sets each field once, after that nothing changes.

To mypy, a `@frozen` class is a frozen dataclass (PEP 681's `dataclass_transform`), and
`dataclasses.fields`, `replace` and `asdict` work on it as on any dataclass.

The price is paid per instance: `__init__` sets each field through the shared `__setattr__`, about
1 µs more per instance than a frozen dataclass's. So `@frozen` is for the types coach makes at
start-up and by the dozen (routines, phases, pictures, settings, cues); the history's records and
what is counted from them, made by the thousand for ten years of nights and never on the way to
the first frame, stay plain frozen dataclasses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

def _setattr(self: Any, name: str, value: object) -> None:
    if name in self.__dict__ or name not in type(self).__frozen_fields__:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _eq(self: Any, other: Any) -> Any:  # bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = type(self).__frozen_compared__
    return compared(self) == compared(other)


def _hash(self: Any) -> int:
    return hash(type(self).__frozen_hashed__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__frozen_shown__)
    return f"{type(self).__qualname__}({shown})"


def _ordering(compare: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]) -> Callable[[Any, object], Any]:
    def method(self: Any, other: Any) -> Any:  # bool, or NotImplemented
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = type(self).__frozen_compared__
        return compare(compared(self), compared(other))
    return method


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The named attributes of an object, always as a tuple (attrgetter gives one value alone)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda instance: (one(instance),)
    return lambda instance: ()


_ALWAYS = {"__setattr__": _setattr, "__delattr__": _delattr}
_UNLESS_WRITTEN = {"__eq__": _eq, "__hash__": _hash, "__repr__": _repr}  # as dataclasses: a class's own wins
_ORDER = {"__lt__": _ordering(lambda a, b: a < b), "__le__": _ordering(lambda a, b: a <= b),
          "__gt__": _ordering(lambda a, b: a > b), "__ge__": _ordering(lambda a, b: a >= b)}


@overload
def frozen(cls: type[T], /) -> type[T]: ...
@overload
def frozen(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(cls: type[T] | None = None, /, *, order: bool = False) -> Any:
    """`@frozen` or `@frozen(order=True)` over a class: a frozen dataclass, as described above."""
    if cls is None:
        return lambda cls: _make(cls, order)
    return _make(cls, order)


def _make(cls: type[T], order: bool) -> type[T]:
    for name in ("__setattr__", "__delattr__", *(_ORDER if order else ())):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} defines {name}, which @frozen must provide")
    dataclasses.dataclass(cls, eq=False, repr=False)  # compiles __init__ only
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]  # it is a dataclass from here on
    # Set once per class and read by the methods above: the fields __init__ may set; the fields
    # compared and hashed, as tuples read by operator.attrgetter in C (sets, dict keys and sorting
    # call these often); the fields repr shows.
    made: Any = cls
    made.__frozen_fields__ = frozenset(field.name for field in fields)
    made.__frozen_compared__ = _values_of(tuple(field.name for field in fields if field.compare))
    made.__frozen_hashed__ = _values_of(tuple(field.name for field in fields
                                              if (field.compare if field.hash is None else field.hash)))
    made.__frozen_shown__ = tuple(field.name for field in fields if field.repr)
    for name, method in (_ALWAYS | (_ORDER if order else {})).items():
        setattr(cls, name, method)
    for name, method in _UNLESS_WRITTEN.items():
        if name not in cls.__dict__ or (name == "__hash__" and cls.__dict__[name] is None):
            setattr(cls, name, method)
    return cls
