"""German translations of texts that moved or were added for issue 11 (views split by tab)."""

DE = {
    "Delete the selected entry? This cannot be undone.": (
        "Den ausgewählten Eintrag löschen? Das kann nicht rückgängig gemacht werden."
    ),
}
