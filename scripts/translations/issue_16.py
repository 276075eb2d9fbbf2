"""German translations of the strings added by issue 16 (statistics methods)."""

DE = {
    "Cell key (for release)": "Cell-Key-Verfahren (zur Weitergabe)",
    "Suppression (quarters, half-years, years)": "Sperrung kleiner Werte (Quartale, Halbjahre, Jahre)",
    "Internal (exact, not for release)": "Intern (exakt, nicht zur Weitergabe)",
    "Method:": "Verfahren:",
    "Period {period} · method: {method} · basis: {basis} · persons left out: {left_out}.": (
        "Zeitraum {period} · Verfahren: {method} · Grundlage: {basis} · nicht berücksichtigt: {left_out}."
    ),
}
DE.update(
    {
        "Publication register…": "Veröffentlichungsregister…",
        "Publication register": "Veröffentlichungsregister",
        "Time": "Zeitpunkt",
        "User": "Benutzer*in",
        "Period": "Zeitraum",
        "Method": "Verfahren",
        "k": "k",
        "Output": "Ausgabe",
        "Cells (hash)": "Zellen (Prüfsumme)",
        "Every statistics report that was saved, printed or bundled. Reports of the same period "
        "and method with a different hash show different values.": (
            "Jeder gespeicherte, gedruckte oder gebündelte Statistikbericht. Berichte desselben Zeitraums "
            "und Verfahrens mit unterschiedlicher Prüfsumme zeigen unterschiedliche Werte."
        ),
    }
)
DE.update(
    {
        "Code": "Kennung",
        "Label": "Bezeichnung",
        "Goal areas (comma-separated)": "Zielbereiche (durch Komma getrennt)",
        "Add field": "Handlungsfeld hinzufügen",
        "Remove field": "Handlungsfeld entfernen",
        "Statistics: fields of action:": "Statistik: Handlungsfelder:",
    }
)
