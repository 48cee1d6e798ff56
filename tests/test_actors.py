"""The actor knowledge base: spelling variants, demonyms, role words, codes, office by date, and
user files merged over the shipped ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasd.actors import cameo_sector, get_kb, load_kb
from rasd.actors.kb import CACHE_ENV
from rasd.actors.load import ENV_VAR, SECTIONS, parse, read_sources, shipped_files
from rasd.actors.records import date_ceil, date_floor
from rasd.errors import ConfigError

PLOVER_SECTORS = set(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)
INTERNATIONAL = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the index cache these tests write out of the user's home."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def kb():
    return get_kb()


def ids(records):
    return [r.id for r in records]


# ------------------------------------------------------------------ names and spellings
@pytest.mark.parametrize(
    "spelling", ["أردوغان", "إردوغان", "اردوغان", "لأردوغان", "وإردوغان", "رجب طيب أردوغان"]
)
def test_erdogan_spellings(kb, spelling):
    assert ids(kb.lookup_name(spelling))[0] == "person:erdogan"


def test_surname_alone_is_a_partial_match(kb):
    assert ids(kb.lookup_name("الكاظمي")) == ["person:kadhimi"]
    assert kb.lookup_name("الكاظمي", partial=False) == []
    # a given name shared by many people is never a partial name
    assert "person:saddam" not in ids(kb.lookup_name("حسين"))


def test_name_that_starts_with_a_clitic_letter(kb):
    # ب of بايدن is part of the name; ل of لبايدن is a clitic
    assert ids(kb.lookup_name("بايدن")) == ["person:biden"]
    assert ids(kb.lookup_name("لبايدن")) == ["person:biden"]


def test_honorific_is_dropped(kb):
    assert ids(kb.lookup_name("الشيخ تميم بن حمد")) == ["person:tamim"]


def test_date_orders_namesakes(kb):
    assert ids(kb.lookup_name("الأسد", date="1995"))[0] == "person:hafez_assad"
    assert ids(kb.lookup_name("الأسد", date="2010"))[0] == "person:bashar_assad"


@pytest.mark.parametrize(
    ("name", "kb_id"),
    [
        ("داعش", "group:isis"),
        ("تنظيم الدولة الإسلامية", "group:isis"),
        ("ISIS", "group:isis"),
        ("حزب العمال التركي الكردي", "group:pkk"),
        ("حزب العمال الكردستاني", "group:pkk"),
        ("قسد", "group:sdf"),
        ("أنصار الله", "group:houthis"),
        ("الحوثيين", "group:houthis"),
        ("بالحشد الشعبي", "group:pmf"),
        ("حزب الله", "group:hezbollah"),
        ("طالبان", "group:taliban"),
        ("إيلاف", "media:elaph"),
        ("واس", "media:spa"),
        ("الأمم المتحدة", "org:un"),
        ("جامعة الدول العربية", "org:arab_league"),
        ("للأمم المتحدة", "org:un"),
    ],
)
def test_organizations_groups_media(kb, name, kb_id):
    assert ids(kb.lookup_name(name))[0] == kb_id


def test_codes_of_organizations(kb):
    assert kb.get("org:un").code_at() == "IGOUNO"
    assert kb.get("org:arab_league").code_at() == "IGOMEAARL"
    assert kb.get("group:pkk").code_at() == "TURREB"
    assert kb.get("group:isis").code_at() == "IMGREB"
    elaph = kb.get("media:elaph")
    assert elaph.sector == "JRN" and cameo_sector(elaph.sector) == "MED"


def test_weak_names_need_permission(kb):
    # القاعدة is also "the base"; الجزيرة also "the island"
    assert ids(kb.lookup_name("القاعدة")) == ["group:al_qaeda"]
    assert kb.lookup_name("القاعدة", strict=True) == []
    assert [m.text for m in kb.scan("زار القاعدة العسكرية")] == []
    assert [m.ids for m in kb.scan("زار القاعدة العسكرية", weak=True)] == [("group:al_qaeda",)]


def test_article_is_part_of_a_name(kb):
    # حماس is the movement, الحماس "the enthusiasm"; مالي (Mali) is weak: also "financial"
    assert ids(kb.lookup_name("حماس")) == ["group:hamas"]
    assert kb.lookup_name("الحماس") == []
    assert [m.ids for m in kb.scan("أبدى الجمهور الحماس للدعم المالي")] == []


def test_names_do_not_run_across_punctuation(kb):
    found = [(m.text, m.ids) for m in kb.scan("عناصر تنظيم «داعش» في الحسكة")]
    assert found == [("داعش", ("group:isis",))]


def test_scan_the_seed_article(kb, seed_text):
    found = {m.text: m.ids for m in kb.scan(seed_text)}
    assert found["إيلاف"] == ("media:elaph",)
    assert found["مصطفى الكاظمي"] == ("person:kadhimi",)
    assert found["ماثيو تولر"] == ("person:tueller",)
    assert found["رجب طيب أردوغان"] == ("person:erdogan",)
    assert found["إردوغان"] == ("person:erdogan",)
    assert found["علي رضا كوناي"] == ("person:guney",)
    assert found["حزب العمال التركي الكردي"] == ("group:pkk",)
    assert found["الولايات المتحدة"] == ("country:USA",)
    assert "group:isis" in {i for v in found.values() for i in v}
    for m in kb.scan(seed_text):  # spans are offsets into the original text
        assert seed_text[m.start : m.end] == m.text


# ------------------------------------------------------------------ countries
@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("العراقي", "IRQ"),
        ("العراقية", "IRQ"),
        ("العراقيون", "IRQ"),
        ("العراقيين", "IRQ"),
        ("الأميركي", "USA"),
        ("الأمريكي", "USA"),
        ("الأمريكية", "USA"),
        ("الأميركيون", "USA"),
        ("والأميركية", "USA"),
        ("الاميركية", "USA"),
        ("التركي", "TUR"),
        ("التركية", "TUR"),
        ("الأتراك", "TUR"),
        ("الألمانية", "DEU"),
        ("الكورية الشمالية", "PRK"),
        ("السوريين", "SYR"),
    ],
)
def test_demonyms(kb, word, iso3):
    assert kb.country_from_adjective(word) == iso3


def test_ambiguous_adjectives_are_not_countries(kb):
    assert kb.country_from_adjective("المالي") is None  # "financial", not Malian
    assert kb.country_from_adjective("الأمني") is None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("أمريكا", "USA"),
        ("أميركا", "USA"),
        ("الولايات المتحدة", "USA"),
        ("للعراق", "IRQ"),
        ("تركيا", "TUR"),
        ("سورية", "SYR"),
        ("لألمانيا", "DEU"),
        ("المملكة العربية السعودية", "SAU"),
    ],
)
def test_country_names(kb, name, iso3):
    assert kb.country(name) == iso3


def test_capitals_only_as_metonyms_when_asked(kb):
    assert kb.capital_country("واشنطن") == "USA"
    assert kb.country("واشنطن") is None
    assert kb.country("واشنطن", metonyms=True) == "USA"
    assert kb.country("أنقرة", metonyms=True) == "TUR"


# ------------------------------------------------------------------ roles and codes
@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("رئيس الوزراء", "GOV"),
        ("لرئيس الوزراء", "GOV"),
        ("وزير الخارجية", "GOV"),
        ("السفير", "GOV"),
        ("الجيش", "MIL"),
        ("القوات", "MIL"),
        ("الشرطة", "COP"),
        ("الأمن", "COP"),
        ("القضاء", "JUD"),
        ("المحكمة", "JUD"),
        ("البرلمان", "LEG"),
        ("النواب", "LEG"),
        ("المخابرات", "SPY"),
        ("الاستخبارات", "SPY"),
        ("المتظاهرون", "CVL"),
        ("المحتجين", "CVL"),
        ("المعارضة", "OPP"),
        ("الحزب", "PTY"),
        ("المسلحين", "REB"),
    ],
)
def test_role_words_to_sectors(kb, words, sector):
    assert kb.sector_for_role(words) == sector


def test_longest_role_wins_and_context_sectors(kb):
    assert kb.role_word("وزير الخارجية").office == "foreign_minister"
    assert kb.role_word("وزير خارجية").office == "foreign_minister"
    assert kb.role_word("وزير").office is None
    assert "OPP" in kb.role_word("المتظاهرون").alt


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("رئيس الوزراء العراقي", "IRQGOV"),
        ("السفير الأميركي", "USAGOV"),
        ("القوات الأميركية", "USAMIL"),
        ("القوات العراقية", "IRQMIL"),
        ("الحكومة العراقية", "IRQGOV"),
        ("وزير خارجية العراق", "IRQGOV"),
        ("الشرطة التركية", "TURCOP"),
        ("المتظاهرون", "CVL"),
    ],
)
def test_phrase_codes(kb, phrase, code):
    assert kb.code_phrase(phrase).code == code


def test_ambassador_country_is_the_adjective_not_the_host(kb):
    pc = kb.code_phrase("السفير التركي الجديد لدى العراق")
    assert (pc.country, pc.sector, pc.office, pc.to) == ("TUR", "GOV", "ambassador", "IRQ")


def test_code_helper(kb):
    assert kb.code("IRQ", "GOV") == "IRQGOV"
    assert kb.code(None, "CVL") == "CVL"
    assert kb.code(None, None) is None


# ------------------------------------------------------------------ offices by date
def holder(kb, country, office, date):
    rec = kb.office_holder(country, office, date)
    return rec.id if rec else None


def test_iraq_prime_minister_by_date(kb):
    assert holder(kb, "IRQ", "head_of_government", "2021-06-01") == "person:kadhimi"
    assert holder(kb, "IRQ", "head_of_government", "2022-01-24") == "person:kadhimi"
    assert holder(kb, "IRQ", "head_of_government", "2023-06-01") == "person:sudani"
    assert holder(kb, "IRQ", "prime_minister", "2010") == "person:maliki"


def test_turkish_president_by_date(kb):
    assert holder(kb, "TUR", "president", "2010-05-01") == "person:gul"
    assert holder(kb, "TUR", "president", "2022-01-24") == "person:erdogan"
    assert holder(kb, "TUR", "prime_minister", "2010-05-01") == "person:erdogan"
    # on the handover day both are in office; the newer holder is returned
    assert holder(kb, "TUR", "president", "2014-08-28") == "person:erdogan"


def test_us_president_by_date(kb):
    assert holder(kb, "USA", "president", "2015-03-01") == "person:obama"
    assert holder(kb, "USA", "president", "2022-03-01") == "person:biden"
    assert holder(kb, "USA", "head_of_state", "2018") == "person:trump"


def test_titles_differ_from_offices_in_iran(kb):
    assert holder(kb, "IRN", "president", "2022-01-01") == "person:raisi"
    assert holder(kb, "IRN", "head_of_state", "2022-01-01") == "person:khamenei"
    assert holder(kb, "IRN", "supreme_leader", "2022-01-01") == "person:khamenei"


def test_phrase_with_date_finds_the_holder(kb):
    assert kb.code_phrase("رئيس الوزراء العراقي", date="2022-01-24").holder.id == "person:kadhimi"
    assert kb.code_phrase("الرئيس التركي", date="2022-01-24").holder.id == "person:erdogan"
    assert kb.code_phrase("الرئيس الإيراني", date="2022-01-24").holder.id == "person:raisi"
    assert kb.code_phrase("العاهل السعودي", date="2016").holder.id == "person:king_salman"
    assert kb.code_phrase("المستشارة الألمانية", date="2015").holder.id == "person:merkel"
    assert kb.code_phrase("وزير الخارجية الأمريكي", date="2015").holder.id == "person:kerry"
    assert kb.code_phrase("القوات الأميركية", date="2022").holder is None  # not an office


def test_seed_article_people_on_its_date(kb):
    """The four people of the seed article (Elaph, late January 2022) and their offices."""
    date = "2022-01-24"
    expected = {
        "مصطفى الكاظمي": ("IRQ", "GOV", "head_of_government"),
        "ماثيو تولر": ("USA", "GOV", "ambassador"),
        "رجب طيب أردوغان": ("TUR", "GOV", "head_of_state"),
        "علي رضا كوناي": ("TUR", "GOV", "ambassador"),
    }
    for name, (country, sector, office) in expected.items():
        rec = kb.lookup_name(name, date=date)[0]
        role = rec.role_at(date)
        assert (role.country, role.sector, role.office) == (country, sector, office), name
    assert kb.get("person:tueller").role_at(date).to == "IRQ"
    assert holder(kb, "IRQ", "president", date) == "person:barham_salih"


def test_person_role_by_date(kb):
    assert kb.person_role("person:erdogan", "2010").office == "head_of_government"
    assert kb.person_role("person:erdogan", "2020").office == "head_of_state"
    assert kb.person_role("person:erdogan", "1999") is None
    assert kb.get("person:kadhimi").code_at("2022-01-24") == "IRQGOV"
    assert kb.get("person:kadhimi").code_at("2018") == "IRQSPY"
    assert kb.get("person:kadhimi").code_at("2024-05") == "IRQELI"  # a former official
    assert kb.person_role("person:nobody", "2020") is None


def test_partial_dates_cover_their_period():
    assert (date_floor("2014"), date_ceil("2014")) == ("2014-01-01", "2014-12-31")
    assert (date_floor("2014-08"), date_ceil("2014-08")) == ("2014-08-01", "2014-08-31")


# ------------------------------------------------------------------ data integrity
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SINGLE_HOLDER = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
)


def test_data_files_are_consistent(kb):
    countries = {r.country for r in kb.records.values() if r.kind == "country"}
    for rec in kb.records.values():
        assert rec.sector is None or rec.sector in PLOVER_SECTORS, rec.id
        assert set(rec.sectors) <= PLOVER_SECTORS, rec.id
        assert rec.country is None or rec.country in countries | INTERNATIONAL, rec.id
        for role in rec.roles:
            assert role.sector in PLOVER_SECTORS, rec.id
            for d in (role.start, role.end):
                assert d is None or _ISO.match(d), (rec.id, d)
            if role.start and role.end:
                assert date_floor(role.start) <= date_ceil(role.end), rec.id


def test_shipped_ids_are_unique():
    """Within the shipped files an id names one record: a second entry with the same id would be
    merged into the first (as a user file is) and silently replace its roles. Only countries are
    spread over two files on purpose (countries_extra.yaml adds variants to countries.yaml)."""
    seen: dict[str, str] = {}
    clashes = []
    for name, text in read_sources(shipped_files()):
        data = parse(name, text)
        for section, (prefix, _kind) in SECTIONS.items():
            if section == "countries":
                continue
            for item in data.get(section) or ():
                rid = f"{prefix}:{item['id']}"
                if rid in seen:
                    clashes.append((rid, seen[rid], name))
                seen[rid] = name
    assert not clashes


def test_one_holder_at_a_time(kb):
    """Two people never hold one single-holder office in one country for more than a handover."""
    by_office: dict[tuple, list] = {}
    for rec in kb.records.values():
        for r in rec.roles:
            if r.office in SINGLE_HOLDER and r.start and not r.approx and r.title != "crown_prince_abu_dhabi":
                by_office.setdefault((r.country, r.office, r.title), []).append(
                    (date_floor(r.start), r.end, rec.id)
                )
    clashes = []
    for key, terms in by_office.items():
        terms.sort()
        for (_s1, e1, p1), (s2, _e2, p2) in zip(terms, terms[1:], strict=False):
            if p1 != p2 and (e1 is None or date_floor(e1) > s2):
                clashes.append((key, p1, p2))
    assert clashes == []


# ------------------------------------------------------------------ user files
USER_YAML = """
persons:
- id: tueller            # shipped record: a new spelling is added, the rest stays
  names: [ماثيو تولير]
