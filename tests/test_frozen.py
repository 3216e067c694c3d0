"""`@frozen` behaves as `@dataclass(frozen=True)` does, checked side by side with the real one."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable
from dataclasses import KW_ONLY, FrozenInstanceError, InitVar, dataclass, field

import pytest

from coach.frozen import frozen


@frozen
class Made:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    extra: dict[str, int] = field(default_factory=dict, compare=False)
    noted: str = field(default="", repr=False)
    counted_not_hashed: int = field(default=0, hash=False)


@dataclass(frozen=True)
class Reference:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    extra: dict[str, int] = field(default_factory=dict, compare=False)
    noted: str = field(default="", repr=False)
    counted_not_hashed: int = field(default=0, hash=False)


@frozen(order=True)
class Ordered:
    line: int
    column: int
    message: str = field(default="", compare=False)


@dataclass(frozen=True, order=True)
class OrderedReference:
    line: int
    column: int
    message: str = field(default="", compare=False)


CASES = [
    (("walk",), {}),
    (("walk", 2, ("a", "b")), {"extra": {"x": 1}, "noted": "hidden"}),
    (("wall calf", 3), {"counted_not_hashed": 7}),
]


def both(arguments: tuple[object, ...], keywords: dict[str, object]) -> tuple[Made, Reference]:
    return Made(*arguments, **keywords), Reference(*arguments, **keywords)  # type: ignore[arg-type]


@pytest.mark.parametrize(("arguments", "keywords"), CASES)
def test_repr_and_hash_are_those_of_a_frozen_dataclass(arguments: tuple[object, ...],
                                                        keywords: dict[str, object]) -> None:
    made, reference = both(arguments, keywords)
    assert repr(made) == repr(reference).replace("Reference(", "Made(")
    assert "hidden" not in repr(made)  # a field with repr=False is not shown
    assert hash(made) == hash(reference)


def test_equal_when_the_compared_fields_are_equal_and_the_class_is_the_same() -> None:
    assert Made("a", 1) == Made("a", 1, extra={"ignored": 1})  # compare=False
    assert Made("a", 1) != Made("a", 2)
    assert Made("a", 1, counted_not_hashed=1) != Made("a", 1, counted_not_hashed=2)  # compared, not hashed
    assert Made("a") != Reference("a")  # another class, even with the same fields
    assert Made("a").__eq__(object()) is NotImplemented


def test_usable_as_keys_and_in_sets() -> None:
    assert {Made("a", 1): "first"}[Made("a", 1)] == "first"
    assert len({Made("a"), Made("a"), Made("b")}) == 2


def test_nothing_can_be_changed_or_added_after_init() -> None:
    made = Made("walk", 2)
    with pytest.raises(FrozenInstanceError):
        made.count = 3  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del made.count  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        made.new_attribute = 1  # type: ignore[attr-defined]
    assert made.count == 2


def test_the_dataclass_tools_work() -> None:
    made = Made("walk", 2, ("a",))
    assert [f.name for f in dataclasses.fields(made)] == [f.name for f in dataclasses.fields(Reference)]
    assert dataclasses.replace(made, count=5) == Made("walk", 5, ("a",))
    assert dataclasses.asdict(made) == dataclasses.asdict(Reference("walk", 2, ("a",)))
    assert Made("a").extra is not Made("a").extra  # default_factory: a new dict each time
    assert pickle.loads(pickle.dumps(made)) == made
    match made:
        case Made(name, count):
            assert (name, count) == ("walk", 2)


def test_order_is_that_of_a_frozen_dataclass_with_order() -> None:
    pairs = [(1, 2, "b"), (1, 1, "z"), (0, 9, "a"), (1, 1, "a")]
    made = sorted(Ordered(*pair) for pair in pairs)
    reference = sorted(OrderedReference(*pair) for pair in pairs)
    assert [(p.line, p.column, p.message) for p in made] == [(p.line, p.column, p.message) for p in reference]
    assert Ordered(1, 1) <= Ordered(1, 1) and Ordered(1, 1) >= Ordered(1, 1)
    assert Ordered(0, 5) < Ordered(1, 0) and Ordered(1, 0) > Ordered(0, 5)
    with pytest.raises(TypeError):
        _ = Ordered(1, 1) < OrderedReference(1, 1)  # type: ignore[operator]


def test_a_class_keeps_its_own_repr_and_eq() -> None:
    @frozen
    class Shown:
        value: int

        def __repr__(self) -> str:
            return f"<{self.value}>"

    assert repr(Shown(3)) == "<3>"


def test_a_class_that_writes_its_own_setattr_is_refused() -> None:
    with pytest.raises(TypeError, match="__setattr__"):
        @frozen
        class Changing:
            value: int

            def __setattr__(self, name: str, value: object) -> None: ...


def test_a_frozen_class_may_extend_another() -> None:
    @frozen
    class Base:
        name: str

    @frozen
    class Extended(Base):
        count: int = 1

    extended = Extended("a")
    assert (extended.name, extended.count) == ("a", 1)
    assert repr(extended).endswith("Extended(name='a', count=1)")
    assert extended != Base("a")
    with pytest.raises(FrozenInstanceError):
        extended.name = "b"  # type: ignore[misc]


@pytest.mark.parametrize("fields", [0, 1, 2])
def test_classes_of_none_one_or_more_fields_compare_hash_and_order(fields: int) -> None:
    names = ["first", "second"][:fields]
    annotations = {name: "int" for name in names}
    made = frozen(order=True)(type("Made", (), {"__annotations__": annotations}))
    reference = dataclass(frozen=True, order=True)(type("Made", (), {"__annotations__": dict(annotations)}))
    low, high = [1] * fields, [1] * (fields - 1) + [2] if fields else []
    assert made(*low) == made(*low) and hash(made(*low)) == hash(reference(*low))
    assert (made(*low) < made(*high)) == (reference(*low) < reference(*high))
    assert (made(*low) != made(*high)) == (reference(*low) != reference(*high))
    assert repr(made(*low)) == repr(reference(*low))


def both_raise(make: Callable[..., object], reference: Callable[..., object], *arguments: object,
               **keywords: object) -> str:
    """Both classes refuse these arguments with a TypeError; the message of @frozen's."""
    with pytest.raises(TypeError) as expected:
        reference(*arguments, **keywords)
    with pytest.raises(TypeError) as made:
        make(*arguments, **keywords)
    assert str(made.value).split("__init__() ")[1] == str(expected.value).split("__init__() ")[1]
    return str(made.value)


