"""German texts of issue 11u (ui modules split: strings moved to new classes keep their wording)."""

DE = {
    "Navigation": "Navigation",
}
