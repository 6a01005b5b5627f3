"""Small clinic pages for the rules' bad and good examples: a menu and a footer around the main
content, so every example also shows that only the main content is read."""

from __future__ import annotations

from html import escape


def clinic_page(title: str, *blocks: str) -> str:
    """A page whose <main> holds ``blocks``: plain strings become paragraphs; strings starting
    with '<' are used as HTML ("<h2>...</h2>", "<ul>...</ul>")."""
    body = "\n".join(b if b.lstrip().startswith("<") else f"<p>{escape(b)}</p>" for b in blocks)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title></head>\n<body>\n"
        "<header><nav><a href=\"/\">Home</a> <a href=\"/services\">Comprehensive multidisciplinary "
        "interventional pain management services</a></nav></header>\n"
        f"<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n"
        "<footer><p>Copyright notwithstanding, unauthorized utilization of institutional "
        "documentation is categorically prohibited.</p></footer>\n</body></html>\n"
    )


# A plainly written page (SMOG about grade 7): short sentences, everyday words. Good examples of
# several rules start from it.
PLAIN_PARAGRAPHS = (
    "Nerve pain can feel like burning, tingling or sharp stabs. It often starts in the feet or hands. "
    "Some people also feel numb. The pain can come and go, or it can stay all day.",
    "High blood sugar can hurt your nerves over time. So can shingles, some drugs and too much "
    "alcohol. A hurt nerve sends pain signals even when nothing is wrong. That is why the pain can "
    "feel so strange.",
    "Our team will ask about your pain and look at your feet. We may test how well you feel touch and "
    "heat. Then we will talk with you about what may help. Most people need more than one kind of care.",
    "Keep your blood sugar in a good range. Walk a little each day. Check your feet for cuts. Call us "
    "if the pain keeps you up at night or gets worse.",
)
