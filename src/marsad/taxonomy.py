"""The codebook's fixed vocabularies: event types in priority order, inter codes, places.

Everything here is a fact of ``codebook.md`` (and of ACLED's public codebook for the
text labels of inter codes); code elsewhere refers to these names instead of repeating them.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, str] = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
#: Sub-event types in codebook priority order (first = highest).
PRIORITY = list(EVENT_TYPES)


#: ACLED's text labels of the inter codes (codebook §3).
INTER_LABELS: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

#: admin1 names of codebook §4, by country.
ADMIN1: dict[str, tuple[str, ...]] = {
    "IRQ": ("Anbar", "Babil", "Baghdad", "Basra", "Dahuk", "Dhi Qar", "Diyala", "Erbil", "Halabja", "Karbala",
            "Kirkuk", "Maysan", "Muthanna", "Najaf", "Ninewa", "Qadisiyah", "Salah al-Din", "Sulaymaniyah", "Wasit"),
    "SYR": ("Aleppo", "Al-Hasakah", "Ar-Raqqa", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor", "Hama", "Homs",
            "Idlib", "Lattakia", "Quneitra", "Rural Damascus", "Tartus"),
}

COUNTRY_NAMES = {"IRQ": "Iraq", "SYR": "Syria"}
#: ISO 3166-1 numeric codes (ACLED's ``iso`` column).
ISO_NUMERIC = {"IRQ": 368, "SYR": 760}
