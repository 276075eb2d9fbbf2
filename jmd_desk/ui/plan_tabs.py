"""The record tabs of a client file: goals (Integrationsförderplan), referrals, follow-ups, consents."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from jmd_desk.domain.entities import CaseFile, ClientFile, Goal
from jmd_desk.services import casework
from jmd_desk.ui.file_host import FileHost, TableTab
from jmd_desk.ui.file_models import consent_table_model, follow_up_table_model, goal_table_model, referral_table_model
from jmd_desk.ui.record_editors import (
    consent_dialog,
    follow_up_dialog,
    goal_dialog,
    goal_status_dialog,
    referral_dialog,
    withdraw_dialog,
)
from jmd_desk.ui.views import button, selected_id, table
from jmd_desk.ui.widgets import format_date


class GoalsTab(TableTab):
    """The goals of the shown case."""

    def __init__(self, host: FileHost) -> None:
        super().__init__(host)
        self.model = goal_table_model(host.session.clock.today, self)
        self.set_view(table("goal_table", self.model))
        self.set_buttons(
            [
                button("add_goal_button", self.tr("New &goal…"), self._add),
                button("goal_status_button", self.tr("Change status…"), self._status),
                button("edit_goal_button", self.tr("Edit…"), self._edit),
                button("delete_goal_button", self.tr("Delete"), lambda: self.delete_selected("goal")),
            ]
        )
        self.view.doubleClicked.connect(self._edit)

    def show_case(self, case_file: CaseFile | None) -> None:
        """Show the goals of ``case_file``."""
        self.model.set_rows(case_file.goals if case_file else [])

    def _add(self) -> None:
        case_id, session = self.host.case_id, self.host.session
        if case_id is not None:
            save = lambda g: casework.add_record(session, case_id, g)  # noqa: E731
            self.host.open_dialog(goal_dialog(self, None, session.clock.today(), save))

    def _selected(self) -> tuple[int, Goal] | None:
        goal_id, case_file = selected_id(self.view), self.host.current_case()
        if goal_id is None or case_file is None:
            return None
        return goal_id, next(g.value for g in case_file.goals if g.id == goal_id)

    def _edit(self) -> None:
        found, session = self._selected(), self.host.session
        case_file = self.host.current_case()
        if found and case_file is not None and self.host.editable:
            goal_id, goal = found
            seen = next(g.version for g in case_file.goals if g.id == goal_id)  # office server: refuse newer
            save = lambda g: casework.update_record(session, goal_id, g, seen_version=seen)  # noqa: E731
            self.host.open_dialog(goal_dialog(self, goal, session.clock.today(), save))

    def _status(self) -> None:
        found, session = self._selected(), self.host.session
        if found:
            goal_id, goal = found
            case_file = self.host.current_case()
            seen = _version_of(list(case_file.goals) if case_file else [], goal_id)
            save = lambda v: casework.set_goal_status(session, goal_id, *v, seen_version=seen)  # noqa: E731
            self.host.open_dialog(goal_status_dialog(self, goal, session.clock.today(), save))


class ReferralsTab(TableTab):
    """The referrals of the shown case; blocked without a valid referral-sharing consent."""

    def __init__(self, host: FileHost) -> None:
        super().__init__(host)
        self.model = referral_table_model(lambda: {p.id: p.name for p in host.partners}, self)
        self.set_view(table("referral_table", self.model, descending=True))
        self.add_button = button("add_referral_button", self.tr("&New referral…"), self._add)
        self.set_buttons(
            [
                self.add_button,
                button("referral_status_button", self.tr("Edit / answer…"), self._edit),
                button("delete_referral_button", self.tr("Delete"), lambda: self.delete_selected("referral")),
            ]
        )
        self.blocked = QLabel("")
        self.blocked.setObjectName("referral_blocked_label")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("background: #fff4e5; padding: 6px; border: 1px solid #f0c36d;")
        self.page_layout.insertWidget(0, self.blocked)

    def show_case(self, case_file: CaseFile | None) -> None:
        """Show the referrals of ``case_file`` and whether new ones may be made."""
        self.model.set_rows(case_file.referrals if case_file else [])
        caps = self.host.caps
        assert caps is not None
        if caps.refer:
            self.blocked.hide()
            self.add_button.setEnabled(self.host.editable and case_file is not None)
            return
        if caps.referral_consent_withdrawn_on is not None:
            text = self.tr(
                "Referrals are blocked: the consent to share data for referrals was withdrawn on "
                "{date}. Record a new consent first (tab Consents)."
            ).format(date=format_date(caps.referral_consent_withdrawn_on))
        else:
            text = self.tr(
                "Referrals are blocked: there is no valid consent to share data for referrals. "
                "Record the consent first (tab Consents)."
            )
        self.blocked.setText(text)
        self.blocked.show()
        self.add_button.setEnabled(False)

    def _add(self) -> None:
        case_id, session = self.host.case_id, self.host.session
        if case_id is not None:
            save = lambda r: casework.add_record(session, case_id, r)  # noqa: E731
            self.host.open_dialog(referral_dialog(self, self.host.partners, None, session.clock.today(), save))

    def _edit(self) -> None:
        referral_id, case_file, session = selected_id(self.view), self.host.current_case(), self.host.session
        if referral_id is None or case_file is None:
            return
        saved = next(r for r in case_file.referrals if r.id == referral_id)
        save = lambda r: casework.update_record(session, referral_id, r, seen_version=saved.version)  # noqa: E731
        self.host.open_dialog(referral_dialog(self, self.host.partners, saved.value, session.clock.today(), save))


class FollowUpsTab(TableTab):
    """The follow-ups (Wiedervorlagen) of the shown case."""

    def __init__(self, host: FileHost) -> None:
        super().__init__(host)
        self.model = follow_up_table_model(self)
        self.set_view(table("follow_up_table", self.model))
        self.set_buttons(
            [
                button("add_follow_up_button", self.tr("&New follow-up…"), self._add),
                button("follow_up_done_button", self.tr("Mark done"), self._done),
                button("delete_follow_up_button", self.tr("Delete"), lambda: self.delete_selected("follow_up")),
            ]
        )

    def show_case(self, case_file: CaseFile | None) -> None:
        """Show the follow-ups of ``case_file``."""
        self.model.set_rows(case_file.follow_ups if case_file else [])

    def _add(self) -> None:
        case_id, session = self.host.case_id, self.host.session
        if case_id is not None:
            save = lambda f: casework.add_record(session, case_id, f)  # noqa: E731
            self.host.open_dialog(follow_up_dialog(self, None, session.clock.today(), save))

    def _done(self) -> None:
        follow_up_id = selected_id(self.view)
        if follow_up_id is not None:
            seen = _version_of(self.model.rows(), follow_up_id)  # office server: refuse a newer save
            self.host.run(lambda: casework.set_follow_up_done(self.host.session, follow_up_id, seen_version=seen))


class ConsentsTab(TableTab):
    """The client's consents, with whether each is valid today (the services' answer)."""

    def __init__(self, host: FileHost) -> None:
        super().__init__(host)
        self.model = consent_table_model(lambda: host.caps.valid_consents if host.caps else frozenset(), self)
        self.set_view(table("consent_table", self.model, 2))
        self.set_buttons(
            [
                button("give_consent_button", self.tr("Record &consent…"), self._give),
                button("withdraw_consent_button", self.tr("Withdraw…"), self._withdraw),
            ]
        )

    def show_file(self, file: ClientFile) -> None:
        """Show the consents of ``file``."""
        self.model.set_rows(file.consents)

    def _give(self) -> None:
        session, client_id = self.host.session, self.host.client_id
        save: Any = lambda c: casework.add_record(session, client_id, c)  # noqa: E731
        self.host.open_dialog(consent_dialog(self, session.clock.today(), save))

    def _withdraw(self) -> None:
        consent_id, session = selected_id(self.view), self.host.session
        if consent_id is not None:
            seen = _version_of(self.model.rows(), consent_id)
            save = lambda day: casework.withdraw_consent(session, consent_id, day, seen_version=seen)  # noqa: E731
            self.host.open_dialog(withdraw_dialog(self, session.clock.today(), save))


def _version_of(rows: list[Any], row_id: int) -> int | None:
    """The version of the shown record ``row_id`` as read (None on a local store)."""
    return next((r.version for r in rows if r.id == row_id), None)
