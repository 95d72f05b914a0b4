"""An e-mail's header lines in its text: unstructured keeps a message's body only."""

from __future__ import annotations

from ingest.text_layout import with_kept_lines


def with_headers(path: str, kind: str, elements: list) -> list:
    """The message's elements (``kind`` eml, msg or p7s) behind its subject, as the title, and one line
    with its senders, recipients (Cc and Bcc too), subject, date and attachment names: "Who was
    copied?" and "What file was attached?" are answered by it, and unstructured keeps none of them in
    the text. A message carried inside an .eml keeps its own line too (``_with_inner_headers``). The
    file is read once for both; malformed headers leave the body alone."""
    from unstructured.documents.elements import Text, Title

    try:
        headers, attached = _msg_headers(path) if kind == "msg" else _eml_headers(path)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, OSError):
        return elements
    body = _with_inner_headers(headers, elements) if kind == "eml" else elements
    if kind == "eml":  # a bill's aligned lines in a plain-text body keep their lines, as in a .txt (ingest.text_layout)
        body = with_kept_lines(body, _plain_text(headers))
    try:
        subject = str(headers.get("Subject", "") or "").strip()
        line = _header_line(headers, attached)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, OSError):
        return body
    return ([Title(subject)] if subject else []) + ([Text(line)] if line else []) + body


def _header_line(headers, attached: list) -> str:
    fields = [(name, " ".join(str(headers.get(name, "") or "").split()))
              for name in ("From", "To", "Cc", "Bcc", "Subject", "Date")]
    fields.append(("Attachments", ", ".join(name for name in attached if name)))
    return "; ".join(f"{_HEADER_WORDS.get(name, name)}: {value}" for name, value in fields if value)


def _with_inner_headers(message, elements: list) -> list:
    """The elements with the header line of each message carried inside this one (a digest, a message
    forwarded as an attachment) in front of that message's text: unstructured keeps their bodies only,
    and "Who sent the second message?" had only the outer sender to go by."""
    from unstructured.documents.elements import Text

    try:
        inner = [part.get_content() for part in message.walk() if part.get_content_type() == "message/rfc822"]
        inner = [(m, m.get_body(preferencelist=("plain", "html"))) for m in inner if hasattr(m, "get_body")]
        heads = [(_header_line(m, [p.get_filename() for p in m.iter_attachments()]),
                  " ".join(body.get_content().split())[:40] if body is not None else "") for m, body in inner]
    except (ValueError, TypeError, LookupError, AttributeError, OSError):  # a malformed inner message: as read
        return elements
    out, at = list(elements), 0
    for line, opening in heads:
        if not line:
            continue
        found = next((i for i in range(at, len(out)) if opening and opening in " ".join((out[i].text or "").split())), None)
        if found is None:  # its text was not read: the headers alone, after the rest
            out.append(Text(line))
            at = len(out)
        else:
            out.insert(found, Text(line))
            at = found + 2
    return out


# the header names in words too: "Who was blind-copied?" shares no word with "Bcc", "Who sent the
# message titled ...?" none with "From" and "Subject"
_HEADER_WORDS = {"From": "From (sent by)", "Cc": "Cc (copy to)", "Bcc": "Bcc (blind copy to)",
                 "Subject": "Subject (title)", "Date": "Date (sent on)", "Attachments": "Attachments (attached files)"}


def _plain_text(message) -> str:
    """The message's own text/plain parts (no attachment's), as they were typed."""
    parts = []
    for part in message.walk():
        if part.get_content_type() == "text/plain" and not part.is_attachment():
            try:
                parts.append(part.get_content())
            except (LookupError, ValueError, TypeError, AttributeError):  # an unknown charset, a broken part
                continue
    return "\n\n".join(p for p in parts if isinstance(p, str))


def _eml_headers(path: str) -> tuple:
    import email
    from email import policy

    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=policy.default)
    return message, [part.get_filename() for part in message.iter_attachments()]


def _msg_headers(path: str) -> tuple:
    from oxmsg import Message  # what unstructured reads an Outlook message with

    message = Message.load(path)
    return message.message_headers, [attachment.file_name for attachment in message.attachments]
