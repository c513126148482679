"""Write the malformed-roster corpus to tests/data/rosters/bad/ (run once; files committed).

Each file is something an organiser's laptop really produces on a bad day: the wrong
encoding, a PDF saved as .xlsx, a header row and nothing else, a merged-cell title, a
formula, a 1 MB cell pasted by accident.  tests/core/roster/test_bad_rosters.py says what the
importer must do with each (refuse the file, or import it with row-level messages) and
checks that nothing is half-written.  Deterministic: the same bytes every run.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "rosters" / "bad"
HEADER = "Reference,First name,Last name,Organisation,Country,Email\n"
GOOD = (
    "R1,Hélène,Dupont,Médecins Sans Frontières,France,helene@example.org\n"
    "R2,Łukasz,Wróblewski,Caritas Polska,Poland,lukasz@example.org\n"
    "R3,Ayşe,Yılmaz,Türk Kızılay,Türkiye,ayse@example.org\n"
)


def text(name: str, content: str, encoding: str = "utf-8") -> None:
    (OUT / name).write_bytes(content.encode(encoding))


def raw(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)


def workbook(name: str, build) -> None:
    wb = Workbook()
    build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    raw(name, buffer.getvalue())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    rng = random.Random(30)

    # -- files that cannot be a roster at all
    raw("empty.csv", b"")
    text("whitespace-only.csv", "  \n\t\n   \r\n")
    text("header-only.csv", HEADER)
    text("header-only-semicolons.csv", HEADER.replace(",", ";"))
    raw("binary-junk.csv", bytes(rng.randrange(256) for _ in range(4096)))
    raw("png-renamed.csv", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512)))
    raw("pdf-renamed.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    raw("xls-97.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    raw("libreoffice.ods", ods.getvalue())
    raw("zip-not-xlsx.xlsx", _zip({"readme.txt": "hello"}))
    good_xlsx = io.BytesIO()
    wb = Workbook()
    wb.active.append(["Reference", "First name", "Last name"])
    wb.active.append(["R1", "Ana", "Silva"])
    wb.save(good_xlsx)
    raw("truncated.xlsx", good_xlsx.getvalue()[: len(good_xlsx.getvalue()) // 2])
    text("only-delimiters.csv", ";;;;;\n;;;;;\n;;;;;\n")
    text("no-name-column.csv", "Reference,Organisation,Country\nR1,UNHCR,Kenya\nR2,IFRC,Chad\n")
    text(
        "duplicate-columns.csv",
        "First name,Last name,Email,Email\nAna,Silva,ana@example.org,ana2@example.org\n",
    )
    text("unterminated-quote.csv", HEADER + 'R1,"Ana,Silva,UNHCR,Kenya,ana@example.org\n' + GOOD)
    text("one-megabyte-cell.csv", HEADER + "R0,Ana," + "x" * 1_048_576 + ",UNHCR,,\n" + GOOD)
    text("nul-bytes.csv", HEADER + "R1,An\x00a,Silva,UNHCR,Kenya,ana@example.org\n")

    # -- files with rows that need fixing (row-level problems; nothing written unless
    #    the valid rows are imported on purpose)
    text("missing-names.csv", HEADER + GOOD + "R4,,,UNHCR,Kenya,nobody@example.org\n")
    text("bad-emails.csv", HEADER + GOOD + "R4,Ana,Silva,UNHCR,Kenya,ana(at)example\n")
    text("unknown-country.csv", HEADER + GOOD + "R4,Ana,Silva,UNHCR,Atlantis,ana@example.org\n")
    text("duplicate-references.csv", HEADER + GOOD + "R2,Ana,Silva,UNHCR,Kenya,a@example.org\n")
    text("duplicate-emails.csv", HEADER + GOOD + "R4,Ana,Silva,UNHCR,Kenya,ayse@example.org\n")
    text("ragged-short-row.csv", HEADER + GOOD + "R4,Ana\n")
    text("ragged-long-row.csv", HEADER + GOOD + "R4,Ana,Silva,UNHCR,Kenya,a@example.org,x,y,z\n")
    raw(
        "mixed-encodings.csv",
        (HEADER + GOOD).encode("utf-8") + "R4,José,Núñez,Cruz Roja,Spain,jose@example.org\n"
        .encode("cp1252"),
    )

    # -- awkward but usable: imported, with warnings where something was dropped
    text("csv-renamed.xlsx", HEADER + GOOD)
    text("utf16-bom.csv", HEADER + GOOD, "utf-16")
    text("cp1252-semicolons.csv", (HEADER + GOOD.replace("Ł", "L").replace("ł", "l")
                                   .replace("ş", "s").replace("ı", "i").replace("Ş", "S"))
         .replace(",", ";"), "cp1252")
    text("tabs-crlf.tsv", (HEADER + GOOD).replace(",", "\t").replace("\n", "\r\n"))
    text(
        "formulas.csv",
        HEADER
        + 'R1,=HYPERLINK("http://x.example"),Silva,+cmd|\' /C calc\'!A0,Kenya,ana@example.org\n'
        + "R2,@SUM(A1),-2+3,=1+1,Chad,bo@example.org\n",
    )
    text(
        "markup-and-sql.csv",
        HEADER
        + "R1,<b>Ana</b>,Silva'); DROP TABLE delegates;--,<img src=x onerror=alert(1)>,"
        "Kenya,ana@example.org\n",
    )
    text("control-characters.csv", HEADER + "R1,A\x07na,Sil\x1bva,UN\tHCR,Kenya,ana@example.org\n")
    text("title-rows-above-header.csv", "Delegates — IOM-NGO consultation\n\n" + HEADER + GOOD)
    text("blank-lines-everywhere.csv", "\n\n" + HEADER + "\n" + GOOD.replace("\n", "\n\n"))
    text("many-columns.csv", HEADER.rstrip("\n") + "".join(f",Extra {i}" for i in range(300))
         + "\n" + "R1,Ana,Silva,UNHCR,Kenya,ana@example.org" + ",x" * 300 + "\n")

    def merged(wb):
        ws = wb.active
        ws.title = "Delegates"
        ws.append(["Delegates of the consultation"])
        ws.merge_cells("A1:F1")
        ws.append(["Reference", "First name", "Last name", "Organisation", "Country", "Email"])
        ws.append(["R1", "Ana", "Silva", "UNHCR", "Kenya", "ana@example.org"])
        ws.append(["R2", "Bo", "Chen", "IFRC", "China", "bo@example.org"])
        ws.merge_cells("D3:D4")  # "UNHCR" spans two rows: the second reads empty

    workbook("merged-cells.xlsx", merged)

    def hidden_first(wb):
        notes = wb.active
        notes.title = "Old list"
        notes.append(["First name", "Last name"])
        notes.append(["Should", "Not-Be-Read"])
        notes.sheet_state = "hidden"
        ws = wb.create_sheet("Delegates")
        ws.append(["First name", "Last name", "Organisation"])
        ws.append(["Ana", "Silva", "UNHCR"])

    workbook("hidden-first-sheet.xlsx", hidden_first)

    def formulas_xlsx(wb):
        ws = wb.active
        ws.append(["First name", "Last name", "Organisation"])
        ws.append(["Ana", "Silva", "=CONCAT(\"UN\",\"HCR\")"])  # no cached value saved

    workbook("uncached-formulas.xlsx", formulas_xlsx)
    workbook("empty-workbook.xlsx", lambda wb: None)

    def header_only_xlsx(wb):
        wb.active.append(["Reference", "First name", "Last name"])

    workbook("header-only.xlsx", header_only_xlsx)
    print(f"{len(list(OUT.iterdir()))} files in {OUT}")


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buffer.getvalue()


if __name__ == "__main__":
    main()
