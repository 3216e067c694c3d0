"""`@frozen`: coach's value types, frozen dataclasses that are quick to make.

On Python 3.11, `@dataclass(frozen=True)` compiles six small functions for every class it makes
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`; four more with
`order=True`): about 1.2 ms a class on a 2-core machine. coach makes some thirty of them before the
run screen's first frame, where a person woken by a cramp is waiting. `@frozen` compiles nothing:
it reads the fields from the class's annotations as dataclasses does, and gives every class the
same methods, written once here, which make, compare, hash, order and show the fields just as
the generated ones do. Instances are frozen as with `frozen=True`: `__init__` puts every field
into the instance at once, after that nothing changes. What it cannot read as surely as
dataclasses (an `InitVar`, `kw_only`, a plain dataclass as a base) it leaves to dataclasses.

To mypy, a `@frozen` class is a frozen dataclass (PEP 681's `dataclass_transform`), and
`dataclasses.fields`, `replace` and `asdict` work on it as on any dataclass: its
`__dataclass_fields__` are made by dataclasses the first time one of them asks.

The price is paid per instance: the shared `__init__` binds its arguments in Python, about 0.5 µs
more than a frozen dataclass's. So `@frozen` is for the types coach makes at start-up and by the
dozen (routines, phases, pictures, settings, cues); the history's records and what is counted
from them, made by the thousand for ten years of nights and never on the way to the first frame,
stay plain frozen dataclasses.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar, dataclass_transform, overload

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
    made: Any = cls  # given attributes a type checker cannot know of
    specs = _field_specs(cls)
    read = specs is not None
    if specs is None:  # something only dataclasses knows how to make (InitVar, kw_only, a plain dataclass base)
        dataclasses.dataclass(cls, eq=False, repr=False)  # compiles __init__ only
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]  # it is a dataclass from here on
        specs = tuple(_FieldSpec(field.name, str(field.type), field.default, field.default_factory, field.init,
                                 field.repr, field.hash, field.compare) for field in fields)
    else:
        _take_field_objects_off(cls)
        if "__init__" not in cls.__dict__:
            made.__init__ = _init_for(cls, specs)
        if "__match_args__" not in cls.__dict__:
            made.__match_args__ = tuple(spec.name for spec in specs if spec.init)  # type: ignore[misc]
        # dataclasses.fields, replace and asdict read this; made the first time one of them asks.
        made.__dataclass_fields__ = _DataclassFields()
    # Set once per class and read by the methods above: the fields __init__ may set; the fields
    # compared and hashed, as tuples read by operator.attrgetter in C (sets, dict keys and sorting
    # call these often); the fields repr shows.
    made.__frozen_specs__ = specs
    made.__frozen_read__ = read  # its fields read here, so a subclass may take them as they are
    made.__frozen_fields__ = frozenset(spec.name for spec in specs)
    made.__frozen_compared__ = _values_of(tuple(spec.name for spec in specs if spec.compare))
    made.__frozen_hashed__ = _values_of(tuple(spec.name for spec in specs if spec.hashed))
    made.__frozen_shown__ = tuple(spec.name for spec in specs if spec.repr)
    for name, method in (_ALWAYS | (_ORDER if order else {})).items():
        setattr(cls, name, method)
    for name, method in _UNLESS_WRITTEN.items():
        if name not in cls.__dict__ or (name == "__hash__" and cls.__dict__[name] is None):
            setattr(cls, name, method)
    return cls


class _FieldSpec(NamedTuple):
    name: str
    annotation: str
    default: Any  # MISSING: none
    factory: Any  # MISSING: none
    init: bool
    repr: bool
    hash: bool | None  # None: as compare
    compare: bool

    @property
    def hashed(self) -> bool:
        return self.compare if self.hash is None else self.hash


def _field_specs(cls: type) -> tuple[_FieldSpec, ...] | None:
    """The class's fields as dataclasses would find them, read from its annotations (strings,
    under `from __future__ import annotations`), or None where only dataclasses can tell."""
    specs: dict[str, _FieldSpec] = {}
    for base in reversed(cls.__mro__[1:]):
        if base.__dict__.get("__frozen_read__"):
            specs.update((spec.name, spec) for spec in base.__dict__["__frozen_specs__"])
        elif "__dataclass_fields__" in base.__dict__:
            return None  # a dataclass, or a @frozen class dataclasses made: its fields are its own
    annotations = inspect.get_annotations(cls)
    if any(isinstance(value, Field) and name not in annotations for name, value in cls.__dict__.items()):
        return None  # dataclasses says what is wrong
    for name, annotation in annotations.items():
        if not isinstance(annotation, str):
            return None
        if annotation.startswith(_CLASS_VARIABLES):
            continue
        if any(word in annotation for word in ("InitVar", "ClassVar", "KW_ONLY")):
            return None  # spelled some other way, or keyword-only fields: dataclasses knows
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            if value.kw_only is True:
                return None
            _refuse_mutable(name, value.default)
            specs[name] = _FieldSpec(name, annotation, value.default, value.default_factory, value.init,
                                     value.repr, value.hash, value.compare)
        else:
            _refuse_mutable(name, value)
            specs[name] = _FieldSpec(name, annotation, value, MISSING, True, True, None, True)
    seen_default = False
    for spec in specs.values():
        if spec.init and (spec.default is not MISSING or spec.factory is not MISSING):
            seen_default = True
        elif spec.init and seen_default:
            raise TypeError(f"non-default argument {spec.name!r} follows default argument")
    return tuple(specs.values())


_CLASS_VARIABLES = ("ClassVar[", "typing.ClassVar[")


def _refuse_mutable(name: str, default: object) -> None:
    if default is not MISSING and default.__class__.__hash__ is None:  # as dataclasses refuses it
        raise ValueError(f"mutable default {type(default)} for field {name} is not allowed: use default_factory")


def _take_field_objects_off(cls: type) -> None:
    """As dataclasses does: a field's default stays as a class attribute, a Field object does not."""
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field):
            if value.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, value.default)


