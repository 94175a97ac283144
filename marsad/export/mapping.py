"""How marsad's event types map to ACLED's event / sub-event types and to PLOVER's event types."""

from __future__ import annotations

#: Event type -> (ACLED disorder type, event type, sub-event type).
ACLED = {
    "ARMED_CLASH": ("Political violence", "Battles", "Armed clash"),
    "ATTACK": ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "VIOLENCE_AGAINST_CIVILIANS": ("Political violence", "Violence against civilians", "Attack"),
    "TERRITORY_CONTROL": ("Political violence", "Battles", "Non-state actor overtakes territory"),
    "DEFECTION": ("Strategic developments", "Strategic developments", "Change to group/activity"),
    "ALLEGIANCE": ("Strategic developments", "Strategic developments", "Change to group/activity"),
    "MOBILIZATION": ("Strategic developments", "Strategic developments", "Change to group/activity"),
    "SUPPORT": ("Strategic developments", "Strategic developments", "Other"),
    "MEETING": ("Strategic developments", "Strategic developments", "Other"),
    "AGREEMENT": ("Strategic developments", "Strategic developments", "Agreement"),
    "ACCUSATION": ("Strategic developments", "Strategic developments", "Other"),
    "THREAT": ("Strategic developments", "Strategic developments", "Other"),
    "ARREST": ("Strategic developments", "Strategic developments", "Arrests"),
    "EXPULSION": ("Strategic developments", "Strategic developments", "Other"),
    "APPOINTMENT": ("Strategic developments", "Strategic developments", "Change to group/activity"),
    "SANCTION": ("Strategic developments", "Strategic developments", "Other"),
    "PROTEST": ("Demonstrations", "Protests", "Peaceful protest"),
    "LEGAL_ACTION": ("Strategic developments", "Strategic developments", "Other"),
}
#: Trigger words that make an ATTACK an air strike, an explosive or a suicide bombing in ACLED.
ATTACK_SUBTYPES = (
    (("غار", "طيران", "طائر", "مسير"), "Air/drone strike"),
    (("انتحار",), "Suicide bomb"),
    (("تفجير", "مفخخ", "عبو", "لغم", "ناسف"), "Remote explosive/landmine/IED"),
)

#: Event type -> PLOVER event type.
PLOVER = {
    "ARMED_CLASH": "ASSAULT", "ATTACK": "ASSAULT", "VIOLENCE_AGAINST_CIVILIANS": "ASSAULT",
    "TERRITORY_CONTROL": "ASSAULT", "DEFECTION": "REJECT", "ALLEGIANCE": "COOPERATE",
    "MOBILIZATION": "MOBILIZE", "SUPPORT": "AID", "MEETING": "CONSULT", "AGREEMENT": "AGREE",
    "ACCUSATION": "ACCUSE", "THREAT": "THREATEN", "ARREST": "COERCE", "EXPULSION": "COERCE",
    "APPOINTMENT": "COOPERATE", "SANCTION": "SANCTION", "PROTEST": "PROTEST", "LEGAL_ACTION": "COERCE",
}

#: Entity type -> ACLED interaction code (1 state forces … 8 external forces; rough by type).
INTER = {"ARMED_GROUP": 3, "TRIBE": 4, "ORGANIZATION": 1, "GPE": 1, "PERSON": 0, "MEDIA": 0, "LOCATION": 0}


def acled_types(event_type: str, trigger: str | None) -> tuple[str, str, str]:
    """ACLED disorder, event and sub-event type for an event of ours, refined by its trigger word."""
    disorder, kind, sub = ACLED[event_type]
    if event_type == "ATTACK" and trigger:
        for stems, subtype in ATTACK_SUBTYPES:
            if any(s in trigger for s in stems):
                return disorder, kind, subtype
    return disorder, kind, sub
