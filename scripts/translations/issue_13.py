"""German translations of the desktop client on the office server (issue 13)."""

DE = {
    "Office server…": "Büro-Server…",
    "Office server: {path}": "Büro-Server: {path}",
    "Office server profile": "Büro-Server-Profil",
    "Office server profile (*.jmd-server)": "Büro-Server-Profil (*.jmd-server)",
    "Recently used": "Zuletzt verwendet",
    "Recently used…": "Zuletzt verwendet…",
}
