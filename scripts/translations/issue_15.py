"""German translations of the strings added for issue 15 (spreadsheet import assistant)."""

DE = {
    "Choose the spreadsheet": "Tabelle auswählen",
    "One client per row, headings in the first row (.xlsx, or .csv as saved by German Excel).": (
        "Eine Person pro Zeile, Spaltenüberschriften in der ersten Zeile (.xlsx oder .csv, wie Excel sie speichert)."
    ),
    "&Choose file…": "Datei &auswählen…",
    "&Load a saved mapping…": "Gespeicherte &Zuordnung laden…",
    "File:": "Datei:",
    "Sheet:": "Tabellenblatt:",
    "Spreadsheets (*.xlsx *.csv)": "Tabellen (*.xlsx *.csv)",
    "Saved mapping": "Gespeicherte Zuordnung",
    "Spreadsheet": "Tabelle",
    "{rows} rows below the headings.": "{rows} Zeilen unter den Überschriften.",
    "Mapping loaded: {name}": "Zuordnung geladen: {name}",
    "Assign the columns": "Spalten zuordnen",
    "Columns without a field are not taken over.": "Spalten ohne Feld werden nicht übernommen.",
    "Column": "Spalte",
    "Field": "Feld",
    "Open a case for every client": "Für jede Person einen Fall eröffnen",
    "Opened on": "Beginn am",
    "Opening date from column": "Beginn aus Spalte",
    "Case type:": "Fallart:",
    "– not taken over –": "– nicht übernehmen –",
    "Assign the values": "Werte zuordnen",
    "Texts the program recognises are preset; please check them and fill the rest.": (
        "Erkannte Angaben sind vorbelegt; bitte prüfen und die übrigen ergänzen."
    ),
    "Text in the spreadsheet": "Angabe in der Tabelle",
    "Means": "Bedeutet",
    "Check and import": "Prüfen und übernehmen",
    "&Read the file again": "Datei &neu einlesen",
    "After correcting the spreadsheet in Excel: check it again.": (
        "Nach dem Korrigieren der Tabelle in Excel: erneut prüfen."
    ),
    "&Save mapping…": "Zuordnung &speichern…",
    "Problems (nothing is imported while one remains):": ("Probleme (solange eines besteht, wird nichts übernommen):"),
    "Counsellor of the imported clients:": "Zuständige Fachkraft der übernommenen Personen:",
    "{clients} clients found; {problems} problems.": "{clients} Klient*innen gefunden; {problems} Probleme.",
    "{clients} clients ready to import.": "{clients} Klient*innen können übernommen werden.",
    "Save mapping": "Zuordnung speichern",
    "Take over clients from a spreadsheet": "Klient*innen aus einer Tabelle übernehmen",
    "&Import": "&Übernehmen",
    "Clients from a &spreadsheet…": "Klient*innen aus &Tabelle übernehmen…",
    "{count} clients imported.": "{count} Klient*innen übernommen.",
    # Letters, Förderplan, logo
    "A logo is set.": "Ein Logo ist hinterlegt.",
    "No logo.": "Kein Logo hinterlegt.",
    "Choose logo…": "Logo auswählen…",
    "Remove logo": "Logo entfernen",
    "Logo": "Logo",
    "Images (*.png *.jpg *.jpeg)": "Bilder (*.png *.jpg *.jpeg)",
    "Logo for printouts:": "Logo auf Ausdrucken:",
    "Own letter templates (text files): {folder}": "Eigene Briefvorlagen (Textdateien): {folder}",
    "Letter": "Schreiben",
    "Letter…": "Schreiben…",
    "Print support plan…": "Förderplan drucken…",
    "The Integrationsförderplan of this case as an agreement to sign (PDF)": (
        "Der Integrationsförderplan dieses Falls als Vereinbarung zum Unterschreiben (PDF)"
    ),
    "Referral:": "Vermittlung:",
    "Template:": "Vorlage:",
    "Templates that cannot be used:": "Nicht nutzbare Vorlagen:",
    "Save as &PDF…": "Als &PDF speichern…",
    "Save letter": "Schreiben speichern",
    "Save support plan": "Förderplan speichern",
}
