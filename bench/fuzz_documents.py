"""Seeded generators of hostile documents for bench/fuzz_parsers.py.

``generate(rng, index)`` returns ``(entry point, variant, kind, bytes)``. Seeds
come from the repository's parser fixtures (mutated) and from documents built
here from scratch (PDFs with odd content streams, DOCX packages with odd XML or
decompression bombs, tag soup, nested JSON, broken CSV / JSONL).
"""

from __future__ import annotations

import io
import json
import random
import zipfile
import zlib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "parse"
ENTRY_POINTS = {"text": 20, "markdown": 6, "html": 12, "json_resume": 10, "jobposting_json": 10,
                "pdf": 12, "docx": 12, "csv": 9, "jsonl": 9}  # fmt: skip
TOKENS = ["Python", "Java", "SQL", "Docker", "2019", "Mar 2020", "Present", "–", "-", "|", "•",
          "EXPERIENCE", "SKILLS", "EDUCATION", "Requirements", "Nice to have:", "required",
          "preferred", "B.Sc.", "Computer Science", "Acme Corp", "Senior Engineer", "$120,000",
          "€50k", "jane@example.com", "+1 555 0100", "http://x.io", "Berlin", "remote", "**",
          "_", "[", "](", ":", ";", ",", ".", "(", ")", "\n", "\n\n", "\t", " ", "  ", "\r\n",
          "5+ years", "at least", "a plus", "ﬁ", "\u00ad", "\u200b", "\ufeff", "\uf0b7",
          "é"]  # fmt: skip
RANGES = [(0x20, 0x7E), (0x00, 0x1F), (0xA0, 0x17F), (0x370, 0x3FF), (0x600, 0x6FF),
          (0x4E00, 0x4FFF), (0xE000, 0xE0FF), (0x1F300, 0x1F5FF), (0x2000, 0x206F)]  # fmt: skip


def random_text(rng: random.Random, size: int) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(TOKENS) + rng.choice(["", " ", " ", "\n"]) for _ in range(size))
    low, high = rng.choice(RANGES)
    return "".join(chr(rng.randint(low, high)) for _ in range(size))


def encode(rng: random.Random, text: str) -> tuple[str, bytes]:
    choice = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                         "latin-1", "cp1252", "utf-32", "invalid-utf8", "nul"])  # fmt: skip
    if choice == "invalid-utf8":
        data = bytearray(text.encode("utf-8", "replace"))
        for _ in range(rng.randint(1, 20)):
            data.insert(rng.randint(0, len(data)), rng.choice([0x80, 0xC3, 0xFF, 0xED, 0xF4]))
        return choice, bytes(data)
    if choice == "nul":
        data = bytearray(text.encode("utf-8", "replace"))
        for _ in range(rng.randint(1, 5)):
            data.insert(rng.randint(0, len(data)), 0)
        return choice, bytes(data)
    return choice, text.encode(choice, "replace")


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    out = bytearray(data)
    how = rng.choice(["truncate", "flip", "flip", "overwrite", "insert", "splice", "zero"])
    if not out:
        return how, bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 64)))
    if how == "truncate":
        return how, bytes(out[: rng.randint(0, len(out))])
    if how == "flip":
        for _ in range(rng.randint(1, 40)):
            position = rng.randrange(len(out))
            out[position] ^= 1 << rng.randrange(8)
    elif how == "overwrite":
        position = rng.randrange(len(out))
        chunk = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 256)))
        out[position : position + len(chunk)] = chunk
    elif how == "insert":
        position = rng.randrange(len(out))
        out[position:position] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 512)))
    elif how == "splice":
        a, b = sorted(rng.randrange(len(out)) for _ in range(2))
        out[a:a] = out[a:b] * rng.randint(1, 4)
    else:
        a, b = sorted(rng.randrange(len(out)) for _ in range(2))
        out[a:b] = bytes(b - a)
    return how, bytes(out)


@cache
def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def fixtures(suffix: str) -> list[str]:
    return sorted(p.name for p in FIXTURES.glob(f"*{suffix}"))


def nested_json(rng: random.Random, depth: int) -> str:
    opener, closer = rng.choice([("[", "]"), ('{"name":', "}"), ('{"a":[', "]}")])
    return opener * depth + json.dumps(random_text(rng, 3)) + closer * depth


