"""Request bodies: a form's fields, URL-encoded or multipart (files byte for byte), and the
message when a form cannot be read."""

from __future__ import annotations

import pytest

from cablewire.errors import UsageError
from cablewire.web.bodies import Upload, form_fields, safe_name

BOUNDARY = "----cablewire7MA4YWxkTrZu0gW"


def multipart(*parts: tuple[str, bytes]) -> bytes:
    """A multipart body of (Content-Disposition parameters, content) parts."""
    out = b""
    for disposition, content in parts:
        out += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; {disposition}\r\n"
                "\r\n").encode() + content + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()


def test_multipart_fields_and_files() -> None:
    story = b"BAMAKO \xe2\x80\x94 line one\r\n\r\n--not a boundary\r\n\x00\xff"
    body = multipart(('name="text"', "Touré\r\nsecond line".encode()),
                     ('name="kind"', b"cable"),
                     ('name="file"; filename="story.txt"', story))
    form = form_fields(body, f"multipart/form-data; boundary={BOUNDARY}")
    assert form.values == {"text": "Touré\r\nsecond line", "kind": "cable"}
    assert form.file("file") == Upload("story.txt", story)
    assert form.text("limit") is None and form.file("other") is None


def test_a_file_not_chosen_is_none_and_names_may_be_encoded() -> None:
    body = multipart(('name="file"; filename=""', b""),
                     ("name=\"doc\"; filename*=utf-8''Tour%C3%A9.html", b"<p>x</p>"))
    form = form_fields(body, f'multipart/form-data; boundary="{BOUNDARY}"')
    assert form.file("file") is None
    assert form.file("doc") == Upload("Touré.html", b"<p>x</p>")
    assert safe_name("Touré story (1).html", "pasted.txt") == "Touré_story_1_.html"
    assert safe_name(None, "pasted.txt") == "pasted.txt"


def test_url_encoded_fields() -> None:
    form = form_fields(b"text=Tour%C3%A9+%26+AQIM&kind=&limit=5",
                       "application/x-www-form-urlencoded; charset=utf-8")
    assert form.values == {"text": "Touré & AQIM", "kind": "", "limit": "5"}
    assert form.files == {}


@pytest.mark.parametrize("body, content_type, message", [
    (b"x", "multipart/form-data",
     "a multipart form without its boundary: send the form as the browser does"
     " (enctype=multipart/form-data)"),
    (multipart(('name="text"', b"cut"))[:-20], f"multipart/form-data; boundary={BOUNDARY}",
     "the multipart form ends early: send it again from the page"),
    (b"text=x", "application/json",
     "a form is multipart/form-data or application/x-www-form-urlencoded, not"
     " application/json: send it from the page's form"),
    (b"text=\xff", "application/x-www-form-urlencoded",
     "the form is not UTF-8: send it from the page's form"),
])
def test_forms_that_cannot_be_read(body: bytes, content_type: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        form_fields(body, content_type)
    assert str(caught.value) == message
