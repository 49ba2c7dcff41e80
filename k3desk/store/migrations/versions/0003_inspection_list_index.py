"""the inspections list: an index that serves it in date order without a table lookup

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 21:10:00
"""
from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_inspection_list', 'inspection', ['deleted', 'inspected_on', 'id'])


def downgrade() -> None:
    op.drop_index('ix_inspection_list', table_name='inspection')