def random_json(rng: random.Random, depth: int = 0) -> Any:
    pick = rng.randrange(9 if depth < 4 else 5)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False, 0, -1, 1e308, -0.0, 2**70, float("nan"), float("inf")])
    if pick in (2, 3, 4):
        return random_text(rng, rng.randint(0, 30))
    if pick in (5, 6):
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    keys = ["name", "basics", "work", "startDate", "endDate", "position", "highlights",
            "skills", "keywords", "location", "baseSalary", "value", "minValue", "@type",
            "jobLocation", "address", "description", "title", "employmentType", "@graph",
            "hiringOrganization", "education", "experienceRequirements"]  # fmt: skip
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 6))}


def scramble_json(rng: random.Random, value: Any) -> Any:
    """Replace random members of a real document with random JSON."""
    if isinstance(value, dict):
        return {k: (random_json(rng) if rng.random() < 0.2 else scramble_json(rng, v))
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, list):
        return [scramble_json(rng, v) for v in value if rng.random() < 0.9]
    return random_json(rng) if rng.random() < 0.1 else value


def json_document(rng: random.Random, base: str) -> tuple[str, bytes]:
    variant = rng.choice(["scrambled", "scrambled", "random", "deep", "mutated", "huge",
                          "bignum", "text"])  # fmt: skip
    real = json.loads(fixture(base))
    if variant == "scrambled":
        return variant, json.dumps(scramble_json(rng, real), allow_nan=True).encode()
    if variant == "random":
        return variant, json.dumps(random_json(rng)).encode()
    if variant == "deep":
        return variant, nested_json(rng, rng.choice([10, 63, 65, 500, 990, 5000, 100_000])).encode()
    if variant == "mutated":
        how, data = mutate(rng, fixture(base))
        return f"mutated-{how}", data
    if variant == "huge" and rng.random() < 0.05:
        key = "highlights" if "basics" in real else "description"
        filler = [random_text(rng, 20) for _ in range(rng.choice([1000, 30_000]))]
        if "basics" in real:
            real["work"] = [{**real["work"][0], key: filler}]
        else:
            real[key] = " ".join(filler)
        return "huge", json.dumps(real).encode()
    if variant == "bignum":
        return variant, f'{{"basics":{{"name":"x"}},"work":[{"9" * 5000}]}}'.encode()
    return "text", random_text(rng, 40).encode()


