// The live ledger stays on this PC's disk (issue 13): network shares and removable drives are told apart
// from local disks by the mount table and the removable flag (Linux), UNC paths and drive types (Windows).
import { describe, expect, it } from 'vitest';
import { ledgerPlace, placeRefusal, type LocationProbe } from '../../main/core/db/ledger-location.ts';

const MOUNTS = [
  '/dev/sda2 / ext4 rw,relatime 0 0',
  '/dev/sda1 /boot/efi vfat rw 0 0',
  '//192.168.1.10/共享 /mnt/share cifs rw,vers=3.0 0 0',
  'nas:/export /mnt/nas nfs4 rw 0 0',
  '/dev/sdb1 /media/wenshu/U\\040盘 vfat rw,nosuid 0 0',
  '/dev/mmcblk0p1 /media/wenshu/SD vfat rw 0 0',
  '/dev/nvme0n1p3 /data ext4 rw 0 0',
].join('\n');

const linux = (removable: string[] = ['sdb', 'mmcblk0']): LocationProbe => ({
  platform: 'linux',
  readMounts: () => MOUNTS,
  removableFlag: (disk) => (removable.includes(disk) ? '1' : '0'),
  windowsDriveType: () => null,
});

const windows = (types: Record<string, number>): LocationProbe => ({
  platform: 'win32',
  readMounts: () => '',
  removableFlag: () => null,
  windowsDriveType: (letter) => types[letter] ?? null,
});

describe('where the ledger lives', () => {
  it('on Linux/UOS: local disks, SMB and NFS shares, USB sticks and SD cards', () => {
    expect(ledgerPlace('/home/wenshu/.config/county-ledger/ledger.db', linux())).toBe('local');
    expect(ledgerPlace('/data/台账/ledger.db', linux())).toBe('local');
    expect(ledgerPlace('/mnt/share/乡镇/ledger.db', linux())).toBe('network');
    expect(ledgerPlace('/mnt/nas/ledger.db', linux())).toBe('network');
    expect(ledgerPlace('/media/wenshu/U 盘/ledger.db', linux())).toBe('removable');
    expect(ledgerPlace('/media/wenshu/SD/ledger.db', linux())).toBe('removable');
    // A /mnt/sharefolder is not inside /mnt/share.
    expect(ledgerPlace('/mnt/sharefolder/ledger.db', linux())).toBe('local');
  });

  it('on Windows: UNC paths, mapped network drives and removable drives', () => {
    const probe = windows({ 'C:': 3, 'D:': 3, 'E:': 2, 'Z:': 4 });
    expect(ledgerPlace('C:\\Users\\wenshu\\AppData\\Roaming\\county-ledger\\ledger.db', probe)).toBe('local');
    expect(ledgerPlace('\\\\server\\share\\ledger.db', probe)).toBe('network');
    expect(ledgerPlace('Z:\\台账\\ledger.db', probe)).toBe('network');
    expect(ledgerPlace('e:\\ledger.db', probe)).toBe('removable');
    // When the drive type cannot be asked, the ledger is not refused.
    expect(ledgerPlace('F:\\ledger.db', probe)).toBe('local');
  });

  it('says in Chinese why and where to copy it', () => {
    expect(placeRefusal('/x.db', 'local', '/home/a/ledger.db')).toBeNull();
    const text =
      placeRefusal('/mnt/share/ledger.db', 'network', '/home/a/.config/county-ledger/ledger.db') ?? '';
    expect(text).toContain('网络共享文件夹');
    expect(text).toContain('/home/a/.config/county-ledger/ledger.db');
    expect(placeRefusal('/media/u/ledger.db', 'removable', '/h')).toContain('U 盘');
  });
});
