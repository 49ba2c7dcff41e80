"""the inspections list: a covering index (every column the list filters on), so the list
and its search read the index alone, never the 100,000 rows

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:55:00
"""
from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = ['deleted', 'inspected_on', 'id', 'balai_id', 'company_id', 'equipment_id',
           'status', 'verdict', 'inspector_id']


def upgrade() -> None:
    op.drop_index('ix_inspection_list', table_name='inspection')
    op.create_index('ix_inspection_list', 'inspection', COLUMNS)


def downgrade() -> None:
    op.drop_index('ix_inspection_list', table_name='inspection')
    op.create_index('ix_inspection_list', 'inspection', ['deleted', 'inspected_on', 'id'])
