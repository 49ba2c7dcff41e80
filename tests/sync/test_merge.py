"""The pure three-way merge."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from k3desk.sync.merge import (
    DELETED,
    changed_paths,
    decision_overrides,
    merge3,
    take_theirs,
    with_deleted,
)


def rec(**fields: object) -> dict[str, object]:
    return with_deleted(dict(fields), False)


def test_different_fields_merge_cleanly() -> None:
    base = rec(name="PT A", city="Jakarta", phone=None)
    mine = rec(name="PT A", city="Bekasi", phone=None)
    theirs = rec(name="PT A Tbk", city="Jakarta", phone="021")
    result = merge3(base, mine, theirs)
    assert result.clean
    assert result.merged == rec(name="PT A Tbk", city="Bekasi", phone="021")


def test_same_field_is_a_conflict_with_mine_kept() -> None:
    base = rec(name="PT A", city="Jakarta")
    result = merge3(base, rec(name="PT A", city="Bekasi"), rec(name="PT B", city="Bogor"))
    assert result.conflicts == [("city",)]
    assert result.merged["city"] == "Bekasi" and result.merged["name"] == "PT B"
    fixed = take_theirs(result.merged, rec(name="PT B", city="Bogor"), result.conflicts)
    assert fixed["city"] == "Bogor" and fixed["name"] == "PT B"


def test_same_change_on_both_sides_is_agreement() -> None:
    base = rec(city="Jakarta")
    result = merge3(base, rec(city="Bekasi"), rec(city="Bekasi"))
    assert result.clean and result.merged["city"] == "Bekasi"


def test_nested_values_merge_per_measurement() -> None:
    base = rec(values={"a": 1, "b": 2})
    mine = rec(values={"a": 10, "b": 2})
    theirs = rec(values={"a": 1, "b": 2, "c": 3})
    result = merge3(base, mine, theirs)
    assert result.clean and result.merged["values"] == {"a": 10, "b": 2, "c": 3}
    clash = merge3(base, rec(values={"a": 10, "b": 2}), rec(values={"a": 11, "b": 2}))
    assert clash.conflicts == [("values", "a")]


def test_removed_key_on_one_side() -> None:
    base = rec(values={"a": 1, "b": 2})
    result = merge3(base, rec(values={"a": 1}), rec(values={"a": 1, "b": 2, "c": 3}))
    assert result.clean and result.merged["values"] == {"a": 1, "c": 3}


def test_delete_against_edit_is_a_conflict() -> None:
    base = rec(city="Jakarta")
    deleted = {**base, DELETED: True}
    result = merge3(base, rec(city="Bekasi"), deleted)
    assert (DELETED,) in result.conflicts
    assert result.merged[DELETED] is False  # mine stands until a person decides
    quiet = merge3(base, base, deleted)
    assert quiet.clean and quiet.merged[DELETED] is True


def test_no_base_means_everything_differing_conflicts() -> None:
    result = merge3(None, rec(city="A"), rec(city="B"))
    assert result.conflicts == [("city",)]


def test_decision_overrides_only_a_new_decision_against_an_edit() -> None:
    base = rec(status="submitted", notes=None)
    approved = rec(status="approved", notes=None)
    revision = rec(status="revision_requested", notes="ulang")
    assert decision_overrides("inspection", base, revision, approved)
    assert not decision_overrides("inspection", base, approved, approved)
    assert not decision_overrides("inspection", base, base, approved)
    assert not decision_overrides("company", base, revision, approved)


def test_changed_paths_are_leaves() -> None:
    assert changed_paths(rec(values={"a": 1}, x=1), rec(values={"a": 2}, x=1)) == [
        ("values", "a")]


leaf = st.one_of(st.none(), st.integers(-3, 3), st.sampled_from(["x", "y"]))
records = st.dictionaries(st.sampled_from(["a", "b", "c"]), st.one_of(
    leaf, st.dictionaries(st.sampled_from(["p", "q"]), leaf, max_size=2)), max_size=3)


@given(records, records, records)
def test_merge_properties(base: dict, mine: dict, theirs: dict) -> None:
    b, m, t = rec(**base), rec(**mine), rec(**theirs)
    result = merge3(b, m, t)
    # nothing I changed is lost: where I changed and it merged cleanly, mine is there
    assert merge3(b, m, b).merged == m and merge3(b, b, t).merged == t
    if result.clean:
        # merging is symmetric when clean
        assert merge3(b, t, m).merged == result.merged
    # merging mine with itself never conflicts
    assert merge3(b, m, m).clean
