; Included by the NSIS installer (electron-builder.yml nsis.include).
; Electron 23 and later do not start on Windows 7, 8 or 8.1. NSIS's own check stops only XP and Vista,
; so without this the installer would install a program that fails with a loader error at first start.
!macro customInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "县域统筹台账需要 Windows 10 或更新版本的 Windows。$\r$\n本电脑的 Windows 版本过旧，无法安装。请联系县里的信息员。"
    Quit
  ${EndIf}
!macroend