def make_pdf(pages: list[bytes], compress: bool = False) -> bytes:
    """A minimal PDF with one Helvetica font and the given content streams."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for content in pages:
        page_number = len(objects) + 1
        kids.append(f"{page_number} 0 R".encode())
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                       + f"{page_number + 1} 0 R".encode()
                       + b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
                       b"/BaseFont /Helvetica >> >> >> >>")  # fmt: skip
        body = zlib.compress(content) if compress else content
        extra = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), extra) + body
                       + b"\nendstream")  # fmt: skip
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


def pdf_content(rng: random.Random) -> bytes:
    ops = []
    for _ in range(rng.choice([1, 5, 40, 400])):
        x = rng.choice([72, 300, -1e6, 1e9, 0.001, 99999])
        y = rng.choice([700, 400, -50, 1e9, 10])
        text = random_text(rng, rng.randint(0, 12)).encode("latin-1", "replace")
        text = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        if rng.random() < 0.05:
            text += b"("  # unbalanced
        size = rng.choice([12, 0, -5, 1e6, 0.0001])
        ops.append(b"BT /F1 %s Tf %s %s Td (%s) Tj ET" % (str(size).encode(), str(x).encode(),
                                                          str(y).encode(), text))  # fmt: skip
    return b"\n".join(ops)


@lru_cache(maxsize=1)
def pdf_bomb() -> bytes:
    """One page whose content stream inflates from ~60 kB to 60 MB."""
    return make_pdf([b"BT /F1 12 Tf 72 700 Td (Python) Tj ET\n" + b" " * 60_000_000], True)


def pdf_document(rng: random.Random) -> tuple[str, bytes]:
    variant = rng.choice(["fixture", "fixture", "built", "built", "many-pages", "bomb"])
    if variant == "fixture":
        how, data = mutate(rng, fixture(rng.choice(fixtures(".pdf"))))
        return f"fixture-{how}", data
    if variant == "bomb" and rng.random() < 0.1:
        return "bomb", pdf_bomb()
    many = variant == "many-pages" and rng.random() < 0.1
    pages = [pdf_content(rng) for _ in range(60 if many else rng.choice([1, 2, 3]))]
    variant = "many-pages" if many else "built"
    data = make_pdf(pages, compress=rng.random() < 0.5)
    if rng.random() < 0.5:
        how, data = mutate(rng, data)
        return f"{variant}-{how}", data
    return variant, data


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_xml(rng: random.Random) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    shape = rng.choice(["paragraphs", "tables", "nested", "invalid", "control-chars"])
    if shape == "paragraphs":
        body = "".join(f"<w:p><w:r><w:t>{_xml_escape(random_text(rng, 10))}</w:t></w:r></w:p>"
                       for _ in range(rng.choice([1, 20, 300])))  # fmt: skip
    elif shape == "tables":
        cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
        rows = "".join("<w:tr>" + "".join(cell.format(_xml_escape(random_text(rng, 3)))
                                          for _ in range(rng.randint(0, 6))) + "</w:tr>"
                       for _ in range(rng.randint(0, 20)))  # fmt: skip
        body = f"<w:tbl>{rows}</w:tbl><w:p/>"
    elif shape == "nested":
        depth = rng.choice([5, 50, 300])
        body = (
            "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth + "<w:p/>"
        )
    elif shape == "invalid":
        body = "<w:p><w:r><w:t>" + random_text(rng, 20) + "</w:p>"
    else:
        body = (
            "<w:p><w:r><w:t>"
            + "".join(chr(rng.randint(0, 31)) for _ in range(20))
            + "</w:t></w:r></w:p>"
        )
    return f'<?xml version="1.0"?><w:document {w}><w:body>{body}</w:body></w:document>'.encode()


def rezip(base: bytes, replace: dict[str, bytes], extra: int = 0) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for number in range(extra):
            target.writestr(f"word/media/extra{number}.bin", b"x")
    return out.getvalue()


@lru_cache(maxsize=1)
def docx_bomb() -> bytes:
    """word/document.xml inflating 300 MB of spaces (about 300 kB packed)."""
    return rezip(fixture("resume_tables.docx"), {"word/document.xml": b" " * 300_000_000})


def docx_document(rng: random.Random) -> tuple[str, bytes]:
    variant = rng.choice(["fixture", "fixture", "built", "built", "built", "many-parts", "bomb"])
    base = fixture("resume_tables.docx")
    if variant == "fixture":
        how, data = mutate(rng, base)
        return f"fixture-{how}", data
    if variant == "bomb" and rng.random() < 0.1:
        return "bomb", docx_bomb()
    if variant == "many-parts" and rng.random() < 0.1:
        return variant, rezip(base, {}, extra=2100)
    data = rezip(base, {"word/document.xml": docx_xml(rng)})
    if rng.random() < 0.3:
        how, data = mutate(rng, data)
        return f"built-{how}", data
    return "built", data


def html_document(rng: random.Random) -> tuple[str, bytes]:
    variant = rng.choice(["fixture", "soup", "soup", "deep", "jsonld", "many-tags", "text"])
    if variant == "fixture":
        how, data = mutate(rng, fixture(rng.choice(fixtures(".html"))))
        return f"fixture-{how}", data
    tags = ["<p>", "</p>", "<div>", "</div>", "<li>", "<ul>", "<br>", "<h1>", "</h1>", "<td>",
            "<tr>", "<table>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&amp;",
            "&#0;", "&#xD800;", "<title>", "<style>", "<a href='x'>", "</a>", "<", ">"]  # fmt: skip
    if variant == "soup":
        source = "".join(rng.choice(tags) + random_text(rng, rng.randint(0, 3))
                         for _ in range(rng.randint(1, 300)))  # fmt: skip
    elif variant == "deep":
        depth = rng.choice([100, 1000, 1000, 20_000 if rng.random() < 0.1 else 5000])
        source = "<div>" * depth + random_text(rng, 10) + "</div>" * depth
    elif variant == "jsonld":
        value = rng.choice([random_json(rng), json.loads(fixture("posting_jobposting.json"))])
        if isinstance(value, dict) and rng.random() < 0.5:
            value = scramble_json(rng, value)
        body = json.dumps(value) if rng.random() < 0.8 else nested_json(rng, rng.choice([70, 3000]))
        source = f'<script type="application/ld+json">{body}</script><h1>{random_text(rng, 4)}</h1>'
    elif variant == "many-tags" and rng.random() < 0.05:
        source = "<p>a</p>" * rng.choice([20_000, 120_000])
    else:
        source = random_text(rng, rng.randint(0, 200))
    encoding, data = encode(rng, source)
    return f"{variant}-{encoding}", data


def text_document(rng: random.Random, markdown: bool) -> tuple[str, bytes]:
    variant = rng.choice(["fixture", "tokens", "tokens", "unicode", "long-line", "random-bytes"])
    if variant == "fixture":
        names = fixtures(".md") if markdown else fixtures(".txt")
        source = fixture(rng.choice(names)).decode("utf-8", "replace")
        chars = list(source)
        for _ in range(rng.randint(0, 30)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(TOKENS))
        source = "".join(chars)
    elif variant == "tokens":
        source = random_text(rng, rng.randint(0, 400))
    elif variant == "unicode":
        source = "".join(random_text(rng, 20) for _ in range(rng.randint(1, 20)))
    elif variant == "long-line" and rng.random() < 0.002:
        piece = rng.choice(["**a ", "_b ", "Python, ", "2019 - ", "[x](", "a" * 50, "• "])
        source = piece * (rng.choice([10_000, 100_000, 1_000_000]) // len(piece))
    elif variant == "random-bytes":
        return variant, bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 2000)))
    else:
        source = random_text(rng, 50)
    encoding, data = encode(rng, source)
    return f"{variant}-{encoding}", data


def csv_document(rng: random.Random) -> tuple[str, bytes]:
    variant = rng.choice(["table", "table", "broken", "empty-headers", "random"])
    delimiter = rng.choice([",", ";", "\t", "|"])
    if variant == "empty-headers":
        header = delimiter * rng.choice([10, 5000])
        source = header + "\n" + delimiter * header.count(delimiter) + "\n"
    elif variant == "random":
        source = random_text(rng, rng.randint(0, 300))
    else:
        columns = rng.choice([["id", "title", "text"], ["Job Title", "description"], ["a", "b"]])
        lines = [delimiter.join(columns)]
        for _ in range(rng.randint(0, 5)):
            cells = [random_text(rng, rng.randint(0, 40)) for _ in columns]
            if variant == "table":
                cells = ['"' + c.replace('"', '""') + '"' for c in cells]
            lines.append(delimiter.join(cells))
        source = "\n".join(lines)
    encoding, data = encode(rng, source)
    return f"{variant}-{encoding}", data


def jsonl_document(rng: random.Random) -> tuple[str, bytes]:
    lines = []
    kinds = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["text", "resume", "posting", "random", "deep", "broken", "bignum"])
        kinds.append(kind)
        if kind == "text":
            lines.append(json.dumps({"id": rng.randint(0, 9), "text": random_text(rng, 60)}))
        elif kind == "resume":
            lines.append(
                json.dumps(scramble_json(rng, json.loads(fixture("resume_jsonresume.json"))))
            )
        elif kind == "posting":
            lines.append(
                json.dumps(scramble_json(rng, json.loads(fixture("posting_jobposting.json"))))
            )
        elif kind == "random":
            lines.append(json.dumps(random_json(rng)))
        elif kind == "deep":
            lines.append(nested_json(rng, rng.choice([65, 900, 5000])))
        elif kind == "bignum":
            lines.append('{"text": "a", "id": ' + "7" * 5000 + "}")
        else:
            lines.append(random_text(rng, 30).replace("\n", " "))
    encoding, data = encode(rng, "\n".join(lines))
    return "+".join(sorted(set(kinds))) + f"-{encoding}", data


def generate(rng: random.Random, index: int) -> tuple[str, str, str, bytes]:
    """Return ``(entry point, variant, kind, bytes)`` for document ``index``."""
    entry = rng.choices(list(ENTRY_POINTS), weights=list(ENTRY_POINTS.values()))[0]
    kind = rng.choice(["resume", "posting"])
    if index % 25_000 == 1:  # the 50 MB single-line file, a few times per run
        return "text", "50MB-single-line", kind, b"Python developer " * 3_100_000
    if entry == "pdf":
        variant, data = pdf_document(rng)
    elif entry == "docx":
        variant, data = docx_document(rng)
    elif entry == "html":
        variant, data = html_document(rng)
    elif entry in ("json_resume", "jobposting_json"):
        base = "resume_jsonresume.json" if entry == "json_resume" else "posting_jobposting.json"
        kind = "resume" if entry == "json_resume" else "posting"
        variant, data = json_document(rng, base)
    elif entry == "csv":
        variant, data = csv_document(rng)
    elif entry == "jsonl":
        variant, data = jsonl_document(rng)
    else:
        variant, data = text_document(rng, markdown=entry == "markdown")
    return entry, variant, kind, data