- id: new_envoy
  name: جون دو
  en: John Doe
  country: GBR
  roles: [[ambassador, 2021-01, null]]
- id: kadhimi            # roles given by a user replace the shipped ones
  roles: [[head_of_government, 2020-05-07, 2021-12-31]]
- id: sudani
  drop: true
groups:
- {id: my_group, name: كتيبة المثال, kind: armed_group, country: IRQ, sector: REB}
roles:
- {words: [الصيادون], sector: AGR}
"""


def test_user_file_merges_over_shipped(tmp_path: Path):
    f = tmp_path / "mine.yaml"
    f.write_text(USER_YAML, encoding="utf-8")
    kb = load_kb([f])
    assert ids(kb.lookup_name("ماثيو تولير")) == ["person:tueller"]
    assert ids(kb.lookup_name("ماثيو تولر")) == ["person:tueller"]  # shipped spelling kept
    assert kb.get("person:tueller").roles  # shipped roles kept when not given
    assert ids(kb.lookup_name("جون دو")) == ["person:new_envoy"]
    assert kb.get("person:new_envoy").code_at("2022") == "GBRGOV"
    assert holder(kb, "IRQ", "head_of_government", "2022-01-24") is None  # kadhimi's term cut, sudani dropped
    assert kb.get("person:sudani") is None
    assert kb.get("group:my_group").code_at() == "IRQREB"
    assert kb.sector_for_role("الصيادون") == "AGR"
    assert get_kb().get("person:sudani") is not None  # the shared KB is untouched


def test_env_variable_adds_a_directory(tmp_path: Path, monkeypatch):
    (tmp_path / "a.yaml").write_text(
        "media:\n- {id: local_paper, name: صحيفة المثال, country: JOR}\n", encoding="utf-8"
    )
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    kb = get_kb()
    assert kb.get("media:local_paper").code_at() == "JORJRN"
    monkeypatch.delenv(ENV_VAR)
    assert get_kb().get("media:local_paper") is None


def test_namesakes_are_a_section_users_extend(tmp_path: Path):
    """Rulers whose names institutions bear: shipped ones, and a user's file adding a state's."""
    from rasd.actors.keys import phrase_key

    f = tmp_path / "mine.yaml"
    f.write_text("namesakes:\n  KWT: [الشيخ جابر]\n", encoding="utf-8")
    kb = load_kb([f], cache=False)
    assert kb.namesake_country(phrase_key("الملك سعود")) == "SAU"
    assert kb.namesake_country(phrase_key("محمد الخامس")) == "MAR"
    assert kb.namesake_country(phrase_key("الشيخ جابر")) == "KWT"
    assert kb.namesake_country(phrase_key("الملك عبدالله")) is None  # two states' kings: left out
    assert get_kb().namesake_country(phrase_key("الشيخ جابر")) is None


@pytest.mark.parametrize(
    "text",
    ["namesakes: [الملك سعود]\n", "persons: [oops", "persons:\n- {name: بلا معرف}\n", "people:\n- {id: x, name: س}\n", "- just a list\n"],
)
def test_bad_user_files_fail_with_one_clear_error(tmp_path: Path, text):
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_kb([f])
    assert "bad.yaml" in str(err.value) and "\n" not in str(err.value)


def test_missing_user_file_is_an_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="not found"):
        load_kb([tmp_path / "nope.yaml"])


def test_cache_is_keyed_on_file_content(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    f = tmp_path / "mine.yaml"
    f.write_text("media:\n- {id: p1, name: صحيفة الأولى, country: JOR}\n", encoding="utf-8")
    first = load_kb([f])
    assert len(list((tmp_path / "cache").glob("actors-*.pickle"))) == 1
    again = load_kb([f])  # from the cache: same answers
    assert again.get("media:p1").name == first.get("media:p1").name == "صحيفة الأولى"
    f.write_text("media:\n- {id: p1, name: صحيفة الثانية, country: JOR}\n", encoding="utf-8")
    assert load_kb([f]).get("media:p1").name == "صحيفة الثانية"  # an edit rebuilds
    for p in (tmp_path / "cache").glob("actors-*.pickle"):
        p.write_bytes(b"not a pickle")
    assert load_kb([f]).get("media:p1").name == "صحيفة الثانية"  # a damaged cache is rebuilt
    monkeypatch.setenv(CACHE_ENV, "none")
    assert load_kb([f]).get("media:p1") is not None


def test_holders_beyond_the_gulf_added_on_2026_12_07(kb):
    """Heads of government of Mauritania, Somalia and Djibouti; China's defence and public-security
    ministers; the UAE's defence minister (the vice-president since 1971); Oman's minister for defence."""
    assert holder(kb, "MRT", "head_of_government", "2016-05-01") == "person:hademine"
    assert holder(kb, "SOM", "head_of_government", "2018-06-01") == "person:khaire"
    assert holder(kb, "DJI", "head_of_government", "2020-01-01") == "person:kamil_mohamed"
    assert holder(kb, "CHN", "defence_minister", "2015-07-01") == "person:chang_wanquan"
    assert holder(kb, "CHN", "interior_minister", "2019-01-01") == "person:zhao_kezhi"
    assert holder(kb, "ARE", "defence_minister", "2015-07-01") == "person:mbr"
    assert holder(kb, "OMN", "defence_minister", "2015-07-01") == "person:badr_bin_saud"


def test_defence_and_interior_holders_added_in_the_fifth_sitting(kb):
    """Offices held by a head of state or government (Algeria's president and Jordan's prime minister
    hold defence; Qatar's prime ministers held the interior), and the Kuwaiti, Israeli and pre-2013
    Turkish holders the knowledge base lacked."""
    assert holder(kb, "DZA", "defence_minister", "2022-06-01") == "person:tebboune"
    assert holder(kb, "JOR", "defence_minister", "2022-06-01") == "person:bisher_khasawneh"
    assert holder(kb, "QAT", "interior_minister", "2015-06-01") == "person:abdullah_bin_nasser"
    assert holder(kb, "KWT", "interior_minister", "2018-06-01") == "person:khalid_jarrah"
    assert holder(kb, "ISR", "interior_minister", "2018-06-01") == "person:deri"
    assert holder(kb, "TUR", "interior_minister", "2012-06-01") == "person:idris_sahin"
    assert holder(kb, "TUR", "defence_minister", "2024-06-01") == "person:guler"  # not Muammer Güler
    assert kb.code_phrase("وزير الدفاع الجزائري", date="2021").holder.id == "person:tebboune"
    assert kb.code_phrase("وزير الداخلية الكويتي", date="2018-06").holder.id == "person:khalid_jarrah"
    # the president stays a president: the most senior office wins
    assert kb.person_role("person:tebboune", "2022-06-01").office == "head_of_state"
