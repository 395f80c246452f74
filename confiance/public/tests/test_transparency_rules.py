"""Plain rules of the public site: whitelist, deadlines, retention, charts."""

from datetime import date

from confiance.register.models import AISystem
from confiance.rules import transparency, transparency_charts


def test_it_classifies_every_field_of_the_record_as_public_or_private():
    fields = {f.name for f in AISystem._meta.concrete_fields} | {"organisation", "service"}
    fields = {f.removesuffix("_id") for f in fields}
    assert fields == set(transparency.PUBLIC_FIELDS) | set(transparency.PRIVATE_FIELDS)
    assert not set(transparency.PUBLIC_FIELDS) & set(transparency.PRIVATE_FIELDS)


def test_it_keeps_only_whitelisted_values():
    assert transparency.public_values({"name": "A", "owner": "B", "team_women": 3}) == {"name": "A"}


def test_it_gives_one_month_to_answer_and_clamps_to_the_month_end():
    assert transparency.add_one_month(date(2026, 1, 31)) == date(2026, 2, 28)
    assert transparency.add_one_month(date(2026, 12, 15)) == date(2027, 1, 15)
    deadline = transparency.answer_deadline(date(2026, 3, 10), today=date(2026, 4, 10))
    assert (deadline.due_on, deadline.overdue, deadline.days_left) == (date(2026, 4, 10), False, 0)
    assert transparency.answer_deadline(date(2026, 3, 10), today=date(2026, 4, 11)).overdue


def test_it_is_not_overdue_when_answered_in_time():
    deadline = transparency.answer_deadline(date(2026, 3, 10), today=date(2026, 6, 1), answered_on=date(2026, 4, 1))
    assert not deadline.overdue


def test_it_erases_only_after_the_retention_period():
    assert not transparency.must_erase(date(2026, 1, 1), 30, date(2026, 1, 30))
    assert transparency.must_erase(date(2026, 1, 1), 30, date(2026, 1, 31))
    assert not transparency.must_erase(None, 0, date(2026, 1, 31))


def test_it_never_stores_the_address_itself():
    key = transparency.address_key("192.0.2.7", "secret")
    assert "192.0.2.7" not in key and key == transparency.address_key("192.0.2.7", "secret")
    assert key != transparency.address_key("192.0.2.8", "secret")


def test_it_draws_a_chart_with_its_figures_in_words():
    svg = transparency_charts.bar_chart("Par domaine", [("Déchets", 3), ("Eau <b>", 0)])
    assert svg.startswith("<svg") and "<title" in svg and "Déchets : 3" in svg
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert 'width="0"' in svg  # a zero draws no bar
