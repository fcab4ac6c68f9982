"""ResumeRecord.without_pii masks contact details in every text it keeps, offsets intact."""

from __future__ import annotations

from jobgraph.parse.records import Contact, Job, ResumeRecord


def _record() -> ResumeRecord:
    text = "Jo Li\njo.li@example.com\nJo Li works on Linux kernels and Joomla. Ms Li, Python."
    return ResumeRecord(
        id="cand-1",
        source="/uploads/jo_li/Jo-Li-CV.pdf",
        contact=Contact(name="Jo Li", email="jo.li@example.com", phone="555 0100"),
        headline="Jo Li, kernel engineer",
        summary="Jo Li works on Linux kernels and Joomla. Ms Li, Python.",
        experience=[Job(title="Engineer to Jo Li's team")],
        text=text,
    )


def test_every_kept_text_is_masked_and_keeps_its_length() -> None:
    record = _record()
    redacted = record.without_pii()
    assert redacted.contact == Contact()
    for before, after in (
        (record.text, redacted.text),
        (record.source, redacted.source),
        (record.headline, redacted.headline),
        (record.summary, redacted.summary),
        (record.experience[0].title, redacted.experience[0].title),
    ):
        assert after is not None and before is not None
        assert len(after) == len(before)
        assert "jo" not in after.lower().replace("joomla", "")
        assert " li" not in after.lower().replace("linux", "")
    assert redacted.source == "/uploads/**_**/**-**-CV.pdf"


def test_name_parts_are_masked_only_as_words_of_their_own() -> None:
    redacted = _record().without_pii()
    assert redacted.summary == "***** works on Linux kernels and Joomla. Ms **, Python."
