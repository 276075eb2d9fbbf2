# Build the Windows one-folder bundle and the installer (run in PowerShell from the repository).
# Needs Python 3.11 and Inno Setup 6 (ISCC.exe on PATH or in its default folder).
#
#     powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path build\venv\Scripts\python.exe)) { py -3.11 -m venv build\venv }
build\venv\Scripts\python.exe -m pip install --quiet --upgrade pip
build\venv\Scripts\python.exe -m pip install --quiet ".[build]"
build\venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\jmd-desk.spec

$env:QT_QPA_PLATFORM = "offscreen"
$version = (& dist\jmd-desk\jmd-desk.exe --version).Replace("JMD Desk ", "")
& dist\jmd-desk\jmd-desk.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM

$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\jmd-desk.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
Write-Host "installer: dist\jmd-desk-$version-setup.exe"
