"""A dozen labelled sentences written for the NER tests that train a tiny model (CRF and neural):
PER after titles, LOC after في / إلى, ORG after وزارة / شركة."""

TRAIN = [
    ("قال الرئيس كريم سالم إن الوضع هادئ", "O O B-PER I-PER O O O"),
    ("وصل الوزير ناصر عادل إلى طرابلس أمس", "O O B-PER I-PER O B-LOC O"),
    ("أعلنت وزارة الصحة عن حملة جديدة في بنغازي", "O B-ORG I-ORG O O O O B-LOC"),
    ("التقى الرئيس سمير فؤاد بوفد من شركة النور", "O O B-PER I-PER O O B-ORG I-ORG"),
    ("عقد اجتماع في سرت بحضور الوزير هادي رامي", "O O O B-LOC O O B-PER I-PER"),
    ("نفت وزارة الدفاع الخبر الذي نشرته الصحف", "O B-ORG I-ORG O O O O"),
    ("سافر الرئيس كريم سالم إلى مصراتة", "O O B-PER I-PER O B-LOC"),
    ("وقال الوزير ناصر عادل إن الاجتماع ناجح", "O O B-PER I-PER O O O"),
    ("افتتحت شركة النور فرعا في طرابلس", "O B-ORG I-ORG O O B-LOC"),
    ("هدأت الأوضاع في بنغازي وسرت", "O O O B-LOC O"),
    ("رحب الرئيس سمير فؤاد بقرار وزارة الصحة", "O O B-PER I-PER O B-ORG I-ORG"),
    ("زار الوزير هادي رامي مدينة مصراتة", "O O B-PER I-PER O B-LOC"),
]
