"""Error codes turned into clear German (first) and English messages, for the CLI and the UI.

Templates use ``{name}`` placeholders filled from the error's params; a missing param leaves
the placeholder out rather than failing.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, Protocol

from jmd_desk.texts import pick
from jmd_desk.texts.messages_v2 import V2_FIELD_MESSAGES, V2_MESSAGES
from jmd_desk.texts.server_messages import SERVER_FIELD_MESSAGES, SERVER_MESSAGES

__all__ = ["FIELD_MESSAGES", "MESSAGES", "field_message", "message"]


class CodedProblem(Protocol):
    """What a message needs of an error (``JmdError`` or ``FieldError``; texts import no domain)."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, Any]: ...


MESSAGES: dict[str, tuple[str, str]] = {
    # --- opening and writing the store
    "store_not_found": (
        "Keine Datenablage unter {path} gefunden. Mit »jmd-desk init« anlegen oder --store angeben.",
        "No store found at {path}. Create one with 'jmd-desk init' or pass --store.",
    ),
    "store_file_missing": (
        "Die Datenbankdatei {path} fehlt, nur die Schlüsseldatei ist da. Bitte aus einer Sicherung wiederherstellen.",
        "The database file {path} is missing; only its key file is there. Restore it from a backup.",
    ),
    "store_empty": (
        "Die Datenbankdatei {path} ist leer (0 Byte). Sie wurde nicht verändert; bitte aus einer "
        "Sicherung wiederherstellen.",
        "The database file {path} is empty (0 bytes). It was left unchanged; restore it from a backup.",
    ),
    "store_exists": (
        "Unter {path} gibt es bereits eine Datenablage; sie wird nicht überschrieben.",
        "A store already exists at {path}; it will not be overwritten.",
    ),
    "keyfile_missing": (
        "Die Schlüsseldatei {path} fehlt. Ohne sie lässt sich die Datenablage nicht öffnen; bitte "
        "aus der Sicherung zurücklegen.",
        "The key file {path} is missing. The store cannot be opened without it; restore it from the backup.",
    ),
    "keyfile_unreadable": (
        "Die Schlüsseldatei {path} kann nicht gelesen werden ({reason}).",
        "The key file {path} cannot be read ({reason}).",
    ),
    "keyfile_corrupt": (
        "Die Schlüsseldatei ist beschädigt. Bitte aus der Sicherung zurücklegen.",
        "The key file is damaged. Restore it from the backup.",
    ),
    "key_slot_damaged": (
        "Der Schlüssel dieses Kontos in der Schlüsseldatei ist beschädigt. Eine Administratorin kann das "
        "Passwort neu setzen (oder die Schlüsseldatei aus der Sicherung zurücklegen).",
        "This account's key slot in the key file is damaged. An administrator can reset the password "
        "(or restore the key file from the backup).",
    ),
    "keyfile_unsupported": (
        "Die Schlüsseldatei stammt aus einer neueren Programmversion (Format {version}). Bitte JMD Desk aktualisieren.",
        "The key file comes from a newer program version (format {version}). Please update JMD Desk.",
    ),
    "keyfile_mismatch": (
        "Die Schlüsseldatei gehört zu einer anderen Datenablage.",
        "The key file belongs to a different store.",
    ),
    "weak_kdf": (
        "Der Schlüssel dieses Kontos ist zu schwach geschützt und wird nicht angenommen.",
        "This account's key slot is protected too weakly and is refused.",
    ),
    "not_a_store": (
        "Die Datei ist keine JMD-Desk-Datenablage oder passt nicht zur Schlüsseldatei. Sie wurde nicht verändert.",
        "The file is not a JMD Desk store or does not match its key file. It was left unchanged.",
    ),
    "store_corrupt": (
        "Die Datenablage ist beschädigt. Bitte die letzte Sicherung wiederherstellen.",
        "The store is damaged. Restore the latest backup.",
    ),
    "store_truncated": (
        "Die Datenablage ist unvollständig (abgeschnitten). Sie wurde nicht verändert; bitte die letzte "
        "Sicherung wiederherstellen.",
        "The store is incomplete (truncated). It was left unchanged; restore the latest backup.",
    ),
    "io_error": (
        "Lese- oder Schreibfehler der Festplatte. Die letzte Änderung wurde nicht gespeichert.",
        "Disk read or write error. The last change was not saved.",
    ),
    "disk_full": (
        "Der Datenträger ist voll. Die letzte Änderung wurde nicht gespeichert.",
        "The disk is full. The last change was not saved.",
    ),
    "store_busy": (
        "Die Datenablage ist gerade belegt. Bitte gleich noch einmal versuchen.",
        "The store is busy. Please try again in a moment.",
    ),
    "store_unreadable": ("Die Datenablage kann nicht geöffnet werden.", "The store cannot be opened."),
    "store_read_only": (
        "Die Datenablage ist schreibgeschützt.",
        "The store is read-only.",
    ),
    "store_error": ("Fehler der Datenablage ({detail}).", "Store error ({detail})."),
    "bad_key": ("Ungültiger Datenbankschlüssel.", "Invalid database key."),
    "sqlcipher_missing": (
        "Die Verschlüsselung (SQLCipher) ist nicht verfügbar; es wird nichts unverschlüsselt gespeichert.",
        "Encryption (SQLCipher) is not available; nothing will be stored unencrypted.",
    ),
    "store_on_network": (
        "Warnung: Die Datenablage liegt auf einem Netzlaufwerk ({fs}). SQLite ist dort nicht sicher "
        "(Sperren, Schreibprotokoll); bitte auf eine lokale Festplatte legen.",
        "Warning: the store is on a network drive ({fs}). SQLite is not safe there (locking, "
        "write-ahead log); please keep it on a local disk.",
    ),
    "store_in_use": (
        "Die Datenablage ist bereits geöffnet von {holder}. Bitte dort schließen.",
        "The store is already open by {holder}. Close it there first.",
    ),
    "lock_failed": (
        "Die Sperrdatei {path} kann nicht angelegt werden ({reason}).",
        "Cannot create the lock file {path} ({reason}).",
    ),
    "schema_too_new": (
        "Diese Datenablage wurde mit einer neueren Version von JMD Desk geschrieben (Stand {revision}). "
        "Bitte das Programm aktualisieren; die Daten bleiben unverändert.",
        "This store was written by a newer version of JMD Desk (revision {revision}). Please update the "
        "program; the data were left unchanged.",
    ),
    "migrations_missing": (
        "Die Datenbank-Migrationen fehlen in dieser Installation.",
        "The database migrations are missing from this installation.",
    ),
    "migration_failed": (
        "Die Aktualisierung der Datenablage ist fehlgeschlagen ({detail}); es wurde nichts verändert.",
        "Upgrading the store failed ({detail}); nothing was changed.",
    ),
    "write_failed": (
        "Die Datei {path} konnte nicht geschrieben werden ({reason}).",
        "Could not write {path} ({reason}).",
    ),
    "backup_exists": (
        "Die Sicherungsdatei {path} gibt es schon.",
        "The backup file {path} already exists.",
    ),
    "backup_failed": ("Die Sicherung ist fehlgeschlagen ({reason}).", "The backup failed ({reason})."),
    "backup_damaged": (
        "Die Sicherung ist beschädigt oder unvollständig ({detail}); es wurde nichts verändert.",
        "The backup is damaged or incomplete ({detail}); nothing was changed.",
    ),
    "backup_not_found": ("Die Sicherung {path} gibt es nicht.", "The backup {path} does not exist."),
    "backup_verification_failed": (
        "Die Sicherung hat die Prüfung nicht bestanden ({detail}); es wurde nichts verändert.",
        "The backup failed verification ({detail}); nothing was changed.",
    ),
    "restore_needs_user": (
        "Zum Zurückspielen bitte --user angeben: die Sicherung wird vorher mit dem Passwort geprüft.",
        "Restoring needs --user: the backup is verified with that password first.",
    ),
    "user_list_mismatch": (
        "Die signierte Benutzerliste passt nicht zur Datenablage ({detail}). Jemand hat Konten, Rollen "
        "oder Schlüssel am Programm vorbei geändert. Die Datenablage wird nicht geöffnet; bitte die "
        "Administration informieren und »jmd-desk verify« ausführen.",
        "The signed user list does not match the store ({detail}). Someone changed accounts, roles or "
        "key slots behind the program's back. The store is not opened; tell the admin and run "
        "'jmd-desk verify'.",
    ),
    "signing_key_unavailable": (
        "Diese Änderung muss eine Administratorin signieren, deren Konto den Signaturschlüssel des Büros "
        "hält (oder »jmd-desk rekey«).",
        "This change must be signed by an admin whose account holds the office signing key (or run 'jmd-desk rekey').",
    ),
    "user_inactive": (
        "Das Konto {user} ist deaktiviert; erst wieder aktivieren, dann ein Passwort setzen.",
        "The account {user} is deactivated; reactivate it before setting a password.",
    ),
    "deletion_not_independent": (
        "Vier Augen sind zwei Personen: Das bestätigende Konto darf das vorschlagende nicht angelegt oder "
        "sein Passwort gesetzt haben (und umgekehrt), und beide müssen ihr Passwort selbst gesetzt haben.",
        "Four eyes are two people: neither account may have created the other or set its password, and "
        "both must have set their own password.",
    ),
    "deletion_time_lock": (
        "In einem Büro mit nur einer Person für Leitung und Administration gilt eine Wartefrist: "
        "bestätigen frühestens am {date}.",
        "In an office with one person as team lead and admin a time lock applies: confirm on {date} at the earliest.",
    ),
    "password_change_required": (
        "Sie haben sich mit einem Einmal-Passwort angemeldet. Bitte zuerst ein eigenes Passwort setzen.",
        "You signed in with a one-time password. Please set your own password first.",
    ),
    "rekey_refused": (
        "Neu verschlüsseln abgelehnt: die Datenablage zeigt Spuren von Manipulation ({detail}). "
        "Bitte zuerst »jmd-desk verify« ausführen.",
        "Re-keying refused: the store shows signs of tampering ({detail}). Run 'jmd-desk verify' first.",
    ),
    "rekey_failed": (
        "Neu verschlüsseln fehlgeschlagen; nichts wurde ersetzt.",
        "Re-keying failed; nothing was replaced.",
    ),
    "restore_other_store": (
        "Die Sicherung stammt aus einer anderen Datenablage und wird nicht zurückgespielt; es wurde nichts verändert.",
        "The backup belongs to a different store and is not restored; nothing was changed.",
    ),
    "restore_needs_live_admin": (
        "Zurückspielen darf nur eine aktive Administratorin der jetzigen Datenablage (oder wer deren "
        "Wiederherstellungsschlüssel hat); es wurde nichts verändert.",
        "Only an active admin of the current store (or the holder of its recovery key) may restore; "
        "nothing was changed.",
    ),
    "restore_cancelled": (
        "Zurückspielen abgebrochen; es wurde nichts verändert.",
        "Restore cancelled; nothing was changed.",
    ),
    "credentials_missing": ("Benutzername und Passwort fehlen.", "User name and password are missing."),
    # --- signing in and permissions
    "wrong_credentials": (
        "Benutzername oder Passwort ist falsch.",
        "Wrong user name or password.",
    ),
    "too_many_attempts": (
        "Zu viele fehlgeschlagene Anmeldungen. Bitte {seconds} Sekunden warten.",
        "Too many failed sign-ins. Please wait {seconds} seconds.",
    ),
    "not_permitted": (
        "Dafür fehlt die Berechtigung (nötig: {roles}).",
        "You are not permitted to do this (requires: {roles}).",
    ),
    "not_permitted_file": (
        "Keine Berechtigung für diese Akte.",
        "You are not permitted to access this file.",
    ),
    "session_closed": ("Die Sitzung ist gesperrt oder beendet.", "The session is locked or closed."),
    "store_locked": ("Die Sitzung ist gesperrt.", "The session is locked."),
    "password_mismatch": (
        "Die beiden Passwörter stimmen nicht überein.",
        "The two passwords do not match.",
    ),
    "no_password": (
        "Kein Passwort eingegeben (interaktiv oder mit --password-stdin).",
        "No password given (interactively or with --password-stdin).",
    ),
    # --- case work
    "not_found": ("{kind} {id} wurde nicht gefunden.", "{kind} {id} was not found."),
    "client_numbers_exhausted": (
        "Für {year} sind alle Klient*innen-Nummern vergeben.",
        "All client numbers for {year} are in use.",
    ),
    "referral_needs_consent": (
        "Vermittlung nicht möglich: Für den {date} liegt keine gültige Einwilligung zur Datenweitergabe "
        "vor. Bitte zuerst die Einwilligung erfassen.",
        "Referral not possible: there is no valid referral-sharing consent for {date}. Record the consent first.",
    ),
    "client_has_open_case": (
        "Es gibt bereits einen offenen Fall. Bitte diesen zuerst abschließen.",
        "There is already an open case. Close it first.",
    ),
    "case_already_closed": ("Der Fall ist bereits abgeschlossen.", "The case is already closed."),
    "not_deletable": ("{kind} kann nicht gelöscht werden.", "{kind} cannot be deleted."),
    "consent_already_withdrawn": (
        "Die Einwilligung ist bereits widerrufen.",
        "The consent has already been withdrawn.",
    ),
    "deletion_nothing_selected": ("Es wurde keine Akte ausgewählt.", "No file was selected."),
    "deletion_legal_hold": (
        "Akte {client_number} ist gesperrt (Löschsperre) und wird nicht gelöscht.",
        "File {client_number} is on legal hold and will not be deleted.",
    ),
    "deletion_not_due": (
        "Akte {client_number} ist noch nicht zur Löschung fällig.",
        "File {client_number} is not due for deletion yet.",
    ),
    "deletion_needs_second_person": (
        "Die Löschung muss eine zweite Person bestätigen, nicht die vorschlagende.",
        "A second person must confirm the deletion, not the one who proposed it.",
    ),
    "deletion_needs_admin_and_team_lead": (
        "Vorschlag und Bestätigung brauchen eine Administration und eine Teamleitung.",
        "Proposal and confirmation need one administrator and one team lead.",
    ),
    "deletion_already_decided": (
        "Über diesen Löschlauf wurde schon entschieden.",
        "This deletion run has already been decided.",
    ),
    "sheet_type_unsupported": (
        "{name}: nur .xlsx- und .csv-Tabellen können übernommen werden.",
        "{name}: only .xlsx and .csv spreadsheets can be imported.",
    ),
    "sheet_too_large": (
        "Die Tabelle ist größer als {max_mb} MB und wird nicht gelesen.",
        "The spreadsheet is larger than {max_mb} MB and is not read.",
    ),
    "sheet_unpacks_too_large": (
        "Die .xlsx-Datei würde entpackt mehr als {max_mb} MB belegen (möglicherweise eine Zip-Bombe) "
        "und wird nicht gelesen.",
        "The .xlsx file would unpack to more than {max_mb} MB (possibly a zip bomb) and is not read.",
    ),
    "sheet_not_xlsx": (
        "Die Datei ist keine lesbare .xlsx-Tabelle.",
        "The file is not a readable .xlsx spreadsheet.",
    ),
    "sheet_not_found": (
        "Die Tabelle enthält kein Blatt {value!r} (vorhanden: {sheets}).",
        "The workbook has no sheet {value!r} (present: {sheets}).",
    ),
    "sheet_not_text": (
        "Die .csv-Datei ist keine Textdatei in UTF-8 oder Windows-1252.",
        "The .csv file is not text in UTF-8 or Windows-1252.",
    ),
    "sheet_csv_broken": (
        "Die .csv-Datei ist in Zeile {line} nicht lesbar ({reason}).",
        "The .csv file cannot be read at line {line} ({reason}).",
    ),
    "sheet_too_many_rows": (
        "Die Tabelle hat mehr als {max} Zeilen; bitte aufteilen.",
        "The spreadsheet has more than {max} rows; please split it.",
    ),
    "sheet_too_many_columns": (
        "Die Tabelle hat mehr als {max} Spalten.",
        "The spreadsheet has more than {max} columns.",
    ),
    "sheet_too_many_cells": (
        "Die Tabelle hat mehr als {max} gefüllte Zellen; bitte aufteilen.",
        "The spreadsheet has more than {max} filled cells; please split it.",
    ),
    "sheet_cell_too_long": (
        "Eine Zelle in Zeile {row} ist länger als {max} Zeichen.",
        "A cell in row {row} is longer than {max} characters.",
    ),
    "sheet_no_header": (
        "Die erste Zeile der Tabelle muss die Spaltenüberschriften enthalten.",
        "The first row of the spreadsheet must hold the column headings.",
    ),
    "template_file_too_large": (
        "Die Vorlage {name} ist größer als 64 KB.",
        "The template {name} is larger than 64 KB.",
    ),
    "template_not_utf8": (
        "Die Vorlage {name} ist keine UTF-8-Textdatei.",
        "The template {name} is not a UTF-8 text file.",
    ),
    "letter_needs_referral": (
        "Für dieses Schreiben bitte eine Vermittlung der Akte auswählen.",
        "Choose a referral of the file for this letter.",
    ),
    "letter_without_consent": (
        "Es liegt keine gültige Einwilligung zur Datenweitergabe an Netzwerkpartner vor; das "
        "Vermittlungsschreiben kann nicht erstellt werden.",
        "There is no valid consent to share data with network partners; the referral letter cannot be made.",
    ),
    "letter_empty": ("Das Schreiben ist leer.", "The letter is empty."),
    "logo_too_large": ("Das Logo ist größer als {max_kb} KB.", "The logo is larger than {max_kb} KB."),
    "logo_not_an_image": (
        "Das Logo muss ein PNG- oder JPEG-Bild sein.",
        "The logo must be a PNG or JPEG image.",
    ),
    "document_file_too_large": (
        "{name} ist größer als {max_mb} MB und kann nicht zur Akte genommen werden.",
        "{name} is larger than {max_mb} MB and cannot be added to the file.",
    ),
    "document_file_empty": ("{name} ist leer.", "{name} is empty."),
    "document_type_not_allowed": (
        "{name} ist kein PDF-, PNG-, JPEG-, ODT- oder DOCX-Dokument (geprüft wird der Inhalt, nicht die "
        "Dateiendung) und wird nicht angenommen.",
        "{name} is not a PDF, PNG, JPEG, ODT or DOCX document (the content is checked, not the file "
        "extension) and is refused.",
    ),
    "document_zip_bomb": (
        "{name} würde entpackt ein Vielfaches seiner Größe belegen (Zip-Bombe) und wird nicht angenommen.",
        "{name} would unpack to many times its size (zip bomb) and is refused.",
    ),
    "mapping_too_large": ("Die Zuordnungsdatei ist zu groß.", "The mapping file is too large."),
    "not_a_counsellor": (
        "{value!r} ist keine aktive Fachkraft in dieser Datenablage.",
        "{value!r} is not an active counsellor in this store.",
    ),
    "file_not_found": ("Die Datei {path} gibt es nicht.", "The file {path} does not exist."),
    "file_unreadable": (
        "Die Datei {path} kann nicht gelesen werden ({reason}).",
        "Cannot read {path} ({reason}).",
    ),
    "file_write_failed": (
        "Die Datei {path} konnte nicht geschrieben werden ({reason}).",
        "Could not write {path} ({reason}).",
    ),
    "invalid_input": (
        "Eingabe abgelehnt, nichts wurde geändert ({count} Fehler)",
        "Input rejected, nothing was changed ({count} errors)",
    ),
    "period_reversed": (
        "Der Zeitraum endet vor seinem Beginn ({start} – {end}).",
        "The period ends before it starts ({start} – {end}).",
    ),
    "bad_format": ("Unbekanntes Format »{value}«.", "Unknown format '{value}'."),
    "to_with_quarter": (
        "--quarter und --to schließen sich aus.",
        "--quarter and --to cannot be combined.",
    ),
    "to_date_missing": (
        "Mit --from muss auch --to angegeben werden.",
        "--from needs --to as well.",
    ),
    "bundle_invalid": (
        "Die Datei ist kein Statistik-Bündel von JMD Desk.",
        "The file is not a JMD Desk statistics bundle.",
    ),
    "bundle_other_period": (
        "Das Bündel gehört zu einem anderen Zeitraum ({period}) und wird nicht verwendet.",
        "The bundle is for another period ({period}) and is not used.",
    ),
    "bundle_wrong_passphrase": (
        "Das Statistik-Passwort passt nicht zu diesem Bündel.",
        "The statistics passphrase does not match this bundle.",
    ),
    "bundle_tampered": (
        "Das Bündel wurde nach dem Erstellen verändert und wird abgelehnt.",
        "The bundle was changed after it was made and is refused.",
    ),
    "bundle_counts_invalid": (
        "Das Bündel enthält unzulässige Zahlen oder Tabellen ({detail}) und wird nicht verwendet.",
        "The bundle holds invalid counts or tables ({detail}) and is not used.",
    ),
    "bundle_none": ("Es wurde kein Bündel angegeben.", "No bundle was given."),
    "bundle_duplicate": (
        "Dasselbe Bündel (dieselbe Datenablage) wurde mehrfach angegeben.",
        "The same bundle (the same store) was given more than once.",
    ),
    "bundle_passphrase_too_short": (
        "Das Statistik-Passwort braucht mindestens 8 Zeichen.",
        "The statistics passphrase needs at least 8 characters.",
    ),
    "bad_date_argument": (
        "Ungültiges Datum »{value}« (erwartet JJJJ-MM-TT).",
        "Invalid date '{value}' (expected YYYY-MM-DD).",
    ),
    "k_only_with_suppression": (
        "--k gilt nur für das Verfahren »suppression« (Geheimhaltung); das Cell-Key-Verfahren hat "
        "seine eigene Schwelle 3.",
        "--k applies to the 'suppression' method only; the cell-key method has its own threshold 3.",
    ),
    "suppression_needs_calendar_period": (
        "Geheimhaltung durch Sperrung gibt es nur für ganze Kalenderquartale, -halbjahre und -jahre; "
        "für freie Zeiträume das Cell-Key-Verfahren wählen.",
        "Suppression is only available for whole calendar quarters, half-years and years; "
        "choose the cell-key method for free periods.",
    ),
    "bad_statistics_method": (
        "Unbekanntes oder hier nicht erlaubtes Verfahren »{value}«.",
        "Unknown or not allowed method '{value}'.",
    ),
    "trend_too_long": (
        "Ein Zeitverlauf umfasst höchstens {limit} Quartale.",
        "A trend covers at most {limit} quarters.",
    ),
    "bad_k": ("k muss zwischen 3 und 10 liegen.", "k must be between 3 and 10."),
    "bad_quarter": (
        "Ungültiges Quartal »{value}« (erwartet JJJJ-Qn, z. B. 2026-Q3).",
        "Invalid quarter '{value}' (expected YYYY-Qn, e.g. 2026-Q3).",
    ),
}
MESSAGES.update(SERVER_MESSAGES)

