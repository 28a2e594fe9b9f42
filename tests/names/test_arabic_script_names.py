"""Names written in Arabic script (issue 10, session 9's known miss: "Urdu names in Arabic script"): on Urdu,
Arabic and Persian pages, in an English page's caption and in a file name, a given name and a surname or
a father's name are a full name ("عائشہ خان", "فاطمة أحمد", "زهرا محمدی"); names joined by "and" or commas,
a lone given name, ordinary prose, and a teacher after a title (staff: allowed by default) are not.
Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = (("ur", "مبارک ہو! عائشہ خان (جماعت پنجم) نے تقریری مقابلہ جیتا"),
            ("ar", "تهانينا للطالبة فاطمة أحمد على فوزها في مسابقة القراءة"),
            ("fa", "تبریک به زهرا محمدی برای مدال طلا"),
            ("en", "Eid Mubarak! بلال حسن کو انعام ملا"),
            ("ar", "حمزة بن خالد فاز بالمركز الأول"),
            ("ur", "مبارک ہو! عائشہ اور زینب نے انعام جیتا"),
            ("ar", "فاطمة، زينب ومريم في يوم القراءة العالمي"),
            ("ur", "کیا آپ نے ہماری نئی لائبریری دیکھی ہے؟ سالانہ کھیلوں کا دن بہت کامیاب رہا"),
            ("fa", "روز جهانی کتاب را جشن گرفتیم"),
            ("ur", "استاد محترم نور محمد صاحب بچوں کے ساتھ"))


def test_arabic_script_names_beside_photos(tmp_path):
    pages = figure_pages(CAPTIONS)
    pages["content/news.md"] = "---\nlang: ur\n---\n![](/images/eid.jpg)\n\nعید کے موقع پر حفصہ قریشی اور ان کی جماعت\n"
    assert names_reported(tmp_path, pages) == {"site/0.html": {"عائشہ خان"}, "site/1.html": {"فاطمة أحمد"},
                                               "site/2.html": {"زهرا محمدی"}, "site/3.html": {"بلال حسن"},
                                               "site/4.html": {"حمزة بن خالد"}, "content/news.md": {"حفصہ قریشی"}}


def test_arabic_script_names_in_file_names(tmp_path):
    photos = ("images/عائشہ-خان.jpg", "images/فاطمة_أحمد.jpg", "images/عائشہ.jpg", "images/عید-مبارک.jpg")
    assert names_reported(tmp_path, {}, photos=photos) == {"images/عائشہ-خان.jpg": {"عائشہ-خان"},
                                                           "images/فاطمة_أحمد.jpg": {"فاطمة_أحمد"}}
