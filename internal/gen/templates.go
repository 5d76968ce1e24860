package gen

import "dossier"

// verbs holds one predicate in its three modes: asserted, hedged and negated.
type verbs [3]string

// The modes of a predicate.
const (
	modePlain = iota
	modeHedged
	modeNegated
)

// tmpl is one sentence pattern that expresses a relation. Placeholders:
// {S} subject, {O} object, {O's} object in the possessive, {V} the predicate,
// {D} an optional date phrase (" on 12 March 2023"), {P} and {P2} places, {Q} a quantity,
// {T} a topic, {A} an accusation, {R} a demand, {Y} a year, {N} a casualty count.
type tmpl struct {
	typ     dossier.RelationType
	subtype string
	subj    string // allowed subject kinds, letters of kind
	obj     string // allowed object kinds
	text    string
	v       verbs
	qty     byte // 'w' weapons, 'a' aid goods, 't' troops, 'n' people; 0 none
}

var templates = []tmpl{
	{typ: dossier.Consult, subj: "PC", obj: "PC", text: "{S} {V} {O} in {P}{D} to discuss {T}.", v: verbs{"met", "may have met", "did not meet"}},
	{typ: dossier.Consult, subj: "PCO", obj: "PCO", text: "{S} {V} talks with {O}{D} on {T}.", v: verbs{"held", "probably held", "did not hold"}},
	{typ: dossier.Consult, subj: "P", obj: "P", text: "{S} {V} {O} by telephone{D}.", v: verbs{"spoke with", "may have spoken with", "did not speak with"}},
	{typ: dossier.Consult, subj: "P", obj: "C", text: "{S} {V} {O}{D} for consultations on {T}.", v: verbs{"visited", "reportedly visited", "did not visit"}},
	{typ: dossier.Agree, subj: "CO", obj: "CO", text: "{S} {V} an agreement with {O} on {T}{D}.", v: verbs{"signed", "may have signed", "did not sign"}},
	{typ: dossier.Agree, subj: "CGP", obj: "CGP", text: "{S} {V} with {O}{D} to extend the ceasefire around {P}.", v: verbs{"agreed", "reportedly agreed", "did not agree"}},
	{typ: dossier.Cooperate, subj: "COG", obj: "COG", text: "{S} {V} with {O} on {T}.", v: verbs{"is cooperating", "appears to be cooperating", "is not cooperating"}},
	{typ: dossier.Cooperate, subj: "CG", obj: "CG", text: "{S} and {O} {V} joint patrols near {P}{D}.", v: verbs{"conducted", "may have conducted", "did not conduct"}},
	{typ: dossier.Support, subj: "CPO", obj: "CPO", text: "{S} {V} {O's} proposal on {T}{D}.", v: verbs{"endorsed", "reportedly endorsed", "did not endorse"}},
	{typ: dossier.Support, subj: "CG", obj: "CG", text: "{S} {V} {O} in the dispute over {P}.", v: verbs{"backed", "may have backed", "did not back"}},
	{typ: dossier.Aid, subtype: "arms", subj: "CG", obj: "GC", text: "{S} {V} {Q} to {O}{D}.", v: verbs{"delivered", "may have delivered", "did not deliver"}, qty: 'w'},
	{typ: dossier.Aid, subtype: "arms", subj: "CGO", obj: "G", text: "{S} {V} {O} with {Q}{D}.", v: verbs{"supplied", "probably supplied", "did not supply"}, qty: 'w'},
	{typ: dossier.Aid, subj: "CO", obj: "C", text: "{S} {V} {Q} to {O}{D}.", v: verbs{"sent", "may have sent", "did not send"}, qty: 'a'},
	{typ: dossier.Request, subj: "CPO", obj: "CGO", text: "{S} {V} {O} to {R}{D}.", v: verbs{"asked", "may have asked", "did not ask"}},
	{typ: dossier.Request, subj: "CPO", obj: "CG", text: "{S} {V} on {O} to {R}.", v: verbs{"called", "reportedly called", "did not call"}},
	{typ: dossier.Accuse, subj: "CPO", obj: "CGPO", text: "{S} {V} {O} of {A}{D}.", v: verbs{"accused", "appears to have accused", "did not accuse"}},
	{typ: dossier.Accuse, subj: "PO", obj: "CG", text: "{S} {V} that {O} was responsible for {A}.", v: verbs{"alleged", "may have alleged", "did not allege"}},
	{typ: dossier.Disapprove, subj: "CPO", obj: "CGPO", text: "{S} {V} {O} over {T}{D}.", v: verbs{"criticized", "reportedly criticized", "did not criticize"}},
	{typ: dossier.Disapprove, subj: "CPO", obj: "CGO", text: "{S} {V} {O} for the violence in {P}.", v: verbs{"blamed", "may have blamed", "did not blame"}},
	{typ: dossier.Reject, subj: "CGP", obj: "CGPO", text: "{S} {V} {O's} offer of talks{D}.", v: verbs{"rejected", "may have rejected", "did not reject"}},
	{typ: dossier.Reject, subj: "CG", obj: "CO", text: "{S} {V} a demand by {O} to {R}.", v: verbs{"refused", "reportedly refused", "did not refuse"}},
	{typ: dossier.Threaten, subj: "CGP", obj: "CG", text: "{S} {V} to retaliate against {O}{D}.", v: verbs{"threatened", "may have threatened", "did not threaten"}},
	{typ: dossier.Threaten, subj: "CP", obj: "CG", text: "{S} {V} {O} of serious consequences if it did not {R}.", v: verbs{"warned", "reportedly warned", "did not warn"}},
	{typ: dossier.Protest, subj: "C", obj: "C", text: "{S} {V} the ambassador of {O}{D} to lodge a protest over {T}.", v: verbs{"summoned", "may have summoned", "did not summon"}},
	{typ: dossier.Protest, subj: "CO", obj: "CO", text: "{S} {V} to {O} over {T}{D}.", v: verbs{"protested", "reportedly protested", "did not protest"}},
	{typ: dossier.Sanction, subj: "CO", obj: "PGO", text: "{S} {V} sanctions on {O}{D}.", v: verbs{"imposed", "may have imposed", "did not impose"}},
	{typ: dossier.Sanction, subj: "CO", obj: "PGO", text: "{S} {V} the assets of {O}{D}.", v: verbs{"froze", "reportedly froze", "did not freeze"}},
	{typ: dossier.Mobilize, subj: "CG", obj: "CG", text: "{S} {V} {Q} to {P} near the positions of {O}{D}.", v: verbs{"deployed", "may have deployed", "did not deploy"}, qty: 't'},
	{typ: dossier.Mobilize, subj: "CG", obj: "CG", text: "{S} {V} {Q} against {O}{D}.", v: verbs{"mobilized", "reportedly mobilized", "did not mobilize"}, qty: 't'},
	{typ: dossier.Coerce, subj: "CO", obj: "GO", text: "{S} {V} {Q} suspected supporters of {O} in {P}{D}.", v: verbs{"arrested", "may have arrested", "did not arrest"}, qty: 'n'},
	{typ: dossier.Coerce, subj: "CG", obj: "GO", text: "{S} {V} the offices of {O} in {P}{D}.", v: verbs{"raided", "reportedly raided", "did not raid"}},
	{typ: dossier.Assault, subj: "CG", obj: "CG", text: "{S} {V} positions held by {O} near {P}{D}, killing at least {N} people.", v: verbs{"attacked", "may have attacked", "did not attack"}},
	{typ: dossier.Assault, subj: "G", obj: "CGO", text: "{S} {V} a convoy of {O} between {P} and {P2}{D}.", v: verbs{"ambushed", "reportedly ambushed", "did not ambush"}},
	{typ: dossier.Assault, subj: "CG", obj: "G", text: "{S} {V} targets of {O} in {P}{D}.", v: verbs{"struck", "probably struck", "did not strike"}},
	{typ: dossier.MemberOf, subj: "P", obj: "*", text: "{S} {V} {O}.", v: verbs{"is a senior member of", "is thought to be a member of", "is not a member of"}},
	{typ: dossier.Leads, subj: "P", obj: "*", text: "{S} {V} {O}.", v: verbs{"leads", "probably leads", "no longer leads"}},
	{typ: dossier.Leads, subj: "P", obj: "*", text: "{S} {V} {O}{D}.", v: verbs{"took charge of", "may have taken charge of", "did not take charge of"}},
	{typ: dossier.AllyOf, subj: "CG", obj: "CG", text: "{S} {V} {O}.", v: verbs{"is allied with", "is believed to be allied with", "is not allied with"}},
	{typ: dossier.AllyOf, subj: "CG", obj: "CG", text: "{S} and {O} {V}.", v: verbs{"are close allies", "may be allies", "are not allies"}},
	{typ: dossier.HostileTo, subj: "CG", obj: "CG", text: "{S} {V} {O}.", v: verbs{"is hostile to", "appears hostile to", "is not hostile to"}},
	{typ: dossier.HostileTo, subj: "G", obj: "CG", text: "{S} {V} {O} since {Y}.", v: verbs{"has fought", "may have fought", "has not fought"}},
	{typ: dossier.AffiliatedWith, subj: "G", obj: "G", text: "{S} {V} {O}.", v: verbs{"is affiliated with", "is probably affiliated with", "is not affiliated with"}},
	{typ: dossier.AffiliatedWith, subj: "G", obj: "G", text: "{S} {V} {O}{D}.", v: verbs{"pledged allegiance to", "may have pledged allegiance to", "never pledged allegiance to"}},
	{typ: dossier.LocatedIn, subj: "GO", obj: "L", text: "{S} {V} {O}.", v: verbs{"is based in", "is believed to be based in", "is not based in"}},
	{typ: dossier.LocatedIn, subj: "GO", obj: "L", text: "{S} {V} in {O}.", v: verbs{"keeps its headquarters", "may keep its headquarters", "no longer keeps its headquarters"}},
	{typ: dossier.Distrusts, subj: "CG", obj: "CGO", text: "{S} {V} {O}.", v: verbs{"distrusts", "probably distrusts", "does not distrust"}},
	{typ: dossier.Distrusts, subj: "CGP", obj: "CGO", text: "{S} {V} {O's} intentions.", v: verbs{"remains suspicious of", "appears suspicious of", "is not suspicious of"}},
}
