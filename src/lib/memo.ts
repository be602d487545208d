/**
 * `compute`, run once per distinct argument and remembered: for work asked again and again of the
 * same few values (a syllable's folded form, an entry's view in a sort).
 */
export function memoised<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const values = new Map<Key, Value>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = compute(key)));
    return value;
  };
}