def test_wrong_arguments_are_refused_as_a_dataclass_refuses_them() -> None:
    both_raise(Made, Reference)  # no name
    both_raise(Made, Reference, "a", 1, (), {}, "", 0, "one too many")
    both_raise(Made, Reference, "a", colour="red")
    both_raise(Made, Reference, "a", name="b")


def test_fields_not_in_init_class_variables_and_post_init_work_as_in_a_dataclass() -> None:
    from typing import ClassVar

    made_after: list[str] = []

    @frozen
    class Counted:
        LIMIT: ClassVar[int] = 3
        name: str
        kept: tuple[str, ...] = field(default=(), init=False)
        seen: list[str] = field(default_factory=list, init=False)

        def __post_init__(self) -> None:
            made_after.append(self.name)

    counted = Counted("a")
    assert (counted.name, counted.kept, counted.seen, Counted.LIMIT) == ("a", (), [], 3)
    assert [f.name for f in dataclasses.fields(counted)] == ["name", "kept", "seen"]
    assert made_after == ["a"]
    with pytest.raises(TypeError):
        Counted("a", ("b",))  # type: ignore[call-arg]


def test_a_class_dataclasses_would_refuse_is_refused() -> None:
    with pytest.raises(ValueError, match="mutable default"):
        @frozen
        class Shared:
            items: list[str] = []  # the mistake under test

    with pytest.raises(TypeError, match="non-default argument"):
        @frozen
        class Misordered:
            first: int = 0
            second: str  # type: ignore[misc]  # the mistake under test


@frozen
class Seeded:
    """An InitVar: only dataclasses can make this one."""

    seed: InitVar[int]
    value: int = 0

    def __post_init__(self, seed: int) -> None:
        object.__setattr__(self, "value", seed * 2)


def test_what_only_dataclasses_can_make_is_left_to_them() -> None:
    assert Seeded(4).value == 8
    assert [f.name for f in dataclasses.fields(Seeded)] == ["value"]


def test_several_missing_arguments_are_named_as_python_names_them() -> None:
    @frozen
    class Three:
        first: int
        second: int
        third: int

    @dataclass(frozen=True)
    class ThreeReference:
        first: int
        second: int
        third: int

    assert both_raise(Three, ThreeReference).endswith("'first', 'second', and 'third'")
    assert both_raise(Three, ThreeReference, 1).endswith("'second' and 'third'")
    both_raise(Three, ThreeReference, 1, 2, 3, 4)


def test_a_subclass_of_a_class_dataclasses_made_is_made_by_dataclasses_too() -> None:
    @frozen
    class MoreSeeded(Seeded):
        extra: int = 1

    made = MoreSeeded(3, 5, 7)  # type: ignore[call-arg]
    assert (made.value, made.extra) == (6, 7)  # the seed, not the value, went to __post_init__


def test_keyword_only_fields_are_left_to_dataclasses() -> None:
    @frozen
    class Marked:
        first: int
        _: KW_ONLY
        second: int = 0

    @frozen
    class Keyworded(Marked):
        third: int = 2

    assert Marked(1, second=2).second == 2
    with pytest.raises(TypeError):
        Marked(1, 2)  # type: ignore[misc]
    assert Keyworded(1, 3).third == 3 and Keyworded(1, 3).second == 0  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(Marked)] == ["first", "second"]


def test_a_subclass_that_writes_its_own_post_init_has_it_called() -> None:
    called: list[str] = []

    @frozen
    class Base:
        name: str

        def __post_init__(self) -> None:
            called.append("base")

    class Own(Base):
        def __post_init__(self) -> None:
            called.append("own")

    Own("a")
    assert called == ["own"]


def test_fields_left_out_of_init_keep_their_default_on_the_class_as_in_a_dataclass() -> None:
    @frozen
    class Kept:
        name: str
        shown: bool = field(default=True, init=False)

    @dataclass(frozen=True)
    class KeptReference:
        name: str
        shown: bool = field(default=True, init=False)

    assert vars(Kept("a")) == vars(KeptReference("a")) == {"name": "a"}
    assert Kept("a").shown is True


def test_a_mutable_field_default_and_a_field_without_a_type_are_refused_as_dataclasses_refuses_them() -> None:
    with pytest.raises(ValueError, match="mutable default"):
        @frozen
        class Shared:
            items: list[str] = field(default=[])  # the mistake under test

    with pytest.raises(TypeError, match="no type annotation"):
        @frozen
        class Untyped:
            name: str
            count = field(default=0)  # the mistake under test
