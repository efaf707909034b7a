/**
 * @fileoverview A tiny regf (registry hive) writer for crafted .wfw files: cells appended to one hive bin, `nk` keys
 * with compressed names, `vk` values (inline DWORD, one data cell, or big data `db`), `li` subkey lists. Enough to
 * build lying structures (shared cells, impossible sizes) that fixtures/wfw/make-hive.mjs has no reason to make.
 */

const NONE = 0xffffffff;

export class HiveBuilder {
  private readonly cells: Buffer[] = [];
  private used = 0x20;

  /** Appends a cell holding `data`; returns its offset relative to the first hive bin. */
  cell(data: Buffer): number {
    const size = (data.length + 4 + 7) & ~7;
    const buf = Buffer.alloc(size);
    buf.writeInt32LE(-size, 0);
    data.copy(buf, 4);
    const offset = this.used;
    this.cells.push(buf);
    this.used += size;
    return offset;
  }

  /** A vk record pointing at `dataCell` with the declared `size` (the data itself is not checked here). */
  rawValue(name: string, type: number, size: number, dataCell: number): number {
    const n = Buffer.from(name, 'latin1');
    return this.cell(Buffer.concat([Buffer.from('vk'), u16(n.length), u32(size), u32(dataCell), u32(type), u16(1), u16(0), n]));
  }

  /** A REG_SZ value stored in one data cell. */
  sz(name: string, text: string): number {
    const data = Buffer.from(`${text}\0`, 'utf16le');
    return this.rawValue(name, 1, data.length, this.cell(data));
  }

  /** A big-data (`db`) record over the given segment cells; returns the db cell. */
  bigData(segments: readonly number[]): number {
    const list = this.cell(Buffer.concat(segments.map(u32)));
    return this.cell(Buffer.concat([Buffer.from('db'), u16(segments.length), u32(list)]));
  }

  /** An nk record; `valueCells` may repeat a cell (a crafted list). */
  key(name: string, opts: { subkeys?: readonly number[]; valueCells?: readonly number[]; root?: boolean } = {}): number {
    const values = opts.valueCells ?? [];
    const subkeys = opts.subkeys ?? [];
    const list = values.length === 0 ? NONE : this.cell(Buffer.concat(values.map(u32)));
    const subList = subkeys.length === 0 ? NONE : this.cell(Buffer.concat([Buffer.from('li'), u16(subkeys.length), ...subkeys.map(u32)]));
    const n = Buffer.from(name, 'latin1');
    const rec = Buffer.alloc(0x4c);
    rec.write('nk', 0, 'latin1');
    rec.writeUInt16LE(opts.root === true ? 0x2c : 0x20, 2);
    rec.writeUInt32LE(subkeys.length, 0x14);
    rec.writeUInt32LE(subList, 0x1c);
    rec.writeUInt32LE(NONE, 0x20);
    rec.writeUInt32LE(values.length, 0x24);
    rec.writeUInt32LE(list, 0x28);
    rec.writeUInt32LE(NONE, 0x2c);
    rec.writeUInt32LE(NONE, 0x30);
    rec.writeUInt16LE(n.length, 0x48);
    return this.cell(Buffer.concat([rec, n]));
  }

  /** The hive file with `root` as its root key (regf 1.5). */
  build(root: number): Uint8Array {
    const binSize = (this.used + 8 + 4095) & ~4095;
    const free = Buffer.alloc(binSize - this.used);
    free.writeInt32LE(free.length, 0);
    const hbin = Buffer.concat([Buffer.alloc(0x20), ...this.cells, free]);
    hbin.write('hbin', 0, 'latin1');
    hbin.writeUInt32LE(binSize, 8);
    const base = Buffer.alloc(0x1000);
    base.write('regf', 0, 'latin1');
    base.writeUInt32LE(1, 4);
    base.writeUInt32LE(1, 8);
    base.writeUInt32LE(1, 0x14);
    base.writeUInt32LE(5, 0x18);
    base.writeUInt32LE(1, 0x20);
    base.writeUInt32LE(root, 0x24);
    base.writeUInt32LE(binSize, 0x28);
    base.writeUInt32LE(1, 0x2c);
    return new Uint8Array(Buffer.concat([base, hbin]));
  }
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