_NO_VALUE: Any = object()  # in an instance's values while __init__ has not found one yet


def _init_for(cls: type, specs: tuple[_FieldSpec, ...]) -> Callable[..., None]:
    """An `__init__` that puts the fields into the instance's dict in one step: no function is
    compiled for the class, and no field goes through the refusing `__setattr__`."""
    names = tuple(spec.name for spec in specs if spec.init)
    accepted = frozenset(names)
    # Every field that gets a value, in the fields' order: as given, its default, or its factory's.
    # (One left out of __init__ with a plain default has it as a class attribute, as in dataclasses.)
    template = {spec.name: _NO_VALUE if spec.default is MISSING else spec.default
                for spec in specs if spec.init or spec.factory is not MISSING}
    factories = {spec.name: spec.factory for spec in specs if spec.factory is not MISSING}
    to_fill = tuple(name for name, value in template.items() if value is _NO_VALUE)
    count = len(names)
    required = sum(1 for name in names if template[name] is _NO_VALUE and name not in factories)
    takes = f"{count + 1}" if required == count else f"from {required + 1} to {count + 1}"
    has_post_init = hasattr(cls, "__post_init__")  # called as dataclasses calls it: a subclass's own wins
    qualname = cls.__qualname__

    def __init__(self: Any, *arguments: Any, **keywords: Any) -> None:
        values = template.copy()
        if arguments:
            if len(arguments) > count:
                raise TypeError(f"{qualname}.__init__() takes {takes} positional arguments "
                                f"but {len(arguments) + 1} were given")
            values.update(zip(names, arguments, strict=False))  # fewer arguments: defaults below
            if keywords and not keywords.keys().isdisjoint(names[:len(arguments)]):
                twice = next(name for name in names[:len(arguments)] if name in keywords)
                raise TypeError(f"{qualname}.__init__() got multiple values for argument {twice!r}")
        if keywords:
            if not accepted.issuperset(keywords):
                unknown = next(name for name in keywords if name not in accepted)
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument {unknown!r}")
            values.update(keywords)
        for name in to_fill:
            if values[name] is _NO_VALUE:
                if name not in factories:
                    absent = [name for name in to_fill if values[name] is _NO_VALUE and name not in factories]
                    raise TypeError(f"{qualname}.__init__() {_missing(absent)}")
                values[name] = factories[name]()
        self.__dict__.update(values)
        if has_post_init:
            self.__post_init__()

    return __init__


def _missing(names: list[str]) -> str:
    """As Python words it: missing 1 required positional argument: 'a' / 2 ...: 'a' and 'b'."""
    quoted = [repr(name) for name in names]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + ("," if len(quoted) > 2 else "") \
        + " and " + quoted[-1]
    plural = "argument" if len(names) == 1 else "arguments"
    return f"missing {len(names)} required positional {plural}: {listed}"


class _DataclassFields:
    """A class's `__dataclass_fields__`, made by dataclasses the first time something reads it
    (`fields`, `replace`, `asdict`): from a stand-in class with the same fields, so the real one
    keeps what @frozen gave it and pays nothing until then."""

    def __init__(self) -> None:
        self._fields: dict[str, Field[Any]] | None = None

    def __get__(self, instance: object, owner: type) -> dict[str, Field[Any]]:
        if self._fields is None:
            specs: tuple[_FieldSpec, ...] = owner.__frozen_specs__  # type: ignore[attr-defined]
            namespace: dict[str, Any] = {
                "__annotations__": {spec.name: spec.annotation for spec in specs},
                "__module__": owner.__module__, "__qualname__": owner.__qualname__,
                **{spec.name: dataclasses.field(default=spec.default, default_factory=spec.factory, init=spec.init,
                                                repr=spec.repr, hash=spec.hash, compare=spec.compare)
                   for spec in specs}}
            stand_in: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(type(owner.__name__, (), namespace))
            self._fields = stand_in.__dataclass_fields__
        return self._fields
