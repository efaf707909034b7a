/**
 * @fileoverview The InstanceID join: filter objects (Get-NetFirewallPortFilter, …AddressFilter, …) carry the rule's
 * `Name` as their `InstanceID`. Indexes each collection once (hash join, like the collection script) and remembers
 * which filter objects no rule claimed.
 */
import type { FilterKind } from './document.js';
import { pathKey } from './json-positions.js';
import { stringMember, type JsonObject, type Located } from './json-values.js';

/** Filter objects by kind and InstanceID. */
export class FilterIndex {
  private readonly byKind = new Map<FilterKind, Map<string, Located<JsonObject>>>();
  private readonly claimed = new Set<string>();
  /** Filter objects without an InstanceID, and second objects for an InstanceID already seen. */
  readonly unusable: Located<JsonObject>[] = [];

  constructor(filters: ReadonlyMap<FilterKind, readonly Located<JsonObject>[]>) {
    for (const [kind, list] of filters) {
      const map = new Map<string, Located<JsonObject>>();
      for (const item of list) {
        const id = stringMember(item.value, ['instanceid']);
        if (id === undefined || map.has(id)) this.unusable.push(item);
        else map.set(id, item);
      }
      this.byKind.set(kind, map);
    }
  }

  get size(): number {
    return this.byKind.size;
  }

  /** The filter objects of rule `id`, one per kind present; each is marked claimed. */
  join(id: string | undefined): Located<JsonObject>[] {
    if (id === undefined) return [];
    const out: Located<JsonObject>[] = [];
    for (const map of this.byKind.values()) {
      const item = map.get(id);
      if (item === undefined) continue;
      this.claimed.add(pathKey(item.path));
      out.push(item);
    }
    return out;
  }

  /** Filter objects that no rule claimed. */
  unclaimed(): Located<JsonObject>[] {
    const out: Located<JsonObject>[] = [];
    for (const map of this.byKind.values()) for (const item of map.values()) if (!this.claimed.has(pathKey(item.path))) out.push(item);
    return out;
  }
}
