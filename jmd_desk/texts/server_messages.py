"""Messages for the office server's error codes (German first), merged into ``messages.MESSAGES``."""

from __future__ import annotations

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    "deletion_legal_hold_server": (
        "Die Akte mit der internen Nummer {id} ist gesperrt (Löschsperre) oder nicht vorhanden; sie wird nicht "
        "gelöscht.",
        "The file with the internal number {id} is on legal hold or does not exist; it will not be deleted.",
    ),
    "deletion_legal_hold_run": (
        "Eine Akte dieses Löschlaufs ist inzwischen gesperrt (Löschsperre). Es wurde nichts gelöscht.",
        "A file of this deletion run has been put on legal hold since. Nothing was deleted.",
    ),
    "deletion_not_due_server": (
        "Die Akte mit der internen Nummer {id} ist noch nicht zur Löschung fällig.",
        "The file with the internal number {id} is not due for deletion yet.",
    ),
    "unknown_deletion_run": ("Diesen Löschlauf gibt es nicht.", "This deletion run does not exist."),
    "erasure_list_invalid": (
        "Die Löschliste ist ungültig oder beschädigt ({detail}). Es wurde nichts gelöscht.",
        "The erasure list is invalid or damaged ({detail}). Nothing was erased.",
    ),
    "file_too_large": (
        "Die Datei {path} ist größer als {limit} MB.",
        "The file {path} is larger than {limit} MB.",
    ),
    "erasure_list_other_office": (
        "Die Löschliste gehört zu einer anderen Datenbank. Es wurde nichts gelöscht.",
        "The erasure list belongs to another database. Nothing was erased.",
    ),
    "server_profile_unreadable": (
        "Das Serverprofil {path} kann nicht gelesen werden.",
        "The server profile {path} cannot be read.",
    ),
    "server_profile_invalid": (
        "Das Serverprofil ist ungültig (Feld »{path}«).",
        "The server profile is invalid (field '{path}').",
    ),
    "server_profile_version": (
        "Das Serverprofil stammt aus einer neueren Programmversion (Version {version}).",
        "The server profile comes from a newer program version (version {version}).",
    ),
    "server_ca_missing": (
        "Das CA-Zertifikat des Serverprofils fehlt: {path}",
        "The server profile's CA certificate is missing: {path}",
    ),
    "server_ca_unreadable": (
        "Das CA-Zertifikat des Serverprofils kann nicht gelesen werden.",
        "The server profile's CA certificate cannot be read.",
    ),
    "server_no_tls": (
        "Der Server bietet keine verschlüsselte Verbindung (TLS) an. JMD Desk verbindet sich nur "
        "verschlüsselt; bitte die IT informieren.",
        "The server offers no encrypted connection (TLS). JMD Desk only connects encrypted; please tell the IT.",
    ),
    "server_certificate_untrusted": (
        "Das Zertifikat des Servers ist nicht von der CA des Serverprofils ausgestellt. Die Verbindung "
        "wurde abgelehnt; bitte die IT informieren.",
        "The server's certificate was not issued by the profile's CA. The connection was refused; please tell the IT.",
    ),
    "server_certificate_mismatch": (
        "Das Zertifikat des Servers passt nicht zum Servernamen im Profil. Die Verbindung wurde "
        "abgelehnt; bitte die IT informieren.",
        "The server's certificate does not match the server name in the profile. The connection "
        "was refused; please tell the IT.",
    ),
    "server_auth_weak": (
        "Der Server verlangt ein unsicheres Anmeldeverfahren (nur SCRAM-SHA-256 ist erlaubt).",
        "The server asks for an insecure sign-in method (only SCRAM-SHA-256 is allowed).",
    ),
    "server_unreachable": (
        "Der Server ist nicht erreichbar. Bitte Netzwerk und Serverprofil prüfen.",
        "The server cannot be reached. Please check the network and the server profile.",
    ),
    "server_error": (
        "Der Server hat die Anfrage abgelehnt ({detail}).",
        "The server refused the request ({detail}).",
    ),
    "server_not_empty": (
        "Die Datenbank ist nicht leer. »server setup« richtet nur eine leere Datenbank ein.",
        "The database is not empty. 'server setup' only sets up an empty database.",
    ),
    "server_owner_not_owner": (
        "Die Anmeldung {owner} besitzt die Datenbank nicht oder darf keine Rollen anlegen.",
        "The login {owner} does not own the database or may not create roles.",
    ),
    "server_not_set_up": (
        "Auf dieser Datenbank ist JMD Desk nicht eingerichtet (»server setup«).",
        "JMD Desk is not set up on this database ('server setup').",
    ),
    "server_login_exists": (
        "Eine Anmeldung »{user}« gibt es auf dem Datenbankserver schon.",
        "A login '{user}' already exists on the database server.",
    ),
    "unknown_client": ("Diese Akte gibt es nicht.", "This file does not exist."),
    "unknown_user": ("Dieses Benutzerkonto gibt es nicht.", "This user account does not exist."),
    "reassign_not_counsellor": (
        "»{user}« ist keine aktive Fachkraft (Beratung); die Akte kann ihr nicht übertragen werden.",
        "'{user}' is not an active counsellor; the file cannot be given to this account.",
    ),
    "deputy_not_counsellor": (
        "Vertretung kann nur eine aktive Fachkraft (Beratung) sein.",
        "Only an active counsellor can be a deputy.",
    ),
    "local_only_command": (
        "»{command}« gilt nur für eine lokale Datenablage, nicht mit --server.",
        "'{command}' only works on a local store, not with --server.",
    ),
    "local_store_only": (
        "Das geht nur mit einer lokalen Datenablage; auf dem Büro-Server ist es Aufgabe der IT.",
        "This works only on a local store; on the office server it is the IT's job.",
    ),
    "server_command_unavailable": (
        "»{command}« ist mit --server in dieser Version noch nicht verfügbar.",
        "'{command}' is not yet available with --server in this version.",
    ),
    "server_only_command": (
        "»server {command}« braucht --server PROFIL.",
        "'server {command}' needs --server PROFILE.",
    ),
    "office_key_invalid": (
        "Der Büroschlüssel auf dem Server ist beschädigt oder gehört zu einer anderen Datenbank.",
        "The office key on the server is damaged or belongs to another database.",
    ),
    "server_import_unassigned": (
        "{count} Akten haben keine zuständige Fachkraft. Auf dem Server braucht jede Akte eine; bitte "
        "zuerst in der lokalen Datenablage zuordnen.",
        "{count} files have no counsellor. On the server every file needs one; assign them in the local store first.",
    ),
    "server_import_unknown_counsellors": (
        "Diese Fachkräfte haben noch kein Konto auf dem Server: {names}. Bitte zuerst mit »server add-user« anlegen.",
        "These counsellors have no account on the server yet: {names}. Add them first with 'server add-user'.",
    ),
    "server_import_count_mismatch": (
        "Beim Übertragen stimmte die Anzahl der Einträge nicht ({table}). Es wurde nichts übernommen.",
        "The number of entries did not match after the transfer ({table}). Nothing was moved.",
    ),
    "import_for_refused": (
        "Der Server hat eine Akte abgelehnt, die nicht der genannten Fachkraft gehört. Es wurde nichts importiert.",
        "The server refused a file that does not belong to the named counsellor. Nothing was imported.",
    ),
    "edit_conflict": (
        "{by} hat diesen Eintrag am {at} geändert, nachdem Sie ihn geöffnet haben. Ihre Eingaben sind "
        "nicht gespeichert, aber noch da: bitte mit dem neuen Stand vergleichen und erneut speichern.",
        "{by} changed this entry on {at}, after you opened it. Your input was not saved but is kept: "
        "compare it with the new state and save again.",
    ),
    "server_row_refused": (
        "Der Server hat die Änderung abgelehnt: Diese Akte ist Ihnen nicht zugeordnet.",
        "The server refused the change: this file is not assigned to you.",
    ),
    "field_too_long": (
        "Ein Text ist zu lang zum Speichern (Feld {column}).",
        "A text is too long to be saved (field {column}).",
    ),
    "field_decrypt_failed": (
        "Ein verschlüsseltes Feld ist beschädigt oder gehört nicht an diese Stelle.",
        "An encrypted field is damaged or does not belong here.",
    ),
}

SERVER_FIELD_MESSAGES: dict[str, tuple[str, str]] = {
    "import_for_other_counsellor": (
        "gehört zu {value!r}; dieser Import ist nur für Akten von {counsellor!r}",
        "belongs to {value!r}; this import is for files of {counsellor!r} only",
    ),
    "server_import_other_counsellor": (
        "gehört zu {value!r}; auf dem Server importiert jede Fachkraft nur eigene Akten",
        "belongs to {value!r}; on the server each counsellor imports only her own files",
    ),
}
