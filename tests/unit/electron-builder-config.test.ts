import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

// js-yaml comes with electron-builder and has no type declarations of its own; only load() is used.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const root = new URL('../../', import.meta.url);
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
    expect(config.asarUnpack).toEqual(['dist/electron/import-worker.cjs', 'node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
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

  it('builds an offline, per-machine, Chinese NSIS installer for Windows x64', () => {
    const targets = section('win').target as Target[];
    expect(targets).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(section('nsis')).toMatchObject({
      oneClick: false,
      perMachine: true,
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

  it('keeps the prebuilt SQLite binary each platform needs', () => {
    const excluded = (platform: string) => (section(platform).files as string[]).join('\n');
    expect(excluded('win')).toMatch(/prebuilds\/\{darwin,linux,linuxmusl\}-\*\.node/);
    expect(excluded('win')).not.toMatch(/win32/);
    expect(excluded('linux')).toMatch(/prebuilds\/\{darwin,win32\}-\*\.node/);
    expect(excluded('linux')).not.toMatch(/linux/);
  });
});
