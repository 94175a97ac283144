"""Component options: declared with a type, a default and a line of documentation, then validated.

A component declares its options when it is registered (`register(..., options=[Option(...)])`); the
pipeline fills in the defaults and checks what the user gave (`[marsad.components.NAME]` in the
config file, or `Pipeline(options={NAME: {...}})`). An unknown option or a value of the wrong type
is a `ConfigError` naming the component, the option and what it expects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.errors import ConfigError

_TYPE_WORDS = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a component: its name, type (bool, int, float or str), default and meaning.

    `optional` allows None (an absent value); `low`/`high` bound numbers (inclusive).
    """

    name: str
    type: type
    default: Any
    doc: str
    optional: bool = False
    low: float | None = None
    high: float | None = None

    def expects(self) -> str:
        """What the option takes, in words («a number from 0 to 1»)."""
        words = _TYPE_WORDS.get(self.type, self.type.__name__)
        if self.low is not None and self.high is not None:
            words += f" from {self.low:g} to {self.high:g}"
        elif self.low is not None:
            words += f" of at least {self.low:g}"
        elif self.high is not None:
            words += f" of at most {self.high:g}"
        return words + (" (or left unset)" if self.optional else "")

    def validate(self, component: str, value: Any) -> Any:
        """`value` checked (a whole number is taken for a number); a `ConfigError` when it does not fit."""
        if value is None and self.optional:
            return None
        ok = isinstance(value, self.type) and not (self.type is not bool and isinstance(value, bool))
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise ConfigError(f"component {component!r}: option {self.name!r} must be {self.expects()} "
                              f"({self.type.__name__}), not {value!r} ({type(value).__name__})")
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            raise ConfigError(f"component {component!r}: option {self.name!r} must be {self.expects()}, "
                              f"not {value!r}")
        return value


def resolve_options(component: str, declared: Sequence[Option], given: Any) -> dict[str, Any]:
    """Every declared option of `component` with the value given, else its default; checked."""
    if given is None:
        given = {}
    if not isinstance(given, Mapping):
        raise ConfigError(f"component {component!r}: options must be a table of name = value, not {given!r}")
    by_name = {o.name: o for o in declared}
    unknown = [k for k in given if k not in by_name]
    if unknown:
        known = ", ".join(sorted(by_name)) or "none"
        raise ConfigError(f"component {component!r}: unknown option(s) {', '.join(map(repr, unknown))} "
                          f"(its options: {known})")
    return {o.name: o.validate(component, given[o.name]) if o.name in given else o.default for o in declared}
