// Where the live ledger may be kept: on this PC's own disk. SQLite's locking does not work reliably over
// network shares (SMB/NFS), and a USB stick pulled out mid-write or a share that drops takes the ledger
// with it; backups may go there, the live file may not. Linux/UOS/Kylin: the mount's file-system type
// (/proc/mounts) and the block device's removable flag (/sys/block/…/removable). Windows: a UNC path,
// or the drive type of the letter (2 removable, 4 network) as Win32_LogicalDisk reports it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type LedgerPlace = 'local' | 'network' | 'removable';

const NETWORK_FS =
  /^(nfs4?|cifs|smb3?|smbfs|9p|afs|fuse\.sshfs|fuse\.rclone|davfs|fuse\.davfs2?|ncpfs|glusterfs|ceph)$/;

interface MountEntry {
  device: string;
  mountPoint: string;
  fsType: string;
}

/** /proc/mounts lines (octal escapes such as \040 for spaces undone). */
export function parseMounts(text: string): MountEntry[] {
  const unescape = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 3)
    .map(([device = '', mountPoint = '', fsType = '']) => ({
      device: unescape(device),
      mountPoint: unescape(mountPoint),
      fsType,
    }));
}

/** The mount holding `file` (the longest mount point that is a prefix of its folder). */
export function mountOf(file: string, mounts: readonly MountEntry[]): MountEntry | null {
  const dir = path.resolve(path.dirname(file));
  let best: MountEntry | null = null;
  for (const m of mounts) {
    const inside =
      dir === m.mountPoint || dir.startsWith(m.mountPoint.endsWith('/') ? m.mountPoint : `${m.mountPoint}/`);
    if (inside && (best === null || m.mountPoint.length > best.mountPoint.length)) best = m;
  }
  return best;
}

export interface LocationProbe {
  platform: NodeJS.Platform;
  readMounts(): string;
  /** '1' when /sys/block/<disk>/removable says so. */
  removableFlag(disk: string): string | null;
  /** Win32_LogicalDisk.DriveType of a drive letter ('C:'), or null when it cannot be asked. */
  windowsDriveType(letter: string): number | null;
}

export const systemProbe: LocationProbe = {
  platform: process.platform,
  readMounts: () => fs.readFileSync('/proc/mounts', 'utf8'),
  removableFlag: (disk) => {
    try {
      return fs.readFileSync(`/sys/block/${disk}/removable`, 'utf8').trim();
    } catch {
      return null;
    }
  },
  windowsDriveType: (letter) => {
    try {
      const out = execFileSync(
        'powershell.exe',
        [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          `(Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='${letter}'").DriveType`,
        ],
        { encoding: 'utf8', timeout: 5000, windowsHide: true },
      );
      const n = Number(out.trim());
      return Number.isInteger(n) ? n : null;
    } catch {
      return null;
    }
  },
};

/** sdb1 → sdb, mmcblk0p1 → mmcblk0, nvme0n1p2 → nvme0n1. */
const diskOf = (device: string): string | null => {
  const name = path.basename(device);
  const m = /^(mmcblk\d+|nvme\d+n\d+)(p\d+)?$/.exec(name) ?? /^([a-z]+)\d*$/.exec(name);
  return m?.[1] ?? null;
};

export function ledgerPlace(file: string, probe: LocationProbe = systemProbe): LedgerPlace {
  if (file === ':memory:') return 'local';
  if (probe.platform === 'win32') {
    const resolved = path.win32.resolve(file);
    if (resolved.startsWith('\\\\')) return 'network';
    const type = probe.windowsDriveType(resolved.slice(0, 2).toUpperCase());
    return type === 4 ? 'network' : type === 2 ? 'removable' : 'local';
  }
  if (probe.platform !== 'linux') return 'local';
  let mount: MountEntry | null;
  try {
    mount = mountOf(file, parseMounts(probe.readMounts()));
  } catch {
    return 'local';
  }
  if (!mount) return 'local';
  if (NETWORK_FS.test(mount.fsType) || mount.device.startsWith('//')) return 'network';
  if (mount.device.startsWith('/dev/')) {
    const disk = diskOf(mount.device);
    if (disk && probe.removableFlag(disk) === '1') return 'removable';
  }
  return 'local';
}

export function placeRefusal(file: string, place: LedgerPlace, localHome: string): string | null {
  if (place === 'local') return null;
  const where = place === 'network' ? '网络共享文件夹' : 'U 盘或移动硬盘';
  return (
    `台账文件 ${file} 在${where}上，本程序不在这里直接使用台账：网络断开或拔出时，正在写入的数据会损坏。\n` +
    `请先把这个文件复制到本机硬盘（例如默认位置 ${localHome}），再打开复制后的文件。` +
    `U 盘和网络文件夹可以用来存放备份（npm run ledger -- backup --out 文件夹）。`
  );
}
