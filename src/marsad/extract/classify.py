"""Event type from the cues of a clause (codebook §2, with its Iraq/Syria guidance).

The rules read the *set* of cue names found in a clause (see ``triggers.toml``) plus a
few facts about the actors, and walk the codebook's priority order: Battles, Protests,
Riots, Explosions/Remote violence, Violence against civilians, Strategic developments.
Each rule is one line so that a coder can check it against the codebook.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.taxonomy import EVENT_TYPES, PRIORITY  # noqa: F401  (re-exported for rules)

_WEAPONS = {"air", "strike", "bombard", "shelling", "artillery", "suicide", "ied", "grenade", "chemical", "explosion"}
_STRUCK_FROM_THE_AIR = {"shelling", "artillery", "bombard", "strike", "kill", "explosion", "attack"}  # aircraft named
_ARMED_VIOLENCE = {"attack", "clash", "shooting", "kill", "wound", "abduction"}


@dataclass(frozen=True, slots=True)
class ActorFacts:
    """What the classifier needs to know about the actors of a clause."""

    state: bool = False  # state forces named
    armed_nonstate: bool = False  # rebels, militias, gunmen named
    civilians: bool = False  # civilians named (as victims)
    protesters: bool = False
    external: bool = False  # foreign forces (air power)
    state_hit: bool = False  # state forces named as the ones struck or wounded


def classify(cues: set[str], actors: ActorFacts) -> str | None:
    """The ACLED sub-event type for a clause with these cues, or None for no event."""
    # roads cut as part of a capture ("فرضت القوات سيطرتها على المنطقة لقطع الطريق أمام مسلحي داعش") are a
    # military move, not a protest's blockade
    demo = bool(cues & {"protest", "protesters"}) or actors.protesters or (
        "blockade" in cues and not cues & (_ARMED_VIOLENCE | {"territory"}))
    if demo and not (cues & {"air", "shelling", "artillery", "bombard", "suicide", "ied", "chemical"}):
        return _demonstration(cues, actors)
    if "territory" in cues and (actors.state or actors.armed_nonstate or actors.external):
        return "Government regains territory" if actors.state and not actors.armed_nonstate else (
            "Non-state actor overtakes territory" if actors.armed_nonstate and not actors.state else
            "Government regains territory")
    if "clash" in cues:  # fighting: a bombing or strike that supports it is one Battles event (codebook §2)
        return "Armed clash"
    if cues & {"disrupt", "foil"} and cues & {"suicide", "ied", "explosion"} and not cues & {"kill", "wound"}:
        return "Disrupted weapons use"  # a bombing foiled or a bomb defused, with no one hurt
    if "forestalled" in cues and cues & {"suicide", "ied", "explosion"}:
        return "Disrupted weapons use"  # a bomber stopped before he reached his target, killed or not
    if "suicide" in cues:
        return "Suicide bomb"
    if "chemical" in cues:
        return "Chemical weapon"
    if "air" in cues or ("aircraft" in cues and cues & _STRUCK_FROM_THE_AIR):
        return "Air/drone strike"
    if cues & {"shelling", "artillery", "bombard"}:  # a strike by rockets, shells or guns ("ضربات صاروخية") is shelling
        return "Shelling/artillery/missile attack"
    if "strike" in cues:  # a strike with no weapon named is from the air
        return "Air/drone strike"
    if "grenade" in cues:
        return "Grenade"
    if "explosion" in cues or ("ied" in cues and cues & {"kill", "wound", "attack"}):
        return "Disrupted weapons use" if "disrupt" in cues else "Remote explosive/landmine/IED"
    if "abduction" in cues:
        # killing captives is an attack on them; a kidnapping alone is an abduction
        return "Attack" if "kill" in cues else "Abduction/forced disappearance"
    if "sexual" in cues:
        return "Sexual violence"
    if "execution" in cues:  # the killing of captives, unarmed in their killers' hands: one-sided
        return "Attack"
    if cues & {"attack", "shooting", "kill", "confront"}:
        return _armed_violence(cues, actors)
    if "arrest" in cues:
        return "Arrests"
    if "disrupt" in cues or ("found" in cues and "ied" in cues):
        return "Disrupted weapons use"
    if "agreement" in cues:
        return "Agreement"
    if "destruction" in cues and ("riot" in cues or actors.armed_nonstate):
        return "Looting/property destruction"
    if "wound" in cues and (actors.armed_nonstate or actors.state):
        return _armed_violence(cues, actors)  # "جرح مسلحون ثلاثة مدنيين": civilians wounded are attacked
    return None


def _demonstration(cues: set[str], actors: ActorFacts) -> str:
    """Riot when demonstrators use violence, else how the authorities treated the protest.  Security forces
    among the wounded with no dispersal, gunfire or arrest told ("أصيب متظاهرون وأفراد من قوات الأمن بجروح"،
    "قتل متظاهر وأصيب 20 غالبيتهم من عناصر الأمن"): the crowd fought (not forces that wounded protesters:
    "أصيب متظاهرون على يد قوات الأمن")."""
    if cues & {"riot", "clash", "confront"}:
        return "Violent demonstration"
    if "wound" in cues and actors.state_hit and not cues & {"intervention", "shooting", "arrest"}:
        return "Violent demonstration"
    if cues & {"kill", "shooting"} or ("wound" in cues and "intervention" not in cues and "shooting" in cues):
        return "Excessive force against protesters"
    if "intervention" in cues or "arrest" in cues:
        return "Protest with intervention"
    return "Peaceful protest"


def _armed_violence(cues: set[str], actors: ActorFacts) -> str:
    """Armed attack on forces is a clash; on unarmed civilians, an attack."""
    if actors.civilians and not (actors.state and actors.armed_nonstate):
        return "Attack"
    if actors.state or actors.armed_nonstate or actors.external or "clash" in cues or "confront" in cues:
        return "Armed clash"
    return "Attack"


#: What a force that fights only from the air can be doing when the clause tells no fighting on the ground:
#: its missiles are fired from jets ("صاروخ إسرائيلي"), its "attacks" ("الهجمات الروسية") and unexplained
#: blasts at a base it struck are air strikes.
_FROM_THE_AIR = {"Shelling/artillery/missile attack", "Attack", "Armed clash", "Remote explosive/landmine/IED"}
_ON_THE_GROUND = {"clash", "confront", "shooting", "territory", "ied", "abduction", "arrest", "artillery", "warship"}


def by_initiator(sub_event: str, cues: set[str] | frozenset[str], air_power: bool) -> str:
    """The type once the initiator is known: a force that fights here only from the air (actors.toml
    ``air_power``: Russia, Israel, the coalition) strikes from the air, unless the clause tells fighting,
    shooting, a capture, a planted bomb, a seizure of people or a gun fired on the ground ("قصفت المدفعية
    الإسرائيلية": [cue.artillery]) or from a warship ("غواصة روسية": [cue.warship])."""
    if air_power and sub_event in _FROM_THE_AIR and not cues & _ON_THE_GROUND:
        return "Air/drone strike"
    return sub_event
