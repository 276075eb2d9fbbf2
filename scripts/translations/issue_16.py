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
