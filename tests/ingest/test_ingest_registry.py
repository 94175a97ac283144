"""The registry of input kinds: every built-in kind is registered, and a toy kind registered by one
module is picked up for its files, in folders, by sniffing and from an installed plugin."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import marsad.plugins as plugins
from marsad.cli import main
from marsad.errors import MarsadError
from marsad.ingest import core, read_path
from marsad.ingest.registry import Reader, get_reader, readers, register_reader, unregister_reader
from marsad.ingest.result import ReadResult, make_document
from marsad.settings import Settings

BODY = "قال المتحدث باسم الحكومة إن الاجتماع انتهى دون اتفاق على موعد جديد."


def _read_toy(text: str, name: str) -> Iterator[ReadResult]:
    """A toy format: «TOY:» then the headline on the first line, the body after it."""
    first, _, body = text.partition("\n")
    yield ReadResult(name, document=make_document(body, name, title=first.removeprefix("TOY:").strip()))


@pytest.fixture()
def toy() -> Iterator[Reader]:
    reader = register_reader(Reader("toy", (".toy",), _read_toy, sniff=lambda head: head.startswith("TOY:")))
    yield reader
    unregister_reader("toy")


def test_every_built_in_kind_is_registered() -> None:
    names = [r.name for r in readers()]
    assert {"text", "html", "json", "jsonl"} <= set(names)
    assert names.index("jsonl") < names.index("json")  # one object per line is not a broken JSON document
    claimed = {ext: r.name for r in readers() for ext in r.extensions}
    for ext in (".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".jsonl.gz",
                ".ndjson.gz", ".json.gz"):
        assert ext in claimed, ext
    assert get_reader("jsonl").read_stream is not None  # large JSON Lines files are streamed


def test_a_registered_reader_reads_its_files(toy: Reader, tmp_path: Path) -> None:
    path = tmp_path / "a.toy"
    path.write_text(f"TOY: اجتماع بلا نتيجة\n{BODY}\n", encoding="utf-8")
    [result] = read_path(path, Settings())
    assert result.document is not None
    assert result.document.title == "اجتماع بلا نتيجة" and result.document.text.strip() == BODY
    assert core.kind_of(path) == "toy"


def test_folders_read_a_plugin_kind_too(toy: Reader, tmp_path: Path) -> None:
    (tmp_path / "a.toy").write_text(f"TOY: عنوان\n{BODY}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{BODY}\n", encoding="utf-8")
    (tmp_path / "c.md").write_text(f"{BODY}\n", encoding="utf-8")
    got = [r.source_id for r in read_path(tmp_path, Settings()) if r.document]
    assert [Path(s).name for s in got] == ["a.toy", "b.txt"]


def test_a_registered_sniffer_recognises_standard_input(toy: Reader) -> None:
    [result] = core.read_stream(io.BytesIO(f"TOY: عنوان\n{BODY}".encode()), "-", Settings())
    assert result.document is not None and result.document.title == "عنوان"
    assert core.sniff(f"  TOY: x\n{BODY}") == "toy"
    assert core.sniff(BODY) == "text"


def test_without_the_registration_the_kind_is_unknown(tmp_path: Path) -> None:
    assert core.kind_of(tmp_path / "a.toy") is None
    with pytest.raises(MarsadError, match="unknown input kind 'toy'"):
        get_reader("toy")


def test_clashes_and_bad_extensions_are_refused(toy: Reader) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_reader(Reader("toy", (".toy2",), _read_toy))
    with pytest.raises(ValueError, match=r"\.txt \(text\)"):
        register_reader(Reader("toy2", (".txt",), _read_toy))
    with pytest.raises(ValueError, match="must start with"):
        register_reader(Reader("toy3", ("TOY",), _read_toy))
    with pytest.raises(ValueError, match="read_stream"):
        register_reader(Reader("toy4", (".toy.gz",), _read_toy))
    assert "toy2" not in [r.name for r in readers()]


@pytest.fixture()
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A plugin module on the path that registers a reader for «.note» files when imported."""
    (tmp_path / "marsad_note_plugin.py").write_text(textwrap.dedent('''
        from marsad.ingest.registry import Reader, register_reader
        from marsad.ingest.result import ReadResult, make_document

        def read_note(text, name):
            yield ReadResult(name, document=make_document(text, name, title="note"))

        register_reader(Reader("note", (".note",), read_note))
    '''), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(plugins, "_loaded", None)
    yield "marsad_note_plugin"
    unregister_reader("note")
    monkeypatch.setattr(plugins, "_loaded", None)


def test_an_installed_plugin_is_loaded_on_first_use(plugin_module: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    eps = [EntryPoint("note", plugin_module, plugins.GROUP)]
    monkeypatch.setattr(plugins, "entry_points", lambda group: eps if group == plugins.GROUP else [])
    note = tmp_path / "memo.note"
    note.write_text(BODY, encoding="utf-8")
    [result] = read_path(note, Settings())
    assert result.document is not None and result.document.title == "note"
    assert plugins.load_plugins() == ["note"]


def test_a_broken_plugin_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    eps = [EntryPoint("broken", "marsad_no_such_plugin_module", plugins.GROUP)]
    monkeypatch.setattr(plugins, "entry_points", lambda group: eps if group == plugins.GROUP else [])
    monkeypatch.setattr(plugins, "_loaded", None)
    with pytest.raises(MarsadError, match="plugin 'broken'"):
        plugins.load_plugins()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), "--format", "json", "-q"]) == 2
    err = capsys.readouterr().err
    assert "plugin 'broken'" in err and "Traceback" not in err
    monkeypatch.setattr(plugins, "_loaded", None)
