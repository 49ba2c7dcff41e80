"""record_seq: seqs from a sequence on PostgreSQL, so writers need no common lock; and
indexes for the look-ups by a field of ``data`` (the verification's "replaced by", a
blob's attachments, a company's or equipment's inspections)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

SQLite keeps counting seqs in ``counters`` (it has one writer at a time anyway).
The indexes are on the very expressions the queries compile to on each engine.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


#: (index name, record type, data field)
DATA_INDEXES = (("ix_records_certificate_replaces", "certificate", "replaces"),
                ("ix_records_attachment_sha256", "attachment", "sha256"),
                ("ix_records_inspection_company_id", "inspection", "company_id"),
                ("ix_records_inspection_equipment_id", "inspection", "equipment_id"))


def _expression(dialect: str, field: str) -> str:
    if dialect == "postgresql":
        return f"(CAST((data ->> '{field}') AS VARCHAR))"
    return f"CAST(JSON_EXTRACT(data, '$.\"{field}\"') AS VARCHAR)"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, type_, field in DATA_INDEXES:
        op.execute(f"CREATE INDEX {name} ON records ({_expression(dialect, field)}) "
                   f"WHERE type = '{type_}'")
    if dialect != "postgresql":
        return
    op.execute("CREATE SEQUENCE record_seq AS bigint MINVALUE 1")
    op.execute("SELECT setval('record_seq', GREATEST(c.value, 1), c.value >= 1) "
               "FROM counters c WHERE c.name = 'seq'")


def downgrade() -> None:
    for name, _type, _field in DATA_INDEXES:
        op.execute(f"DROP INDEX {name}")
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("UPDATE counters SET value = (SELECT CASE WHEN is_called THEN last_value "
               "ELSE last_value - 1 END FROM record_seq) WHERE name = 'seq'")
    op.execute("DROP SEQUENCE record_seq")
