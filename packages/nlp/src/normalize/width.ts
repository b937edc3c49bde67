/**
 * Full-width (U+FF01–U+FF5E) → ASCII and the ideographic space → space.
 * Maps one UTF-16 unit to one, so offsets found on the result are valid on the input;
 * masking relies on that.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}
