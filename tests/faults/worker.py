"""Writes to a store in a loop until killed (used by the crash tests).

Every unit of work has a recognisable, self-checking shape:
* an import of BATCH clients named ``Batch-<n>``, each with one case and CONTACTS contacts;
* an edit that adds one contact and one follow-up to a case together.
Usage: python -m tests.faults.worker STORE USER PASSWORD [fsize_limit_bytes]
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.entities import Contact, FollowUp
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import accounts, casework, clients, interchange
from jmd_desk.store.keyfile import KdfPolicy

BATCH = 5
CONTACTS = 3
CLOCK = FixedClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))


def batch(n: int) -> bytes:
    tag = f"{os.getpid()}-{n}"
    people = [
        {
            "ref": f"b{n}-{i}",
            "first_name": f"Person{i}",
            "last_name": f"Batch-{tag}",
            "date_of_birth": "2008-01-01",
            "consents": [],
            "cases": [
                {
                    "ref": f"b{n}-{i}-1",
                    "case_type": "counselling",
                    "opened_on": "2026-01-05",
                    "goals": [],
                    "referrals": [],
                    "follow_ups": [],
                    "contacts": [
                        {"date": "2026-02-01", "minutes": 30 + j, "mode": "phone", "notes": "x" * 500}
                        for j in range(CONTACTS)
                    ],
                }
            ],
        }
        for i in range(BATCH)
    ]
    return json.dumps({"format": "jmd-desk-interchange", "version": 1, "partners": [], "clients": people}).encode()


def main() -> None:
    store, user, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    if len(sys.argv) > 4:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk: writes fail with EFBIG
        limit = int(sys.argv[4])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    session = accounts.sign_in(store, user, password, clock=CLOCK, policy=KdfPolicy.insecure_for_tests())
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        try:
            interchange.import_data(session, batch(n))
            for summary in clients.list_clients(session)[:3]:
                case_id = clients.client_file(session, summary.id, opening=False).cases[0].id
                casework.add_record(
                    session, case_id, Contact(date=CLOCK.today(), minutes=5, mode="email", notes="edit")
                )
                casework.add_record(session, case_id, FollowUp(due_on=CLOCK.today(), text="edit"))
        except JmdError as exc:
            print(f"error {exc.code}", flush=True)
            if len(sys.argv) > 4:
                return
            raise


if __name__ == "__main__":
    main()
