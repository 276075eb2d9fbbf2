"""version 2 additions

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jmd_desk.domain.rules import school_qualification_from_text

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "anonymous_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("topics", sa.String(length=200), nullable=False),
        sa.Column("age_group", sa.String(length=10), nullable=False),
        sa.Column("gender", sa.String(length=20), nullable=False),
        sa.Column("referred_partner_type", sa.String(length=40), nullable=True),
        sa.Column("counsellor", sa.String(length=40), nullable=True),
        sa.Column("record_key", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymous_contacts")),
    )
    with op.batch_alter_table("anonymous_contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_anonymous_contacts_counsellor"), ["counsellor"], unique=False)
        batch_op.create_index(batch_op.f("ix_anonymous_contacts_date"), ["date"], unique=False)

    op.create_table(
        "districts",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_districts")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_documents_client_id_clients"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_client_id"), ["client_id"], unique=False)

    op.create_table(
        "group_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("areas", sa.String(length=200), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("participants_by_gender", sa.Text(), nullable=False),
        sa.Column("participants_by_age_group", sa.Text(), nullable=False),
        sa.Column("counsellor", sa.String(length=40), nullable=True),
        sa.Column("record_key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name=op.f("fk_group_offers_partner_id_partners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_offers")),
    )
    with op.batch_alter_table("group_offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_offers_counsellor"), ["counsellor"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_offers_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_group_offers_starts_on"), ["starts_on"], unique=False)

    op.create_table(
        "progress_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_progress_entries_client_id_clients"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_entries")),
    )
    with op.batch_alter_table("progress_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_entries_client_id"), ["client_id"], unique=False)

    op.create_table(
        "group_offer_clients",
        sa.Column("group_offer_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_group_offer_clients_client_id_clients"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["group_offer_id"],
            ["group_offers.id"],
            name=op.f("fk_group_offer_clients_group_offer_id_group_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_offer_id", "client_id", name=op.f("pk_group_offer_clients")),
    )
    with op.batch_alter_table("group_offer_clients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_offer_clients_client_id"), ["client_id"], unique=False)

    op.create_table(
        "group_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_offer_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_offer_id"],
            ["group_offers.id"],
            name=op.f("fk_group_sessions_group_offer_id_group_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_sessions")),
    )
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_sessions_group_offer_id"), ["group_offer_id"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("group_offer_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_appointments_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_appointments_contact_id_contacts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["group_offer_id"],
            ["group_offers.id"],
            name=op.f("fk_appointments_group_offer_id_group_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_group_offer_id"), ["group_offer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appointments_starts_at"), ["starts_at"], unique=False)

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requested_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("phase", sa.String(length=20), nullable=True))
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school_qualification_note", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("district", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_clients_district"), ["district"], unique=False)
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("steps", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("responsible", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("review_on", sa.Date(), nullable=True))
    for table in KEYED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("record_key", sa.BigInteger(), nullable=True))
    bind = op.get_bind()
    _give_record_keys(bind)
    _code_school_qualifications(bind)
    for table in KEYED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("record_key", existing_type=sa.BigInteger(), nullable=False)
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.alter_column("responsible", existing_type=sa.String(length=100), server_default=None)


KEYED_TABLES = ("clients", "cases", "goals", "contacts", "referrals")
CHUNK = 5_000


def _give_record_keys(bind: sa.Connection) -> None:
    """Existing counted records get random statistics keys (DESIGN §4), fixed from now on."""
    for name in KEYED_TABLES:
        table = sa.table(name, sa.column("id", sa.Integer()), sa.column("record_key", sa.BigInteger()))
        ids = [row[0] for row in bind.execute(sa.select(table.c.id))]
        update = table.update().where(table.c.id == sa.bindparam("row_id")).values(record_key=sa.bindparam("key"))
        for start in range(0, len(ids), CHUNK):
            rows = [{"row_id": i, "key": secrets.randbelow(2**32)} for i in ids[start : start + CHUNK]]
            bind.execute(update, rows)


def _code_school_qualifications(bind: sa.Connection) -> None:
    """Free text that is no code becomes ``unknown``, the text kept as the note (DESIGN §4)."""
    clients = sa.table(
        "clients",
        sa.column("id", sa.Integer()),
        sa.column("school_qualification", sa.String()),
        sa.column("school_qualification_note", sa.String()),
    )
    rows = bind.execute(
        sa.select(clients.c.id, clients.c.school_qualification).where(clients.c.school_qualification.is_not(None))
    ).all()
    update = (
        clients.update()
        .where(clients.c.id == sa.bindparam("row_id"))
        .values(school_qualification=sa.bindparam("code"), school_qualification_note=sa.bindparam("note"))
    )
    changes = []
    for row_id, text in rows:
        code, note = school_qualification_from_text(text)
        if (code, note) != (text, None):
            changes.append({"row_id": row_id, "code": code, "note": note})
    if changes:
        bind.execute(update, changes)


def downgrade() -> None:
    clients = sa.table(
        "clients", sa.column("school_qualification", sa.String()), sa.column("school_qualification_note", sa.String())
    )
    op.get_bind().execute(
        clients.update()
        .where(clients.c.school_qualification_note.is_not(None))
        .values(school_qualification=sa.func.substr(clients.c.school_qualification_note, 1, 200))
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("record_key")

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_column("record_key")
        batch_op.drop_column("review_on")
        batch_op.drop_column("responsible")
        batch_op.drop_column("steps")

    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("record_key")

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clients_district"))
        batch_op.drop_column("record_key")
        batch_op.drop_column("district")
        batch_op.drop_column("school_qualification_note")

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("record_key")
        batch_op.drop_column("phase")
        batch_op.drop_column("requested_on")

    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_starts_at"))
        batch_op.drop_index(batch_op.f("ix_appointments_group_offer_id"))
        batch_op.drop_index(batch_op.f("ix_appointments_case_id"))

    op.drop_table("appointments")
    with op.batch_alter_table("group_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_sessions_group_offer_id"))

    op.drop_table("group_sessions")
    with op.batch_alter_table("group_offer_clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_offer_clients_client_id"))

    op.drop_table("group_offer_clients")
    with op.batch_alter_table("progress_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_entries_client_id"))

    op.drop_table("progress_entries")
    with op.batch_alter_table("group_offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_offers_starts_on"))
        batch_op.drop_index(batch_op.f("ix_group_offers_partner_id"))
        batch_op.drop_index(batch_op.f("ix_group_offers_counsellor"))

    op.drop_table("group_offers")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_client_id"))

    op.drop_table("documents")
    op.drop_table("districts")
    with op.batch_alter_table("anonymous_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anonymous_contacts_date"))
        batch_op.drop_index(batch_op.f("ix_anonymous_contacts_counsellor"))

    op.drop_table("anonymous_contacts")
