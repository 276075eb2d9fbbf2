"""The demo data make sense for each person: notes say what the coded fields say, goals suit the
age, referrals are filed under the partner's area."""

from __future__ import annotations

from datetime import date

from jmd_desk.demo.synthetic import GOAL_TITLES, PARTNER_AREAS, generate_document
from jmd_desk.domain.rules import age_on

TODAY = date(2026, 11, 20)


def test_demo_data_are_coherent() -> None:
    doc = generate_document(120, today=TODAY, seed=7, counsellors=["demo"])
    partners = {p["ref"]: p["name"] for p in doc["partners"]}
    ranges = {title: (low, high) for titles in GOAL_TITLES.values() for title, low, high in titles}
    seen = {"interpreter": 0, "parents": 0, "referrals": 0, "goals": 0}
    for client in doc["clients"]:
        dob = date.fromisoformat(client["date_of_birth"])
        for case in client["cases"]:
            for contact in case["contacts"]:
                assert ("Dolmetschung" in contact["notes"]) == contact["interpreter"], contact
                assert ("Eltern" in contact["notes"]) == ("parents" in contact["participants"]), contact
                seen["interpreter"] += contact["interpreter"]
                seen["parents"] += "parents" in contact["participants"]
            for goal in case["goals"]:
                low, high = ranges[goal["title"]]
                age = age_on(dob, date.fromisoformat(goal["agreed_on"]))
                none_fits = all(not lo <= age <= hi for _title, lo, hi in GOAL_TITLES[goal["area"]])
                assert low <= age <= high or none_fits, (goal, age)
                seen["goals"] += 1
            for referral in case["referrals"]:
                assert referral["area"] == PARTNER_AREAS[partners[referral["partner_ref"]]]
                seen["referrals"] += 1
    assert min(seen.values()) > 5  # every rule above was actually exercised
