"""`actorgraph add document` on files a real browser makes: a two-column web page with words hyphenated
across lines, printed to a two-page PDF by headless Chromium; a scanned PDF, an encrypted one, a page
with no article, a duplicate and a file of another kind. Each command runs in its own process."""
from __future__ import annotations

import base64
import json
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from graph.quotes import SearchableText, normalize, problem

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")

PARAGRAPHS = [
    "Westhaven's mayor, Ana Lind, on Tuesday appointed her brother-in-law Tomas Berg to the board of the "
    "Westhaven Harbour Authority, the body that awards the port's dredging and ware&shy;housing contracts.",
    "Council records show that Berg's company, Berg Logistics, won a ware&shy;housing contract from the "
    "authority in 2022. The mayor's office said the appoint&shy;ment followed the usual proce&shy;dure.",
    "Opposition councillor Lena Ström said the appointment was a textbook conflict of interest and called for "
    "an independent review of the authority's contracts.",
]
LAST = "<p>The authority's chair, Piet Mulder, has led the board since 2019 and owns shares in Berg Logistics.</p>"
ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour board shake-up | Westhaven Courier</title>
<meta property="og:title" content="Mayor names her brother-in-law to the harbour board">
<meta property="og:site_name" content="Westhaven Courier"><meta name="author" content="Rita Okafor">
<meta property="article:published_time" content="2024-03-07T09:30:00Z">
<link rel="canonical" href="https://courier.example/2024/03/harbour-board">
<style>body {{ font: 13pt/1.4 serif; margin: 2cm }} .cols {{ column-count: 2; hyphens: manual; text-align: justify }}
.next {{ break-before: page }}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav><article>
<h1>Mayor names her brother-in-law to the harbour board</h1><div class="cols">{first}</div>
<div class="cols next">{second}</div></article><footer>Westhaven Courier 2024</footer></body></html>"""


def chromium_pdf(html: Path, pdf: Path) -> None:
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", str(html)], check=True, capture_output=True, timeout=120)


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\0" + bytes((x * 7 + y * 3) % 256 for x in range(width)) for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """The documents, made once: article.html, article.pdf (two pages), scan.pdf, locked.pdf, menu.html..."""
    import pypdf

    folder = tmp_path_factory.mktemp("documents")
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    (folder / "article.html").write_text(ARTICLE.format(first=paragraphs * 2, second=paragraphs + LAST), encoding="utf-8")
    chromium_pdf(folder / "article.html", folder / "article.pdf")
    image = base64.b64encode(png(200, 280)).decode()
    (folder / "scan.html").write_text(f'<!DOCTYPE html><img src="data:image/png;base64,{image}" width="600">',
                                      encoding="utf-8")
    chromium_pdf(folder / "scan.html", folder / "scan.pdf")
    writer = pypdf.PdfWriter(clone_from=folder / "article.pdf")
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    writer.write(folder / "locked.pdf")
    writer = pypdf.PdfWriter(clone_from=folder / "article.pdf")
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")  # opens without a password
    writer.write(folder / "owner-only.pdf")
    (folder / "menu.html").write_text('<!DOCTYPE html><html><body><nav><a href="/">Home</a> <a href="/a">About</a>'
                                      "</nav></body></html>", encoding="utf-8")
    (folder / "photo.png").write_bytes(png(4, 4))
    (folder / "fake.pdf").write_bytes(b"GIF89a not a pdf at all")
    (folder / "latin1.txt").write_bytes("Caf\xe9 owner named in the harbour report".encode("latin-1"))
    (folder / "note.txt").write_text("Harbour notes\r\nBerg Logistics won a warehousing contract in 2022.\r\n",
                                     encoding="utf-8")
    return folder


def actorgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def new_map(tmp_path) -> Path:
    assert actorgraph("init", "map", cwd=tmp_path).returncode == 0
    return tmp_path / "map"


def seeds(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "seeds").iterdir())}


RELATIONS = """\
actors:
  - {id: ana-lind, name: Ana Lind, kind: person, description: Mayor of Westhaven.}
  - {id: tomas-berg, name: Tomas Berg, kind: person, description: Board member.}
  - {id: berg-logistics, name: Berg Logistics, kind: organization, description: Tomas Berg's company.}
relations:
  - from: ana-lind
    to: tomas-berg
    type: appointed
    sources: [{document: article, quote: "appointed her brother-in-law Tomas Berg"}]
  - from: tomas-berg
    to: berg-logistics
    type: owns
    sources: [{document: article, quote: "Piet Mulder, has led the board since 2019"}]
"""


def test_a_browser_printed_pdf_keeps_pages_and_hyphenated_words_and_quotes_know_their_page(files, new_map):
    result = actorgraph("add", "document", files / "article.pdf", "--id", "article", "--published", "2024-03-07",
                        cwd=new_map)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added document article to seeds/sources.yaml:6 (pdf, 2 page(s), ")
    text = (new_map / "seeds" / "article.txt").read_text(encoding="utf-8")
    assert text.count("\f") == 1 and "warehousing contracts" in normalize(text)  # soft hyphens read as the word
    assert "ware housing" not in text
    assert (new_map / "seeds" / "article.pdf").read_bytes() == (files / "article.pdf").read_bytes()
    sources = (new_map / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    assert "documents:\n  - id: article\n" in sources and "original: article.pdf\n" in sources
    assert "sha256: " in sources and "title: Harbour board shake-up | Westhaven Courier\n" in sources
    (new_map / "data" / "map.yaml").write_text(RELATIONS, encoding="utf-8")
    validated = actorgraph("validate", cwd=new_map)
    assert validated.returncode == 0, validated.stderr
    shown = actorgraph("show", "tomas berg", "--json", cwd=new_map)
    pages = {cited["quote"][:9]: cited["page"] for group in json.loads(shown.stdout)["relations"]
             for record in group["relations"] for cited in record["sources"]}
    assert pages == {"appointed": 1, "Piet Muld": 2}
    path = actorgraph("path", "ana lind", "berg logistics", cwd=new_map)
    assert "— Harbour board shake-up | Westhaven Courier, p. 2" in path.stdout


def test_quotes_across_hyphenated_line_breaks_and_columns_are_found(files, new_map):
    assert actorgraph("add", "document", files / "article.pdf", "--id", "article", cwd=new_map).returncode == 0
    text = (new_map / "seeds" / "article.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    broken = [number for number, line in enumerate(lines[:-1]) if line.endswith("\u2010")]
    assert len(broken) >= 3, "the browser broke too few words across lines at a soft hyphen"
    document = SearchableText(text)
    for number in broken:
        before, after = lines[number].split()[-3:], lines[number + 1].split()[:2]
        quote = " ".join(before[:-1] + [before[-1].rstrip("\u2010") + after[0]] + after[1:])
        assert "\u2010" not in quote and problem(quote, "article", document) is None, quote
    for paragraph in PARAGRAPHS:  # each column is read top to bottom, the left one first
        assert problem(paragraph.replace("&shy;", "")[:200].rsplit(" ", 1)[0], "article", document) is None


def test_a_saved_web_page_gives_its_article_and_details(files, new_map):
    result = actorgraph("add", "document", files / "article.html", "--publisher", "The Courier", cwd=new_map)
    assert result.returncode == 0, result.stderr
    sources = (new_map / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    for line in ("id: mayor-names-her-brother-in-law", "title: Mayor names her brother-in-law to the harbour board",
                 "author: Rita Okafor", "publisher: The Courier", "url: https://courier.example/2024/03/harbour-board",
                 "published: '2024-03-07'", "original: mayor-names-her-brother-in-law.html"):
        assert line in sources
    text = (new_map / "seeds" / "mayor-names-her-brother-in-law.txt").read_text(encoding="utf-8")
    assert "warehousing contract" in text and "Home" not in text and "\u00ad" not in text


def test_a_text_file_is_kept_as_it_is_and_a_pdf_with_only_an_owner_password_opens(files, new_map):
    assert actorgraph("add", "document", files / "note.txt", cwd=new_map).returncode == 0
    assert (new_map / "seeds" / "harbour-notes.txt").read_bytes() == (files / "note.txt").read_bytes()
    assert "original:" not in (new_map / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    assert actorgraph("add", "document", files / "owner-only.pdf", cwd=new_map).returncode == 0


@pytest.mark.parametrize("name, code, message", [
    ("scan.pdf", 1, "scan.pdf has no text layer (a scan or photographs of pages)"),
    ("locked.pdf", 1, "locked.pdf is an encrypted PDF that needs a password"),
    ("menu.html", 1, "menu.html holds no article text"),
    ("photo.png", 2, "photo.png is not a .txt, .html or .pdf file"),
    ("fake.pdf", 1, "fake.pdf is not a PDF that can be read"),
    ("latin1.txt", 1, "latin1.txt:1:4: file is not UTF-8 (byte 0xe9)"),
])
def test_a_file_with_nothing_to_cite_is_one_line_and_changes_nothing(files, new_map, name, code, message):
    before = seeds(new_map)
    result = actorgraph("add", "document", files / name, cwd=new_map)
    assert result.returncode == code
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr
    assert seeds(new_map) == before


def test_a_duplicate_is_refused_whatever_its_name(files, new_map, tmp_path):
    assert actorgraph("add", "document", files / "article.html", cwd=new_map).returncode == 0
    before = seeds(new_map)
    shutil.copy(files / "article.html", tmp_path / "copy.htm")
    result = actorgraph("add", "document", tmp_path / "copy.htm", "--id", "other", cwd=new_map)
    assert result.returncode == 1
    assert result.stderr.endswith("is already registered as document 'mayor-names-her-brother-in-law' "
                                  "(same SHA-256)\n") and len(result.stderr.splitlines()) == 1
    assert seeds(new_map) == before


def test_a_bad_date_or_a_taken_id_writes_nothing(files, new_map):
    assert actorgraph("add", "document", files / "note.txt", "--id", "note", cwd=new_map).returncode == 0
    before = seeds(new_map)
    taken = actorgraph("add", "document", files / "article.html", "--id", "note", cwd=new_map)
    assert taken.returncode == 2 and "document id 'note' is already used" in taken.stderr
    dated = actorgraph("add", "document", files / "article.html", "--published", "2024-13", cwd=new_map)
    assert dated.returncode == 1 and "seeds/sources.yaml:16:16: published: '2024-13' is not a date" in dated.stderr
    assert "nothing was written to seeds/sources.yaml" in dated.stderr
    assert seeds(new_map) == before
