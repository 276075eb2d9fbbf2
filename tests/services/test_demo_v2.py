"""The demo office shows the work beyond the individual file too."""

from __future__ import annotations

import shutil
from datetime import timedelta

from jmd_desk.demo import office as demo
from jmd_desk.services import anonymous, appointments, clients, groups, progress


def test_demo_store_has_groups_anonymous_contacts_appointments_progress_and_districts(clock) -> None:
    session, folder = demo.create_demo_store(30, clock)
    try:
        assert len(groups.list_offers(session)) == 8
        assert len(anonymous.list_anonymous_contacts(session)) >= 10
        assert len(progress.list_districts(session)) == 6
        today = clock.today()
        start, _ = appointments.week_of(today)
        items = appointments.appointments_between(session, start - timedelta(days=400), start + timedelta(days=30))
        assert {"held", "planned"} <= {i.status for i in items}
        files = [clients.client_file(session, r.id, opening=False) for r in clients.list_clients(session)]
        assert any(f.progress for f in files) and any(f.client.district for f in files)
        assert any(f.documents for f in files) and any(f.group_offers for f in files)
    finally:
        session.close()
        shutil.rmtree(folder, ignore_errors=True)
