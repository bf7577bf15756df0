"""Question labels for the languages the contract's help texts are not written in (fa, ar, tr),
and the constraint and required messages in all form languages.

English and German labels are the contract's own help texts (schemas/, `description` and
`description_de`); these translate the same meaning. A column missing here falls back to the
English help text, and the build reports it.
"""

from __future__ import annotations

# column -> {language: label}; one meaning per column name across the exports
FIELDS: dict[str, dict[str, str]] = {
    "supporter_id": {
        "fa": "کد همیار (نام مستعار، نه نام واقعی)",
        "ar": "رمز الشخص الداعم (اسم مستعار، وليس الاسم الحقيقي)",
        "tr": "Destekçi kodu (takma ad, gerçek ad değil)",
    },
    "checkin_date": {
        "fa": "تاریخ خودارزیابی",
        "ar": "تاريخ التقييم الذاتي",
        "tr": "Öz değerlendirme tarihi",
    },
    "stress": {
        "fa": "چقدر احساس استرس می‌کنم (1-5)",
        "ar": "ما مدى شعوري بالتوتر (1-5)",
        "tr": "Ne kadar stresli hissediyorum (1-5)",
    },
    "felt_triggered": {
        "fa": "داستان‌های دیگران تجربه‌های دردناک خودم را زنده کرد (1-5)",
        "ar": "قصص الآخرين أعادت إليّ تجاربي المؤلمة (1-5)",
        "tr": "Başkalarının hikâyeleri kendi sarsıcı deneyimlerimi hatırlattı (1-5)",
    },
    "can_say_no": {
        "fa": "می‌توانم «نه» بگویم و مرزهایم را حفظ کنم (1-5)",
        "ar": "أستطيع أن أقول لا وأن أحافظ على حدودي (1-5)",
        "tr": "Hayır diyebiliyor ve sınırlarımı koruyabiliyorum (1-5)",
    },
    "role_clarity": {
        "fa": "می‌توانم نقش همیار را از دوستی جدا نگه دارم (1-5)",
        "ar": "أستطيع الفصل بين دوري في الدعم وبين الصداقة (1-5)",
        "tr": "Destekçi rolümü arkadaşlıktan ayrı tutabiliyorum (1-5)",
    },
    "benefit": {
        "fa": "آنچه به دست می‌آورم: لذت، معنا، عزت نفس (1-5)",
        "ar": "ما أحصل عليه: متعة، معنى، تقدير للذات (1-5)",
        "tr": "Karşılığında aldıklarım: keyif, anlam, özsaygı (1-5)",
    },
    "seeker_dependency": {
        "fa": "کسی که از او حمایت می‌کنم بیش از حد به من وابسته است (1-5)",
        "ar": "شخص أدعمه يعتمد عليّ أكثر مما ينبغي (1-5)",
        "tr": "Desteklediğim biri bana olması gerekenden fazla bağımlı (1-5)",
    },
    "wants_supervision": {
        "fa": "مایلم سوپرویژن (نظارت حرفه‌ای) داشته باشم.",
        "ar": "أرغب في الحصول على إشراف مهني.",
        "tr": "Süpervizyon almak istiyorum.",
    },
    "match_id": {
        "fa": "کد همراهی‌ای که این تماس به آن مربوط است",
        "ar": "رمز علاقة الدعم التي يتبع لها هذا التواصل",
        "tr": "Bu görüşmenin ait olduğu eşleşmenin kodu",
    },
    "contact_date": {"fa": "تاریخ تماس", "ar": "تاريخ التواصل", "tr": "Görüşme tarihi"},
    "duration_min": {
        "fa": "مدت به دقیقه (1-1440)",
        "ar": "المدة بالدقائق (1-1440)",
        "tr": "Süre, dakika olarak (1-1440)",
    },
    "channel": {"fa": "نحوه تماس", "ar": "طريقة التواصل", "tr": "Görüşme şekli"},
    "initiated_by": {
        "fa": "چه کسی تماس را آغاز کرد",
        "ar": "من بادر بالتواصل",
        "tr": "Görüşmeyi kim başlattı",
    },
    "outside_agreed_hours": {
        "fa": "تماس خارج از ساعات توافق‌شده بود",
        "ar": "جرى التواصل خارج الأوقات المتفق عليها",
        "tr": "Görüşme kararlaştırılan saatlerin dışında oldu",
    },
    "private_setting": {
        "fa": "به عنوان دوست یا در اوقات فراغت دیدار کردیم، نه در نقش حمایتی",
        "ar": "التقينا كأصدقاء أو في وقت الفراغ وليس في دور الدعم",
        "tr": "Destek rolü yerine arkadaş olarak ya da boş zamanda buluştuk",
    },
    "topics": {"fa": "موضوعات تماس", "ar": "مواضيع التواصل", "tr": "Görüşmenin konuları"},
    "crisis": {
        "fa": "بحران حاد در طول تماس",
        "ar": "أزمة حادة أثناء التواصل",
        "tr": "Görüşme sırasında akut kriz",
    },
    "referral_needed": {
        "fa": "کمک تخصصی‌ای که وضعیت نیاز داشت",
        "ar": "المساعدة المهنية التي تطلّبها الموقف",
        "tr": "Durumun gerektirdiği profesyonel yardım",
    },
    "referral_made": {
        "fa": "ارجاع‌هایی که واقعاً انجام شد",
        "ar": "الإحالات التي تمت فعلاً",
        "tr": "Gerçekten yapılan yönlendirmeler",
    },
    "language": {"fa": "زبان تماس", "ar": "لغة التواصل", "tr": "Görüşmenin dili"},
    "response_date": {
        "fa": "تاریخ پاسخ به پرسشنامه ProQOL",
        "ar": "تاريخ الإجابة على استبيان ProQOL",
        "tr": "ProQOL yanıt tarihi",
    },
    "training": {"fa": "کدام آموزش", "ar": "أي تدريب", "tr": "Hangi eğitim"},
    "completed_on": {
        "fa": "تاریخ پایان آموزش",
        "ar": "تاريخ إتمام التدريب",
        "tr": "Eğitimin tamamlandığı tarih",
    },
    "valid_until": {
        "fa": "اعتبار آموزش تا این تاریخ (خالی = بدون انقضا)",
        "ar": "التدريب صالح حتى هذا التاريخ (فارغ = دون انتهاء)",
        "tr": "Eğitimin geçerli olduğu son tarih (boş = süresiz)",
    },
    "session_date": {"fa": "تاریخ جلسه", "ar": "تاريخ الجلسة", "tr": "Oturum tarihi"},
    "format": {
        "fa": "نوع جلسه: فردی، گروهی یا اینترویژن",
        "ar": "نوع الجلسة: فردية أو جماعية أو استشارة بين الأقران",
        "tr": "Biçim: bireysel, grup veya intervizyon",
    },
    "facilitator": {
        "fa": "چه کسی جلسه را هدایت کرد (خالی = متخصص)",
        "ar": "من أدار الجلسة (فارغ = شخص مختص)",
        "tr": "Oturumu kim yönetti (boş = uzman)",
    },
    "incident_date": {"fa": "تاریخ رویداد", "ar": "تاريخ الحادثة", "tr": "Olay tarihi"},
    "type": {"fa": "نوع رویداد", "ar": "نوع الحادثة", "tr": "Olay türü"},
    "severity": {"fa": "شدت", "ar": "درجة الخطورة", "tr": "Ciddiyet"},
    "resolved_on": {
        "fa": "تاریخ حل شدن (خالی = هنوز باز)",
        "ar": "تاريخ الحل (فارغ = ما زالت مفتوحة)",
        "tr": "Çözüldüğü tarih (boş = hâlâ açık)",
    },
}

