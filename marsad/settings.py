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


@dataclass
class Settings:
    """Every tunable of marsad with its default."""

    max_bytes: int = DEFAULT_MAX_BYTES
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
        return cls(**values)


def _as_int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None


def _read_config(path: Path) -> dict[str, Any]:
    """The `[marsad]` table of a TOML config file (the whole file when it has no such table)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    table = data.get("marsad", data)
    out = {k.replace("-", "_"): v for k, v in table.items() if k != "components"}
    if "components" in table:
        out["component_options"] = table["components"]
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
