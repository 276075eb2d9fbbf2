"""German translations of issue 13a (user administration on the office server)."""

DE = {
    "The administrator {admin} set a new password for your account on {at}. "
    "Since then, {count} files were opened with your account.": "Die Administration ({admin}) hat am {at} ein "
    "neues Passwort für Ihr Konto gesetzt. Seitdem wurden mit Ihrem Konto {count} Akten geöffnet.",
    "If you did not ask for it, or did not open these files yourself, tell your team lead. "
    "Please set a password of your own now (File → Change password).": "Wenn Sie das nicht veranlasst oder "
    "diese Akten nicht selbst geöffnet haben, sagen Sie es Ihrer Teamleitung. Bitte setzen Sie jetzt ein "
    "eigenes Passwort (Datei → Passwort ändern).",
}
