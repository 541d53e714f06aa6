"""Article text copied off a page, and the page debris left in it.

Copying an article from a browser brings along what sat around it: photo captions (often
twice, once bare and once with the photo credit), "author picture", the author's blurb,
newsletter sign-up prompts, share buttons, "Advertisement", related links. `clean_paragraphs`
sorts each paragraph into the article's own words or one of those, keeping what the debris
tells (captions and credits, the author and their blurb, the publisher named in a sign-up
prompt) and dropping the rest. HTML pages go through the same cleaning after trafilatura.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from cablewire.formats.news.dates import published_from_line, split_dateline
from cablewire.model.document import Caption


@dataclass
class ArticleParts:
    """What a reader found in a page, before it becomes an `Article`."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    author_bio: str | None = None
    publisher: str | None = None
    captions: list[Caption] = field(default_factory=list)
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)

    def add_caption(self, text: str, credit: str | None) -> None:
        """Record a caption once; a later copy may add the credit the first one lacked."""
        key = normalise(text)
        for cap in self.captions:
            if normalise(cap["text"]) == key:
                if cap["credit"] is None and credit:
                    cap["credit"] = credit
                return
        self.captions.append({"text": text.strip(), "credit": credit})


_BOILERPLATE = re.compile(
    r"""^(?:
      author\s+(?:picture|photo|image|avatar|headshot)
    | (?:photo|image|picture|video|graphic|gallery|audio|slideshow)s?
    | advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|paid\s+content
    | story\s+continues\s+below(?:\s+advertisement)?
    | continue\s+reading(?:\s+the\s+main\s+story|\s+below)?
    | (?:read|see)\s+(?:more|also|next|the\s+full\s+story)\b.{0,140}
    | related(?:\s+(?:articles?|stories|coverage|content|links|topics|news))?\s*:?.{0,140}
    | (?:share|tweet|email|print|save|comment|comments|reply|like|follow)
    | (?:print|email|share|tweet)\s+(?:this(?:\s+(?:article|story|page|post))?|to\s+a\s+friend)
    | email\s+to\s+a\s+friend|[|•·]
    | share\s+(?:this(?:\s+(?:article|story|page))?|on\s+\w+|via\s+\w+)\s*:?
    | \d+\s+comments?|view\s+comments|(?:view|show|load)\s+(?:\d+\s+)?(?:more\s+)?comments
    | leave\s+a\s+(?:comment|reply).{0,60}
    | (?:follow|like)\s+us\s+on\b.{0,80}
    | click\s+here\b.{0,140}
    | (?:copyright|©|\(c\))\s.{0,160}|.{0,80}all\s+rights\s+reserved\.?.{0,80}
    | listen\s+to\s+this\s+(?:article|story).{0,40}
    | \d+\s+min(?:ute)?s?\s+read
    | skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|loading\.{0,3}|menu|search|home
    | most\s+(?:popular|read|viewed|shared)|trending(?:\s+now)?|recommended(?:\s+for\s+you)?
    | top\s+stories|more\s+from\s+.{0,40}|you\s+may\s+also\s+like|editor'?s?\s+picks?
    | media\s+playback\s+is\s+(?:unsupported|not\s+supported)\s+on\s+your\s+device
    | image\s+(?:caption|copyright|source)\b.{0,200}
    | we\s+use\s+cookies\b.{0,300}|(?:accept|reject|manage)\s+(?:all\s+)?cookies
    | .{0,120}\bcookies?\b.{0,120}\b(?:consent|accept|cookie\s+policy|privacy\s+policy)\b.{0,80}
    | tags?\s*:.{0,200}|filed\s+under\s*:?.{0,200}|topics?\s*:.{0,200}
    | posted\s+in\s+.{0,100}|categories\s*:.{0,200}
    | (?:sign\s+up|subscribe|log\s*in|sign\s+in|register)(?:\s+(?:now|here|today|free))?[.!]?
    | about\s+the\s+author|author\s+bio|more\s+by\s+this\s+author|view\s+all\s+posts\s+by.{0,60}
    | this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:updated|corrected|amended).{0,160}
    | \(?(?:additional\s+)?(?:report|reporting)\s+by\s+.{0,200}?(?:editing|writing)\s+by\s+.{0,120}
    | \(?(?:editing|writing)\s+by\s+.{0,120}
    | media\s+caption\b.{0,200}
    | (?:lire\s+aussi|voir\s+aussi|leer\s+(?:también|más)|ver\s+también|lesen\s+sie\s+auch|
       leia\s+também|leggi\s+anche|noticias\s+relacionadas|publicidad|publicité|anzeige|
       compartir|partager|teilen)\b.{0,140}
    | (?:previous|next)\s+(?:article|story|post).{0,140}
    )$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_SIGNUP = re.compile(
    r"^(?:sign\s+up|subscribe|get\s+(?:our|the)\b|join\s+(?:our|the)\b|register\b|"
    r"want\s+(?:more|the\s+latest)|never\s+miss)|\bnewsletters?\b|\bdaily\s+email\b|"
    r"\bin\s+your\s+inbox\b|\bto\s+your\s+inbox\b",
    re.IGNORECASE,
)
_PUBLISHER_IN_PROMPT = re.compile(
    r"\bfrom\s+(?P<a>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:(?:and|of|the|&)\s+)?[A-Z][\w'’&.-]*)*)"
    r"|(?P<b>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:(?:and|of|the|&)\s+)?[A-Z][\w'’&.-]*)*)['’]s?"
    r"\s+(?:daily|weekly|morning|evening|free)?\s*(?:newsletter|briefing|headlines)"
)
_PUBLISHER_IN_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:(?:and|of|the|&)\s+)?[A-Z][\w'’&.-]*){0,5})",
    re.IGNORECASE,
)
_CREDIT_WORDS = re.compile(
    r"\b(?:photo|photograph|image|credit|courtesy|AP|Reuters|AFP|Getty|Images|Press|EPA|"
    r"Xinhua|Bloomberg|Pool|Staff|Shutterstock|Alamy|Wire|News|Agency|MCT|ZUMA|Zuma|PA|UPI)\b"
)
_CREDIT_SHAPE = re.compile(
    r"^(?:(?:photo|image|picture|credit)s?\s*(?:by|:)\s*)?[A-Z0-9][\w.&'’-]*"
    r"(?:(?:\s+|\s*/\s*|,\s*|\s+-\s+|\s+for\s+|\s+via\s+)[A-Za-z0-9&][\w.&'’-]*){0,8}$",
    re.IGNORECASE,
)
_CAPTION_WITH_CREDIT = re.compile(r"^(?P<text>.{15,600}?[.!?\"”’])\s*\((?P<credit>[^()]{2,80})\)$",
                                  re.DOTALL)
_CAPTION_PHOTO_BY = re.compile(
    r"^(?P<text>.{15,600}?[.!?\"”’])\s+(?:\||—|–|-)?\s*(?:Photo(?:graph)?|Image|Picture|Credit)"
    r"(?:\s+by|\s*:)\s*(?P<credit>[^.]{2,80})\.?$",
    re.DOTALL,
)
_BYLINE = re.compile(r"^(?:By|Written\s+by|Words\s+by|Reporting\s+by|Posted\s+by|Par|Por|Von)"
                     r"\s+(?P<names>.{3,120})$")
_NAME_TAIL = re.compile(
    r",?\s*(?:(?:Senior\s+|Chief\s+|Staff\s+|Special\s+|Foreign\s+)?(?:Writer|Reporter|"
    r"Correspondent|Editor|Columnist|Contributor)s?|Associated\s+Press|The\s+Associated\s+Press|"
    r"AP|Reuters|AFP|Bloomberg|in\s+[A-Z][\w ]+|for\s+.+|\|.*)\s*$",
)
_BLURB_START = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+"
    r"(?:covers|writes\s+(?:about|for|on)|reports\s+(?:on|for)|edits|joined|"
    r"has\s+(?:covered|reported|written)|is\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|"
    r"photographer|analyst|author|(?:bureau\s+)?chief|fellow|professor|lecturer|researcher|"
    r"scholar|advis[eo]r))\b"
)
_BLURB_WORDS = re.compile(
    r"\b(?:covers?|covering|reporter|correspondent|writer|editor|journalist|graduate|based\s+in|"
    r"worked|joined|staff|columnist|contributor|bureau|follow\s+(?:him|her|them)|email|twitter|"
    r"author\s+of|previously)\b",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", ":", '"', "”", "’", "'", ")", "…")


def normalise(text: str) -> str:
    """Text folded for comparison: NFKC, quotes straightened, case and spacing ignored."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip()


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
_ENTITY = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: blank-line blocks, each split into its lines unless the lines
    are a hard-wrapped paragraph, which is rejoined."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r" {2,}", " ", ln.strip()) for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        widest = max(len(ln) for ln in lines)
        current = lines[0]
        for prev, line in zip(lines, lines[1:], strict=False):
            wrapped = (len(prev) >= 40 and len(prev) >= 0.6 * widest
                       and not prev.endswith(_TERMINAL)) or line[:1].islower()
            if wrapped:
                current = current[:-1] + line if current.endswith("-") and line[:1].islower() \
                    else current + " " + line
            else:
                out.append(current)
                current = line
        out.append(current)
    return out


def is_boilerplate(paragraph: str) -> bool:
    """A paragraph that is page furniture only (share buttons, "Advertisement", cookie notes)."""
    return len(paragraph) <= 400 and _BOILERPLATE.match(paragraph.strip()) is not None


def is_signup(paragraph: str) -> bool:
    """A newsletter or account prompt ("Sign up to receive a daily email ...")."""
    return len(paragraph) <= 300 and _SIGNUP.search(paragraph) is not None


def publisher_in(paragraph: str) -> str | None:
    """The publisher a sign-up prompt or copyright line names, if any."""
    m = _PUBLISHER_IN_COPYRIGHT.search(paragraph)
    if m and re.match(r"(?:copyright|©|\(c\))", paragraph.strip(), re.IGNORECASE):
        return _trim_name(m.group("name"))
    if is_signup(paragraph):
        m = _PUBLISHER_IN_PROMPT.search(paragraph)
        if m:
            return _trim_name(m.group("a") or m.group("b"))
    return None


def _trim_name(name: str) -> str | None:
    name = re.split(r"\.\s", name.strip())[0]
    name = re.sub(r"\s+(?:and|of|the|&)$", "", name.strip().rstrip(".,"))
    if name.lower() in ("sign", "subscribe", "the", "all", "our"):
        return None
    return name or None


def caption_of(paragraph: str) -> Caption | None:
    """The caption and its credit when the paragraph is a credited photo caption."""
    for rx in (_CAPTION_WITH_CREDIT, _CAPTION_PHOTO_BY):
        m = rx.match(paragraph.strip())
        if not m:
            continue
        credit = m.group("credit").strip()
        if not _CREDIT_SHAPE.match(credit) or len(credit.split()) > 8:
            continue
        if rx is _CAPTION_WITH_CREDIT and "/" not in credit and not _CREDIT_WORDS.search(credit):
            continue
        credit = re.sub(r"^(?:photo(?:graph)?|image|picture|credit)s?\s*(?:by|:)\s*", "", credit,
                        flags=re.IGNORECASE)
        return {"text": m.group("text").strip(), "credit": credit}
    return None


def byline_names(paragraph: str) -> list[str]:
    """Author names of a byline ("By John Vandiver and Jane Doe, Staff Writers")."""
    m = _BYLINE.match(paragraph.strip())
    if not m:
        return []
    names = re.split(r"\s+[·|•]\s+|\s+[-–—]\s+", m.group("names").strip())[0]
    names = _NAME_TAIL.sub("", names)
    out = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", names) if p.strip()]
    while len(out) > 1 and not _looks_like_name(out[-1]):  # "..., Tribune correspondent"
        out.pop()
    if not out or any(not _looks_like_name(p) for p in out):
        return []
    return out


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w in ("de", "van", "von", "bin",
                                                                   "al", "da", "del")
                                        for w in words)


