"""record_seq: seqs from a sequence on PostgreSQL, so writers need no common lock

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

SQLite keeps counting seqs in ``counters`` (it has one writer at a time anyway).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE record_seq AS bigint MINVALUE 1")
    op.execute("SELECT setval('record_seq', GREATEST(c.value, 1), c.value >= 1) "
               "FROM counters c WHERE c.name = 'seq'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("UPDATE counters SET value = (SELECT CASE WHEN is_called THEN last_value "
               "ELSE last_value - 1 END FROM record_seq) WHERE name = 'seq'")
    op.execute("DROP SEQUENCE record_seq")
