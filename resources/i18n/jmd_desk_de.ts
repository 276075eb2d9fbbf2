<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="52" />
        <source>About JMD Desk</source>
        <translation>Über JMD Desk</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="59" />
        <source>Case management for youth migration services (Jugendmigrationsdienste).</source>
        <translation>Fallverwaltung für die Jugendmigrationsdienste.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="71" />
        <source>Store:</source>
        <translation>Datenablage:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="72" />
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="73" />
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="74" />
        <source>Log files:</source>
        <translation>Logdateien:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="85" />
        <source>Full licence texts (LGPL-3.0, GPL-3.0, Python): &lt;a href="{url}"&gt;{path}&lt;/a&gt;</source>
        <translation>Vollständige Lizenztexte (LGPL-3.0, GPL-3.0, Python): &lt;a href="{url}"&gt;{path}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="98" />
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="99" />
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="119" />
        <source>Office and first account</source>
        <translation>Dienststelle und erstes Konto</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="122" />
        <source>The first account administers users and settings and may also work on cases and statistics. Choose a password of at least 8 characters.</source>
        <translation>Das erste Konto verwaltet Benutzer*innen und Einstellungen und kann auch Fälle und die Statistik bearbeiten. Wählen Sie ein Passwort mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="130" />
        <source>e.g. m.schulz</source>
        <translation>z. B. m.schulz</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="136" />
        <source>&amp;Office name:</source>
        <translation>&amp;Name der Dienststelle:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="137" />
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="138" />
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="139" />
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="139" />
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="167" />
        <source>The password needs at least 8 characters.</source>
        <translation>Das Passwort braucht mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="168" />
        <source>The password must not be the user name.</source>
        <translation>Das Passwort darf nicht der Benutzername sein.</translation>
    </message>
