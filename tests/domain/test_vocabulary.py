"""Verdicts and outbox states: the stored strings never change, the labels live once."""

from __future__ import annotations

import json

from k3desk.domain import certificates, evaluation
from k3desk.domain.vocabulary import CERTIFIED_VERDICTS, OutboxState, Verdict


def test_the_stored_and_wire_strings_are_unchanged() -> None:
    assert [v.value for v in Verdict] == ["memenuhi", "tidak_memenuhi", "incomplete"]
    assert [s.value for s in OutboxState] == ["pending", "quarantined", "done"]
    assert json.dumps({"verdict": Verdict.TIDAK_MEMENUHI}) == '{"verdict": "tidak_memenuhi"}'
    assert Verdict("memenuhi") is Verdict.MEMENUHI and Verdict.MEMENUHI == "memenuhi"
    assert Verdict.of("kompor") is None and Verdict.of(None) is None


def test_every_label_comes_from_one_place() -> None:
    assert Verdict.MEMENUHI.title() == "Memenuhi persyaratan K3"
    assert Verdict.TIDAK_MEMENUHI.title("en") == "Does not meet the K3 requirements"
    assert Verdict.INCOMPLETE.short() == "Belum lengkap"
    assert certificates.VERDICTS == CERTIFIED_VERDICTS
    assert certificates.verdict_label("memenuhi") == "MEMENUHI PERSYARATAN K3"
    assert certificates.verdict_label("tidak_memenuhi") == Verdict.TIDAK_MEMENUHI.document_label()
    assert evaluation.VERDICTS == tuple(Verdict)
    assert all(s.title() and s.title("en") for s in OutboxState)
    assert not Verdict.INCOMPLETE.certifiable and Verdict.MEMENUHI.certifiable
