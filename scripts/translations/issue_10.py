"""German translations of the texts added for issue 10 (keyboard, dates, code lists)."""

DE = {
    "type a name, e.g. Syria": "Namen tippen, z. B. Syrien",
    "e.g. Arabic": "z. B. Arabisch",
    "Not a date: please type DD.MM.YYYY": "Kein Datum: bitte als TT.MM.JJJJ eingeben",
    "Calendar (Alt+Down)": "Kalender (Alt+Pfeil runter)",
    "New &goal…": "Neues &Ziel …",
}