def blurb_author(paragraph: str) -> str | None:
    """The name an author blurb opens with ("John covers U.S. military activities ...")."""
    if not 40 <= len(paragraph) <= 700:
        return None
    m = _BLURB_START.match(paragraph)
    if not m or not _BLURB_WORDS.search(paragraph):
        return None
    name = m.group("name")
    if name.split()[0] in ("The", "This", "It", "He", "She", "They", "We", "There"):
        return None
    return name


def clean_paragraphs(paragraphs: list[str], parts: ArticleParts, head: int = 6) -> None:
    """Sort `paragraphs` into the article's own words (kept in `parts.paragraphs`) and the debris
    around them (captions, byline, dates, blurb, prompts), filling `parts` from what the debris
    says. `head` is how many leading paragraphs may hold a byline or a date line."""
    kinds = [_kind(p, i < head, parts) for i, p in enumerate(paragraphs)]
    caption_keys = set()
    for cap in parts.captions:
        caption_keys.add(normalise(cap["text"]))
        if cap["credit"]:
            for form in ("{t} {c}", "{t} ({c})", "{c} {t}", "{t} photo: {c}", "{t} credit: {c}"):
                caption_keys.add(normalise(form.format(t=cap["text"], c=cap["credit"])))
    if parts.title:
        caption_keys.add(normalise(parts.title))
    last_body = max((i for i, k in enumerate(kinds) if k == "body"), default=-1)
    keys = [normalise(p) for p, k in zip(paragraphs, kinds, strict=True) if k == "body"]
    seen: set[str] = set()
    body: list[str] = []
    for i, (p, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        if kind == "blurb-candidate":
            if i > last_body:
                name = blurb_author(p)
                if name and not parts.authors:
                    parts.authors.append(name)
                parts.author_bio = parts.author_bio or p
                continue
            kind = "body"
        if kind != "body":
            continue
        key = normalise(p)
        if key in caption_keys:
            continue
        if key in seen or (len(key) >= 30 and any(key in other for other in keys
                                                  if len(other) > len(key))):
            parts.warnings.append("dropped a repeated paragraph (pull quote or copy slip)")
            continue
        seen.add(key)
        body.append(p)
    if body and parts.dateline is None:
        place, rest = split_dateline(body[0])
        if place is not None:
            parts.dateline, body[0] = place, rest
    parts.paragraphs = body


def _kind(p: str, in_head: bool, parts: ArticleParts) -> str:
    """What a paragraph is; side effects record captions, authors, dates and publisher."""
    caption = caption_of(p)
    if caption is not None:
        parts.add_caption(caption["text"], caption["credit"])
        return "caption"
    if in_head and " | " in p and len(p) <= 200:
        pieces = [_kind(piece, True, parts) for piece in p.split(" | ")]
        if all(k in ("byline", "date") for k in pieces):
            return "byline"
    if in_head:
        names = byline_names(p)
        if names:
            for name in names:
                if name not in parts.authors:
                    parts.authors.append(name)
            return "byline"
        stated = published_from_line(p)
        if stated is not None:
            day, is_update = stated
            if not is_update and parts.published is None:
                parts.published = day
            return "date"
    publisher = publisher_in(p)
    if publisher and not parts.publisher:
        parts.publisher = publisher
    if is_boilerplate(p) or is_signup(p):
        return "debris"
    if blurb_author(p):
        return "blurb-candidate"
    return "body"
