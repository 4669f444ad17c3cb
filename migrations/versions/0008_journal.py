"""the journal: notes and moods on readings, the cards of saved readings (issue 21)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

readings gains three empty columns (note, mood, noted_at) and an index for the mood
filter; existing rows keep every value they had. reading_cards is a new table holding one
row per card of each saved reading, filled here from the saved readings' cards, so the
journal's counts and the archive's card filter cover readings saved before this revision.

The downgrade drops the columns with ALTER TABLE … DROP COLUMN (SQLite 3.35+ has it)
rather than batch mode's copy of the table: copying would drop and recreate readings,
and with SQLite's foreign keys on, dropping it would delete the rows that refer to it.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
BATCH = 500

readings = sa.table(
    "readings",
    sa.column("id", sa.Integer), sa.column("user_id", sa.Integer),
    sa.column("cards", sa.JSON), sa.column("saved_at", TIMESTAMP),
)
reading_cards = sa.table(
    "reading_cards",
    sa.column("reading_id", sa.Integer), sa.column("place", sa.SmallInteger),
    sa.column("user_id", sa.Integer), sa.column("card", sa.SmallInteger),
    sa.column("reversed", sa.Boolean), sa.column("saved_at", TIMESTAMP),
)


def upgrade():
    op.create_table('reading_cards',
    sa.Column('reading_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.SmallInteger(), autoincrement=False, nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card', sa.SmallInteger(), nullable=False),
    sa.Column('reversed', sa.Boolean(), nullable=False),
    sa.Column('saved_at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(['reading_id'], ['readings.id'], name=op.f('fk_reading_cards_reading_id_readings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reading_cards_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('reading_id', 'place', name=op.f('pk_reading_cards')),
    **MYSQL_TABLE,
    )
    op.create_index('ix_reading_cards_user_card_saved', 'reading_cards', ['user_id', 'card', 'saved_at', 'reading_id', 'reversed'], unique=False)

    op.add_column('readings', sa.Column('note', sa.Text(), nullable=True))
    op.add_column('readings', sa.Column('mood', sa.String(length=16), nullable=True))
    op.add_column('readings', sa.Column('noted_at', TIMESTAMP, nullable=True))
    op.create_index('ix_readings_user_mood_saved', 'readings', ['user_id', 'mood', 'saved_at'], unique=False)
    _fill_reading_cards(op.get_bind())


def _fill_reading_cards(bind):
    """A row per card of every saved reading, read a batch of readings at a time."""
    last_id = 0
    while True:
        batch = bind.execute(
            sa.select(readings.c.id, readings.c.user_id, readings.c.cards, readings.c.saved_at)
            .where(readings.c.saved_at.is_not(None), readings.c.id > last_id)
            .order_by(readings.c.id).limit(BATCH)
        ).all()
        if not batch:
            return
        rows = [
            {"reading_id": row.id, "place": place, "user_id": row.user_id, "card": int(drawn["card"]),
             "reversed": bool(drawn.get("reversed")), "saved_at": row.saved_at}
            for row in batch for place, drawn in enumerate(row.cards or [])
        ]
        if rows:
            bind.execute(reading_cards.insert(), rows)
        last_id = batch[-1].id


def downgrade():
    # Dropping a table drops its indexes (MariaDB will not drop the one a foreign key uses).
    op.drop_table('reading_cards')
    op.drop_index('ix_readings_user_mood_saved', table_name='readings')
    op.drop_column('readings', 'noted_at')
    op.drop_column('readings', 'mood')
    op.drop_column('readings', 'note')
