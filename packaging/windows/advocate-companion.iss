; Inno Setup 6 script for Advocate Companion: a per-user install that needs no administrator.
;
; Build the one-folder bundle first, then compile this script (see packaging/README.md):
;   py -3.11 packaging\build.py
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\advocate-companion.iss
; Output: dist\installer\AdvocateCompanion-<version>-setup.exe
;
; What it does: copies dist\advocate-app\ to %LOCALAPPDATA%\Programs\Advocate Companion, adds a
; Start menu shortcut (and a desktop one if asked), registers an uninstaller under HKCU.
; What it never does: ask for admin rights, download anything, open a web page, or touch the
; vault. The records live in %LOCALAPPDATA%\advocate-app (platformdirs), outside {app}, and the
; uninstaller leaves them alone: destroying records is a deliberate act inside the app.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=0.1.0 advocate-companion.iss
#endif

#define AppName "Advocate Companion"
#define AppExeName "advocate-app.exe"
; Relative to this script's folder (Inno's SourceDir).
#define BundleDir "..\..\dist\advocate-app"

[Setup]
; A fixed AppId ties upgrades and the uninstaller together; never change it.
AppId={{ECD3973B-F419-4485-8327-793F1E86FBEE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; No AppPublisherURL / AppSupportURL / AppUpdatesURL: nothing in Add/Remove Programs links out.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir=..\..\dist\installer
OutputBaseFilename=AdvocateCompanion-{#AppVersion}-setup
SetupIconFile=..\icons\advocate-companion.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced (Restart Manager).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no library from an older version lingers beside the new.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; With PrivilegesRequired=lowest these resolve to the current user's Start menu and desktop.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}; the vault folder is deliberately not listed.
Type: filesandordirs; Name: "{app}\_internal"
