"""Problems, locations, artifacts and the model are immutable values: equal by content, hashable,
readable in a repr, picklable; all are frozen slotted dataclasses (renderers and tests use replace).
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from pathlib import Path

import pytest

from docgen import model
from docgen.app.build import Artifact
from docgen.errors import Location, Problem
from docgen.model import Document, Span, Text

MODEL = [c for _, c in inspect.getmembers(model, inspect.isclass) if c.__module__ == model.__name__]


@pytest.mark.parametrize("cls", MODEL, ids=lambda c: c.__name__)
def test_every_model_class_is_a_frozen_slotted_dataclass(cls: type) -> None:
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert "__slots__" in cls.__dict__
    assert cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "(")  # written, not made


def test_model_values_compare_and_hash_by_content(seed_doc: Document) -> None:
    for value in (seed_doc, seed_doc.author, seed_doc.brand, seed_doc.sections[0], seed_doc.title):
        assert hash(value) == hash(dataclasses.replace(value))
        copy = dataclasses.replace(value)
        assert copy == value and copy is not value
    span = Span("a", bold=True)
    assert span == Span("a", True) and span != Span("a") and hash(span) == hash(Span("a", True))
    assert Text((span,)) != (span,) and Text((span,)) == Text((span,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.text = "b"  # type: ignore[misc]
    assert dataclasses.replace(seed_doc, slug="other").slug == "other"
    assert pickle.loads(pickle.dumps(seed_doc)) == seed_doc


def test_problems_and_artifacts_are_values() -> None:
    loc = Location("a.yaml", 3, 5)
    problem = Problem("bad", loc, hint="fix it", severity="warning")
    assert problem == Problem("bad", Location("a.yaml", 3, 5), "fix it", "warning")
    assert problem != Problem("bad", loc) and loc != ("a.yaml", 3, 5)
    assert len({problem, Problem("bad", loc, "fix it", "warning")}) == 1
    assert repr(problem) == ("Problem(message='bad', location=Location(path='a.yaml', line=3, "
                             "column=5), hint='fix it', severity='warning')")
    assert str(problem) == "a.yaml:3:5: warning: bad (fix it)"
    assert pickle.loads(pickle.dumps(problem)) == problem
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.hint = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        loc.__dict__  # noqa: B018  # slotted
    artifact = Artifact(Path("a.pdf"), "pdf", 2, "pages", 10, "ab", 0.5)
    assert artifact.fresh and artifact == pickle.loads(pickle.dumps(artifact))
    assert artifact != Artifact(Path("a.pdf"), "pdf", 2, "pages", 10, "ab", 0.5, fresh=False)
    assert repr(artifact).startswith(f"Artifact(path={Path('a.pdf')!r}, target='pdf', units=2,")
