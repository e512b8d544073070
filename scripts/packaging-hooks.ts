/**
 * electron-builder hooks (electron-builder.yml beforePack / afterAllArtifactBuild). electron-builder
 * imports this file by its path; Node ≥ 22.18 runs it as TypeScript.
 *
 * beforePack: a Linux package is not built without its glibc-2.28 better-sqlite3 from
 * `npm run build:native` (the package's prebuilds would not load on UOS 20 / Kylin V10); and each
 * platform's build says plainly whether it will be signed.
 *
 * afterAllArtifactBuild: signs the .deb files when the build machine has a key:
 *   DEB_SIGN_COMMAND  a command run as `<command> <file.deb>`, e.g. UnionTech's signing tool for UOS;
 *   DEB_SIGN_KEY      a GPG key id: `dpkg-sig --sign builder -k <key> <file.deb>`.
 * Windows signing is electron-builder's own (WIN_CSC_LINK / CSC_LINK, see electron-builder.yml win).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BeforePackContext, BuildResult } from 'app-builder-lib';
import { nativeModulePath, ROOT, TARGETS } from './build-native.ts';
import { elfMachine } from './elf-info.ts';

/** electron-builder's Arch enum (builder-util), by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'] as const;

/** Throws unless the glibc-2.28 module for `arch` is there and built for that arch. */
export function checkLinuxNativeModule(arch: string): string {
  const target = TARGETS.find((t) => t.arch === arch);
  if (!target) throw new Error(`Linux 安装包只支持 x64 和 arm64，不支持 ${arch}。`);
  const file = nativeModulePath(target.arch);
  const shown = path.relative(ROOT, file);
  if (!fs.existsSync(file)) {
    throw new Error(`缺少 ${shown}：请先运行 npm run build:native（在 Linux x64 上）。`);
  }
  if (elfMachine(file) !== target.elfMachine) {
    throw new Error(`${shown} 不是 linux-${arch} 的程序文件：请运行 npm run build:native -- --force。`);
  }
  return file;
}

export type Signing = { signed: true; how: string } | { signed: false; how: string; hint: string };

/** Whether electron-builder will sign the Windows exe, installer and .node files. */
export function windowsSigning(env: NodeJS.ProcessEnv): Signing {
  if (env.WIN_CSC_LINK) return { signed: true, how: 'Authenticode (WIN_CSC_LINK)' };
  if (env.CSC_LINK) return { signed: true, how: 'Authenticode (CSC_LINK)' };
  return {
    signed: false,
    how: 'Windows 安装包和程序未签名（UNSIGNED）',
    hint: '设置 WIN_CSC_LINK（.pfx 证书）和 WIN_CSC_KEY_PASSWORD 后重新打包，见 docs/install.md「签名」',
  };
}

/** Whether afterAllArtifactBuild will sign the .deb files. */
export function debSigning(env: NodeJS.ProcessEnv): Signing {
  if (env.DEB_SIGN_COMMAND) return { signed: true, how: `DEB_SIGN_COMMAND (${env.DEB_SIGN_COMMAND})` };
  if (env.DEB_SIGN_KEY) return { signed: true, how: `dpkg-sig, GPG key ${env.DEB_SIGN_KEY}` };
  return {
    signed: false,
    how: 'deb 安装包未签名（UNSIGNED）',
    hint: '设置 DEB_SIGN_COMMAND（统信签名工具）或 DEB_SIGN_KEY（GPG 密钥）后重新打包，见 docs/install.md「签名」',
  };
}

function report(signing: Signing, log: (line: string) => void): void {
  log(signing.signed ? `签名：${signing.how}` : `${signing.how}。${signing.hint}。`);
}

export function beforePack(
  context: Pick<BeforePackContext, 'electronPlatformName' | 'arch'>,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => console.warn(`  • ${line}`),
): void {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  if (context.electronPlatformName === 'linux') {
    const file = checkLinuxNativeModule(arch);
    log(`better-sqlite3（glibc 2.28）：${path.relative(ROOT, file)}`);
    report(debSigning(env), log);
  } else if (context.electronPlatformName === 'win32') {
    report(windowsSigning(env), log);
  }
}

/** Signs one .deb in place with the configured command or GPG key; false when nothing is configured. */
export function signDeb(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit', env });
    if (r.status !== 0)
      throw new Error(`签名失败：${path.basename(file)}（${cmd} 退出码 ${r.status ?? r.error}）`);
  };
  if (env.DEB_SIGN_COMMAND) {
    // The file goes in as "$1", never spliced into the command text.
    run('/bin/sh', ['-c', `${env.DEB_SIGN_COMMAND} "$1"`, 'sign-deb', file]);
    return true;
  }
  if (env.DEB_SIGN_KEY) {
    run('dpkg-sig', ['--sign', 'builder', '-k', env.DEB_SIGN_KEY, file]);
    return true;
  }
  return false;
}

export function afterAllArtifactBuild(result: Pick<BuildResult, 'artifactPaths'>): string[] {
  for (const file of result.artifactPaths.filter((f) => f.endsWith('.deb'))) {
    if (signDeb(file)) console.warn(`  • 已签名：${path.basename(file)}`);
  }
  return [];
}
