"""What incremental checks (`checker check --changed`) need: the spellings a full check
found, and the line each stored article's body starts on (evidence locations).

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as articles:
        articles.add_column(sa.Column("body_line", sa.Integer, nullable=False, server_default="1"))
    op.create_table(
        "spellings",
        sa.Column("text", sa.Text, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("articles", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("spellings")
    with op.batch_alter_table("articles") as articles:
        articles.drop_column("body_line")
