@echo off
rem county-ledger command line: the same commands as "npm run ledger -- ...", e.g.
rem   county-ledger-cli stats --json
"%~dp0county-ledger.exe" --cli %*
exit /b %errorlevel%