FIELD_MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("Angabe fehlt", "is required"),
    "invalid": ("ungültiger Wert {value!r}", "invalid value {value!r}"),
    "not_text": ("muss Text sein", "must be text"),
    "empty_document": ("Dokument ist leer", "document is empty"),
    "document_too_large": ("Dokument ist größer als 20 MB", "document is larger than 20 MB"),
    "content_not_media_type": (
        "Inhalt passt nicht zum Dateityp {value}",
        "content does not match the media type {value}",
    ),
    "not_a_file_name": ("nur ein Dateiname, kein Pfad", "a file name only, not a path"),
    "document_zip_bomb": (
        "würde entpackt ein Vielfaches seiner Größe belegen (Zip-Bombe)",
        "would unpack to many times its size (zip bomb)",
    ),
    "template_too_long": ("Vorlage ist zu lang (höchstens {max} Zeichen)", "template too long (at most {max})"),
    "template_bad_placeholder": (
        "ungültiger Platzhalter bei {value!r} ($name oder ${{name}}; ein Dollarzeichen als $$)",
        "invalid placeholder at {value!r} ($name or ${{name}}; a dollar sign as $$)",
    ),
    "template_unknown_placeholder": ("unbekannter Platzhalter ${value}", "unknown placeholder ${value}"),
    "template_foreign_syntax": (
        "{value!r} ist in Vorlagen nicht erlaubt (nur $platzhalter)",
        "{value!r} is not allowed in templates (only $placeholders)",
    ),
    "template_empty": ("Vorlage enthält keinen Text", "template holds no text"),
    "too_long": ("zu lang (höchstens {max} Zeichen)", "too long (at most {max} characters)"),
    "cannot_change_own_roles": (
        "die eigenen Rollen ändert eine andere Administratorin",
        "another admin changes your own roles",
    ),
    "cannot_deputise_self": (
        "sich selbst als Vertretung eintragen kann nur eine andere Person",
        "only someone else can make you a deputy",
    ),
    "control_character": (
        "enthält ein unzulässiges unsichtbares Steuer- oder Richtungszeichen ({char})",
        "contains a forbidden invisible control or direction character ({char})",
    ),
    "bad_email": ("keine gültige E-Mail-Adresse", "not a valid e-mail address"),
    "bad_username": (
        "ungültiger Benutzername (2–40 Zeichen: a–z, 0–9, Punkt, Bindestrich, Unterstrich)",
        "invalid user name (2-40 characters: a-z, 0-9, dot, hyphen, underscore)",
    ),
    "bad_client_number": ("Nummer im Format JJJJ-NNNN erwartet", "expected a number like YYYY-NNNN"),
    "bad_date": ("kein gültiges Datum JJJJ-MM-TT: {value}", "not a valid date YYYY-MM-DD: {value}"),
    "date_in_future": ("Datum liegt in der Zukunft", "date lies in the future"),
    "date_unparseable": (
        "»{text}« ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 15.03.2008.",
        "'{text}' is not a date. Please type it as DD.MM.YYYY, e.g. 15.03.2008.",
    ),
    "unknown_country_name": (
        "Unbekanntes Land: {text}. Bitte einen Namen aus der Liste wählen.",
        "Unknown country: {text}. Please pick a name from the list.",
    ),
    "unknown_language_name": (
        "Unbekannte Sprache: {text}. Bitte einen Namen aus der Liste wählen.",
        "Unknown language: {text}. Please pick a name from the list.",
    ),
    "not_bool": ("muss true oder false sein", "must be true or false"),
    "not_int": ("muss eine ganze Zahl sein", "must be a whole number"),
    "out_of_range": ("muss zwischen {min} und {max} liegen", "must be between {min} and {max}"),
    "unknown_code": ("unbekannter Code {value!r}", "unknown code {value!r}"),
    "unknown_country": (
        "unbekannter Ländercode {value!r} (ISO 3166-1, z. B. DE)",
        "unknown country code {value!r} (ISO 3166-1, e.g. DE)",
    ),
    "unknown_language": (
        "unbekannter Sprachcode {value!r} (ISO 639-1, z. B. ar)",
        "unknown language code {value!r} (ISO 639-1, e.g. ar)",
    ),
    "not_a_list": ("muss eine Liste sein", "must be a list"),
    "duplicate_value": ("enthält einen Wert doppelt", "contains a value twice"),
    "unknown_field": ("unbekanntes Feld", "unknown field"),
    "not_an_object": ("muss ein Objekt sein", "must be an object"),
    "before_birth": ("liegt vor dem Geburtsdatum", "lies before the date of birth"),
    "age_out_of_range": (
        "Bei Fallbeginn am {on_de} {age} Jahre alt: Der JMD berät 12- bis 27-Jährige. Bitte das "
        "Geburtsdatum prüfen oder unter »Begründung Altersausnahme« die Ausnahme begründen.",
        "Aged {age} when the case opened on {on}: the service is for ages 12 to 27. Check the date of "
        "birth or explain the exception under 'Eligibility note'.",
    ),
    "only_when_closed": ("nur bei abgeschlossenem Fall", "only for a closed case"),
    "before_opened": ("liegt vor dem Fallbeginn", "lies before the case was opened"),
    "required_when_closed": ("bei Fallabschluss erforderlich", "required when the case is closed"),
    "before_agreed": ("liegt vor der Vereinbarung des Ziels", "lies before the goal was agreed"),
    "before_given": ("liegt vor der Erteilung", "lies before the consent was given"),
    "password_too_short": ("mindestens 8 Zeichen", "at least 8 characters"),
    "password_is_username": ("darf nicht der Benutzername sein", "must not be the user name"),
    "username_taken": ("Benutzername ist schon vergeben", "user name is already taken"),
    "cannot_remove_own_admin": (
        "eigene Admin-Rolle kann nicht entfernt werden",
        "you cannot remove your own admin role",
    ),
    "client_number_taken": ("Nummer {value} ist schon vergeben", "number {value} is already taken"),
    "unknown_partner": ("unbekannter Netzwerkpartner", "unknown network partner"),
    "partner_inactive": ("Netzwerkpartner ist deaktiviert", "network partner is deactivated"),
    "not_utf8": ("Datei ist nicht UTF-8-kodiert (Byte {offset})", "file is not UTF-8 (byte {offset})"),
    "malformed_json": (
        "kein gültiges JSON (Zeile {line}, Spalte {column}: {reason})",
        "malformed JSON (line {line}, column {column}: {reason})",
    ),
    "duplicate_key": ("Feld kommt doppelt vor", "field given twice"),
    "wrong_format": ("Format muss {expected!r} sein", "format must be {expected!r}"),
    "unsupported_version": ("Version {value} wird nicht unterstützt", "version {value} is not supported"),
    "duplicate_ref": ("ref {value!r} kommt doppelt vor", "ref {value!r} is used twice"),
    "duplicate_client_number": (
        "Klient*innen-Nummer {value} kommt doppelt vor",
        "client number {value} is used twice",
    ),
    "unknown_partner_ref": (
        "verweist auf unbekannten Partner {value!r}",
        "refers to unknown partner {value!r}",
    ),
    "bad_sheet_date": (
        "kein Datum (TT.MM.JJJJ oder Excel-Datum erwartet): {value}",
        "not a date (DD.MM.YYYY or an Excel date expected): {value}",
    ),
    "bad_sheet_bool": ("ja oder nein erwartet: {value}", "yes or no expected: {value}"),
    "unknown_client_field": ("unbekanntes Feld {value!r}", "unknown field {value!r}"),
    "field_mapped_twice": ("Feld {value!r} ist zweimal zugeordnet", "field {value!r} is mapped twice"),
    "field_not_mapped": (
        "Pflichtfeld {value!r} ist keiner Spalte zugeordnet",
        "required field {value!r} has no column",
    ),
    "bad_header": ("ungültige Spaltenüberschrift", "invalid column heading"),
    "column_not_in_sheet": ("Spalte fehlt in der Tabelle", "column is missing from the spreadsheet"),
    "duplicate_header": ("Spaltenüberschrift {value!r} kommt doppelt vor", "column heading {value!r} appears twice"),
    "sheet_without_clients": ("die Tabelle enthält keine Klient*innen", "the spreadsheet holds no clients"),
    "referral_without_consent": (
        "keine gültige Einwilligung zur Datenweitergabe am {date}",
        "no valid referral-sharing consent on {date}",
    ),
}
FIELD_MESSAGES.update(SERVER_FIELD_MESSAGES)


