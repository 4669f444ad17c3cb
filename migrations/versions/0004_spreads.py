"""where a reading's cards came from (issue 20)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

readings.source says whether the site dealt the cards ("drawn") or the user entered a
reading of their own paper deck ("own-deck", /reading/manual). Every existing row was dealt
by the site: the new column's default gives them "drawn", and nothing else in them changes.
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('readings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=False, server_default='drawn'))


def downgrade():
    with op.batch_alter_table('readings', schema=None) as batch_op:
        batch_op.drop_column('source')