</context>
<context>
    <name>AddDocumentDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="64" />
        <source>Add document</source>
        <translation>Dokument hinzufügen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="78" />
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="79" />
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="80" />
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="62" />
        <source>User accounts</source>
        <translation>Benutzerkonten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="63" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="68" />
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="70" />
        <source>Districts</source>
        <translation>Stadtteile</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="80" />
        <source>New account…</source>
        <translation>Neues Konto …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="81" />
        <source>Roles and name…</source>
        <translation>Rollen und Name …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="82" />
        <source>Set password…</source>
        <translation>Passwort setzen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="83" />
        <source>Deputies…</source>
        <translation>Vertretung …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="84" />
        <source>&amp;Re-key…</source>
        <translation>Neu &amp;verschlüsseln …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="113" />
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="122" />
        <source>account active</source>
        <translation>Konto aktiv</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="142" />
        <source>The account is deactivated. Whoever kept an old key file or backup still knows the old key. Re-key the store now? Everybody then gets a one-time password.</source>
        <translation>Das Konto ist deaktiviert. Wer eine alte Schlüsseldatei oder Sicherung aufbewahrt hat, kennt den alten Schlüssel noch. Die Datenablage jetzt neu verschlüsseln? Alle erhalten dann ein Einmal-Passwort.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="150" />
        <source>Re-key the store? Earlier key files and backups will no longer open it; every account gets a one-time password and there is a new recovery key.</source>
        <translation>Die Datenablage neu verschlüsseln? Frühere Schlüsseldateien und Sicherungen öffnen sie danach nicht mehr; jedes Konto erhält ein Einmal-Passwort, und es gibt einen neuen Wiederherstellungsschlüssel.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="162" />
        <source>One-time passwords (each person sets her own at the first sign-in):</source>
        <translation>Einmal-Passwörter (jede Person setzt bei der ersten Anmeldung ein eigenes):</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="164" />
        <source>New recovery key (the old one no longer works):</source>
        <translation>Neuer Wiederherstellungsschlüssel (der alte gilt nicht mehr):</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="174" />
        <source>New password for {user}</source>
        <translation>Neues Passwort für {user}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="180" />
        <source>The password was set. Tell it to the person in a safe way.</source>
        <translation>Das Passwort wurde gesetzt. Teilen Sie es der Person auf sicherem Weg mit.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="206" />
        <source>Deputies of {user}</source>
        <translation>Vertretung für {user}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="220" />
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="229" />
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="241" />
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="243" />
        <source>Office name:</source>
        <translation>Name der Dienststelle:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="244" />
        <source>Lock after inactivity:</source>
        <translation>Sperren nach Inaktivität:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="245" />
        <source>Statistics: minimum cell size k:</source>
        <translation>Statistik: Mindestfallzahl k:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="246" />
        <source>Statistics: fields of action:</source>
        <translation>Statistik: Handlungsfelder:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="249" />
        <source>Keep closed files ({case_type}):</source>
        <translation>Aufbewahrung abgeschlossener Akten ({case_type}):</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="254" />
        <source>Automatic backups kept:</source>
        <translation>Aufbewahrte automatische Sicherungen:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="255" />
        <source>Language of this computer:</source>
        <translation>Sprache an diesem Rechner:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="256" />
        <source>Logo for printouts:</source>
        <translation>Logo auf Ausdrucken:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="286" />
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/admin_page.py" line="288" />
        <source>The new language applies from the next start.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>AnonymousContactDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/anonymous_contact_dialog.py" line="54" />
        <source>Anonymous short counselling</source>
        <translation>Anonyme Kurzberatung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/anonymous_contact_dialog.py" line="59" />
        <source>Without name or date of birth: nothing here may point to the person.</source>
        <translation>Ohne Namen und Geburtsdatum: Nichts hier darf auf die Person schließen lassen.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../jmd_desk/ui/application.py" line="110" />
        <source>Demo – password: {password}</source>
        <translation>Demo – Passwort: {password}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/application.py" line="121" />
        <source>Demo: user {user}, password {password}</source>
        <translation>Demo: Benutzer {user}, Passwort {password}</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/appointment_dialog.py" line="45" />
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointment_dialog.py" line="50" />
        <source>The place stays in the file; the calendar export shows only number and time.</source>
        <translation>Der Ort bleibt in der Akte; der Kalenderexport zeigt nur Nummer und Uhrzeit.</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="34" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="40" />
        <source>File or group offer</source>
        <translation>Akte oder Gruppenangebot</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="44" />
        <source>Group: {title}</source>
        <translation>Gruppe: {title}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="49" />
        <source>Mode</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="54" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="112" />
        <source>Held → contact (Ctrl+Enter)</source>
        <translation>Stattgefunden → Kontakt (Strg+Enter)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="117" />
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="122" />
        <source>Did not come</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="132" />
        <source>Anonymous counselling… (Ctrl+Shift+A)</source>
        <translation>Anonyme Kurzberatung … (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="137" />
        <source>Export my calendar (.ics)…</source>
        <translation>Meine Termine exportieren (.ics) …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="81" />
        <source>Appointments today and this week</source>
        <translation>Termine heute und diese Woche</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="88" />
        <source>Waiting since</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="94" />
        <source>Case management still in clearing after 30 days</source>
        <translation>Case Management nach 30 Tagen noch im Clearing</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="159" />
        <source>{name}: {no_show} not come, {cancelled} cancelled</source>
        <translation>{name}: {no_show} nicht erschienen, {cancelled} abgesagt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="165" />
        <source>This week – </source>
        <translation>Diese Woche – </translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="166" />
        <source>no missed appointments</source>
        <translation>keine ausgefallenen Termine</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="204" />
        <source>Group session</source>
        <translation>Gruppentreffen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="205" />
        <source>Participants present:</source>
        <translation>Anwesende Teilnehmende:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/appointments_panel.py" line="231" />
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="27" />
        <source>Backups are encrypted copies of the store together with its key file. An automatic backup is made when the program closes, at most once a day. Keep copies on a second medium as well. A backup is checked completely before it replaces anything; the replaced store is kept.</source>
        <translation>Sicherungen sind verschlüsselte Kopien der Datenablage mit ihrer Schlüsseldatei. Beim Beenden des Programms wird höchstens einmal am Tag automatisch gesichert. Bewahren Sie Kopien auch auf einem zweiten Datenträger auf. Eine Sicherung wird vollständig geprüft, bevor sie etwas ersetzt; die ersetzte Datenablage bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="39" />
        <source>Back up now…</source>
        <translation>Jetzt sichern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="40" />
        <source>Restore a backup…</source>
        <translation>Sicherung zurückspielen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="51" />
        <source>Automatic backups in {folder}:</source>
        <translation>Automatische Sicherungen in {folder}:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="63" />
        <source>Backup saved: {path}</source>
        <translation>Sicherung gespeichert: {path}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="70" />
        <source>Save backup</source>
        <translation>Sicherung speichern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="80" />
        <source>Restore backup</source>
        <translation>Sicherung zurückspielen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/backup_tab.py" line="87" />
        <source>Restore this backup? You will be signed out; the backup is checked first and the current store is kept as a backup.</source>
        <translation>Diese Sicherung zurückspielen? Sie werden abgemeldet; die Sicherung wird zuerst geprüft, und die jetzige Datenablage wird als Sicherung aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/account_dialogs.py" line="55" />
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/account_dialogs.py" line="61" />
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/account_dialogs.py" line="62" />
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/account_dialogs.py" line="62" />
        <source>&amp;Repeat new password:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
</context>
<context>
    <name>ClientFileWindow</name>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="77" />
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="79" />
        <source>Close case…</source>
        <translation>Fall abschließen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="80" />
        <source>Open new case…</source>
        <translation>Neuen Fall eröffnen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="81" />
        <source>Correct &amp;case…</source>
        <translation>&amp;Fall korrigieren …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="83" />
        <source>Case:</source>
        <translation>Fall:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="117" />
        <source>&amp;Master data</source>
        <translation>&amp;Stammdaten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="118" />
        <source>&amp;Integration plan</source>
        <translation>&amp;Integrationsförderplan</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="119" />
        <source>&amp;Contacts</source>
        <translation>&amp;Kontakte</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="120" />
        <source>&amp;Referrals</source>
        <translation>&amp;Vermittlungen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="121" />
        <source>&amp;Follow-ups</source>
        <translation>&amp;Wiedervorlagen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="122" />
        <source>Co&amp;nsents</source>
        <translation>&amp;Einwilligungen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="123" />
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="124" />
        <source>Appoin&amp;tments &amp;&amp; progress</source>
        <translation>&amp;Termine und Fortschritt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="125" />
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="139" />
        <source>Legal hold (never delete)</source>
        <translation>Löschsperre (nie löschen)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="143" />
        <source>Access export (Art. 15)…</source>
        <translation>Auskunft (Art. 15) …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="145" />
        <source>Propose erasure (Art. 17)…</source>
        <translation>Löschung beantragen (Art. 17) …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="166" />
        <source>Folder for the access export</source>
        <translation>Ordner für die Auskunft</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="186" />
        <source>The access export was saved in {folder}. It contains personal data: hand it over in person or encrypted.</source>
        <translation>Die Auskunft wurde in {folder} gespeichert. Sie enthält personenbezogene Daten: persönlich oder verschlüsselt übergeben.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="197" />
        <source>Propose deleting this whole file on request (Art. 17)? A second person (administrator or team lead) must confirm it on the Data protection page before anything is deleted.</source>
        <translation>Die Löschung dieser ganzen Akte auf Antrag (Art. 17) vorschlagen? Eine zweite Person (Administration oder Teamleitung) muss sie auf der Seite Datenschutz bestätigen, bevor etwas gelöscht wird.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="203" />
        <source>The erasure was proposed and waits for confirmation.</source>
        <translation>Die Löschung wurde vorgeschlagen und wartet auf Bestätigung.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="218" />
        <source>File {number} – {name}</source>
        <translation>Akte {number} – {name}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="222" />
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="224" />
        <source>born {dob} ({age} years) · counsellor: {counsellor}</source>
        <translation>geboren {dob} ({age} Jahre) · Fachkraft: {counsellor}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="247" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_file_window.py" line="348" />
        <source>There are unsaved changes in this file. Close it anyway and discard them?</source>
        <translation>In dieser Akte gibt es ungespeicherte Änderungen. Trotzdem schließen und die Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="61" />
        <source>assigned automatically</source>
        <translation>wird automatisch vergeben</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="63" />
        <source>estimated</source>
        <translation>geschätzt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="77" />
        <source>not stated</source>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="77" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="77" />
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="88" />
        <source>only for ages below 12 or above 27</source>
        <translation>nur bei Alter unter 12 oder über 27</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/client_form.py" line="84" />
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="111" />
        <source>Search name or number (Ctrl+F)</source>
        <translation>Name oder Nummer suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="112" />
        <source>Search clients</source>
        <translation>Klient*innen suchen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="145" />
        <source>all files</source>
        <translation>alle Akten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="146" />
        <source>open case</source>
        <translation>offener Fall</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="147" />
        <source>no open case</source>
        <translation>kein offener Fall</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="152" />
        <source>all counsellors</source>
        <translation>alle Fachkräfte</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="157" />
        <source>all case types</source>
        <translation>alle Fallarten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="162" />
        <source>all ages</source>
        <translation>alle Altersgruppen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="115" />
        <source>&amp;New client…</source>
        <translation>&amp;Neue*r Klient*in …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="228" />
        <source>{count} files</source>
        <translation>{count} Akten</translation>
    </message>
</context>
<context>
    <name>CodeListEdit</name>
    <message>
        <location filename="../../jmd_desk/ui/code_list.py" line="68" />
        <source>type a name, e.g. Syria</source>
        <translation>Namen tippen, z. B. Syrien</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/code_list.py" line="68" />
        <source>e.g. Arabic</source>
        <translation>z. B. Arabisch</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="159" />
        <source>Assign the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="160" />
        <source>Columns without a field are not taken over.</source>
        <translation>Spalten ohne Feld werden nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="163" />
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="163" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="165" />
        <source>Open a case for every client</source>
        <translation>Für jede Person einen Fall eröffnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="170" />
        <source>Opened on</source>
        <translation>Beginn am</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="175" />
        <source>Opening date from column</source>
        <translation>Beginn aus Spalte</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="184" />
        <source>Case type:</source>
        <translation>Fallart:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="202" />
        <source>– not taken over –</source>
        <translation>– nicht übernehmen –</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="60" />
        <source>Saved by a colleague in the meantime</source>
        <translation>Inzwischen von einer Kollegin oder einem Kollegen gespeichert</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="68" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="68" />
        <source>Your input</source>
        <translation>Ihre Eingabe</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="68" />
        <source>Colleague's version</source>
        <translation>Gespeicherter Stand der Kollegin / des Kollegen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="77" />
        <source>&amp;Keep my input</source>
        <translation>Meine Eingaben &amp;behalten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="80" />
        <source>&amp;Load colleague's version (discard my input)</source>
        <translation>Gespeicherten Stand &amp;laden (meine Eingaben verwerfen)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="88" />
        <source>These fields differ:</source>
        <translation>Diese Felder unterscheiden sich:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/conflict_dialog.py" line="88" />
        <source>No field differs.</source>
        <translation>Kein Feld unterscheidet sich.</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="177" />
        <source>Record &amp;consent…</source>
        <translation>Einwilligung e&amp;rfassen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="178" />
        <source>Withdraw…</source>
        <translation>Widerrufen …</translation>
    </message>
</context>
<context>
    <name>ContactFields</name>
    <message>
        <location filename="../../jmd_desk/ui/contact_fields.py" line="59" />
        <source>with interpreter</source>
        <translation>mit Dolmetschung</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="29" />
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="30" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="35" />
        <source>Notes (Ctrl+Enter saves)</source>
        <translation>Notiz (Strg+Eingabe speichert)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="39" />
        <source>Log contact</source>
        <translation>Kontakt erfassen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="40" />
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="57" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="57" />
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="57" />
        <source>Mode</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="62" />
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/contacts_tab.py" line="64" />
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/crash.py" line="67" />
        <source>JMD Desk – Unexpected error</source>
        <translation>JMD Desk – Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/crash.py" line="71" />
        <source>An unexpected error occurred. What you saved before is safe; the last action may not have been completed. Please give this report to your IT. It contains no names and no notes.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Was Sie vorher gespeichert haben, ist sicher; die letzte Aktion wurde möglicherweise nicht ausgeführt. Bitte geben Sie diesen Bericht an Ihre IT weiter. Er enthält keine Namen und keine Notizen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/crash.py" line="83" />
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/crash.py" line="98" />
        <source>{count} further errors since (details in the log).</source>
        <translation>Seitdem {count} weitere Fehler (Einzelheiten in der Logdatei).</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="39" />
        <source>Overdue follow-ups</source>
        <translation>Überfällige Wiedervorlagen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="39" />
        <location filename="../../jmd_desk/ui/pages.py" line="40" />
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="40" />
        <source>Goals due within 14 days</source>
        <translation>Ziele, die in den nächsten 14 Tagen fällig sind</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="41" />
        <source>Referrals without answer for 14 days</source>
        <translation>Vermittlungen seit 14 Tagen ohne Rückmeldung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="41" />
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="42" />
        <source>Turning 27 within 90 days (hand-over to MBE)</source>
        <translation>Werden in 90 Tagen 27 (Übergang zur MBE)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="42" />
        <source>27th birthday</source>
        <translation>27. Geburtstag</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="45" />
        <source>Open files without valid processing consent</source>
        <translation>Offene Akten ohne gültige Einwilligung zur Datenverarbeitung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="46" />
        <source>Case since</source>
        <translation>Fall seit</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="62" />
        <source>Open cases by type</source>
        <translation>Offene Fälle nach Fallart</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/pages.py" line="79" />
        <source>{total} open cases in all</source>
        <translation>{total} offene Fälle insgesamt</translation>
    </message>
</context>
<context>
    <name>DataProtectionPage</name>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="36" />
        <source>File number</source>
        <translation>Aktennummer</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="41" />
        <source>Last case closed</source>
        <translation>Letzter Fallabschluss</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="46" />
        <source>Due since</source>
        <translation>Fällig seit</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="58" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="65" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="67" />
        <source>retention period</source>
        <translation>Aufbewahrungsfrist</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="69" />
        <source>request (Art. 17)</source>
        <translation>Antrag (Art. 17)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="74" />
        <source>Files</source>
        <translation>Akten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="81" />
        <source>Proposed by</source>
        <translation>Vorgeschlagen von</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="86" />
        <source>Proposed at</source>
        <translation>Vorgeschlagen am</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="91" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="93" />
        <source>waiting for confirmation</source>
        <translation>wartet auf Bestätigung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="94" />
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="95" />
        <source>cancelled</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="100" />
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="116" />
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="117" />
        <source>Retention and deletion</source>
        <translation>Aufbewahrung und Löschung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="140" />
        <source>User:</source>
        <translation>Benutzer*in:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="142" />
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="144" />
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="146" />
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="148" />
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="149" />
        <source>Check chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="163" />
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="168" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="191" />
        <source>The audit log was changed: {count} problems, first at entry {seq}.</source>
        <translation>Das Protokoll wurde verändert: {count} Auffälligkeiten, die erste bei Eintrag {seq}.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="197" />
        <source>The audit log is complete and unchanged.</source>
        <translation>Das Protokoll ist vollständig und unverändert.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="204" />
        <source>Closed files are due for deletion when the retention period set for their case type has passed after the last closure. Files on legal hold are never listed. A deletion run needs two people: one proposes it, an administrator or team lead of the other role confirms it. Deleted files cannot be restored, except from older backups.</source>
        <translation>Abgeschlossene Akten sind zur Löschung fällig, wenn die für ihre Fallart eingestellte Aufbewahrungsfrist nach dem letzten Abschluss abgelaufen ist. Akten mit Löschsperre erscheinen nie. Ein Löschlauf braucht zwei Personen: Eine schlägt ihn vor, eine Person der jeweils anderen Rolle (Administration oder Teamleitung) bestätigt ihn. Gelöschte Akten lassen sich nicht wiederherstellen, außer aus älteren Sicherungen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="216" />
        <source>Propose deleting all due files</source>
        <translation>Löschung aller fälligen Akten vorschlagen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="218" />
        <source>Confirm selected run…</source>
        <translation>Ausgewählten Lauf bestätigen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="219" />
        <source>Cancel selected run</source>
        <translation>Ausgewählten Lauf verwerfen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="223" />
        <source>Due for deletion:</source>
        <translation>Zur Löschung fällig:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="226" />
        <source>Deletion runs:</source>
        <translation>Löschläufe:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="250" />
        <source>Delete the files of run {run} for good? This cannot be undone.</source>
        <translation>Die Akten des Laufs {run} endgültig löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/data_protection_page.py" line="258" />
        <source>{count} files were deleted.</source>
        <translation>{count} Akten wurden gelöscht.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../jmd_desk/ui/date_entry.py" line="67" />
        <source>Calendar (Alt+Down)</source>
        <translation>Kalender (Alt+Pfeil runter)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/date_entry.py" line="115" />
        <source>Not a date: please type DD.MM.YYYY</source>
        <translation>Kein Datum: bitte als TT.MM.JJJJ eingeben</translation>
    </message>
</context>
<context>
    <name>DistrictsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/districts_tab.py" line="24" />
        <location filename="../../jmd_desk/ui/districts_tab.py" line="67" />
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/districts_tab.py" line="25" />
        <location filename="../../jmd_desk/ui/districts_tab.py" line="68" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/districts_tab.py" line="34" />
        <source>New district…</source>
        <translation>Neuer Stadtteil …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/districts_tab.py" line="40" />
        <source>Districts are counted only on their own in the statistics (never crossed).</source>
        <translation>Stadtteile werden in der Statistik nur für sich gezählt (nie mit anderen Merkmalen gekreuzt).</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/districts_tab.py" line="71" />
        <source>District</source>
        <translation>Stadtteil</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="118" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="118" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="118" />
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="118" />
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="118" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="129" />
        <source>Drop PDF, PNG, JPEG, ODT or DOCX files here (at most 20 MB each).</source>
        <translation>PDF-, PNG-, JPEG-, ODT- oder DOCX-Dateien hierher ziehen (je höchstens 20 MB).</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="133" />
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="134" />
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="135" />
        <source>Save a &amp;copy…</source>
        <translation>Kopie s&amp;peichern…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="136" />
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="176" />
        <source>Add documents</source>
        <translation>Dokumente hinzufügen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="176" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="223" />
        <source>Save a copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/documents_tab.py" line="239" />
        <source>Delete the document “{title}” from the file?</source>
        <translation>Das Dokument „{title}“ aus der Akte löschen?</translation>
    </message>
</context>
<context>
    <name>FieldsEditor</name>
    <message>
        <location filename="../../jmd_desk/ui/fields_editor.py" line="32" />
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/fields_editor.py" line="32" />
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/fields_editor.py" line="32" />
        <source>Goal areas (comma-separated)</source>
        <translation>Zielbereiche (durch Komma getrennt)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/fields_editor.py" line="37" />
        <source>Add field</source>
        <translation>Handlungsfeld hinzufügen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/fields_editor.py" line="38" />
        <source>Remove field</source>
        <translation>Handlungsfeld entfernen</translation>
    </message>
</context>
<context>
    <name>FileExtrasTab</name>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="176" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="182" />
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="189" />
        <source>Mode</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="193" />
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="195" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="208" />
        <source>On</source>
        <translation>Am</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="214" />
        <source>Field</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="219" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="231" />
        <source>Group offer</source>
        <translation>Gruppenangebot</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="233" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="238" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="244" />
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="76" />
        <source>Plan &amp;appointment…</source>
        <translation>Termin &amp;planen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="96" />
        <source>Phase and first re&amp;quest…</source>
        <translation>Phase und erste &amp;Anfrage …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="101" />
        <source>Record pr&amp;ogress…</source>
        <translation>F&amp;ortschritt eintragen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="111" />
        <source>District and q&amp;ualification note…</source>
        <translation>Stadtteil und Anmerkung zu&amp;m Abschluss …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="81" />
        <source>Held → contact (Ctrl+Enter)</source>
        <translation>Stattgefunden → Kontakt (Strg+Enter)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="86" />
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="91" />
        <source>Did not come</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="106" />
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="121" />
        <source>Appointments of this case</source>
        <translation>Termine dieses Falls</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="134" />
        <source>Progress (not corrections)</source>
        <translation>Fortschritt (keine Berichtigungen)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="141" />
        <source>Group offers and district</source>
        <translation>Gruppenangebote und Stadtteil</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="180" />
        <source>Phase: {phase} · first request: {requested}</source>
        <translation>Phase: {phase} · erste Anfrage: {requested}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="188" />
        <source>District: {district} · qualification note: {note}</source>
        <translation>Stadtteil: {district} · Anmerkung Schulabschluss: {note}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="259" />
        <source>Case phase</source>
        <translation>Fallphase</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="293" />
        <source>Record progress</source>
        <translation>Fortschritt eintragen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="305" />
        <source>Delete this progress entry?</source>
        <translation>Diesen Fortschrittseintrag löschen?</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_extras_tab.py" line="328" />
        <source>District</source>
        <translation>Stadtteil</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="60" />
        <source>Choose the spreadsheet</source>
        <translation>Tabelle auswählen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="62" />
        <source>One client per row, headings in the first row (.xlsx, or .csv as saved by German Excel).</source>
        <translation>Eine Person pro Zeile, Spaltenüberschriften in der ersten Zeile (.xlsx oder .csv, wie Excel sie speichert).</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="67" />
        <source>&amp;Choose file…</source>
        <translation>Datei &amp;auswählen…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="73" />
        <source>&amp;Load a saved mapping…</source>
        <translation>Gespeicherte &amp;Zuordnung laden…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="83" />
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="84" />
        <source>Sheet:</source>
        <translation>Tabellenblatt:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="89" />
        <source>Spreadsheet</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="89" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Tabellen (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="94" />
        <source>Saved mapping</source>
        <translation>Gespeicherte Zuordnung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="127" />
        <source>{rows} rows below the headings.</source>
        <translation>{rows} Zeilen unter den Überschriften.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="138" />
        <source>Mapping loaded: {name}</source>
        <translation>Zuordnung geladen: {name}</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="145" />
        <source>&amp;New follow-up…</source>
        <translation>&amp;Neue Wiedervorlage …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="146" />
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="147" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="34" />
        <source>New &amp;goal…</source>
        <translation>Neues &amp;Ziel …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="35" />
        <source>Change status…</source>
        <translation>Status ändern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="36" />
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="37" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>GroupOfferDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/group_offer_dialog.py" line="65" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offer_dialog.py" line="75" />
        <source>Group offer</source>
        <translation>Gruppenangebot</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offer_dialog.py" line="77" />
        <source>New group offer</source>
        <translation>Neues Gruppenangebot</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offer_dialog.py" line="79" />
        <source>Participants are counted once per offer; estimates are fine.</source>
        <translation>Teilnehmende werden einmal je Angebot gezählt; Schätzungen sind in Ordnung.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offer_dialog.py" line="102" />
        <source>Group session</source>
        <translation>Gruppentreffen</translation>
    </message>
</context>
<context>
    <name>GroupOffersPage</name>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="34" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="36" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="41" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="47" />
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="54" />
        <source>Sessions</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="61" />
        <source>Files linked</source>
        <translation>verknüpfte Akten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="74" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="80" />
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="87" />
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="114" />
        <source>New offer… (Ctrl+Shift+N)</source>
        <translation>Neues Angebot … (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="117" />
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="120" />
        <source>Record session… (Ctrl+Shift+G)</source>
        <translation>Treffen eintragen … (Strg+Umschalt+G)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="125" />
        <source>Link a file…</source>
        <translation>Akte verknüpfen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="130" />
        <source>Plan appointment…</source>
        <translation>Termin planen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="143" />
        <source>Sessions of the selected offer:</source>
        <translation>Treffen des gewählten Angebots mit Anwesenheit:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="200" />
        <source>Select an offer first.</source>
        <translation>Bitte zuerst ein Angebot auswählen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="226" />
        <source>Link a file</source>
        <translation>Akte verknüpfen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="227" />
        <source>Client number of a participant with a file:</source>
        <translation>Nummer der Akte einer teilnehmenden Person:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/group_offers_page.py" line="233" />
        <source>No file with number {number}.</source>
        <translation>Keine Akte mit der Nummer {number}.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../jmd_desk/ui/help.py" line="34" />
        <source>JMD Desk – User guide</source>
        <translation>JMD Desk – Kurzanleitung</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="120" />
        <source>Who did what with this file (audit log):</source>
        <translation>Wer hat was mit dieser Akte getan (Protokoll):</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="121" />
        <source>Corrections of master data:</source>
        <translation>Berichtigungen der Stammdaten:</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="50" />
        <source>Letter</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="72" />
        <source>Templates that cannot be used:</source>
        <translation>Nicht nutzbare Vorlagen:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="75" />
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="82" />
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="83" />
        <source>Referral:</source>
        <translation>Vermittlung:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="122" />
        <source>Save letter</source>
        <translation>Schreiben speichern</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="60" />
        <source>Welcome to JMD Desk</source>
        <translation>Willkommen bei JMD Desk</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="63" />
        <source>JMD Desk keeps all case files in one encrypted store on this computer. Choose where it is kept; the default folder is right for most offices.</source>
        <translation>JMD Desk speichert alle Akten in einer verschlüsselten Datenablage auf diesem Rechner. Wählen Sie, wo sie liegen soll; der vorgeschlagene Ordner passt für die meisten Dienststellen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="69" />
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="100" />
        <source>Store file</source>
        <translation>Datenablage</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="70" />
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="78" />
        <source>Keep the store on a local disk, not on a network drive. The key file is kept beside it; back up both together.</source>
        <translation>Die Datenablage gehört auf eine lokale Festplatte, nicht auf ein Netzlaufwerk. Die Schlüsseldatei liegt daneben; sichern Sie beide zusammen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="100" />
        <source>JMD Desk store (*.jmd)</source>
        <translation>JMD-Desk-Datenablage (*.jmd)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../jmd_desk/ui/lock.py" line="78" />
        <source>JMD Desk is locked. The data connection is closed. Enter your password to continue.</source>
        <translation>JMD Desk ist gesperrt. Die Verbindung zu den Daten ist geschlossen. Geben Sie Ihr Passwort ein, um weiterzuarbeiten.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/lock.py" line="81" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/lock.py" line="84" />
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/lock.py" line="87" />
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/lock.py" line="99" />
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/lock.py" line="116" />
        <source>Locked – {user}</source>
        <translation>Gesperrt – {user}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="102" />
        <source>JMD Desk – Sign in</source>
        <translation>JMD Desk – Anmeldung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="126" />
        <source>JMD Desk</source>
        <translation>JMD Desk</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="135" />
        <source>Other store…</source>
        <translation>Andere Datenablage …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="138" />
        <source>Office server…</source>
        <translation>Büro-Server…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="154" />
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="156" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="163" />
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="164" />
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="168" />
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="172" />
        <source>Forgot password…</source>
        <translation>Passwort vergessen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="66" />
        <location filename="../../jmd_desk/ui/login_dialog.py" line="190" />
        <source>Store: {path}</source>
        <translation>Datenablage: {path}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="63" />
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="64" />
        <source>Recently used…</source>
        <translation>Zuletzt verwendet…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="65" />
        <location filename="../../jmd_desk/ui/login_dialog.py" line="188" />
        <source>Office server: {path}</source>
        <translation>Büro-Server: {path}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="206" />
        <source>Open store</source>
        <translation>Datenablage öffnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="206" />
        <source>JMD Desk store (*.jmd)</source>
        <translation>JMD-Desk-Datenablage (*.jmd)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="214" />
        <source>Office server profile</source>
        <translation>Büro-Server-Profil</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="216" />
        <source>Office server profile (*.jmd-server)</source>
        <translation>Büro-Server-Profil (*.jmd-server)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="232" />
        <source>Please enter user name and password.</source>
        <translation>Bitte Benutzername und Passwort eingeben.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="258" />
        <source>Set your own password</source>
        <translation>Eigenes Passwort festlegen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="259" />
        <source>You signed in with a one-time password. Your new password:</source>
        <translation>Sie haben sich mit einem Einmal-Passwort angemeldet. Ihr neues Passwort:</translation>
    </message>
</context>
<context>
    <name>LogoSetting</name>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="209" />
        <source>Choose logo…</source>
        <translation>Logo auswählen…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="212" />
        <source>Remove logo</source>
        <translation>Logo entfernen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="216" />
        <source>Own letter templates (text files): {folder}</source>
        <translation>Eigene Briefvorlagen (Textdateien): {folder}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="233" />
        <source>A logo is set.</source>
        <translation>Ein Logo ist hinterlegt.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="233" />
        <source>No logo.</source>
        <translation>Kein Logo hinterlegt.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="237" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="237" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="64" />
        <source>JMD Desk</source>
        <translation>JMD Desk</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="66" />
        <source>JMD Desk – {office}</source>
        <translation>JMD Desk – {office}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="103" />
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="107" />
        <source>Clients</source>
        <translation>Klient*innen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="109" />
        <source>Group offers</source>
        <translation>Gruppenangebote</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="111" />
        <source>Network partners</source>
        <translation>Netzwerkpartner</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="114" />
        <source>Office files</source>
        <translation>Büro</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="117" />
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="120" />
        <source>Data protection</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="125" />
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="130" />
        <source>Signed in: {name} ({user})</source>
        <translation>Angemeldet: {name} ({user})</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="131" />
        <source>on the office server</source>
        <translation>auf dem Büro-Server</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="134" />
        <source>Lock (Ctrl+L)</source>
        <translation>Sperren (Strg+L)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="52" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="54" />
        <source>&amp;New client…</source>
        <translation>&amp;Neue*r Klient*in …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="56" />
        <source>&amp;Find client</source>
        <translation>Klient*in &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="60" />
        <source>Clients from a &amp;spreadsheet…</source>
        <translation>Klient*innen aus Tabelle &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="62" />
        <source>Change &amp;password…</source>
        <translation>&amp;Passwort ändern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="66" />
        <source>&amp;Lock</source>
        <translation>Sp&amp;erren</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="68" />
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="70" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="35" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="41" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="42" />
        <source>&amp;User guide</source>
        <translation>&amp;Kurzanleitung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="46" />
        <source>&amp;About JMD Desk</source>
        <translation>Über &amp;JMD Desk</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="77" />
        <source>&amp;Anonymous counselling…</source>
        <translation>&amp;Anonyme Kurzberatung …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_menus.py" line="84" />
        <source>Appoin&amp;tments</source>
        <translation>&amp;Termine</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="211" />
        <source>{count} clients imported.</source>
        <translation>{count} Klient*innen übernommen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="218" />
        <source>Your password was changed.</source>
        <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="281" />
        <source>The password is wrong.</source>
        <translation>Das Passwort ist falsch.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="289" />
        <source>Your password:</source>
        <translation>Ihr Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="300" />
        <source>The backup has other passwords. Your password then, or the recovery key of the backup:</source>
        <translation>Die Sicherung hat andere Passwörter. Ihr damaliges Passwort oder der Wiederherstellungsschlüssel der Sicherung:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="326" />
        <source>The restore was cancelled. Nothing was changed.</source>
        <translation>Das Zurückspielen wurde abgebrochen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/restore_prompts.py" line="23" />
        <source>Backup of {created}.

Restoring it loses everything since:
• {events} audit events
• accounts created since: {users}
• {runs} deletion runs since (their erasures are applied again: {erasures} erased files stay erased)

The current store is kept as a backup. Restore now?</source>
        <translation>Sicherung vom {created}.

Beim Zurückspielen geht alles seither verloren:
• {events} Protokolleinträge
• seither angelegte Konten: {users}
• {runs} Löschläufe seither (ihre Löschungen werden erneut angewandt: {erasures} gelöschte Akten bleiben gelöscht)

Die bisherige Datenablage wird als Sicherung aufbewahrt. Jetzt zurückspielen?</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/restore_prompts.py" line="15" />
        <location filename="../../jmd_desk/ui/restore_prompts.py" line="36" />
        <source>Restore backup</source>
        <translation>Sicherung zurückspielen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/restore_prompts.py" line="40" />
        <source>Restore and lose this</source>
        <translation>Trotzdem zurückspielen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/restore_prompts.py" line="43" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/main_window.py" line="337" />
        <source>The backup was checked and restored. Please sign in again.</source>
        <translation>Die Sicherung wurde geprüft und zurückgespielt. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>MasterDataTab</name>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="33" />
        <source>&amp;Save master data</source>
        <translation>Stammdaten &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="35" />
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="71" />
        <source>Please correct the marked fields.</source>
        <translation>Bitte die markierten Felder korrigieren.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="80" />
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="96" />
        <source>The colleague's version is shown.</source>
        <translation>Der gespeicherte Stand der Kollegin / des Kollegen wird angezeigt.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/master_tab.py" line="99" />
        <source>Your input is kept. Saving replaces the colleague's version.</source>
        <translation>Ihre Eingaben sind geblieben. Speichern ersetzt den Stand der Kollegin / des Kollegen.</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="135" />
        <location filename="../../jmd_desk/ui/models.py" line="174" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/overview_models.py" line="38" />
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/overview_models.py" line="46" />
        <source>Open case</source>
        <translation>Offener Fall</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/overview_models.py" line="51" />
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/overview_models.py" line="78" />
        <source>Client</source>
        <translation>Klient*in</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/overview_models.py" line="83" />
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/overview_models.py" line="93" />
        <source>Open cases</source>
        <translation>Offene Fälle</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="102" />
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="104" />
        <source>not valid</source>
        <translation>nicht gültig</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="117" />
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="155" />
        <location filename="../../jmd_desk/ui/office_models.py" line="17" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="159" />
        <location filename="../../jmd_desk/ui/office_models.py" line="22" />
        <source>User</source>
        <translation>Benutzer*in</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_models.py" line="24" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_models.py" line="29" />
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_models.py" line="33" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="35" />
        <source>no case</source>
        <translation>kein Fall</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="37" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="38" />
        <source>closed on {date}</source>
        <translation>abgeschlossen am {date}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="45" />
        <location filename="../../jmd_desk/ui/office_models.py" line="46" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="46" />
        <source>Counsellor</source>
        <translation>Fachkraft</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="49" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="135" />
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="160" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="162" />
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/file_models.py" line="165" />
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>NewClientDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/new_client_dialog.py" line="25" />
        <source>New client</source>
        <translation>Neue*r Klient*in</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/new_client_dialog.py" line="41" />
        <source>First case</source>
        <translation>Erster Fall</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/new_client_dialog.py" line="68" />
        <source>Please correct the marked fields.</source>
        <translation>Bitte die markierten Felder korrigieren.</translation>
    </message>
</context>
<context>
    <name>OfficeFilesPage</name>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="101" />
        <source>Search client number, name or counsellor</source>
        <translation>Suche nach Nr., Name oder Fachkraft</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="110" />
        <source>Change &amp;counsellor…</source>
        <translation>&amp;Zuständigkeit ändern…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="111" />
        <source>&amp;Legal hold on/off</source>
        <translation>&amp;Sperre gegen Löschung an/aus</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="138" />
        <source>{shown} of {total} files</source>
        <translation>{shown} von {total} Akten</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="163" />
        <source>Lift the legal hold of file {number}? It can then be deleted when due.</source>
        <translation>Die Sperre gegen Löschung der Akte {number} aufheben? Sie kann dann gelöscht werden, wenn sie fällig ist.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="165" />
        <source>Protect file {number} from deletion (legal hold)?</source>
        <translation>Die Akte {number} gegen Löschung sperren?</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="175" />
        <source>File {number} is protected from deletion.</source>
        <translation>Die Akte {number} ist gegen Löschung gesperrt.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="176" />
        <source>File {number} is no longer protected from deletion.</source>
        <translation>Die Akte {number} ist nicht mehr gegen Löschung gesperrt.</translation>
    </message>
</context>
<context>
    <name>PageHost</name>
    <message>
        <location filename="../../jmd_desk/ui/page_host.py" line="19" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>PaperworkActions</name>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="165" />
        <source>Print support &amp;plan…</source>
        <translation>Förderplan dr&amp;ucken …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="167" />
        <source>The Integrationsförderplan of this case as an agreement to sign (PDF)</source>
        <translation>Der Integrationsförderplan dieses Falls als Vereinbarung zum Unterschreiben (PDF)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="169" />
        <source>&amp;Letter…</source>
        <translation>Sc&amp;hreiben …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/paperwork_dialogs.py" line="176" />
        <source>Save support plan</source>
        <translation>Förderplan speichern</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <location filename="../../jmd_desk/ui/partners_page.py" line="28" />
        <source>Search name, contact person or type</source>
        <translation>Name, Ansprechperson oder Art suchen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/partners_page.py" line="36" />
        <source>&amp;New partner…</source>
        <translation>Neuer &amp;Netzwerkpartner …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/partners_page.py" line="37" />
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/partners_page.py" line="39" />
        <source>Deactivate / activate</source>
        <translation>Deaktivieren / aktivieren</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/partners_page.py" line="90" />
        <source>Network partner</source>
        <translation>Netzwerkpartner</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/partners_page.py" line="90" />
        <source>New network partner</source>
        <translation>Neuer Netzwerkpartner</translation>
    </message>
</context>
<context>
    <name>PasswordWithRepeat</name>
    <message>
        <location filename="../../jmd_desk/ui/password_pair.py" line="47" />
        <source>The two passwords do not match.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="56" />
        <source>Check and import</source>
        <translation>Prüfen und übernehmen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="67" />
        <source>&amp;Read the file again</source>
        <translation>Datei &amp;neu einlesen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="69" />
        <source>After correcting the spreadsheet in Excel: check it again.</source>
        <translation>Nach dem Korrigieren der Tabelle in Excel: erneut prüfen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="71" />
        <source>&amp;Save mapping…</source>
        <translation>Zuordnung &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="81" />
        <source>Problems (nothing is imported while one remains):</source>
        <translation>Probleme (solange eines besteht, wird nichts übernommen):</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="84" />
        <source>Counsellor of the imported clients:</source>
        <translation>Zuständige Fachkraft der übernommenen Personen:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="126" />
        <source>{clients} clients found; {problems} problems.</source>
        <translation>{clients} Klient*innen gefunden; {problems} Probleme.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="130" />
        <source>{clients} clients ready to import.</source>
        <translation>{clients} Klient*innen können übernommen werden.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_preview.py" line="159" />
        <source>Save mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="60" />
        <source>Change counsellor</source>
        <translation>Zuständigkeit ändern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="66" />
        <source>File {number} ({name}), now with {counsellor}.</source>
        <translation>Akte {number} ({name}), zurzeit bei {counsellor}.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/office_files_page.py" line="74" />
        <source>New counsellor</source>
        <translation>Neue Fachkraft</translation>
    </message>
</context>
<context>
    <name>RecordEditors</name>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="81" />
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="83" />
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="98" />
        <source>Change goal status</source>
        <translation>Status des Ziels ändern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="114" />
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="155" />
        <source>Referral</source>
        <translation>Vermittlung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="157" />
        <source>New referral</source>
        <translation>Neue Vermittlung</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="172" />
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="174" />
        <source>New follow-up</source>
        <translation>Neue Wiedervorlage</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="197" />
        <source>Record consent</source>
        <translation>Einwilligung erfassen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="210" />
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="215" />
        <source>From this day on, nothing that depends on the consent is allowed any more.</source>
        <translation>Ab diesem Tag ist nichts mehr erlaubt, was von der Einwilligung abhängt.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="233" />
        <source>Close case</source>
        <translation>Fall abschließen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="252" />
        <source>Open new case</source>
        <translation>Neuen Fall eröffnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="286" />
        <source>Corrections are recorded in the history. Leave the closing date empty for an open case.</source>
        <translation>Korrekturen werden im Verlauf festgehalten. Bei einem offenen Fall bleibt das Abschlussdatum leer.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/record_editors.py" line="289" />
        <source>Correct case</source>
        <translation>Fall korrigieren</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="287" />
        <source>Recover access</source>
        <translation>Zugang wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="291" />
        <source>Enter the recovery key that was printed when the store was created, the user name and a new password for that user.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel ein, der beim Anlegen der Datenablage ausgedruckt wurde, den Benutzernamen und ein neues Passwort für dieses Konto.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="304" />
        <source>Recovery &amp;key:</source>
        <translation>Wiederherstellungs&amp;schlüssel:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="305" />
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="306" />
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/login_dialog.py" line="306" />
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="182" />
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="185" />
        <source>This key opens the store when a password is forgotten. It is shown only now: print it or write it down and keep it sealed, e.g. with the office lead.</source>
        <translation>Dieser Schlüssel öffnet die Datenablage, wenn ein Passwort vergessen wurde. Er wird nur jetzt angezeigt: Drucken Sie ihn aus oder schreiben Sie ihn ab und verwahren Sie ihn versiegelt, z. B. bei der Leitung.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="189" />
        <source>Creating the encrypted store…</source>
        <translation>Die verschlüsselte Datenablage wird angelegt …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="199" />
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="202" />
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="205" />
        <source>I have printed or written down the recovery key and keep it safe.</source>
        <translation>Ich habe den Wiederherstellungsschlüssel ausgedruckt oder abgeschrieben und verwahre ihn sicher.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="232" />
        <source>The store was created.</source>
        <translation>Die Datenablage wurde angelegt.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="238" />
        <source>The store could not be created.</source>
        <translation>Die Datenablage konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="248" />
        <source>JMD Desk – recovery key</source>
        <translation>JMD Desk – Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="249" />
        <source>Office</source>
        <translation>Dienststelle</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="250" />
        <source>Store</source>
        <translation>Datenablage</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="252" />
        <source>Keep this sheet sealed and locked away. Whoever has this key and the store can read all case files. With it an administrator can set a new password when one is forgotten.</source>
        <translation>Dieses Blatt versiegelt und verschlossen aufbewahren. Wer diesen Schlüssel und die Datenablage hat, kann alle Akten lesen. Damit kann die Administration ein neues Passwort setzen, wenn eines vergessen wurde.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="269" />
        <source>Save recovery key as PDF</source>
        <translation>Wiederherstellungsschlüssel als PDF speichern</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="84" />
        <source>&amp;New referral…</source>
        <translation>&amp;Neue Vermittlung …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="88" />
        <source>Edit / answer…</source>
        <translation>Bearbeiten / Rückmeldung …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="89" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="109" />
        <source>Referrals are blocked: the consent to share data for referrals was withdrawn on {date}. Record a new consent first (tab Consents).</source>
        <translation>Vermittlungen sind gesperrt: Die Einwilligung zur Datenweitergabe wurde am {date} widerrufen. Bitte zuerst eine neue Einwilligung erfassen (Reiter Einwilligungen).</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/plan_tabs.py" line="114" />
        <source>Referrals are blocked: there is no valid consent to share data for referrals. Record the consent first (tab Consents).</source>
        <translation>Vermittlungen sind gesperrt: Es liegt keine gültige Einwilligung zur Datenweitergabe vor. Bitte zuerst die Einwilligung erfassen (Reiter Einwilligungen).</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="27" />
        <source>Publication register</source>
        <translation>Veröffentlichungsregister</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="30" />
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="31" />
        <source>User</source>
        <translation>Benutzer*in</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="32" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="33" />
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="34" />
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="35" />
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="36" />
        <source>Cells (hash)</source>
        <translation>Zellen (Prüfsumme)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/register_dialog.py" line="49" />
        <source>Every statistics report that was saved, printed or bundled. Reports of the same period and method with a different hash show different values.</source>
        <translation>Jeder gespeicherte, gedruckte oder gebündelte Statistikbericht. Berichte desselben Zeitraums und Verfahrens mit unterschiedlicher Prüfsumme zeigen unterschiedliche Werte.</translation>
    </message>
</context>
<context>
    <name>RekeyResultDialog</name>
    <message>
        <location filename="../../jmd_desk/ui/account_dialogs.py" line="96" />
        <source>Store re-keyed</source>
        <translation>Datenablage neu verschlüsselt</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/account_dialogs.py" line="97" />
        <source>Shown only now. Print it or write it down, then hand each password over in person.</source>
        <translation>Wird nur jetzt angezeigt. Ausdrucken oder aufschreiben und jedes Passwort persönlich übergeben.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../jmd_desk/ui/setup_wizard.py" line="289" />
        <source>Set up JMD Desk</source>
        <translation>JMD Desk einrichten</translation>
    </message>
</context>
<context>
    <name>SheetImportWizard</name>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_wizard.py" line="30" />
        <source>Take over clients from a spreadsheet</source>
        <translation>Klient*innen aus einer Tabelle übernehmen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_wizard.py" line="42" />
        <source>&amp;Import</source>
        <translation>&amp;Übernehmen</translation>
    </message>
</context>
<context>
    <name>SignInNotices</name>
    <message>
        <location filename="../../jmd_desk/ui/sign_in_notices.py" line="21" />
        <source>The administrator {admin} set a new password for your account on {at}. Since then, {count} files were opened with your account.</source>
        <translation>Die Administration ({admin}) hat am {at} ein neues Passwort für Ihr Konto gesetzt. Seitdem wurden mit Ihrem Konto {count} Akten geöffnet.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sign_in_notices.py" line="29" />
        <source>If you did not ask for it, or did not open these files yourself, tell your team lead. Please set a password of your own now (File → Change password).</source>
        <translation>Wenn Sie das nicht veranlasst oder diese Akten nicht selbst geöffnet haben, sagen Sie es Ihrer Teamleitung. Bitte setzen Sie jetzt ein eigenes Passwort (Datei → Passwort ändern).</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="71" />
        <source>&amp;Quarter</source>
        <translation>&amp;Quartal</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="73" />
        <source>&amp;Date range</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="86" />
        <source>Q{q} {year}</source>
        <translation>{q}. Quartal {year}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="109" />
        <source>Cell key (for release)</source>
        <translation>Cell-Key-Verfahren (zur Weitergabe)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="110" />
        <source>Suppression (quarters, half-years, years)</source>
        <translation>Sperrung kleiner Werte (Quartale, Halbjahre, Jahre)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="111" />
        <source>Internal (exact, not for release)</source>
        <translation>Intern (exakt, nicht zur Weitergabe)</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="114" />
        <source>&amp;Compute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="118" />
        <source>Method:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="120" />
        <source>Minimum cell size k:</source>
        <translation>Mindestfallzahl k:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="152" />
        <source>Save as JSON…</source>
        <translation>Als JSON speichern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="153" />
        <source>Save as CSV (Excel)…</source>
        <translation>Als CSV (Excel) speichern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="154" />
        <source>Save as PDF…</source>
        <translation>Als PDF speichern …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="155" />
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="158" />
        <source>Create &amp;bundle for the office merge…</source>
        <translation>Bündel für die Zusammenführung &amp;erstellen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="159" />
        <source>&amp;Merge bundles…</source>
        <translation>Bündel zusammen&amp;führen …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="160" />
        <source>Publication &amp;register…</source>
        <translation>&amp;Veröffentlichungsregister …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="191" />
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="222" />
        <source>Period {period} · method: {method} · basis: {basis} · persons left out: {left_out}.</source>
        <translation>Zeitraum {period} · Verfahren: {method} · Grundlage: {basis} · nicht berücksichtigt: {left_out}.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="254" />
        <source>Save statistics</source>
        <translation>Statistik speichern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="262" />
        <location filename="../../jmd_desk/ui/statistics_page.py" line="317" />
        <source>Saved: {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="291" />
        <source>Statistics passphrase</source>
        <translation>Statistik-Passwort</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="301" />
        <source>Passphrase agreed in the office for statistics bundles:</source>
        <translation>In der Dienststelle vereinbartes Passwort für Statistik-Bündel:</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="306" />
        <source>Save bundle</source>
        <translation>Bündel speichern</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="318" />
        <source>The bundle was saved. It holds only counts, encrypted.</source>
        <translation>Das Bündel wurde gespeichert. Es enthält nur verschlüsselte Zahlen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="330" />
        <source>Bundles to merge</source>
        <translation>Zusammenzuführende Bündel</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/statistics_page.py" line="334" />
        <source>Statistics passphrase of the bundles:</source>
        <translation>Statistik-Passwort der Bündel:</translation>
    </message>
</context>
<context>
    <name>TableTab</name>
    <message>
        <location filename="../../jmd_desk/ui/file_host.py" line="88" />
        <source>Delete the selected entry? This cannot be undone.</source>
        <translation>Den ausgewählten Eintrag löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="252" />
        <source>Assign the values</source>
        <translation>Werte zuordnen</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="253" />
        <source>Texts the program recognises are preset; please check them and fill the rest.</source>
        <translation>Erkannte Angaben sind vorbelegt; bitte prüfen und die übrigen ergänzen.</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="256" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="256" />
        <source>Text in the spreadsheet</source>
        <translation>Angabe in der Tabelle</translation>
    </message>
    <message>
        <location filename="../../jmd_desk/ui/sheet_import_pages.py" line="256" />
        <source>Means</source>
        <translation>Bedeutet</translation>
    </message>
</context>
</TS>