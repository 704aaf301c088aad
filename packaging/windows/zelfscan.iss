; Inno Setup 6 script: Windows installer for Zelfscan Kwaliteitskader.
;
; Per-user install WITHOUT administrator rights (managed municipal laptops): the program goes to
; %LOCALAPPDATA%\Programs\Zelfscan Kwaliteitskader ({userpf}), the shortcut to the user's own
; Start menu, the uninstaller is registered under HKCU ("Apps en onderdelen").
;
; Needs Inno Setup 6.3 or newer (x64compatible). Build on Windows, from the repository root:
;     .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\zelfscan.spec
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\zelfscan.iss
; Result: dist\installer\zelfscan-<versie>-setup.exe
;
; The version comes from dist\zelfscan\zelfscan.exe itself (its version resource is generated
; from zelfscan_app.__version__ by packaging/version_info.py); /DAppVersion=x.y.z overrides it.

#define AppName "Zelfscan Kwaliteitskader"
#define AppExe "zelfscan.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\zelfscan"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error Geen versie gevonden: bouw eerst de bundel (dist\zelfscan\zelfscan.exe) of geef /DAppVersion=x.y.z
#endif

[Setup]
; The AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{FE6A86F0-AD15-49FF-9BE9-1CF3ECD722AE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Zelfscan Kwaliteitskader
VersionInfoVersion={#GetVersionNumbersString(BundleDir + "\" + AppExe)}
VersionInfoDescription={#AppName} installatieprogramma
; No admin rights: install for the current user only.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=zelfscan-{#AppVersion}-setup
SetupIconFile=..\icons\zelfscan.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running Zelfscan before files are replaced (updates); the answers are already saved.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "Snelkoppeling op het &bureaublad"; GroupDescription: "Extra snelkoppelingen:"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle: zelfscan.exe (window), zelfscan-cli.exe (command
; line, for scripts) and _internal\ with Python, Qt and the app's resources.
Source: "..\..\dist\zelfscan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Zelfscan Kwaliteitskader Werken aan veiligheid"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{#AppName} nu starten"; Flags: nowait postinstall skipifsilent

; Uninstalling removes {app} and the shortcuts only. The database with the scans lives in the
; user's data folder (%LOCALAPPDATA%\Zelfscan Kwaliteitskader) and is deliberately KEPT: removing the
; program must never remove a municipality's answers. There is no [UninstallDelete] on purpose.

[Messages]
dutch.WelcomeLabel2=Hiermee installeert u [name/ver] voor uzelf op deze computer. U hebt hiervoor geen beheerdersrechten nodig.%n%nSluit andere programma's voordat u verder gaat.
