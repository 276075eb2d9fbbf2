; Inno Setup script: per-machine Windows installer for JMD Desk.
;
;   packaging\build-windows.ps1     (builds dist\jmd-desk with PyInstaller, self-tests it, then runs ISCC)
;   ISCC /DAppVersion=0.1.0 packaging\jmd-desk.iss
;
; Installs the one-folder build to Program Files with a Start-menu entry. The uninstaller removes
; exactly the installed program files: the stores, backups, settings and logs live in each user's
; data folders (%LOCALAPPDATA%\JMD Desk, or where the office put the store) and are never deleted.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1D4E3A-8F0C-4C57-9A5E-2D7B1C9E4F10}
AppName=JMD Desk
AppVersion={#AppVersion}
AppVerName=JMD Desk {#AppVersion}
AppPublisher=JMD Desk
DefaultDirName={autopf}\JMD Desk
DefaultGroupName=JMD Desk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=jmd-desk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\jmd-desk.ico
UninstallDisplayIcon={app}\JMD Desk.exe
UninstallDisplayName=JMD Desk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build; replaced completely on update.
Source: "..\dist\jmd-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update must not mix old and new libraries of the program (never any data).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\JMD Desk"; Filename: "{app}\JMD Desk.exe"; WorkingDir: "{app}"; Comment: "Fallverwaltung Jugendmigrationsdienst"
Name: "{autoprograms}\JMD Desk – Kurzanleitung"; Filename: "{app}\_internal\resources\docs\handbuch.html"
Name: "{autodesktop}\JMD Desk"; Filename: "{app}\JMD Desk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\JMD Desk.exe"; Description: "{cm:LaunchProgram,JMD Desk}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller leaves every data folder alone.