# ProQOL items: the item wording is the instrument's own, published in many languages; the
# form names the item and the scale, the program pastes the official translation it licenses.
PROQOL_ITEM = {
    "fa": "ProQOL 5، پرسش {n} (1 = هرگز … 5 = خیلی اوقات)",
    "ar": "ProQOL 5، البند {n} (1 = أبداً … 5 = غالباً جداً)",
    "tr": "ProQOL 5, madde {n} (1 = hiçbir zaman … 5 = çok sık)",
}

MESSAGES: dict[str, dict[str, str]] = {
    "range": {
        "en": "Allowed: {low} to {high}.",
        "de": "Erlaubt: {low} bis {high}.",
        "fa": "مجاز: {low} تا {high}.",
        "ar": "المسموح: من {low} إلى {high}.",
        "tr": "İzin verilen: {low} ile {high} arası.",
    },
    "code": {
        "en": "2-32 letters, digits, - or _; no names, not 6 digits in a row.",
        "de": "2-32 Buchstaben, Ziffern, - oder _; keine Namen, nicht 6 Ziffern in Folge.",
        "fa": "2 تا 32 حرف لاتین، رقم، - یا _؛ بدون نام و بدون 6 رقم پشت سر هم.",
        "ar": "من 2 إلى 32 حرفاً لاتينياً أو رقماً أو - أو _؛ دون أسماء ودون 6 أرقام متتالية.",
        "tr": "2-32 harf, rakam, - veya _; ad yok, art arda 6 rakam yok.",
    },
    "key": {
        "en": "1-64 letters, digits, _ - . or :.",
        "de": "1-64 Buchstaben, Ziffern, _ - . oder :.",
        "fa": "1 تا 64 حرف لاتین، رقم، _ - . یا :.",
        "ar": "من 1 إلى 64 حرفاً لاتينياً أو رقماً أو _ - . أو :.",
        "tr": "1-64 harf, rakam, _ - . veya :.",
    },
    "date_order": {
        "en": "Must not be before {other}.",
        "de": "Darf nicht vor {other} liegen.",
        "fa": "نباید پیش از {other} باشد.",
        "ar": "يجب ألا يكون قبل {other}.",
        "tr": "{other} tarihinden önce olamaz.",
    },
    "required": {
        "en": "Required.",
        "de": "Pflichtangabe.",
        "fa": "پاسخ به این پرسش الزامی است.",
        "ar": "هذا الحقل مطلوب.",
        "tr": "Bu alan zorunludur.",
    },
}
