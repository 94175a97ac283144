"""Settings in one place: defaults, the config file and environment variables.

Precedence (highest first): explicit arguments, environment variables (`MARSAD_*`), the config file
(`--config FILE`, else `$MARSAD_CONFIG`, else `./marsad.toml` when present), the defaults below.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

#: Files larger than this are refused with a clear error (bytes).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Seconds of analysis allowed per 100 kB of an article's text (at least 10 s an article; 0: no limit).
DEFAULT_TIME_LIMIT = 5.0
COLOR_MODES = ("auto", "always", "never")


@dataclass
class Settings:
    """Every tunable of marsad with its default."""

    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float = DEFAULT_TIME_LIMIT
    extensions: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".json")
    disable: tuple[str, ...] = ()
    kb: tuple[str, ...] = ()
    shared_dir: str | None = None
    color: str = "auto"
    component_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    replace: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, config: str | os.PathLike[str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then the config file, then the environment, then `overrides` (None ignored)."""
        values: dict[str, Any] = {}
        path = config or os.environ.get("MARSAD_CONFIG")
        if path is None and Path("marsad.toml").is_file():
            path = "marsad.toml"
        if path is not None:
            values.update(_read_config(Path(path)))
        env = os.environ
        if "MARSAD_KB" in env:
            values["kb"] = tuple(p for p in env["MARSAD_KB"].split(os.pathsep) if p)
        if "MARSAD_SHARED" in env:
            values["shared_dir"] = env["MARSAD_SHARED"]
        if "MARSAD_MAX_BYTES" in env:
            values["max_bytes"] = _as_int("MARSAD_MAX_BYTES", env["MARSAD_MAX_BYTES"])
        if "MARSAD_TIME_LIMIT" in env:
            values["time_limit"] = _as_float("MARSAD_TIME_LIMIT", env["MARSAD_TIME_LIMIT"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        for key in ("extensions", "disable", "kb"):
            if key in values:
                if isinstance(values[key], str):
                    values[key] = (values[key],)  # «disable = "framing"» means one name, not its letters
                elif not isinstance(values[key], (list, tuple)) or not all(isinstance(v, str) for v in values[key]):
                    raise ConfigError(f"{key} must be a list of strings, not {values[key]!r}")
                values[key] = tuple(values[key])
        _check_values(values)
        return cls(**values)


def _check_values(values: dict[str, Any]) -> None:
    """A clear ConfigError for a top-level setting of the wrong type or out of range."""
    if "max_bytes" in values:
        size = values["max_bytes"]
        if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
            raise ConfigError(f"max_bytes must be a positive whole number of bytes, not {size!r}")
    if "time_limit" in values:
        limit = values["time_limit"]
        if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not 0 <= limit < float("inf"):
            raise ConfigError(f"time_limit must be a number of seconds per 100 kB, 0 or more (0: no limit), "
                              f"not {limit!r}")
        values["time_limit"] = float(limit)
    if "color" in values and values["color"] not in COLOR_MODES:
        raise ConfigError(f"color must be one of {', '.join(COLOR_MODES)}, not {values['color']!r}")
    if "shared_dir" in values and not isinstance(values["shared_dir"], (str, type(None))):
        raise ConfigError(f"shared_dir must be a folder path (a string), not {values['shared_dir']!r}")
    for key in ("component_options", "replace"):
        if key in values and not isinstance(values[key], dict):
            raise ConfigError(f"{'components' if key == 'component_options' else key} must be a table, "
                              f"not {values[key]!r}")


def _as_int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None


def _as_float(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None


def _read_config(path: Path) -> dict[str, Any]:
    """The `[marsad]` table of a TOML config file (the whole file when it has no such table)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a config file (give a TOML file)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror or exc})") from None
    table = data.get("marsad", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [marsad] must be a table of settings, not {table!r}")
    out = {k.replace("-", "_"): v for k, v in table.items() if k != "components"}
    if "components" in table:
        out["component_options"] = table["components"]
    try:
        _check_values(out)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return out


def shared_dir(settings: Settings | None = None) -> Path | None:
    """The shared data folder (`$MARSAD_SHARED` or `../shared` beside the project), if present."""
    cand = [settings.shared_dir] if settings and settings.shared_dir else []
    if os.environ.get("MARSAD_SHARED"):
        cand.append(os.environ["MARSAD_SHARED"])
    root = Path(__file__).resolve().parent.parent
    cand += [str(root.parent / "shared"), str(Path.cwd().parent / "shared")]
    for c in cand:
        p = Path(c)
        if (p / "datasets").is_dir():
            return p
    return None