MESSAGES.update(V2_MESSAGES)
FIELD_MESSAGES.update(V2_FIELD_MESSAGES)


def _fill(template: str, params: Mapping[str, Any]) -> str:
    """Format with the given params; unknown placeholders become empty."""
    formatter = string.Formatter()
    parts = []
    for literal, name, spec, conversion in formatter.parse(template):
        parts.append(literal)
        if name is None:
            continue
        if name not in params:
            continue
        value = params[name]
        if conversion == "r":
            value = repr(value)
        parts.append(format(value, spec or ""))
    return "".join(parts)


def _template(catalogue: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    entry = catalogue.get(code)
    return pick(entry, lang) if entry else code


def field_message(error: CodedProblem, lang: str = "de") -> str:
    """One field error without its path (for a form label)."""
    return _fill(_template(FIELD_MESSAGES, error.code, lang), error.params)


def message(error: CodedProblem, lang: str = "de") -> str:
    """The whole message of an error; a validation error lists every path and problem."""
    text = _fill(_template(MESSAGES, error.code, lang), error.params)
    field_errors = getattr(error, "errors", None)  # a ValidationError's list of FieldErrors
    if field_errors is not None:
        details = "; ".join(f"{e.path}: {field_message(e, lang)}" for e in field_errors)
        return f"{text}: {details}"
    return text
