"""Every table model passes pytest-qt's model tester, empty and filled, and sorts by value."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.services import accounts, audit, clients, interchange, partners
from jmd_desk.services.dashboard import dashboard
from jmd_desk.ui import file_models, models, office_models, overview_models
from tests.conftest import TODAY, sign_in


@pytest.fixture
def filled(store_path, clock):
    session = sign_in(store_path, "admin", clock)
    doc = generate_document(30, today=TODAY.date(), seed=8, counsellors=["admin"])
    interchange.import_data(session, json.dumps(doc).encode())
    summaries = clients.list_clients(session)
    file = next(
        clients.client_file(session, s.id)
        for s in summaries
        if any(c.referrals and c.goals and c.follow_ups for c in clients.client_file(session, s.id).cases)
    )
    case = next(c for c in file.cases if c.referrals and c.goals and c.follow_ups)
    board = dashboard(session)
    yield {
        "session": session,
        "summaries": summaries,
        "file": file,
        "case": case,
        "board": board,
        "partners": partners.list_partners(session),
        "users": accounts.list_users(session),
        "history": audit.client_history(session, file.id),
    }
    session.close()


def check(qtmodeltester, model, rows) -> None:
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows)
    if rows:
        assert model.data(model.index(0, 0), models.ID_ROLE) is not None
        assert model.headerData(0, Qt.Orientation.Horizontal)


def test_all_models(qtmodeltester, filled) -> None:
    today = TODAY.date
    names = {p.id: p.value.name for p in filled["partners"]}
    case = filled["case"]
    check(qtmodeltester, overview_models.client_table_model(today), filled["summaries"])
    check(qtmodeltester, overview_models.partner_table_model(), filled["partners"])
    check(
        qtmodeltester,
        overview_models.due_item_model("Fällig"),
        list(filled["board"].goals_due) + list(filled["board"].referrals_waiting),
    )
    check(qtmodeltester, overview_models.case_count_model(), list(filled["board"].open_cases_by_type.items()))
    check(qtmodeltester, file_models.goal_table_model(), case.goals)
    check(qtmodeltester, file_models.contact_table_model(), case.contacts)
    check(qtmodeltester, file_models.referral_table_model(lambda: names), case.referrals)
    check(qtmodeltester, file_models.follow_up_table_model(), case.follow_ups)
    consents = filled["file"].consents
    check(qtmodeltester, file_models.consent_table_model(lambda: frozenset(c.id for c in consents[:1])), consents)
    check(qtmodeltester, office_models.audit_table_model(), filled["history"])
    check(qtmodeltester, office_models.user_table_model(), filled["users"])
    check(qtmodeltester, file_models.change_table_model(), [])


def test_sorting_uses_values_not_text(qtmodeltester, filled) -> None:
    model = overview_models.client_table_model(TODAY.date)
    model.set_rows(filled["summaries"])
    model.sort(3)  # date of birth, shown as dd.mm.yyyy
    births = [model.row_at(r).date_of_birth for r in range(model.rowCount())]
    assert births == sorted(births)
    model.sort(4, Qt.SortOrder.DescendingOrder)  # age, a number
    ages = [int(model.index(r, 4).data()) for r in range(model.rowCount())]
    assert ages == sorted(ages, reverse=True)
    model.set_rows(list(reversed(filled["summaries"])))  # new rows keep the chosen order
    assert [int(model.index(r, 4).data()) for r in range(model.rowCount())] == ages
    qtmodeltester.check(model)


def test_overdue_goals_are_marked() -> None:
    from datetime import date  # noqa: PLC0415

    from PySide6.QtCore import Qt  # noqa: PLC0415

    from jmd_desk.domain.entities import Goal, Saved  # noqa: PLC0415

    today = date(2026, 11, 20)
    goals = [
        Saved(1, Goal(area="school", title="late", agreed_on=today, due_on=date(2026, 11, 19))),
        Saved(2, Goal(area="school", title="done", agreed_on=today, due_on=date(2026, 11, 1), status="achieved")),
        Saved(3, Goal(area="school", title="later", agreed_on=today, due_on=today)),
    ]
    model = file_models.goal_table_model(lambda: today)
    model.set_rows(goals)
    marked = [model.row_at(r).value.title for r in range(3) if model.warns(r)]
    assert marked == ["late"]
    first = model.index(goals.index(goals[0]), 0)
    assert model.data(first, Qt.ItemDataRole.ForegroundRole) is not None


def test_history_values_shown_as_in_the_form() -> None:
    assert file_models.change_value_text("nationalities", "('SY', 'TR')") == "Syrien, Türkei"
    assert file_models.change_value_text("country_of_birth", "SY") == "Syrien"
    assert file_models.change_value_text("date_of_birth", "2008-03-05") == "05.03.2008"
    assert file_models.change_value_text("phone", "0151 2345678") == "0151 2345678"
    assert file_models.change_value_text("languages", None) == ""
