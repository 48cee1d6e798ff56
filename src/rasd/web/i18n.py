"""Interface labels in Arabic (default) and English."""

from __future__ import annotations

LANGS = ("ar", "en")

_LABELS: dict[str, tuple[str, str]] = {
    "app": ("رصد", "rasd"),
    "tagline": ("أرشيف الأخبار العربية وأحداثها السياسية", "Arabic news archive and political events"),
    "search": ("بحث", "Search"),
    "events": ("الأحداث", "Events"),
    "ingest": ("إضافة", "Ingest"),
    "query": ("كلمات البحث", "Search words"),
    "since": ("من تاريخ", "From"),
    "until": ("إلى تاريخ", "To"),
    "source": ("المصدر", "Source"),
    "go": ("ابحث", "Search"),
    "results": ("النتائج", "Results"),
    "latest": ("أحدث المقالات", "Latest articles"),
    "no_results": ("لا نتائج", "No results"),
    "next": ("التالي", "Next"),
    "prev": ("السابق", "Previous"),
    "documents": ("مقالات", "articles"),
    "published": ("تاريخ النشر", "Published"),
    "dateline": ("مكان الإرسال", "Dateline"),
    "entities": ("الكيانات", "Entities"),
    "event_cards": ("الأحداث المستخرجة", "Coded events"),
    "evidence": ("الجملة الدليل", "Evidence sentence"),
    "source_actor": ("الفاعل", "Source"),
    "target_actor": ("المفعول به", "Target"),
    "location": ("المكان", "Location"),
    "date": ("التاريخ", "Date"),
    "type": ("النوع", "Type"),
    "quad": ("الفئة", "Quad class"),
    "actor": ("رمز الفاعل", "Actor code"),
    "country": ("الدولة", "Country"),
    "filter": ("تصفية", "Filter"),
    "status": ("الحالة", "Status"),
    "status_all": ("الكل", "all"),
    "asserted": ("مؤكدة", "asserted"),
    "hypothetical": ("افتراضية", "hypothetical"),
    "min_confidence": ("أدنى ثقة", "Min. confidence"),
    "with_copies": ("مع النسخ المكررة", "with duplicate copies"),
    "events_total": ("حدث", "events"),
    "showing": ("المعروض", "showing"),
    "timeline": ("الخط الزمني", "Timeline"),
    "network": ("شبكة الفاعلين", "Actor network"),
    "map": ("الخريطة", "Map"),
    "table": ("جدول الأحداث", "Events table"),
    "paste": ("الصق نص مقال", "Paste an article"),
    "title": ("العنوان", "Title"),
    "token": ("رمز الكتابة", "Write token"),
    "upload": ("أو ارفع ملفا", "or upload a file"),
    "submit": ("عالج واحفظ", "Process and store"),
    "read_only": ("الخادم للقراءة فقط: شغّله مع ‎--token‎ للسماح بالإضافة", "Read-only server: start it with --token to allow ingest"),
    "not_found": ("لا يوجد مقال بهذا المعرف", "No article with this id"),
    "negated": ("منفي", "negated"),
    "modality": ("صيغة", "modality"),
    "background": ("خلفية", "background"),
    "switch": ("English", "العربية"),
    "legend_PER": ("شخص", "person"),
    "legend_ORG": ("منظمة", "organization"),
    "legend_GPE": ("دولة أو مدينة", "country or city"),
    "legend_LOC": ("مكان", "place"),
    "legend_MISC": ("أخرى", "other"),
    "export": ("تصدير", "Export"),
}


def labels(lang: str) -> dict[str, str]:
    """All labels in ``lang`` (``ar`` or ``en``)."""
    i = 1 if lang == "en" else 0
    return {k: v[i] for k, v in _LABELS.items()}
