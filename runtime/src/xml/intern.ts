/**
 * The internalized copy of a string. V8 internalizes property keys: equal internalized strings
 * are one flat object, so comparing two of them is a pointer comparison (a namespace from a
 * document against one from the descriptors, which are string literals) and copying one (a tag
 * name joined into output) is a plain copy, where a string built by concatenation would be a
 * tree of pieces walked at every use.
 */
export function internalize(s: string): string {
  for (const key in { [s]: 0 }) return key;
  return s;
}
