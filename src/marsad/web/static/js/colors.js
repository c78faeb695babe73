// Colours and labels shared by the map, the timeline, the table and the evidence view.

export const EVENT_TYPES = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60",
  "Riots": "#a0522d",
  "Strategic developments": "#2c7fb8",
};

export const SUB_EVENT_TYPES = {
  "Battles": ["Government regains territory", "Non-state actor overtakes territory", "Armed clash"],
  "Protests": ["Excessive force against protesters", "Protest with intervention", "Peaceful protest"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
};

export function typeColor(type) {
  return EVENT_TYPES[type] || "#7f8c8d";
}

/** Evidence fields of codebook §7, in order, with a label and a highlight class. */
export const EVIDENCE_FIELDS = [
  ["trigger", "Trigger"],
  ["actor1", "Actor 1"],
  ["actor2", "Actor 2"],
  ["location", "Place"],
  ["date", "Date"],
  ["fatalities", "Killed"],
  ["injured", "Injured"],
];

export function fieldLabel(field) {
  const found = EVIDENCE_FIELDS.find(([name]) => name === field);
  return found ? found[1] : field;
}

/** Gap score classes: light to dark. */
export const GAP_RAMP = ["#fff3d6", "#fdd49e", "#fc8d59", "#e34a33", "#b30000"];
export const NO_GAP = "#eef0f2";

/** The ramp colour of `score` on a scale whose top is `max` (0 or less: no gap). */
export function gapColor(score, max) {
  if (!(score > 0) || !(max > 0)) return NO_GAP;
  const index = Math.min(GAP_RAMP.length - 1, Math.floor((score / max) * GAP_RAMP.length));
  return GAP_RAMP[index];
}
