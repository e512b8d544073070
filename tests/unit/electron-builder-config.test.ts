import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { spawnSync } from 'node:child_process';
import { CLI_FLAG, cliArguments } from '../../main/electron/cli-mode.ts';
import { PACKAGED_SQLITE_MODULE } from '../../main/electron/layout.ts';
import { nativeModulePath } from '../../scripts/build-native.ts';
import { debSigning, signDeb, windowsSigning } from '../../scripts/packaging-hooks.ts';

// js-yaml comes with electron-builder and has no type declarations of its own; only load() is used.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const root = new URL('../../', import.meta.url);
const rootDir = fileURLToPath(root);
const builderLib = (file: string) =>
  readFileSync(new URL(`node_modules/app-builder-lib/${file}`, root), 'utf8');
const config = yaml.load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<
  string,
  unknown
>;
const schema = JSON.parse(
  readFileSync(new URL('node_modules/app-builder-lib/scheme.json', root), 'utf8'),
) as object;

type Target = { target: string; arch?: string[] };
const section = (name: string) => config[name] as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    // The schema is draft-07 and uses electron-builder's custom `typeof` keyword; strict: false ignores that.
    const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema check has teeth: a misspelt key fails it.
    expect(validate({ ...config, nsis: { ...section('nsis'), oneclick: false } })).toBe(false);
  });

  it('names the product and ships only the build output', () => {
    expect(config.appId).toBe('cn.gov.county-ledger');
    expect(config.productName).toBe('县域统筹台账');
    expect(section('directories').output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*']));
    expect(config.publish).toBeNull();
    expect(config.compression).toBe('normal');
  });

  it('packs into asar but unpacks the native SQLite module, and never rebuilds it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual([
      'dist/electron/import-worker.cjs',
      'dist/electron/core-process.cjs',
      'node_modules/better-sqlite3/**',
    ]);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    // better-sqlite3 prefers build/Release over its prebuilds: a module compiled on the build machine
    // must never reach a package.
    expect(config.files).toContain('!node_modules/better-sqlite3/{deps,src,build}/**');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an offline, Chinese NSIS installer for Windows x64 that installs per user by default', () => {
    const targets = section('win').target as Target[];
    expect(targets).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(section('nsis')).toMatchObject({
      oneClick: false,
      // 仅为我安装 preselected (no UAC prompt), 为所有用户安装 offered with elevation.
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      language: '2052',
      installerLanguages: ['zh_CN'],
      unicode: true,
      createDesktopShortcut: true,
      shortcutName: '县域统筹台账',
      deleteAppDataOnUninstall: false,
      differentialPackage: false,
    });
    expect(JSON.stringify(config)).not.toContain('nsis-web');
  });

  it('asks for an administrator only when the clerk chooses 为所有用户安装', () => {
    // How electron-builder turns the settings into the installer's execution level: only perMachine
    // defines INSTALL_MODE_PER_ALL_USERS, and only that define makes the installer request admin.
    const nsisTarget = builderLib('out/targets/nsis/NsisTarget.js');
    expect(nsisTarget).toMatch(
      /if \(options\.perMachine === true\) \{\s*defines\.INSTALL_MODE_PER_ALL_USERS = null;/,
    );
    expect(nsisTarget).toMatch(
      /options\.allowElevation !== false\) \{\s*defines\.MULTIUSER_INSTALLMODE_ALLOW_ELEVATION/,
    );
    const installer = builderLib('templates/nsis/installer.nsi');
    expect(installer).toMatch(
      /!ifdef INSTALL_MODE_PER_ALL_USERS\s+!ifdef BUILD_UNINSTALLER\s+RequestExecutionLevel user\s+!else\s+RequestExecutionLevel admin\s+!endif\s+!else\s+RequestExecutionLevel user/,
    );
    // The install-mode page offers both choices; per user is preselected unless selectPerMachineByDefault.
    expect(builderLib('templates/nsis/assistedInstaller.nsh')).toMatch(
      /!ifdef INSTALL_MODE_PER_ALL_USERS_DEFAULT\s+!insertmacro setInstallModePerAllUsers\s+!else\s+!insertmacro setInstallModePerUser/,
    );
  });

  it('refuses Windows 7/8 in the installer with a Chinese message', () => {
    const include = section('nsis').include as string;
    expect(include).toBe('build/installer.nsh');
    const script = readFileSync(path.join(rootDir, include), 'utf8');
    expect(script).toMatch(
      /!macro customInit[\s\S]*\$\{IfNot\} \$\{AtLeastWin10\}[\s\S]*Windows 10[\s\S]*Quit/,
    );
    // electron-builder runs customInit when the installer starts (before any page).
    expect(builderLib('templates/nsis/installer.nsi')).toMatch(
      /!ifmacrodef customInit\s+!insertmacro customInit/,
    );
  });

  it('signs the Windows exe, installer and .node files when a certificate is given, and says so when not', () => {
    const win = section('win');
    expect(win.signExts).toEqual(['.node']);
    expect(win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    // No certificate in the file: it comes from the build machine's environment.
    expect(JSON.stringify(win)).not.toMatch(/certificateFile|certificatePassword/);
    expect(windowsSigning({})).toMatchObject({ signed: false, how: expect.stringContaining('未签名') });
    expect(windowsSigning({ WIN_CSC_LINK: 'county.pfx' })).toMatchObject({ signed: true });
    expect(windowsSigning({ CSC_LINK: 'county.pfx' })).toMatchObject({ signed: true });
    // electron-builder reads the same variables.
    expect(builderLib('out/codeSign/windowsSignToolManager.js')).toContain('getCscLink("WIN_CSC_LINK")');
  });

  it('signs the .deb with the configured command or GPG key, and says so when neither is set', () => {
    expect(debSigning({})).toMatchObject({ signed: false, how: expect.stringContaining('未签名') });
    expect(debSigning({ DEB_SIGN_KEY: 'ABCD1234' })).toMatchObject({ signed: true });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deb-sign-'));
    const deb = path.join(dir, "county ledger's 1.0.deb");
    writeFileSync(deb, 'deb');
    expect(signDeb(deb, {})).toBe(false);
    expect(readFileSync(deb, 'utf8')).toBe('deb');
    // The file name reaches the command as one argument, whatever characters it has.
    expect(signDeb(deb, { ...process.env, DEB_SIGN_COMMAND: 'printf signed >>' })).toBe(true);
    expect(readFileSync(deb, 'utf8')).toBe('debsigned');
    expect(() => signDeb(deb, { ...process.env, DEB_SIGN_COMMAND: 'false' })).toThrow(/签名失败/);
  });

  it('ships the CLI beside the program, calling the ASCII-named executable with --cli', () => {
    const win = section('win');
    const linux = section('linux');
    expect(win.executableName).toBe('county-ledger');
    expect(linux.executableName).toBe('county-ledger');
    expect(win.extraFiles).toEqual([{ from: 'build/county-ledger-cli.cmd', to: 'county-ledger-cli.cmd' }]);
    expect(linux.extraFiles).toEqual([{ from: 'build/county-ledger-cli', to: 'county-ledger-cli' }]);
    const cmd = readFileSync(path.join(rootDir, 'build/county-ledger-cli.cmd'), 'utf8');
    // cmd.exe reads batch files in the OEM code page and wants CRLF: ASCII only, CRLF endings.
    expect(cmd).toMatch(/^[\t\r\n -~]*$/);
    expect(cmd.split('\r\n').length).toBeGreaterThan(3);
    expect(cmd).not.toMatch(/[^\r]\n/);
    expect(cmd).toContain(`"%~dp0${win.executableName as string}.exe" ${CLI_FLAG} %*`);
    expect(cmd).toContain('exit /b %errorlevel%');
  });

  it('the Linux CLI wrapper runs the program beside it with --cli and the arguments as given', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli wrapper 台账-'));
    const wrapper = path.join(dir, 'county-ledger-cli');
    writeFileSync(wrapper, readFileSync(path.join(rootDir, 'build/county-ledger-cli')), { mode: 0o755 });
    const program = path.join(dir, section('linux').executableName as string);
    writeFileSync(program, '#!/bin/sh\nfor a; do printf "[%s]" "$a"; done\nexit 3\n', { mode: 0o755 });
    const r = spawnSync(wrapper, ['stats', '--db', '/tmp/我的 台账.db', '--json'], { encoding: 'utf8' });
    expect(r.stdout).toBe('[--cli][stats][--db][/tmp/我的 台账.db][--json]');
    expect(r.status).toBe(3);
    expect(cliArguments(['--cli', 'stats', '--db', '/tmp/我的 台账.db', '--json'])).toEqual([
      'stats',
      '--db',
      '/tmp/我的 台账.db',
      '--json',
    ]);
  });

  it('runs the packaging hooks through electron-builder', async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js') as {
      resolveFunction(type: unknown, executor: string, name: string, root: string): Promise<unknown>;
    };
    for (const hook of ['beforePack', 'afterAllArtifactBuild']) {
      expect(config[hook]).toBe('scripts/packaging-hooks.ts');
      const fn = await resolveFunction(undefined, config[hook] as string, hook, rootDir);
      expect(typeof fn).toBe('function');
    }
  });

  it('builds deb and AppImage for x64 and arm64 (UOS, Kylin)', () => {
    const linux = section('linux');
    expect(linux.target as Target[]).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(linux.category).toBe('Office');
    expect(linux.maintainer).toEqual(expect.any(String));
    expect(linux.synopsis).toMatch(/台账/);
    expect(linux.description).toMatch(/台账/);
  });

  it('keeps the prebuilt SQLite binary Windows needs', () => {
    const excluded = (section('win').files as string[]).join('\n');
    expect(excluded).toMatch(/prebuilds\/\{darwin,linux,linuxmusl\}-\*\.node/);
    expect(excluded).not.toMatch(/win32/);
  });

  it('ships the glibc 2.28 SQLite module from npm run build:native in the deb and AppImage, per arch', () => {
    const linux = section('linux');
    // No prebuild at all: they need glibc 2.34.
    expect(linux.files).toEqual(['!node_modules/better-sqlite3/prebuilds/**']);
    const resources = linux.extraResources as { from: string; to: string }[];
    expect(resources).toHaveLength(1);
    const [resource] = resources;
    // Where main/electron/main.ts looks for it (process.resourcesPath + PACKAGED_SQLITE_MODULE).
    expect(resource!.to).toBe(PACKAGED_SQLITE_MODULE.split(path.sep).join('/'));
    const arches = new Set((linux.target as Target[]).flatMap((t) => t.arch ?? []));
    expect([...arches].sort()).toEqual(['arm64', 'x64']);
    for (const arch of arches) {
      // electron-builder expands ${arch} to x64 / arm64 for each package it builds.
      const from = path.join(rootDir, resource!.from.replace('${arch}', arch));
      expect(from).toBe(nativeModulePath(arch as 'x64' | 'arm64'));
    }
    // electron-builder expands ${arch} in extraResources' from (FileMatcher), as the loop above assumes.
    expect(builderLib('out/fileMatcher.js')).toContain('this.from = ensureNoEndSlash(macroExpander(from));');
  });

  it('refuses to package for Linux without the built module', async () => {
    const { beforePack } = await import('../../scripts/packaging-hooks.ts');
    const arm64 = nativeModulePath('arm64');
    const lines: string[] = [];
    if (existsSync(arm64)) {
      beforePack({ electronPlatformName: 'linux', arch: 3 }, {}, (l) => lines.push(l));
      expect(lines.join('\n')).toMatch(/linux-arm64[\s\S]*deb 安装包未签名/);
    } else {
      expect(() => beforePack({ electronPlatformName: 'linux', arch: 3 }, {}, (l) => lines.push(l))).toThrow(
        /npm run build:native/,
      );
    }
    // Arch 0 is ia32: no Linux package for it.
    expect(() => beforePack({ electronPlatformName: 'linux', arch: 0 }, {}, () => {})).toThrow(
      /x64 和 arm64/,
    );
    beforePack({ electronPlatformName: 'win32', arch: 1 }, {}, (l) => lines.push(l));
    expect(lines.at(-1)).toMatch(/Windows 安装包和程序未签名/);
  });
});
