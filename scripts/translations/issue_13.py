"""German translations of the desktop client on the office server (issue 13)."""

DE = {
    "Office server…": "Büro-Server…",
    "Office server: {path}": "Büro-Server: {path}",
    "Office server profile": "Büro-Server-Profil",
    "Office server profile (*.jmd-server)": "Büro-Server-Profil (*.jmd-server)",
    "Recently used": "Zuletzt verwendet",
    "Recently used…": "Zuletzt verwendet…",
    "Saved by a colleague in the meantime": "Inzwischen von einer Kollegin oder einem Kollegen gespeichert",
    "Field": "Feld",
    "Your input": "Ihre Eingabe",
    "Colleague's version": "Gespeicherter Stand der Kollegin / des Kollegen",
    "&Keep my input": "Meine Eingaben &behalten",
    "&Load colleague's version (discard my input)": "Gespeicherten Stand &laden (meine Eingaben verwerfen)",
    "These fields differ:": "Diese Felder unterscheiden sich:",
    "No field differs.": "Kein Feld unterscheidet sich.",
    "The colleague's version is shown.": "Der gespeicherte Stand der Kollegin / des Kollegen wird angezeigt.",
    "Your input is kept. Saving replaces the colleague's version.": (
        "Ihre Eingaben sind geblieben. Speichern ersetzt den Stand der Kollegin / des Kollegen."
    ),
    "on the office server": "auf dem Büro-Server",
}
