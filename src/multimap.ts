/** A map from a key to the values gathered under it (an inverted index, an adjacency list). */

/** Appends `value` to the list under `key`, starting the list when the key is new. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
