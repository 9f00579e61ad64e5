"""Checks of the text itself, wherever editors write it (YAML values, Markdown lines)."""
import re
import unicodedata

# UTF-8 read as Latin-1 or Windows-1252: "Ã©" for "é", "â€™" for "’", "Â " for a no-break space.
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]")


def text_problem(text):
    """A message if the text is damaged, else None."""
    match = MOJIBAKE.search(text)
    if match:
        return (f"garbled characters '{match.group()}' (text saved in the wrong encoding): "
                f"retype the accented letters, e.g. 'é' for 'Ã©'")
    if not unicodedata.is_normalized("NFC", text):
        return "text not in Unicode NFC (an accent typed as a separate character): retype the accented letters"
    return None


def decode_utf8(raw: bytes):
    """(text, None) or (None, line of the first byte that is not UTF-8)."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, raw[: error.start].count(b"\n") + 1
